import { LitElement, html, css, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { Task } from '@lit/task';
import { statusLabel } from '@comptoir/protocol/status/machine';
import { claimMachine } from '@comptoir/protocol/status/claim-status';
import { ticketMachine } from '@comptoir/protocol/status/ticket-status';
import type { ClaimPage, OrderDetail, ReturnEligibility, ReturnPage, ShipmentView, TicketPage } from '../../controllers/api-types.js';
import { describeError, type WidgetContext } from '../../controllers/widget-context.js';
import type { Translator } from '../../i18n/index.js';
import { controls, tokens } from '../styles.js';
import { statusBadge, statusStyles } from '../status-badge.js';

const carrierNames: Record<string, string> = {
  colissimo: 'Colissimo',
  chronopost: 'Chronopost',
  mondial_relay: 'Mondial Relay',
  dpd: 'DPD',
  gls: 'GLS',
  colis_prive: 'Colis Privé',
  ups: 'UPS',
  dhl: 'DHL',
  fedex: 'FedEx',
};

/** Only web links are followed: a `javascript:` URL from the server never becomes a link. */
function isWebUrl(url: string | null | undefined): url is string {
  return typeof url === 'string' && /^https?:\/\//i.test(url);
}

/**
 * One order: its lines with images, its totals, and for each shipment a tracking timeline (newest
 * first) with the carrier, the tracking link and the promised date; or its in-store pickup state.
 *
 * @csspart line - each order line
 * @csspart timeline - the list of tracking events
 * @csspart late - the notice of a parcel past its promised or estimated date
 * @csspart pickup - the "ready for pickup" box
 * @csspart status - the status badge
 * @csspart error - the message when the order cannot be loaded
 */
export class ComptoirOrderDetail extends LitElement {
  static override properties = { ctx: { attribute: false }, number: {} };

  static override styles = [
    tokens,
    controls,
    statusStyles,
    css`
      :host {
        display: grid;
        gap: 1.25rem;
      }
      section {
        display: grid;
        gap: 0.6rem;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
      }
      ul,
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.6rem;
      }
      .line {
        display: grid;
        grid-template-columns: 56px 1fr auto;
        gap: 0.75rem;
        align-items: center;
      }
      .line img,
      .line .placeholder {
        width: 56px;
        height: 56px;
        border-radius: calc(var(--_radius) / 2);
        object-fit: cover;
        background: var(--_surface);
      }
      .title {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .totals {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 0.2rem 1rem;
        padding-top: 0.6rem;
        border-top: 1px solid var(--_border);
      }
      .totals .grand {
        font-weight: 700;
      }
      .late {
        font-weight: 600;
      }
      .box {
        padding: 0.9rem 1rem;
        border-radius: var(--_radius);
        background: var(--_surface);
        display: grid;
        gap: 0.5rem;
      }
      .pickup {
        border: 2px solid var(--_accent);
      }
      canvas {
        width: 128px;
        height: 128px;
        image-rendering: pixelated;
        background: #fff;
        padding: 6px;
      }
      .timeline li {
        position: relative;
        padding-inline-start: 1.4rem;
      }
      .timeline li::before {
        content: '';
        position: absolute;
        inset-inline-start: 0.2rem;
        top: 0.45rem;
        width: 0.6rem;
        height: 0.6rem;
        border-radius: 50%;
        background: var(--_border);
      }
      .timeline li:first-child::before {
        background: var(--_accent);
      }
      .timeline li:not(:last-child)::after {
        content: '';
        position: absolute;
        inset-inline-start: calc(0.5rem - 1px);
        top: 1.1rem;
        bottom: -0.6rem;
        width: 2px;
        background: var(--_border);
      }
      .event-status {
        font-weight: 600;
      }
    `,
  ];

  declare ctx: WidgetContext;
  declare number: string;

  private readonly order = new Task(this, {
    task: async ([ctx, number]) => (ctx && number ? ctx.api.query<OrderDetail>('orders.widget.detail', { number }) : undefined),
    args: () => [this.ctx, this.number] as const,
  });

  /** What can be returned and until when, and the returns, claims and tickets of this order. */
  private readonly returns = new Task(this, {
    task: async ([ctx, number]) => {
      if (!ctx || !number) return undefined;
      const [eligibility, page, claims, tickets] = await Promise.all([
        ctx.api.query<ReturnEligibility>('returns.widget.eligibility', { orderNumber: number }),
        ctx.api.query<ReturnPage>('returns.widget.list', { limit: 50 }),
        // Claims and tickets only add links: without them the order and its returns still show.
        ctx.api.query<ClaimPage>('claims.widget.list', { limit: 50 }).catch(() => null),
        ctx.api.query<TicketPage>('tickets.widget.list', { limit: 50 }).catch(() => null),
      ]);
      return {
        eligibility,
        returns: page.returns.filter((item) => item.order.number === number),
        claims: claims?.claims.filter((claim) => claim.order.number === number) ?? [],
        tickets: tickets?.tickets.filter((ticket) => ticket.order?.number === number) ?? [],
      };
    },
    args: () => [this.ctx, this.number] as const,
  });

  override render() {
    const { t } = this.ctx;
    return this.order.render({
      pending: () => html`<div class="skeleton" aria-busy="true" aria-label=${t.t('loading')}></div>`,
      error: (error) =>
        html`<div class="error" part="error" role="alert">
          <p>${describeError(error, t)}</p>
          <button class="button secondary" @click=${() => this.order.run()}>${t.t('retry')}</button>
        </div>`,
      complete: (order) => (order ? this.renderOrder(t, order) : nothing),
    });
  }

  private renderOrder(t: Translator, order: OrderDetail) {
    const pickup = order.cancelledAt ? null : order.pickup;
    return html`
      <section>
        <div class="head">
          <h2>${t.t('orderLabel', { number: order.number })}</h2>
          ${statusBadge(t, order.stage)}
        </div>
        <p class="muted">${t.t('placedOn', { date: t.date(order.placedAt) })}</p>
      </section>
      ${pickup?.isReady && pickup.readyAt
        ? html`<section class="box pickup" part="pickup">
            <h3>${t.t('readyForPickupTitle')}</h3>
            <p>${t.t('readyForPickupText', { date: t.dateTime(pickup.readyAt) })}</p>
            <canvas aria-hidden="true" ${ref(this.drawQr(order.number))}></canvas>
            <p><strong>${t.t('orderLabel', { number: order.number })}</strong></p>
          </section>`
        : nothing}
      ${pickup?.pickedUpAt ? html`<p class="box">${t.t('pickedUpOn', { date: t.date(pickup.pickedUpAt) })}</p>` : nothing}
      ${this.renderReturns(t, order)}
      ${order.shipments.map((shipment) => this.renderShipment(t, shipment, order))}
      ${!order.shipments.length && order.fulfilment !== 'pickup' && !order.cancelledAt
        ? html`<p class="box">${t.t('noTracking')}</p>`
        : nothing}
      <section>
        <h3>${t.t('lines')}</h3>
        <ul>
          ${order.lines.map(
            (line) => html`<li class="line" part="line">
              ${isWebUrl(line.imageUrl)
                ? html`<img src=${line.imageUrl} alt="" width="56" height="56" loading="lazy" />`
                : html`<span class="placeholder"></span>`}
              <span>
                <span class="title">${line.title}</span>
                ${line.variant ? html`<br /><span class="muted">${line.variant}</span>` : nothing}
                <br /><span class="muted">${t.t('quantity', { quantity: line.quantity })}</span>
              </span>
              <span>${t.money(line.lineTotal.amountMinor, line.lineTotal.currency)}</span>
            </li>`,
          )}
        </ul>
        <div class="totals">
          <span>${t.t('subtotal')}</span><span>${t.money(order.subtotal.amountMinor, order.subtotal.currency)}</span>
          ${order.fulfilment === 'shipping'
            ? html`<span>${t.t('shipping')}</span><span>${t.money(order.shipping.amountMinor, order.shipping.currency)}</span>`
            : nothing}
          <span class="grand">${t.t('total')}</span><span class="grand">${t.money(order.total.amountMinor, order.total.currency)}</span>
        </div>
      </section>
    `;
  }

  /** "Return items" while some line can be returned (until when), and this order's returns. */
  private renderReturns(t: Translator, order: OrderDetail) {
    // A failure here only hides the return actions: the order itself is shown.
    const value = this.returns.value;
    if (!value || order.cancelledAt) return nothing;
    const eligible = value.eligibility.lines.filter((line) => line.eligible);
    const until = eligible.map((line) => line.deadline ?? '').sort().at(-1);
    const hasShipped = order.shipments.length > 0 || order.stage === 'delivered';
    const { claims, tickets } = value;
    return html`<section class="returns">
      ${eligible.length
        ? html`<div>
            <button class="button" part="button" @click=${() => this.ctx.navigate({ name: 'return-request', number: order.number })}>
              ${t.t('returnItems')}
            </button>
            ${until ? html`<p class="muted">${t.t('returnUntil', { date: t.date(until) })}</p>` : nothing}
          </div>`
        : nothing}
      ${hasShipped
        ? html`<div>
            <button class="button secondary" part="button" @click=${() => this.ctx.navigate({ name: 'claim-request', number: order.number })}>
              ${t.t('reportProblem')}
            </button>
          </div>`
        : nothing}
      ${value.returns.length
        ? html`<h3>${t.t('myReturns')}</h3>
            <ul>
              ${value.returns.map(
                (item) => html`<li>
                  <button class="button secondary return" part="button" @click=${() => this.ctx.navigate({ name: 'return', number: order.number, id: item.id })}>
                    ${t.t('returnLabel', { code: item.code })} · <span class="status" part="status">${item.statusLabel[t.locale]}</span>
                  </button>
                </li>`,
              )}
            </ul>`
        : nothing}
      ${claims.length
        ? html`<h3>${t.t('myClaims')}</h3>
            <ul>
              ${claims.map(
                (claim) => html`<li>
                  <button class="button secondary claim" part="button" @click=${() => this.ctx.navigate({ name: 'claim', number: order.number, id: claim.id })}>
                    ${t.t('claimLabel', { date: t.date(claim.openedAt) })} · <span class="status" part="status">${statusLabel(claimMachine, claim.status, t.locale)}</span>
                  </button>
                </li>`,
              )}
            </ul>`
        : nothing}
      ${tickets.length
        ? html`<h3>${t.t('myRequests')}</h3>
            <ul>
              ${tickets.map(
                (ticket) => html`<li>
                  <button class="button secondary ticket" part="button" @click=${() => this.ctx.navigate({ name: 'ticket', number: order.number, id: ticket.id })}>
                    <span class="title">${ticket.subject}</span> · <span class="status" part="status">${statusLabel(ticketMachine, ticket.status, t.locale)}</span>
                  </button>
                </li>`,
              )}
            </ul>`
        : nothing}
      <div>
        <button class="button secondary" part="button" @click=${() => this.ctx.navigate({ name: 'ticket-new', number: order.number })}>${t.t('askQuestion')}</button>
      </div>
    </section>`;
  }

  private renderShipment(t: Translator, shipment: ShipmentView, order: OrderDetail) {
    // A carrier Comptoir does not name ("other") is left unnamed rather than shown as its code.
    const carrier = carrierNames[shipment.carrier];
    const promisedBy = shipment.promisedBy ?? order.promisedDeliveryBy;
    const events = [...shipment.events].sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt));
    return html`<section class="box">
      <div class="head">
        <h3>${t.t('tracking')}</h3>
        ${statusBadge(t, shipment.status, 'tracking')}
      </div>
      <p>${carrier ? t.t('trackingNumber', { carrier, number: shipment.trackingNumber }) : t.t('parcelNumber', { number: shipment.trackingNumber })}</p>
      ${promisedBy && !shipment.deliveredAt ? html`<p>${t.t('promisedBy', { date: t.date(promisedBy) })}</p>` : nothing}
      ${shipment.estimatedAt && !shipment.deliveredAt && (!promisedBy || t.date(shipment.estimatedAt) !== t.date(promisedBy))
        ? html`<p>${t.t('estimatedAt', { date: t.date(shipment.estimatedAt) })}</p>`
        : nothing}
      ${shipment.isLate ? html`<p class="late" part="late" role="status">${t.t('parcelLate')}</p>` : nothing}
      ${isWebUrl(shipment.trackingUrl)
        ? html`<p><a href=${shipment.trackingUrl} target="_blank" rel="noopener noreferrer">${carrier ? t.t('trackParcel', { carrier }) : t.t('trackParcelOnly')}</a></p>`
        : nothing}
      <ol class="timeline" part="timeline">
        ${events.map(
          (event) => html`<li>
            <span class="event-status">${t.label('tracking', event.status)}</span>
            ${event.description ? html` — <span>${event.description}</span>` : nothing}
            <br /><time class="muted" datetime=${event.occurredAt}>${t.dateTime(event.occurredAt)}</time>
            ${event.location ? html`<span class="muted"> · ${event.location}</span>` : nothing}
          </li>`,
        )}
      </ol>
    </section>`;
  }

  /** Draws the pickup QR code once its canvas exists; the QR library loads only for this screen. */
  private drawQr(text: string) {
    return (canvas: Element | undefined) => {
      if (!(canvas instanceof HTMLCanvasElement)) return;
      import('lean-qr')
        .then(({ generate }) => generate(text).toCanvas(canvas))
        .catch((error: unknown) => console.warn('[comptoir] QR code', error));
    };
  }
}

if (!customElements.get('comptoir-order-detail')) customElements.define('comptoir-order-detail', ComptoirOrderDetail);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-order-detail': ComptoirOrderDetail;
  }
}
