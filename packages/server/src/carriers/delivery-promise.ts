import { isLate } from './tracking-status.js';

/** What the delivery promise of an order is made of: the shop's promises and the carriers' estimates. */
export interface PromiseSources {
  /** The latest delivery date the shop promised for the whole order, if any. */
  promisedDeliveryBy: Date | null;
  shipments: ReadonlyArray<{ promisedBy: Date | null; estimatedAt: Date | null }>;
}

/** The date the "not received" claim clock runs from, and where it comes from. */
export interface DeliveryPromise {
  by: Date;
  /** `promise`: the shop's own date (order or parcel); `estimate`: the carriers' estimates, the shop having promised nothing. */
  basis: 'promise' | 'estimate';
}

const latest = (dates: ReadonlyArray<Date | null>): Date | null =>
  dates.reduce<Date | null>((max, date) => (date && (!max || date > max) ? date : max), null);

/**
 * When the order should have arrived: the latest date the shop promised (for the order or one of its
 * parcels), else the latest of the carriers' estimated dates (every parcel must arrive), else null
 * (the claim then opens a fixed number of days after the order).
 */
export function deliveryPromiseOf(order: PromiseSources): DeliveryPromise | null {
  const promised = latest([order.promisedDeliveryBy, ...order.shipments.map((shipment) => shipment.promisedBy)]);
  if (promised) return { by: promised, basis: 'promise' };
  const estimated = latest(order.shipments.map((shipment) => shipment.estimatedAt));
  return estimated ? { by: estimated, basis: 'estimate' } : null;
}

/**
 * Whether a parcel is late: the date it was due by has passed and it has neither been delivered
 * nor reached a pickup point. It is due by the shop's promise for the parcel, else for the order,
 * else the carrier's estimate.
 */
export function isShipmentLate(
  shipment: { promisedBy: Date | null; estimatedAt: Date | null; status: string },
  order: { promisedDeliveryBy: Date | null },
  now: Date,
): boolean {
  return isLate(shipment.promisedBy ?? order.promisedDeliveryBy ?? shipment.estimatedAt, shipment.status, now);
}
