import { LitElement, css, html, nothing } from 'lit';
import { canTransition, claimMachine } from '@comptoir/protocol/status/index';
import { currentLocale, formatDateTime, LocaleController, t, type MessageKey } from '../../i18n/index.js';
import { session } from '../../session.js';
import { api, errorMessageOf, type Outputs } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import { caseStatusLabel, countdownOf, formatMoney } from '../inbox/case-labels.js';
import { eventLabel } from './return-case-page.js';

type ClaimDetail = Outputs['claims']['admin']['detail'];
type Resolution = 'refund' | 'replacement' | 'reject';

const actorKeys: Record<string, MessageKey> = {
  shopper: 'actor.shopper',
  staff: 'actor.staff',
  shop_backend: 'actor.shop_backend',
  system: 'actor.system',
};

const kindKeys: Record<string, MessageKey> = {
  not_received: 'claim.kind.not_received',
  damaged: 'claim.kind.damaged',
  not_as_described: 'claim.kind.not_as_described',
};

/**
 * One claim (parcel not received, damaged, not as described) as staff handle it: the shopper's
 * words, the timeline, and only what its state allows: answer, resolve (refund, replacement or
 * reject with a reason), close.
 *
 * @csspart event - one entry of the timeline
 */
export class ComptoirClaimCasePage extends LitElement {
  static override properties = {
    claimId: {},
    detail: { state: true },
    error: { state: true },
    notice: { state: true },
    busy: { state: true },
    resolution: { state: true },
    provider: { state: true },
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
      .summary,
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
      }
      .plain {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
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
      .description {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .countdown.overdue {
        color: var(--_danger);
        font-weight: 700;
      }
    `,
  ];

  /** The claim to show. */
  declare claimId: string;
  declare detail: ClaimDetail | null;
  declare error: string;
  declare notice: string;
  declare busy: boolean;
  declare resolution: Resolution;
  declare provider: 'manual' | 'store_credit';

  private readonly locale = new LocaleController(this);
  private idempotencyKey = `admin-${crypto.randomUUID()}`;

  constructor() {
    super();
    this.claimId = '';
    this.detail = null;
    this.error = '';
    this.notice = '';
    this.busy = false;
    this.resolution = 'refund';
    this.provider = 'manual';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.detail = await api.claims.admin.detail.query({ claimId: this.claimId });
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    }
  }

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

  private async answer(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const message = new FormData(form).get('answer')?.toString().trim() ?? '';
    if (!message) return;
    if (await this.act(() => api.claims.admin.answer.mutate({ claimId: this.claimId, message }), 'claim.answered')) form.reset();
  }

  private async resolve(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = data.get('message')?.toString().trim() ?? '';
    const claimId = this.claimId;
    const call = (): Promise<unknown> => {
      if (this.resolution === 'reject') return api.claims.admin.resolve.mutate({ claimId, resolution: 'reject', reason: text });
      if (this.resolution === 'replacement') {
        return api.claims.admin.resolve.mutate({ claimId, resolution: 'replacement', ...(text ? { message: text } : {}) });
      }
      const amount = data.get('amount')?.toString().trim() ?? '';
      const amountMinor = amount ? Math.round(Number(amount.replace(',', '.')) * 100) : undefined;
      const reference = data.get('reference')?.toString().trim() ?? '';
      return api.claims.admin.resolve.mutate({
        claimId,
        resolution: 'refund',
        provider: this.provider,
        ...(amountMinor ? { amountMinor } : {}),
        ...(this.provider === 'manual' ? { reference } : {}),
        ...(text ? { message: text } : {}),
        idempotencyKey: this.idempotencyKey,
      });
    };
    if (await this.act(call, 'claim.resolved')) this.idempotencyKey = `admin-${crypto.randomUUID()}`;
  }

  private renderResolve() {
    const resolutions: Array<[Resolution, MessageKey]> = [
      ['refund', 'claim.resolution.refund'],
      ['replacement', 'claim.resolution.replacement'],
      ['reject', 'claim.resolution.reject'],
    ];
    return html`<form class="card" @submit=${this.resolve}>
      <h2>${t('claim.resolve')}</h2>
      <div class="field">
        <label for="resolution">${t('claim.resolution')}</label>
        <select id="resolution" @change=${(event: Event) => (this.resolution = (event.target as HTMLSelectElement).value as Resolution)}>
          ${resolutions.map(([value, key]) => html`<option value=${value} ?selected=${this.resolution === value}>${t(key)}</option>`)}
        </select>
      </div>
      ${this.resolution === 'refund'
        ? html`<div class="field">
              <label for="claim-amount">${t('claim.amount')}</label>
              <input id="claim-amount" name="amount" type="number" inputmode="decimal" min="0.01" step="0.01" aria-describedby="claim-amount-hint" />
              <p class="hint" id="claim-amount-hint">${t('claim.amount.hint')}</p>
            </div>
            <div class="field">
              <label for="claim-provider">${t('refund.provider')}</label>
              <select id="claim-provider" @change=${(event: Event) => (this.provider = (event.target as HTMLSelectElement).value as 'manual' | 'store_credit')}>
                <option value="manual" ?selected=${this.provider === 'manual'}>${t('refund.provider.manual')}</option>
                <option value="store_credit" ?selected=${this.provider === 'store_credit'}>${t('refund.provider.store_credit')}</option>
              </select>
            </div>
            ${this.provider === 'manual'
              ? html`<div class="field">
                  <label for="claim-reference">${t('refund.reference')}</label>
                  <input id="claim-reference" name="reference" required maxlength="200" />
                </div>`
              : nothing}`
        : nothing}
      <div class="field">
        <label for="claim-message">${this.resolution === 'reject' ? t('claim.rejectReason') : t('claim.message')}</label>
        <textarea id="claim-message" name="message" maxlength="10000" ?required=${this.resolution === 'reject'}></textarea>
      </div>
      <button type="submit" class=${this.resolution === 'reject' ? 'danger' : ''} ?disabled=${this.busy}>${t('claim.resolve.submit')}</button>
    </form>`;
  }

  private renderDetail(detail: ClaimDetail) {
    const countdown = countdownOf(detail.openedAt, detail.nextDeadlineAt, Date.now());
    const canAnswer = canTransition(claimMachine, detail.status, 'answered');
    const canResolve = ['resolved', 'rejected', 'refunded'].some((to) => canTransition(claimMachine, detail.status, to));
    const canClose = canTransition(claimMachine, detail.status, 'closed');
    return html`
      <h1>${t('claim.title', { number: detail.order.number })}</h1>
      <div class="summary">
        <strong>${caseStatusLabel('claim', detail.status)}</strong>
        <span>${kindKeys[detail.kind] ? t(kindKeys[detail.kind]!) : detail.kind}</span>
        ${detail.nextDeadlineAt ? html`<span class="countdown ${countdown.urgency}">${countdown.text}</span>` : nothing}
      </div>
      ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
      ${this.notice ? html`<p class="alert success" role="status">${this.notice}</p>` : nothing}
      ${detail.description ? html`<section class="card"><p class="description">${detail.description}</p></section>` : nothing}
      ${detail.refunds.length
        ? html`<section class="card">
            <h2>${t('refund.title')}</h2>
            <ul class="plain">
              ${detail.refunds.map((refund) => html`<li>${formatMoney(refund.amountMinor, refund.currency)} · ${caseStatusLabel('refund', refund.status)}</li>`)}
            </ul>
          </section>`
        : nothing}
      ${canAnswer
        ? html`<form class="card" @submit=${this.answer}>
            <div class="field">
              <label for="answer">${t('claim.answer')}</label>
              <textarea id="answer" name="answer" required maxlength="10000"></textarea>
            </div>
            <button type="submit" ?disabled=${this.busy}>${t('ticket.send')}</button>
          </form>`
        : nothing}
      ${canResolve ? this.renderResolve() : nothing}
      ${canClose
        ? html`<div class="actions">
            <button type="button" class="secondary" ?disabled=${this.busy}
              @click=${() => this.act(() => api.claims.admin.close.mutate({ claimId: this.claimId }), 'claim.closed')}>
              ${t('claim.close')}
            </button>
          </div>`
        : nothing}
      <section class="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">${t('timeline.title')}</h2>
        <ol class="plain">
          ${detail.events.map((event) => {
            const actor = actorKeys[event.actorType] ? t(actorKeys[event.actorType]!) : event.actorType;
            const reason = event.reasonMessage?.[currentLocale()] ?? event.reason;
            return html`<li part="event">
              <strong>${event.toStatus ? caseStatusLabel('claim', event.toStatus) : eventLabel(event.type)}</strong>
              <span class="muted">· ${actor} · ${formatDateTime(event.occurredAt)}</span>
              ${reason ? html`<br /><span>${t('timeline.reason', { reason })}</span>` : nothing}
            </li>`;
          })}
        </ol>
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

customElements.define('comptoir-claim-case-page', ComptoirClaimCasePage);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-claim-case-page': ComptoirClaimCasePage;
  }
}
