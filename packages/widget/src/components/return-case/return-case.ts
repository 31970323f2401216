import { LitElement, html, css, nothing } from 'lit';
import { Task } from '@lit/task';
import type { ReturnDetail } from '../../controllers/api-types.js';
import { describeError, type WidgetContext } from '../../controllers/widget-context.js';
import { returnText, spokenDeadline, timeLeft, type ReturnTextKey } from '../../i18n/returns.js';
import { controls, tokens } from '../styles.js';
import { statusStyles } from '../status-badge.js';
import { canCancelReturn, describeReturnEvent, isRateableReturn } from './return-rules.js';
import { exchangeLabel } from '../return-flow/exchange-choices.js';
import { renderDropOff } from './drop-off-points.js';

/**
 * One return as the shopper follows it: its state, its code, its lines, the next promise with a
 * live countdown, its history with the reasons of automatic decisions; cancel while allowed, rate
 * once settled. Loaded on demand, with the return form's chunk.
 *
 * @csspart status - the status badge
 * @csspart timeline - the history
 * @csspart button - the buttons
 * @csspart error - error messages
 */
export class ComptoirReturnCase extends LitElement {
  static override properties = {
    ctx: { attribute: false },
    returnId: { attribute: false },
    now: { state: true },
    actionError: { state: true },
    isBusy: { state: true },
    rating: { state: true },
    notice: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    statusStyles,
    css`
      :host,
      section,
      form {
        display: grid;
        gap: 1rem;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
      }
      .box {
        padding: 0.9rem 1rem;
        border-radius: var(--_radius);
        background: var(--_surface);
        display: grid;
        gap: 0.4rem;
      }
      ul,
      ol {
        margin: 0;
        padding-inline-start: 1.2rem;
        display: grid;
        gap: 0.5rem;
      }
      .title {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
      }
      legend {
        font-weight: 600;
        margin-bottom: 0.4rem;
      }
      label {
        display: flex;
        gap: 0.3rem;
        align-items: center;
        min-height: 44px;
      }
    `,
  ];

  declare ctx: WidgetContext;
  declare returnId: string;
  declare now: number;
  declare actionError: string;
  declare isBusy: boolean;
  declare rating: number;
  declare notice: string;

