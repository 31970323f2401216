import { LitElement, css, html, nothing } from 'lit';
import { currentLocale, LocaleController, t } from '../../i18n/index.js';
import { api, type ReturnDetail } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import { formatMoney } from '../inbox/case-labels.js';
import { CaseActionController } from './case-action-controller.js';
import { renderCaseFrame, renderCaseHeader } from './case-header.js';
import { renderCaseTimeline } from './case-timeline.js';
import { detailPageStyles } from '../../components/detail-page-styles.js';
import './case-notes.js';
import './customer-history.js';

type RefundProvider = 'manual' | 'store_credit';

/** A fresh idempotency key per refund dialog: a double click makes one refund. */
function newIdempotencyKey(): string {
  return `admin-${crypto.randomUUID()}`;
}

/**
 * One return as staff handle it: the order and returned lines, the customer's history, the whole
 * timeline with actors and reasons, only the actions its state allows (approve, refuse with a
 * reason, mark received, refund with amounts per line from the ledger), and internal notes.
 *
 * @csspart event - one entry of the timeline
 */
export class ComptoirReturnCasePage extends LitElement {
  static override properties = {
    returnId: {},
    detail: { state: true },
    isRefusing: { state: true },
    refund: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    detailPageStyles,
    css`
      .line {
        display: flex;
        justify-content: space-between;
        gap: 0.75rem;
      }
      .radio {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        font-weight: 400;
      }
      .radio input {
        width: 22px;
        min-height: 22px;
      }
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.35rem;
      }
      legend {
        font-weight: 600;
        margin-bottom: 0.35rem;
      }
    `,
  ];

  /** The return to show. */
  declare returnId: string;
  declare detail: ReturnDetail | null;
  declare isRefusing: boolean;
  /** The open refund dialog: an amount per returned line (in minor units), the provider, the reference. */
  declare refund: { amounts: Record<string, number>; provider: RefundProvider; reference: string; key: string } | null;

  private readonly locale = new LocaleController(this);
  private readonly actions = new CaseActionController(this, async () => {
    this.detail = await api.returns.admin.detail.query({ returnId: this.returnId });
  });

  constructor() {
    super();
    this.returnId = '';
    this.detail = null;
    this.isRefusing = false;
    this.refund = null;
  }

  private approve(): void {
    void this.actions.run(() => api.returns.admin.approve.mutate({ returnId: this.returnId }), 'return.approved');
  }

  private async refuse(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const reason = new FormData(event.target as HTMLFormElement).get('reason')?.toString().trim() ?? '';
    if (!reason) return;
    if (await this.actions.run(() => api.returns.admin.refuse.mutate({ returnId: this.returnId, reason }), 'return.refused')) this.isRefusing = false;
  }

  private receive(): void {
    const code = this.detail!.code;
    void this.actions.run(() => api.returns.admin.receiveByCode.mutate({ code }), 'return.received');
  }

  /** The most each returned line may still give back: what remains of it in the order's ledger. */
  private remainingOf(orderLineId: string): number {
    return this.detail!.ledger.lines.find((line) => line.orderLineId === orderLineId)?.remainingMinor ?? 0;
  }

  private openRefund(): void {
    const detail = this.detail!;
    const amounts: Record<string, number> = {};
    for (const line of detail.lines) {
      amounts[line.orderLineId] = Math.min(this.remainingOf(line.orderLineId), line.quantity * line.orderLine.unitPriceMinor);
    }
    this.refund = { amounts, provider: detail.resolution === 'store_credit' ? 'store_credit' : 'manual', reference: '', key: newIdempotencyKey() };
  }

  private setAmount(orderLineId: string, value: string): void {
    const minor = Math.round(Number(value.replace(',', '.')) * 100);
    this.refund = { ...this.refund!, amounts: { ...this.refund!.amounts, [orderLineId]: Number.isFinite(minor) ? minor : 0 } };
  }

