import { pickLocale } from '@comptoir/protocol';
import type { Db, Deps } from '../core/deps.js';
import { trackingUrl } from '../carriers/tracking-url.js';
import { enqueue } from '../notifications/outbox.js';
import { createCaseLink } from '../notifications/shopper-code.js';

/** The emails that follow an order to the shopper's door or the shop's counter. */
export type OrderProgressTopic = 'order_shipped' | 'order_out_for_delivery' | 'order_delivered' | 'order_ready_for_pickup';

/**
 * Tells the shopper their order moved, in the transaction that moved it: the parcel's carrier and
 * tracking link when there is one, and a link that opens the widget on the order, signed in once.
 * The dedupe key is per order and step (per parcel for "out for delivery"), so a repeated call
 * from the shop's back end or a carrier never sends it twice.
 */
export async function notifyOrderProgress(
  tx: Db,
  deps: Pick<Deps, 'config' | 'clock'>,
  input: { shopId: string; orderId: string; topic: OrderProgressTopic; shipmentId?: string | null; at: Date },
): Promise<void> {
  const order = await tx.order.findFirstOrThrow({
    where: { id: input.orderId, shopId: input.shopId },
    select: { number: true, customer: { select: { id: true, email: true, locale: true, erasedAt: true } }, shop: { select: { locale: true } } },
  });
  if (order.customer.erasedAt) return;
  const shipment = input.shipmentId
    ? await tx.shipment.findFirst({ where: { id: input.shipmentId, orderId: input.orderId }, select: { carrier: true, trackingNumber: true, trackingUrl: true } })
    : await tx.shipment.findFirst({ where: { orderId: input.orderId }, orderBy: { createdAt: 'desc' }, select: { carrier: true, trackingNumber: true, trackingUrl: true } });
  // The widget opens an order by the number the shopper knows.
  const url = await createCaseLink(deps, tx, { shopId: input.shopId, customerId: order.customer.id, caseType: 'order', caseId: order.number });
  const perParcel = input.topic === 'order_out_for_delivery' && input.shipmentId ? `:${input.shipmentId}` : '';
  const common = {
    channel: 'email',
    shopId: input.shopId,
    dedupeKey: `order:${input.orderId}:${input.topic}${perParcel}`,
    to: order.customer.email,
    locale: pickLocale(order.customer.locale, order.shop.locale),
    customerId: order.customer.id,
    at: input.at,
  } as const;
  if (input.topic === 'order_ready_for_pickup') {
    await enqueue(tx, { ...common, topic: input.topic, data: { orderNumber: order.number, pickupAddress: null, url } });
    return;
  }
  await enqueue(tx, {
    ...common,
    topic: input.topic,
    data: {
      orderNumber: order.number,
      carrier: shipment?.carrier ?? null,
      trackingNumber: shipment?.trackingNumber ?? null,
      trackingUrl: shipment ? (shipment.trackingUrl ?? trackingUrl(shipment.carrier, shipment.trackingNumber)) : null,
      url,
    },
  });
}