  private timer: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.returnId = '';
    this.now = Date.now();
    this.actionError = '';
    this.isBusy = false;
    this.rating = 0;
    this.notice = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The countdown ticks every 20 s: minutes are its finest unit.
    this.timer = setInterval(() => (this.now = Date.now()), 20_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  private readonly detail = new Task(this, {
    task: async ([ctx, returnId]) => (ctx && returnId ? ctx.api.query<ReturnDetail>('returns.widget.detail', { returnId }) : undefined),
    args: () => [this.ctx, this.returnId] as const,
  });

  private text(key: ReturnTextKey, params?: Record<string, string | number>): string {
    return returnText(this.ctx.t.locale, key, params);
  }

  override render() {
    const { t } = this.ctx;
    return this.detail.render({
      pending: () => html`<div class="skeleton" aria-busy="true" aria-label=${t.t('loading')}></div>`,
      error: (error) =>
        html`<div class="error" part="error" role="alert">
          <p>${describeError(error, t)}</p>
          <button class="button secondary" part="button" @click=${() => this.detail.run()}>${t.t('retry')}</button>
        </div>`,
      complete: (detail) => (detail ? this.renderCase(detail) : nothing),
    });
  }

  private renderCase(detail: ReturnDetail) {
    const { t } = this.ctx;
    const locale = t.locale;
    const promise = detail.nextPromise;
    const left = promise ? timeLeft(locale, promise.dueAt, this.now) : null;
    return html`
      <section>
        <div class="head">
          <h2>${this.text('caseTitle', { code: detail.code })}</h2>
          <span class="status" part="status">${detail.statusLabel[locale]}</span>
        </div>
        <p class="muted">${t.t('orderLabel', { number: detail.order.number })} · ${this.text(`method.${detail.method as 'keep'}`)}</p>
      </section>
      ${detail.reviewNotice ? html`<p class="box">${detail.reviewNotice[locale]}</p>` : nothing}
      ${detail.dropOff ? renderDropOff(detail.dropOff, locale) : nothing}
      ${promise
        ? html`<section class="box" aria-labelledby="promise">
            <h3 id="promise">${this.text('nextPromise')}</h3>
            <p class="promise">
              ${this.text(promise.kind === 'refund_due' ? 'refundBy' : 'answerBy', {
                date: spokenDeadline(locale, promise.dueAt, this.ctx.shop.timeZone, this.now),
              })}
            </p>
            <p class="muted">${promise.message[locale]}</p>
            <p class="countdown" role="timer" aria-live="off">${left ? this.text('remaining', { time: left }) : this.text('overdue')}</p>
          </section>`
        : nothing}
      <section>
        <h3>${t.t('lines')}</h3>
        <ul>
          ${detail.lines.map(
            (line) => html`<li>
              ${line.quantity} × <span class="title">${line.orderLine.title}</span>${line.orderLine.variant ? html` <span class="muted">(${line.orderLine.variant})</span>` : nothing}
              ${line.exchangeSku ? html`<br /><span class="exchange">${this.text('exchangeTo', { variant: exchangeLabel(line.orderLine, line.exchangeSku) })}</span>` : nothing}
            </li>`,
          )}
        </ul>
      </section>
      <section>
        <h3>${this.text('history')}</h3>
        <ol part="timeline">
          ${[...detail.events].reverse().map((event) => {
            const { title, reason } = describeReturnEvent(locale, event);
            return html`<li>
              <strong>${title}</strong>
              ${reason ? html` — <span>${reason}</span>` : nothing}
              <br /><time class="muted" datetime=${event.occurredAt}>${t.dateTime(event.occurredAt)}</time>
            </li>`;
          })}
        </ol>
      </section>
      ${this.notice ? html`<p class="box" role="status">${this.notice}</p>` : nothing}
      ${this.actionError ? html`<div class="error" part="error" role="alert"><p>${this.actionError}</p></div>` : nothing}
      ${canCancelReturn(detail.status)
        ? html`<div><button class="button secondary" part="button" ?disabled=${this.isBusy} @click=${() => this.cancel(detail)}>${this.text('cancel')}</button></div>`
        : nothing}
      ${isRateableReturn(detail.status) ? this.renderRating(detail) : nothing}
    `;
  }

  private renderRating(detail: ReturnDetail) {
    if (detail.rating) return html`<p>${this.text('rated', { count: detail.rating })}</p>`;
    return html`<form @submit=${(event: Event) => this.rate(event, detail)}>
      <fieldset>
        <legend>${this.text('rate')}</legend>
        ${[1, 2, 3, 4, 5].map(
          (count) => html`<label
            ><input type="radio" name="rating" .value=${String(count)} .checked=${this.rating === count} @change=${() => (this.rating = count)} />
            <span aria-hidden="true">${'★'.repeat(count)}</span><span class="muted">${this.text('stars', { count })}</span></label
          >`,
        )}
      </fieldset>
      <div><button class="button" part="button" type="submit" ?disabled=${this.isBusy || !this.rating}>${this.text('send')}</button></div>
    </form>`;
  }

  private async act(run: () => Promise<unknown>, notice: string) {
    if (this.isBusy) return;
    this.isBusy = true;
    this.actionError = '';
    try {
      await run();
      this.notice = notice;
      await this.detail.run();
    } catch (error) {
      this.actionError = describeError(error, this.ctx.t);
    } finally {
      this.isBusy = false;
    }
  }

  private cancel(detail: ReturnDetail) {
    return this.act(() => this.ctx.api.mutation('returns.widget.cancel', { returnId: detail.id }), this.text('cancelled'));
  }

  private rate(event: Event, detail: ReturnDetail) {
    event.preventDefault();
    if (!this.rating) return;
    return this.act(() => this.ctx.api.mutation('returns.widget.rate', { returnId: detail.id, rating: this.rating }), this.text('thanks'));
  }
}

if (!customElements.get('comptoir-return-case')) customElements.define('comptoir-return-case', ComptoirReturnCase);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-return-case': ComptoirReturnCase;
  }
}
