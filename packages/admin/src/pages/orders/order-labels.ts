import { isMessageKey, t } from '../../i18n/index.js';

/** The stages of an order the list filters on (as `orders.admin.list` takes them). */
export const orderStates = ['open', 'shipped', 'delivered', 'ready_for_pickup', 'picked_up', 'cancelled'] as const;
export type OrderState = (typeof orderStates)[number];

/** Where an order stands, in words; an unknown stage (a newer server) as it is. */
export function orderStateLabel(state: string): string {
  const key = `order.state.${state}`;
  return isMessageKey(key) ? t(key) : state;
}

/** Delivery or in-store pickup, in words. */
export function fulfilmentLabel(fulfilment: string): string {
  const key = `order.fulfilment.${fulfilment}`;
  return isMessageKey(key) ? t(key) : fulfilment;
}

/** A carrier scan's normalised status in words (the carrier's own description is shown beside it). */
export function trackingStatusLabel(status: string): string {
  const key = `tracking.${status}`;
  return isMessageKey(key) ? t(key) : status;
}
