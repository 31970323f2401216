import { LitElement, css, html, nothing } from 'lit';
import { claimKindLabels, type ClaimKind } from '@comptoir/protocol/policy/return-reasons';
import { currentLocale, formatDateTime, LocaleController, t } from '../../i18n/index.js';
import { session } from '../../session.js';
import { errorMessageOf } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import { caseStatusLabel, formatMoney } from '../inbox/case-labels.js';
import { orderStateLabel } from '../orders/order-labels.js';

import { fetchCustomerHistory, type CustomerHistory } from './customer-history-query.js';

export type { CustomerHistory } from './customer-history-query.js';

/** How many of each list the panel shows before "see the order page". */
const shown = 5;

/**
 * The customer's history beside a case: orders (linked), returns, claims and requests (linked),
 * lifetime spend net of refunds, loyalty balance and tier. A disclosure that starts closed on a
 * phone (the case comes first) and open on a desk; its summary line already says the essentials.
 *
 * @csspart panel - the disclosure
 */
export class ComptoirCustomerHistory extends LitElement {
  static override properties = {
    customerId: { attribute: 'customer-id' },
    history: { state: true },
    error: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      summary {
        cursor: pointer;
        min-height: 44px;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 0.75rem;
      }
      summary h2 {
        margin: 0;
        display: inline;
      }
      .content {
        display: grid;
        gap: 1rem;
        margin-top: 0.75rem;
      }
      h3 {
        font-size: 1rem;
        margin: 0 0 0.35rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.35rem;
      }
      li {
        overflow-wrap: anywhere;
      }
      .facts {
        display: grid;
        gap: 0.75rem;
        grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
      }
      .figure {
        font-size: 1.3rem;
        font-weight: 800;
      }
      @media (min-width: 48rem) {
        .lists {
          display: grid;
          grid-template-columns: 1fr 1fr;
          gap: 1rem;
        }
      }
    `,
  ];

  declare customerId: string;
  declare history: CustomerHistory | null;
  declare error: string;

  private readonly locale = new LocaleController(this);
  /** Open on a desk, closed on a phone; then as the person leaves it. */
  private readonly isOpenAtFirst = window.matchMedia('(min-width: 48rem)').matches;

  constructor() {
    super();
    this.customerId = '';
    this.history = null;
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    if (!this.customerId) return;
    try {
      this.history = await fetchCustomerHistory(this.customerId);
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    }
  }

  private renderLists(history: CustomerHistory) {
    const caseLink = (type: 'return' | 'claim' | 'ticket', id: string, label: string) =>
      html`<a href=${`#/case?type=${type}&id=${encodeURIComponent(id)}`}>${label}</a>`;
    const list = <T,>(items: readonly T[], item: (entry: T) => unknown) =>
      items.length ? html`<ul>${items.slice(0, shown).map((entry) => html`<li>${item(entry)}</li>`)}</ul>` : html`<p class="muted">${t('history.cases.empty')}</p>`;
    const kindLabel = (kind: string) => (Object.hasOwn(claimKindLabels, kind) ? claimKindLabels[kind as ClaimKind][currentLocale()] : kind);
    return html`<div class="lists">
      <section aria-labelledby="history-orders">
        <h3 id="history-orders">${t('history.orders')} (${history.orders.length})</h3>
        ${history.orders.length
          ? html`<ul>
              ${history.orders.slice(0, shown).map(
                (order) => html`<li>
                  <a href=${`#/order?id=${encodeURIComponent(order.id)}`}>${order.number}</a>
                  · ${formatMoney(order.totalMinor, order.currency)}
                  <span class="muted">· ${formatDateTime(order.placedAt, false)}${order.status === 'cancelled' ? ` · ${orderStateLabel('cancelled')}` : ''}</span>
                </li>`,
              )}
            </ul>`
          : html`<p class="muted">${t('history.orders.empty')}</p>`}
      </section>
      <section aria-labelledby="history-returns">
        <h3 id="history-returns">${t('history.returns')} (${history.returns.length})</h3>
        ${list(history.returns, (entry) => html`${caseLink('return', entry.id, entry.code)} · ${caseStatusLabel('return', entry.status)}
          <span class="muted">· ${formatDateTime(entry.requestedAt, false)}</span>`)}
      </section>
      <section aria-labelledby="history-claims">
        <h3 id="history-claims">${t('history.claims')} (${history.claims.length})</h3>
        ${list(history.claims, (entry) => html`${caseLink('claim', entry.id, kindLabel(entry.kind))} · ${caseStatusLabel('claim', entry.status)}
          <span class="muted">· ${formatDateTime(entry.openedAt, false)}</span>`)}
      </section>
      <section aria-labelledby="history-tickets">
        <h3 id="history-tickets">${t('history.tickets')} (${history.tickets.length})</h3>
        ${list(history.tickets, (entry) => html`${caseLink('ticket', entry.id, entry.subject)} · ${caseStatusLabel('ticket', entry.status)}
          <span class="muted">· ${formatDateTime(entry.openedAt, false)}</span>`)}
      </section>
    </div>`;
  }

  private renderHistory(history: CustomerHistory) {
    const spend = formatMoney(history.lifetimeSpend.amountMinor, history.lifetimeSpend.currency);
    const loyalty = history.loyalty;
    return html`<details class="card" part="panel" ?open=${this.isOpenAtFirst}>
      <summary>
        <h2>${t('history.title')}</h2>
        <span class="muted" id="history-summary">${t('history.summary', { orders: history.orders.length, spend })}</span>
      </summary>
      <div class="content">
        <p>
          ${history.customer.name ?? ''} <span class="muted">${history.customer.email}</span><br />
          <span class="muted">${t('history.since', { date: formatDateTime(history.customer.createdAt, false) })}</span>
          ${history.customer.blocked ? html`<br /><strong class="alert error">${t('history.blocked')}</strong>` : nothing}
        </p>
        <div class="facts">
          <div>
            <span class="muted">${t('history.lifetime')}</span><br />
            <span class="figure" id="history-spend">${spend}</span>
          </div>
          <div>
            <span class="muted">${t('history.loyalty')}</span><br />
            ${loyalty
              ? html`<span class="figure" id="history-loyalty">${t('history.loyalty.balance', { balance: loyalty.balance, pending: loyalty.pending })}</span>
                  ${loyalty.tier ? html`<br /><span>${t('history.loyalty.tier', { tier: loyalty.tier })}</span>` : nothing}`
              : html`<span>${t('history.loyalty.off')}</span>`}
          </div>
        </div>
        ${this.renderLists(history)}
      </div>
    </details>`;
  }

  override render() {
    void this.locale;
    if (this.error) return html`<p class="alert error" role="alert">${this.error}</p>`;
    // Nothing while it loads: the case above is what matters, and no extra status to announce.
    return this.history ? this.renderHistory(this.history) : nothing;
  }
}

customElements.define('comptoir-customer-history', ComptoirCustomerHistory);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-customer-history': ComptoirCustomerHistory;
  }
}