  private async submitRefund(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const refund = this.refund!;
    const lines = Object.entries(refund.amounts)
      .filter(([, amountMinor]) => amountMinor > 0)
      .map(([orderLineId, amountMinor]) => ({ orderLineId, amountMinor }));
    if (lines.length === 0) {
      this.actions.error = t('refund.nothing');
      this.requestUpdate();
      return;
    }
    const isDone = await this.actions.run(
      () =>
        api.returns.admin.refund.mutate({
          returnId: this.returnId,
          mode: 'lines',
          lines,
          provider: refund.provider,
          ...(refund.provider === 'manual' ? { reference: refund.reference.trim() } : {}),
          idempotencyKey: refund.key,
        }),
      'return.refunded',
    );
    if (isDone) this.refund = null;
  }

  private renderRefundDialog(detail: ReturnDetail) {
    const refund = this.refund!;
    const currency = detail.ledger.currency;
    const total = Object.values(refund.amounts).reduce((sum, amount) => sum + Math.max(0, amount), 0);
    return html`<section class="card" aria-labelledby="refund-title">
      <h2 id="refund-title">${t('refund.title')}</h2>
      <form @submit=${this.submitRefund}>
        ${detail.lines.map((line) => {
          const max = this.remainingOf(line.orderLineId);
          const id = `amount-${line.orderLineId}`;
          return html`<div class="field">
            <label for=${id}>${line.orderLine.title} × ${line.quantity}</label>
            <input
              id=${id}
              name="amount"
              type="number"
              inputmode="decimal"
              min="0"
              max=${(max / 100).toFixed(2)}
              step="0.01"
              required
              .value=${(refund.amounts[line.orderLineId]! / 100).toFixed(2)}
              @change=${(event: Event) => this.setAmount(line.orderLineId, (event.target as HTMLInputElement).value)}
              aria-describedby=${`${id}-hint`}
            />
            <p class="hint" id=${`${id}-hint`}>${t('refund.max', { amount: formatMoney(max, currency) })}</p>
          </div>`;
        })}
        <fieldset>
          <legend>${t('refund.provider')}</legend>
          ${(['manual', 'store_credit'] as const).map(
            (provider) => html`<label class="radio">
              <input
                type="radio"
                name="provider"
                value=${provider}
                .checked=${refund.provider === provider}
                @change=${() => (this.refund = { ...this.refund!, provider })}
              />
              ${t(provider === 'manual' ? 'refund.provider.manual' : 'refund.provider.store_credit')}
            </label>`,
          )}
        </fieldset>
        ${refund.provider === 'manual'
          ? html`<div class="field">
              <label for="refund-reference">${t('refund.reference')}</label>
              <input
                id="refund-reference"
                required
                maxlength="200"
                .value=${refund.reference}
                @input=${(event: Event) => (this.refund = { ...this.refund!, reference: (event.target as HTMLInputElement).value })}
                aria-describedby="refund-reference-hint"
              />
              <p class="hint" id="refund-reference-hint">${t('refund.reference.hint')}</p>
            </div>`
          : nothing}
        <p><strong>${t('refund.total', { amount: formatMoney(total, currency) })}</strong></p>
        <div class="actions">
          <button type="submit" id="refund-submit" ?disabled=${this.actions.busy}>${t('refund.submit', { amount: formatMoney(total, currency) })}</button>
          <button type="button" class="secondary" @click=${() => (this.refund = null)}>${t('action.cancel')}</button>
        </div>
      </form>
    </section>`;
  }

  private renderActions(detail: ReturnDetail) {
    const allowed = new Set(detail.allowedActions);
    const buttons = [
      allowed.has('approve') ? html`<button type="button" id="approve" ?disabled=${this.actions.busy} @click=${this.approve}>${t('return.approve')}</button>` : nothing,
      allowed.has('receive') ? html`<button type="button" id="receive" ?disabled=${this.actions.busy} @click=${this.receive}>${t('return.receive')}</button>` : nothing,
      allowed.has('refund') && !this.refund
        ? html`<button type="button" id="refund" ?disabled=${this.actions.busy} @click=${this.openRefund}>${t('return.refund')}</button>`
        : nothing,
      allowed.has('refuse') && !this.isRefusing
        ? html`<button type="button" id="refuse" class="danger" ?disabled=${this.actions.busy} @click=${() => (this.isRefusing = true)}>${t('return.refuse')}</button>`
        : nothing,
    ];
    if (!['approve', 'receive', 'refund', 'refuse'].some((action) => allowed.has(action as 'approve'))) {
      return html`<p class="muted">${t('return.noAction')}</p>`;
    }
    return html`<div class="actions">${buttons}</div>
      ${this.isRefusing
        ? html`<form class="card" @submit=${this.refuse}>
            <div class="field">
              <label for="refuse-reason">${t('return.refuse.reason')}</label>
              <textarea id="refuse-reason" name="reason" required maxlength="2000" aria-describedby="refuse-hint"></textarea>
              <p class="hint" id="refuse-hint">${t('return.refuse.hint')}</p>
            </div>
            <div class="actions">
              <button type="submit" class="danger" ?disabled=${this.actions.busy}>${t('return.refuse.submit')}</button>
              <button type="button" class="secondary" @click=${() => (this.isRefusing = false)}>${t('action.cancel')}</button>
            </div>
          </form>`
        : nothing}
      ${this.refund ? this.renderRefundDialog(detail) : nothing}`;
  }

