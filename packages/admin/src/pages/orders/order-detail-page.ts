import { LitElement, css, html, nothing } from 'lit';
import { formatDateTime, LocaleController, t } from '../../i18n/index.js';
import { session } from '../../session.js';
import { api, errorMessageOf, type Outputs } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import { detailPageStyles } from '../../components/detail-page-styles.js';
import { caseStatusLabel, caseTypeLabel, formatMoney } from '../inbox/case-labels.js';
import { fulfilmentLabel, orderStateLabel, trackingStatusLabel } from './order-labels.js';

/** What `orders.admin.detail` answers. */
export type OrderDetail = Outputs['orders']['admin']['detail'];
type Shipment = OrderDetail['shipments'][number];

/** A carrier's tracking page, only when it is a web address (never a `javascript:` link from stored data). */
function safeTrackingUrl(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

/**
 * One order as staff look it up: its lines and totals, the customer, each shipment with its carrier
 * scans (newest first) and tracking link, and the returns, claims and requests made about it.
 *
 * @csspart shipment - one shipment
 * @csspart tracking-event - one carrier scan
 * @csspart case - one case of the order
 */
export class ComptoirOrderDetailPage extends LitElement {
  static override properties = {
    orderId: {},
    detail: { state: true },
    error: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    detailPageStyles,
    css`
      .line,
      .total {
        display: flex;
        justify-content: space-between;
        gap: 0.75rem;
      }
      .total {
        font-variant-numeric: tabular-nums;
      }
      .total.grand {
        font-weight: 800;
        border-top: 1px solid var(--_border);
        padding-top: 0.5rem;
      }
      ol.scans {
        list-style: none;
        margin: 0.5rem 0 0;
        padding: 0 0 0 1rem;
        border-left: 3px solid var(--_border);
        display: grid;
        gap: 0.5rem;
      }
      h3 {
        font-size: 1rem;
        margin: 0;
      }
      .badge {
        display: inline-block;
        border: 1px solid currentColor;
        border-radius: 999px;
        padding: 0 0.5rem;
        font-size: 0.85rem;
      }
    `,
  ];

  /** The order to show. */
  declare orderId: string;
  declare detail: OrderDetail | null;
  declare error: string;

  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.orderId = '';
    this.detail = null;
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.detail = await api.orders.admin.detail.query({ orderId: this.orderId });
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    }
  }

  private renderShipment(shipment: Shipment) {
    const url = safeTrackingUrl(shipment.trackingUrl);
    const dates = [
      shipment.shippedAt ? t('order.shipment.shippedAt', { date: formatDateTime(shipment.shippedAt) }) : null,
      shipment.deliveredAt ? t('order.shipment.deliveredAt', { date: formatDateTime(shipment.deliveredAt) }) : null,
      !shipment.deliveredAt && shipment.estimatedAt ? t('order.shipment.estimatedAt', { date: formatDateTime(shipment.estimatedAt, false) }) : null,
      shipment.promisedBy ? t('order.shipment.promisedBy', { date: formatDateTime(shipment.promisedBy, false) }) : null,
    ].filter((line): line is string => line !== null);
    return html`<li part="shipment">
      <h3>${t('order.shipment.title', { carrier: shipment.carrier, number: shipment.trackingNumber })}</h3>
      <p class="summary">
        <span class="badge">${trackingStatusLabel(shipment.status)}</span>
        ${url ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${t('order.shipment.track', { number: shipment.trackingNumber })}</a>` : nothing}
      </p>
      ${dates.map((line) => html`<span class="muted">${line}</span><br />`)}
      ${shipment.events.length
        ? html`<ol class="scans" aria-label=${t('order.shipment.events')}>
            ${shipment.events.map(
              (event) => html`<li part="tracking-event">
                <strong>${trackingStatusLabel(event.status)}</strong>
                ${event.description ? html` · ${event.description}` : nothing}<br />
                <span class="muted">${formatDateTime(event.occurredAt)}${event.location ? ` · ${event.location}` : ''}</span>
              </li>`,
            )}
          </ol>`
        : html`<p class="muted">${t('order.shipment.noEvents')}</p>`}
    </li>`;
  }

  private renderDetail(detail: OrderDetail) {
    const money = (minor: number) => formatMoney(minor, detail.currency);
    return html`
      <h1>${t('order.title', { number: detail.number })}</h1>
      <div class="summary">
        <span class="badge" id="order-state">${orderStateLabel(detail.state)}</span>
        <span>${fulfilmentLabel(detail.fulfilment)}</span>
        <span class="muted">${t('order.placed', { date: formatDateTime(detail.placedAt) })}</span>
      </div>
      <div class="columns">
        <section class="card" aria-labelledby="lines-title">
          <h2 id="lines-title">${t('order.lines')}</h2>
          <ul class="plain">
            ${detail.lines.map(
              (line) => html`<li class="line">
                <span>${line.title}${line.variant ? ` · ${line.variant}` : ''} × ${line.quantity}<br /><span class="muted">${line.sku}</span></span>
                <span>${money(line.quantity * line.unitPriceMinor)}</span>
              </li>`,
            )}
          </ul>
          <p class="total"><span>${t('order.subtotal')}</span><span>${money(detail.subtotalMinor)}</span></p>
          <p class="total"><span>${t('order.shipping')}</span><span>${money(detail.shippingMinor)}</span></p>
          <p class="total grand"><span>${t('order.totalLabel')}</span><span>${money(detail.totalMinor)}</span></p>
          ${detail.paymentMethod ? html`<p class="muted">${t('order.payment', { method: detail.paymentMethod })}</p>` : nothing}
        </section>
        <section class="card" aria-labelledby="customer-title">
          <h2 id="customer-title">${t('order.customer')}</h2>
          <p>${detail.customer.name ?? ''}<br /><a href=${`mailto:${detail.customer.email}`}>${detail.customer.email}</a></p>
          ${detail.promisedDeliveryBy ? html`<p>${t('order.promised', { date: formatDateTime(detail.promisedDeliveryBy, false) })}</p>` : nothing}
          ${detail.externalId ? html`<p class="muted">${t('order.external', { id: detail.externalId })}</p>` : nothing}
        </section>
      </div>
      <section class="card" aria-labelledby="shipments-title">
        <h2 id="shipments-title">${t('order.shipments')}</h2>
        ${detail.shipments.length
          ? html`<ul class="plain">${detail.shipments.map((shipment) => this.renderShipment(shipment))}</ul>`
          : html`<p class="muted">${t('order.shipments.empty')}</p>`}
      </section>
      <section class="card" aria-labelledby="cases-title">
        <h2 id="cases-title">${t('order.cases')}</h2>
        ${detail.cases.length
          ? html`<ul class="plain">
              ${detail.cases.map(
                (entry) => html`<li part="case">
                  <a href=${`#/case?type=${entry.type}&id=${encodeURIComponent(entry.id)}`}>${caseTypeLabel(entry.type)} ${entry.reference}</a>
                  · ${caseStatusLabel(entry.type, entry.status)} <span class="muted">· ${formatDateTime(entry.openedAt)}</span>
                </li>`,
              )}
            </ul>`
          : html`<p class="muted">${t('order.cases.empty')}</p>`}
      </section>
    `;
  }

  override render() {
    void this.locale;
    return html`
      <p><a href="#/orders">${t('order.back')}</a></p>
      ${this.detail
        ? this.renderDetail(this.detail)
        : this.error
          ? html`<p class="alert error" role="alert">${this.error}</p>`
          : html`<p class="muted" role="status">${t('app.loading')}</p>`}
    `;
  }
}

customElements.define('comptoir-order-detail-page', ComptoirOrderDetailPage);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-order-detail-page': ComptoirOrderDetailPage;
  }
}
