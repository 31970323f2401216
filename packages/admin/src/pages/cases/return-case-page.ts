import { LitElement, css, html, nothing } from 'lit';
import { currentLocale, formatDateTime, LocaleController, t, type MessageKey } from '../../i18n/index.js';
import { session } from '../../session.js';
import { api, errorMessageOf, type CaseNote, type ReturnDetail } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import { caseStatusLabel, countdownOf, formatMoney } from '../inbox/case-labels.js';

type RefundProvider = 'manual' | 'store_credit';

const actorKeys: Record<string, MessageKey> = {
  shopper: 'actor.shopper',
  staff: 'actor.staff',
  shop_backend: 'actor.shop_backend',
  system: 'actor.system',
};

/** What an event without a change of state was, in words (its raw type when unknown). */
export function eventLabel(type: string): string {
  if (type.endsWith('.note_added')) return t('timeline.noteAdded');
  if (type.endsWith('.deadline_reminder')) return t('timeline.reminder');
  if (type.endsWith('.message_added') || type.endsWith('.replied')) return t('timeline.message');
  return type;
}

/** A fresh idempotency key per refund dialog: a double click makes one refund. */
function newIdempotencyKey(): string {
  return `admin-${crypto.randomUUID()}`;
}

/**
 * One return as staff handle it: the order and returned lines, the whole timeline with actors and
 * reasons, only the actions its state allows (approve, refuse with a reason, mark received, refund
 * with amounts per line from the ledger), and internal notes.
 *
 * @csspart event - one entry of the timeline
 */
