import { LitElement, html, css, nothing } from 'lit';
import { describeError, type WidgetContext } from '../../controllers/widget-context.js';
import { caseText } from '../../i18n/cases.js';
import { controls, tokens } from '../styles.js';
import { caseStyles } from '../case-styles.js';

/**
 * Rates a settled case (a ticket, a claim): 1 to 5 stars as radio buttons and an optional comment.
 * `send` makes the call; its failure is shown with the server's message, and it can be sent again.
 *
 * @csspart form - the form
 * @csspart button - the submit button
 * @csspart error - the message when sending failed
 */
export class ComptoirCaseRating extends LitElement {
  static override properties = {
    ctx: { attribute: false },
    send: { attribute: false },
    rating: { state: true },
    errorText: { state: true },
    isSending: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    caseStyles,
    css`
      fieldset {
        border: 0;
        padding: 0;
        margin: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.75rem;
      }
      legend {
        font-weight: 600;
        margin-bottom: 0.4rem;
      }
      fieldset label {
        display: flex;
        gap: 0.3rem;
        align-items: center;
        min-height: 44px;
      }
      input[type='radio'] {
        width: 1.2rem;
        height: 1.2rem;
        accent-color: var(--_accent);
      }
    `,
  ];

  declare ctx: WidgetContext;
  declare send: (rating: number, comment: string) => Promise<unknown>;
  declare rating: number;
  declare errorText: string;
  declare isSending: boolean;

  private comment = '';

  constructor() {
    super();
    this.rating = 0;
    this.errorText = '';
    this.isSending = false;
  }

  override render() {
    const locale = this.ctx.t.locale;
    return html`<form part="form" novalidate @submit=${this.submit}>
      <fieldset>
        <legend>${caseText(locale, 'rate')}</legend>
        ${[1, 2, 3, 4, 5].map(
          (count) => html`<label
            ><input type="radio" name="rating" .value=${String(count)} .checked=${this.rating === count} @change=${() => (this.rating = count)} />
            <span aria-hidden="true">${'★'.repeat(count)}</span><span class="muted">${caseText(locale, 'stars', { count })}</span></label
          >`,
        )}
      </fieldset>
      <label class="field"
        >${caseText(locale, 'comment')}
        <textarea name="comment" rows="3" maxlength="2000" @input=${(event: Event) => (this.comment = (event.target as HTMLTextAreaElement).value)}></textarea>
      </label>
      ${this.errorText ? html`<p class="error" part="error" role="alert">${this.errorText}</p>` : nothing}
      <div>
        <button class="button" part="button" type="submit" ?disabled=${this.isSending}>
          ${this.isSending ? caseText(locale, 'sending') : caseText(locale, 'send')}
        </button>
      </div>
    </form>`;
  }

  private async submit(event: Event) {
    event.preventDefault();
    if (this.isSending) return;
    if (!this.rating) {
      this.errorText = caseText(this.ctx.t.locale, 'pickRating');
      return;
    }
    this.isSending = true;
    this.errorText = '';
    try {
      await this.send(this.rating, this.comment.trim());
    } catch (error) {
      this.errorText = describeError(error, this.ctx.t);
    } finally {
      this.isSending = false;
    }
  }
}

if (!customElements.get('comptoir-case-rating')) customElements.define('comptoir-case-rating', ComptoirCaseRating);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-case-rating': ComptoirCaseRating;
  }
}