  private renderDetail(detail: ReturnDetail) {
    const currency = detail.ledger.currency;
    return html`
      ${renderCaseHeader(
        {
          title: t('return.title', { code: detail.code }),
          status: detail.statusLabel[currentLocale()],
          facts: [
            html`<a href=${`#/order?id=${encodeURIComponent(detail.order.id)}`}>${t('return.order', { number: detail.order.number })}</a>`,
            html`${detail.customer.name ?? ''} <span class="muted">${detail.customer.email}</span>`,
          ],
          openedAt: detail.requestedAt,
          nextDeadlineAt: detail.nextDeadlineAt,
        },
        this.actions,
      )}
      ${detail.reviewMessage ? html`<p class="alert error">${detail.reviewMessage[currentLocale()]}</p>` : nothing}
      <section aria-labelledby="actions-title">
        <h2 id="actions-title">${t('return.actions')}</h2>
        ${this.renderActions(detail)}
      </section>
      <div class="columns">
        <section class="card" aria-labelledby="lines-title">
          <h2 id="lines-title">${t('return.lines')}</h2>
          <ul class="plain">
            ${detail.lines.map(
              (line) => html`<li class="line">
                <span>${line.orderLine.title}${line.orderLine.variant ? ` · ${line.orderLine.variant}` : ''} × ${line.quantity}</span>
                <span>${formatMoney(line.quantity * line.orderLine.unitPriceMinor, currency)}</span>
              </li>`,
            )}
          </ul>
          ${detail.reasonText ? html`<p>${t('return.comment', { comment: detail.reasonText })}</p>` : nothing}
        </section>
        <section class="card" aria-labelledby="order-title">
          <h2 id="order-title">${t('return.orderLines', { number: detail.order.number })}</h2>
          <ul class="plain">
            ${detail.orderLines.map((line) => {
              const ledger = detail.ledger.lines.find((entry) => entry.orderLineId === line.id);
              return html`<li class="line">
                <span>${line.title} × ${line.quantity}</span>
                <span>
                  ${formatMoney(line.quantity * line.unitPriceMinor, currency)}
                  ${ledger && ledger.refundedMinor > 0
                    ? html`<br /><span class="muted">${t('return.refundedPart', { amount: formatMoney(ledger.refundedMinor, currency) })}</span>`
                    : nothing}
                </span>
              </li>`;
            })}
          </ul>
          <p class="muted">
            ${t('return.ledger', {
              paid: formatMoney(detail.ledger.totalPaidMinor, currency),
              refunded: formatMoney(detail.ledger.totalRefundedMinor, currency),
            })}
          </p>
        </section>
      </div>
      <comptoir-customer-history customer-id=${detail.customer.id}></comptoir-customer-history>
      ${renderCaseTimeline(detail.events, 'return')}
      <comptoir-case-notes case-type="return" case-id=${this.returnId} @comptoir-case-note-added=${() => this.actions.reloadDone('note.added')}></comptoir-case-notes>
    `;
  }

  override render() {
    void this.locale;
    return renderCaseFrame(this.detail, this.actions, (detail) => this.renderDetail(detail));
  }
}

customElements.define('comptoir-return-case-page', ComptoirReturnCasePage);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-return-case-page': ComptoirReturnCasePage;
  }
}
