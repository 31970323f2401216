import { LitElement, html, css } from 'lit';
import { Task } from '@lit/task';
import type { OrderPage, OrderSummary } from '../../controllers/api-types.js';
import { describeError, type WidgetContext } from '../../controllers/widget-context.js';
import { controls, tokens } from '../styles.js';
import { statusBadge, statusStyles } from '../status-badge.js';

/**
 * The shopper's orders in this shop, newest first, each with its status at a glance.
 *
 * @csspart order - the button of each order
 * @csspart status - each status badge
 * @csspart error - the message when the list cannot be loaded
 */
export class ComptoirOrderList extends LitElement {
  static override properties = { ctx: { attribute: false } };

  static override styles = [
    tokens,
    controls,
    statusStyles,
    css`
      ul {
        list-style: none;
        margin: 0.75rem 0 0;
        padding: 0;
        display: grid;
        gap: 0.6rem;
      }
      .order {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 0.2rem 0.75rem;
        width: 100%;
        padding: 0.8rem 1rem;
        text-align: start;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
        color: var(--_text);
        cursor: pointer;
      }
      .order:hover {
        border-color: var(--_accent);
      }
      .number {
        font-weight: 700;
      }
      .amount {
        text-align: end;
        font-weight: 600;
      }
    `,
  ];

  declare ctx: WidgetContext;

  private readonly orders = new Task(this, {
    task: async ([ctx]): Promise<OrderSummary[]> => {
      if (!ctx) return [];
      const page = await ctx.api.query<OrderPage>('orders.widget.list', { limit: 50 });
      return page.orders;
    },
    args: () => [this.ctx] as const,
  });

  override render() {
    const { t } = this.ctx;
    return html`
      <h2>${t.t('ordersTitle')}</h2>
      ${this.orders.render({
        pending: () => html`<div class="skeleton" aria-busy="true" aria-label=${t.t('loading')}></div>`,
        error: (error) =>
          html`<div class="error" part="error" role="alert">
            <p>${describeError(error, t)}</p>
            <button class="button secondary" @click=${() => this.orders.run()}>${t.t('retry')}</button>
          </div>`,
        complete: (orders) => {
          if (!orders.length) return html`<p class="muted">${t.t('noOrders')}</p>`;
          return html`<ul>
            ${orders.map(
              (order) => html`<li>
                <button
                  class="order"
                  part="order"
                  @click=${() => this.ctx.navigate({ name: 'order', number: order.number })}
                >
                  <span class="number">${t.t('orderLabel', { number: order.number })}</span>
                  <span class="amount">${t.money(order.total.amountMinor, order.total.currency)}</span>
                  <span class="muted">${t.t('placedOn', { date: t.date(order.placedAt) })} · ${t.t('itemsCount', { count: order.itemCount })}</span>
                  <span>${statusBadge(t, order.stage)}</span>
                </button>
              </li>`,
            )}
          </ul>`;
        },
      })}
    `;
  }
}

if (!customElements.get('comptoir-order-list')) customElements.define('comptoir-order-list', ComptoirOrderList);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-order-list': ComptoirOrderList;
  }
}