export class ComptoirReturnCasePage extends LitElement {
  static override properties = {
    returnId: {},
    detail: { state: true },
    notes: { state: true },
    error: { state: true },
    notice: { state: true },
    busy: { state: true },
    isRefusing: { state: true },
    refund: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: grid;
        gap: 1rem;
      }
      h1 {
        margin: 0;
      }
      .summary {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .plain {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      .plain > li {
        border-top: 1px solid var(--_border);
        padding-top: 0.5rem;
      }
      .plain > li:first-child {
        border-top: 0;
        padding-top: 0;
      }
      .line {
        display: flex;
        justify-content: space-between;
        gap: 0.75rem;
      }
      textarea {
        font: inherit;
        color: var(--_text);
        background: var(--_surface);
        border: 1px solid var(--_muted);
        border-radius: calc(var(--_radius) - 4px);
        padding: 0.6rem 0.7rem;
        width: 100%;
        min-height: 5rem;
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
      .countdown.overdue {
        color: var(--_danger);
        font-weight: 700;
      }
      .countdown.soon {
        font-weight: 700;
      }
      @media (min-width: 48rem) {
        .columns {
          display: grid;
          grid-template-columns: 1fr 1fr;
          gap: 1rem;
          align-items: start;
        }
      }
    `,
  ];

  /** The return to show. */
  declare returnId: string;
  declare detail: ReturnDetail | null;
  declare notes: CaseNote[];
  declare error: string;
  declare notice: string;
  declare busy: boolean;
  declare isRefusing: boolean;
  /** The open refund dialog: an amount per returned line (in minor units), the provider, the reference. */
  declare refund: { amounts: Record<string, number>; provider: RefundProvider; reference: string; key: string } | null;

  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.returnId = '';
    this.detail = null;
    this.notes = [];
    this.error = '';
    this.notice = '';
    this.busy = false;
    this.isRefusing = false;
    this.refund = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const [detail, notes] = await Promise.all([
        api.returns.admin.detail.query({ returnId: this.returnId }),
        api.cases.admin.notes.query({ caseType: 'return', caseId: this.returnId }),
      ]);
      this.detail = detail;
      this.notes = notes;
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    }
  }

  /** Runs a staff action, then shows the case as it now is. */
  private async act(action: () => Promise<unknown>, done: MessageKey): Promise<boolean> {
    this.busy = true;
    this.error = '';
    this.notice = '';
    try {
      await action();
      this.notice = t(done);
      await this.load();
      return true;
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private approve(): void {
    void this.act(() => api.returns.admin.approve.mutate({ returnId: this.returnId }), 'return.approved');
  }

  private async refuse(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const reason = new FormData(event.target as HTMLFormElement).get('reason')?.toString().trim() ?? '';
    if (!reason) return;
    if (await this.act(() => api.returns.admin.refuse.mutate({ returnId: this.returnId, reason }), 'return.refused')) this.isRefusing = false;
  }

  private receive(): void {
    const code = this.detail!.code;
    void this.act(() => api.returns.admin.receiveByCode.mutate({ code }), 'return.received');
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
      this.error = t('refund.nothing');
      return;
    }
    const isDone = await this.act(
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

  private async addNote(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const body = new FormData(form).get('note')?.toString().trim() ?? '';
    if (!body) return;
    if (await this.act(() => api.cases.admin.addNote.mutate({ caseType: 'return', caseId: this.returnId, body }), 'note.added')) form.reset();
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
          <button type="submit" id="refund-submit" ?disabled=${this.busy}>${t('refund.submit', { amount: formatMoney(total, currency) })}</button>
          <button type="button" class="secondary" @click=${() => (this.refund = null)}>${t('action.cancel')}</button>
        </div>
      </form>
    </section>`;
  }

  private renderActions(detail: ReturnDetail) {
    const allowed = new Set(detail.allowedActions);
    const buttons = [
      allowed.has('approve') ? html`<button type="button" id="approve" ?disabled=${this.busy} @click=${this.approve}>${t('return.approve')}</button>` : nothing,
      allowed.has('receive') ? html`<button type="button" id="receive" ?disabled=${this.busy} @click=${this.receive}>${t('return.receive')}</button>` : nothing,
      allowed.has('refund') && !this.refund
        ? html`<button type="button" id="refund" ?disabled=${this.busy} @click=${this.openRefund}>${t('return.refund')}</button>`
        : nothing,
      allowed.has('refuse') && !this.isRefusing
        ? html`<button type="button" id="refuse" class="danger" ?disabled=${this.busy} @click=${() => (this.isRefusing = true)}>${t('return.refuse')}</button>`
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
              <button type="submit" class="danger" ?disabled=${this.busy}>${t('return.refuse.submit')}</button>
              <button type="button" class="secondary" @click=${() => (this.isRefusing = false)}>${t('action.cancel')}</button>
            </div>
          </form>`
        : nothing}
      ${this.refund ? this.renderRefundDialog(detail) : nothing}`;
  }

  private renderEvent(event: ReturnDetail['events'][number]) {
    const actor = actorKeys[event.actorType] ? t(actorKeys[event.actorType]!) : event.actorType;
    const reason = event.reasonMessage?.[currentLocale()] ?? event.reason;
    const subject = event.type.startsWith('refund.') ? 'refund' : 'return';
    return html`<li part="event">
      <strong>${event.toStatus ? caseStatusLabel(subject, event.toStatus) : eventLabel(event.type)}</strong>
      <span class="muted">· ${subject === 'refund' ? t('timeline.refund') : ''} ${actor} · ${formatDateTime(event.occurredAt)}</span>
      ${reason ? html`<br /><span>${t('timeline.reason', { reason })}</span>` : nothing}
    </li>`;
  }

  private renderDetail(detail: ReturnDetail) {
    const currency = detail.ledger.currency;
    const countdown = countdownOf(detail.requestedAt, detail.nextDeadlineAt, Date.now());
    return html`
      <h1>${t('return.title', { code: detail.code })}</h1>
      <div class="summary">
        <span><strong>${detail.statusLabel[currentLocale()]}</strong></span>
        <span>${t('return.order', { number: detail.order.number })}</span>
        <span>${detail.customer.name ?? ''} <span class="muted">${detail.customer.email}</span></span>
        ${detail.nextDeadlineAt ? html`<span class="countdown ${countdown.urgency}">${countdown.text}</span>` : nothing}
      </div>
      ${detail.reviewMessage ? html`<p class="alert error">${detail.reviewMessage[currentLocale()]}</p>` : nothing}
      ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
      ${this.notice ? html`<p class="alert success" role="status">${this.notice}</p>` : nothing}
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
      <section class="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">${t('timeline.title')}</h2>
        <ol class="plain">
          ${detail.events.map((event) => this.renderEvent(event))}
        </ol>
      </section>
      <section class="card" aria-labelledby="notes-title">
        <h2 id="notes-title">${t('notes.title')}</h2>
        ${this.notes.length
          ? html`<ul class="plain">
              ${this.notes.map(
                (note) => html`<li>
                  <span class="muted">${note.authorName ?? ''} · ${formatDateTime(note.createdAt)}</span><br />${note.body}
                </li>`,
              )}
            </ul>`
          : html`<p class="muted">${t('notes.empty')}</p>`}
        <form @submit=${this.addNote}>
          <div class="field">
            <label for="note">${t('notes.add')}</label>
            <textarea id="note" name="note" required maxlength="5000"></textarea>
          </div>
          <button type="submit" class="secondary" ?disabled=${this.busy}>${t('notes.submit')}</button>
        </form>
      </section>
    `;
  }

  override render() {
    void this.locale;
    return html`
      <p><a href="#/inbox">${t('case.back')}</a></p>
      ${this.detail
        ? this.renderDetail(this.detail)
        : this.error
          ? html`<p class="alert error" role="alert">${this.error}</p>`
          : html`<p class="muted" role="status">${t('app.loading')}</p>`}
    `;
  }
}

customElements.define('comptoir-return-case-page', ComptoirReturnCasePage);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-return-case-page': ComptoirReturnCasePage;
  }
}
