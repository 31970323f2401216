import { LitElement, html, css, nothing } from 'lit';
import type { SignInInput, SignInResult } from '../../controllers/api-types.js';
import { describeError, type WidgetContext } from '../../controllers/widget-context.js';
import { controls, tokens } from '../styles.js';

/**
 * Sign in with an order number and the email on that order.
 *
 * @csspart form - the form
 * @csspart input - each text field
 * @csspart button - the submit button
 * @csspart error - the message when signing in failed
 */
export class ComptoirSignIn extends LitElement {
  static override properties = {
    ctx: { attribute: false },
    shouldFocus: { attribute: false },
    isBusy: { state: true },
    errorText: { state: true },
    invalidField: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    css`
      form {
        display: grid;
        gap: 1rem;
      }
      label {
        display: grid;
        gap: 0.3rem;
        font-weight: 600;
      }
      input {
        min-height: 44px;
        padding: 0.55rem 0.75rem;
        border: 1px solid var(--_muted);
        border-radius: calc(var(--_radius) / 2);
        background: var(--_bg);
        color: var(--_text);
        width: 100%;
      }
      input[aria-invalid='true'] {
        border-color: var(--_danger);
      }
      .hint {
        font-weight: 400;
      }
      .field-error {
        color: var(--_danger);
        font-weight: 400;
        font-size: 0.9rem;
      }
    `,
  ];

  declare ctx: WidgetContext;
  /** Moves focus to the first field once shown (in the floating panel, not inline in a page). */
  declare shouldFocus: boolean;
  declare isBusy: boolean;
  declare errorText: string;
  declare invalidField: { name: 'orderNumber' | 'email'; message: string } | null;

  constructor() {
    super();
    this.shouldFocus = false;
    this.isBusy = false;
    this.errorText = '';
    this.invalidField = null;
  }

  override render() {
    const { t } = this.ctx;
    const fieldError = (name: 'orderNumber' | 'email') =>
      this.invalidField?.name === name
        ? html`<span class="field-error" id="${name}-error">${this.invalidField.message}</span>`
        : nothing;
    return html`
      <form part="form" novalidate @submit=${this.submit}>
        <h2>${t.t('signInTitle')}</h2>
        <p class="muted">${t.t('signInIntro')}</p>
        <label>
          ${t.t('orderNumber')}
          <span class="hint muted" id="orderNumber-hint">${t.t('orderNumberHint')}</span>
          <input
            part="input"
            name="orderNumber"
            autocomplete="off"
            maxlength="64"
            required
            aria-describedby="orderNumber-hint orderNumber-error"
            aria-invalid=${this.invalidField?.name === 'orderNumber' ? 'true' : 'false'}
          />
          ${fieldError('orderNumber')}
        </label>
        <label>
          ${t.t('email')}
          <input
            part="input"
            name="email"
            type="email"
            autocomplete="email"
            maxlength="254"
            required
            aria-describedby="email-error"
            aria-invalid=${this.invalidField?.name === 'email' ? 'true' : 'false'}
          />
          ${fieldError('email')}
        </label>
        ${this.errorText ? html`<p class="error" part="error" role="alert">${this.errorText}</p>` : nothing}
        <button class="button" part="button" type="submit" ?disabled=${this.isBusy}>
          ${this.isBusy ? t.t('signingIn') : t.t('signIn')}
        </button>
      </form>
    `;
  }

  protected override firstUpdated(): void {
    if (this.shouldFocus) this.renderRoot.querySelector('input')?.focus();
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.isBusy) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const orderNumber = String(data.get('orderNumber') ?? '').trim();
    const email = String(data.get('email') ?? '').trim();
    const { t } = this.ctx;
    this.errorText = '';
    if (!orderNumber) return this.reject(form, 'orderNumber', t.t('required'));
    if (!email) return this.reject(form, 'email', t.t('required'));
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return this.reject(form, 'email', t.t('invalidEmail'));
    this.invalidField = null;
    this.isBusy = true;
    try {
      const result = await this.ctx.api.mutation<SignInResult>('sessions.widget.signIn', { orderNumber, email } satisfies SignInInput);
      this.ctx.signIn(result);
    } catch (error) {
      this.errorText = describeError(error, t);
    } finally {
      this.isBusy = false;
    }
  }

  private reject(form: HTMLFormElement, name: 'orderNumber' | 'email', message: string) {
    this.invalidField = { name, message };
    (form.elements.namedItem(name) as HTMLInputElement | null)?.focus();
  }
}

if (!customElements.get('comptoir-sign-in')) customElements.define('comptoir-sign-in', ComptoirSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-sign-in': ComptoirSignIn;
  }
}
