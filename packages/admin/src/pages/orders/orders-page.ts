import { LitElement, css, html, nothing } from 'lit';
import { formatDateTime, LocaleController, t } from '../../i18n/index.js';
import { api, type Outputs } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import { PagedListController } from '../../components/paged-list-controller.js';
import { formatMoney } from '../inbox/case-labels.js';
import { orderStateLabel, orderStates, type OrderState } from './order-labels.js';

/** One order of the list, as `orders.admin.list` answers it. */
export type OrderRow = Outputs['orders']['admin']['list']['items'][number];

/**
 * The shop's orders, newest first: search by number, email or name, filter by where they stand, a
 * page at a time; each opens its detail (`#/order?id=…`).
 *
 * @csspart order - one order of the list
 */
export class ComptoirOrdersPage extends LitElement {
  static override properties = {
    search: { state: true },
    state: { state: true },
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
      .filters {
        display: grid;
        gap: 0.75rem;
      }
      @media (min-width: 40rem) {
        .filters {
          grid-template-columns: 2fr 1fr;
        }
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      li {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 0.2rem 1rem;
        min-width: 0;
      }
      li a {
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      .total {
        font-weight: 700;
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .meta {
        color: var(--_muted);
        font-size: 0.9rem;
        overflow-wrap: anywhere;
        grid-column: 1 / -1;
      }
      .badge {
        display: inline-block;
        border: 1px solid currentColor;
        border-radius: 999px;
        padding: 0 0.5rem;
        font-size: 0.85rem;
      }
      .cases {
        color: var(--_danger);
        font-weight: 600;
      }
      .more {
        justify-self: start;
      }
    `,
  ];

  declare search: string;
  declare state: OrderState | '';

  private readonly locale = new LocaleController(this);
  private readonly list = new PagedListController<OrderRow>(this, (cursor) => {
    const query = this.search.trim();
    return api.orders.admin.list.query({
      limit: 25,
      ...(cursor ? { cursor } : {}),
      ...(query ? { query } : {}),
      ...(this.state ? { state: this.state } : {}),
    });
  });

  constructor() {
    super();
    this.search = '';
    this.state = '';
  }

  private onSearch(event: Event): void {
    this.search = (event.target as HTMLInputElement).value;
    this.list.reloadSoon();
  }

  private onState(event: Event): void {
    this.state = (event.target as HTMLSelectElement).value as OrderState | '';
    void this.list.reload();
  }

  private renderList(orders: OrderRow[]) {
    if (orders.length === 0) {
      return html`<p class="card" id="orders-empty">${this.search.trim() || this.state ? t('orders.noMatch') : t('orders.empty')}</p>`;
    }
    return html`
      <ul aria-label=${t('orders.title')}>
        ${orders.map(
          (order) => html`<li class="card" part="order">
            <a href=${`#/order?id=${encodeURIComponent(order.id)}`}>${t('order.title', { number: order.number })}</a>
            <span class="total">${formatMoney(order.totalMinor, order.currency)}</span>
            <span>${order.customer.name ?? ''} <span class="muted">${order.customer.email}</span></span>
            <span class="badge">${orderStateLabel(order.state)}</span>
            <span class="meta">
              ${formatDateTime(order.placedAt)}
              ${order.openCases > 0 ? html` · <span class="cases">${t('orders.openCases', { count: order.openCases })}</span>` : nothing}
            </span>
          </li>`,
        )}
      </ul>
      ${this.list.nextCursor
        ? html`<button type="button" class="secondary more" id="orders-more" ?disabled=${this.list.isLoading} @click=${() => this.list.more()}>
            ${t('orders.more')}
          </button>`
        : nothing}
    `;
  }

  override render() {
    void this.locale;
    return html`
      <h1>${t('orders.title')}</h1>
      <div class="filters">
        <div class="field">
          <label for="order-search">${t('orders.search')}</label>
          <input id="order-search" type="search" maxlength="200" autocomplete="off" .value=${this.search} @input=${this.onSearch} />
        </div>
        <div class="field">
          <label for="order-state">${t('orders.state')}</label>
          <select id="order-state" @change=${this.onState}>
            <option value="" ?selected=${this.state === ''}>${t('orders.state.any')}</option>
            ${orderStates.map((state) => html`<option value=${state} ?selected=${this.state === state}>${orderStateLabel(state)}</option>`)}
          </select>
        </div>
      </div>
      ${this.list.error ? html`<p class="alert error" role="alert">${this.list.error}</p>` : nothing}
      ${this.list.items === null
        ? this.list.error
          ? nothing
          : html`<p class="muted" role="status">${t('app.loading')}</p>`
        : this.renderList(this.list.items)}
    `;
  }
}

customElements.define('comptoir-orders-page', ComptoirOrdersPage);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-orders-page': ComptoirOrdersPage;
  }
}
