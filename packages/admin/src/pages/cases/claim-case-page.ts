import { LitElement, css, html, nothing } from 'lit';
import { canTransition, claimMachine } from '@comptoir/protocol/status/index';
import { LocaleController, t, type MessageKey } from '../../i18n/index.js';
import { api, type Outputs } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import { caseStatusLabel, formatMoney } from '../inbox/case-labels.js';
import { CaseActionController } from './case-action-controller.js';
import { renderCaseFrame, renderCaseHeader } from './case-header.js';
import { renderCaseTimeline } from './case-timeline.js';
import { detailPageStyles } from '../../components/detail-page-styles.js';
import { insertIntoTextarea, type SavedReplyChosenDetail } from './saved-reply-picker.js';
import './case-notes.js';
import './customer-history.js';
import './saved-reply-picker.js';

type ClaimDetail = Outputs['claims']['admin']['detail'];
type Resolution = 'refund' | 'replacement' | 'reject';

const kindKeys: Record<string, MessageKey> = {
  not_received: 'claim.kind.not_received',
  damaged: 'claim.kind.damaged',
  not_as_described: 'claim.kind.not_as_described',
};

/**
 * One claim (parcel not received, damaged, not as described) as staff handle it: the shopper's
 * words, the customer's history, the timeline, internal notes, and only what its state allows:
 * answer (with a saved reply if wished), resolve (refund, replacement or reject with a reason), close.
 *
 * @csspart event - one entry of the timeline
 */
export class ComptoirClaimCasePage extends LitElement {
  static override properties = {
    claimId: {},
    detail: { state: true },
    resolution: { state: true },
    provider: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    detailPageStyles,
    css`
      .description {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
    `,
  ];

  /** The claim to show. */
  declare claimId: string;
  declare detail: ClaimDetail | null;
  declare resolution: Resolution;
  declare provider: 'manual' | 'store_credit';

  private readonly locale = new LocaleController(this);
  private readonly actions = new CaseActionController(this, async () => {
    this.detail = await api.claims.admin.detail.query({ claimId: this.claimId });
  });
  private idempotencyKey = `admin-${crypto.randomUUID()}`;

  constructor() {
    super();
    this.claimId = '';
    this.detail = null;
    this.resolution = 'refund';
    this.provider = 'manual';
  }

  private async answer(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const message = new FormData(form).get('answer')?.toString().trim() ?? '';
    if (!message) return;
    if (await this.actions.run(() => api.claims.admin.answer.mutate({ claimId: this.claimId, message }), 'claim.answered')) form.reset();
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
    if (await this.actions.run(call, 'claim.resolved')) this.idempotencyKey = `admin-${crypto.randomUUID()}`;
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
      <button type="submit" class=${this.resolution === 'reject' ? 'danger' : ''} ?disabled=${this.actions.busy}>${t('claim.resolve.submit')}</button>
    </form>`;
  }

  private renderDetail(detail: ClaimDetail) {
    const canAnswer = canTransition(claimMachine, detail.status, 'answered');
    const canResolve = ['resolved', 'rejected', 'refunded'].some((to) => canTransition(claimMachine, detail.status, to));
    const canClose = canTransition(claimMachine, detail.status, 'closed');
    return html`
      ${renderCaseHeader(
        {
          title: t('claim.title', { number: detail.order.number }),
          status: caseStatusLabel('claim', detail.status),
          facts: [
            kindKeys[detail.kind] ? t(kindKeys[detail.kind]!) : detail.kind,
            html`<a href=${`#/order?id=${encodeURIComponent(detail.order.id)}`}>${t('return.order', { number: detail.order.number })}</a>`,
          ],
          openedAt: detail.openedAt,
          nextDeadlineAt: detail.nextDeadlineAt,
        },
        this.actions,
      )}
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
            <comptoir-saved-reply-picker
              case-type="claim"
              customer-id=${detail.customerId}
              case-id=${this.claimId}
              @comptoir-saved-reply-chosen=${(event: CustomEvent<SavedReplyChosenDetail>) => insertIntoTextarea(this.renderRoot.querySelector('#answer'), event.detail.body)}
            ></comptoir-saved-reply-picker>
            <div class="field">
              <label for="answer">${t('claim.answer')}</label>
              <textarea id="answer" name="answer" required maxlength="10000"></textarea>
            </div>
            <button type="submit" ?disabled=${this.actions.busy}>${t('ticket.send')}</button>
          </form>`
        : nothing}
      ${canResolve ? this.renderResolve() : nothing}
      ${canClose
        ? html`<div class="actions">
            <button type="button" class="secondary" ?disabled=${this.actions.busy}
              @click=${() => this.actions.run(() => api.claims.admin.close.mutate({ claimId: this.claimId }), 'claim.closed')}>
              ${t('claim.close')}
            </button>
          </div>`
        : nothing}
      <comptoir-customer-history customer-id=${detail.customerId}></comptoir-customer-history>
      ${renderCaseTimeline(detail.events, 'claim')}
      <comptoir-case-notes case-type="claim" case-id=${this.claimId} @comptoir-case-note-added=${() => this.actions.reloadDone('note.added')}></comptoir-case-notes>
    `;
  }

  override render() {
    void this.locale;
    return renderCaseFrame(this.detail, this.actions, (detail) => this.renderDetail(detail));
  }
}

customElements.define('comptoir-claim-case-page', ComptoirClaimCasePage);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-claim-case-page': ComptoirClaimCasePage;
  }
}
