import { OrderStage } from '@comptoir/protocol';
import { DomainError } from '../core/domain-error.js';

/** The order fields a stage is derived from. */
export interface OrderStageFields {
  status: string;
  fulfilment: string;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  readyForPickupAt: Date | null;
  pickedUpAt: Date | null;
}

/**
 * Where an order stands. The `status` column only says open or cancelled; fulfilment progress is
 * in the dates, the furthest one winning.
 */
export function orderStageOf(order: OrderStageFields): OrderStage {
  if (order.status === 'cancelled') return OrderStage.cancelled;
  if (order.pickedUpAt) return OrderStage.picked_up;
  if (order.deliveredAt) return OrderStage.delivered;
  if (order.readyForPickupAt) return OrderStage.ready_for_pickup;
  if (order.shippedAt) return OrderStage.shipped;
  return OrderStage.open;
}

/** The stages an order may move to from each stage, by the shop's back end. */
export const orderTransitions: Record<OrderStage, readonly OrderStage[]> = {
  open: [OrderStage.shipped, OrderStage.delivered, OrderStage.ready_for_pickup, OrderStage.picked_up, OrderStage.cancelled],
  shipped: [OrderStage.delivered, OrderStage.cancelled],
  ready_for_pickup: [OrderStage.picked_up, OrderStage.cancelled],
  delivered: [],
  picked_up: [],
  cancelled: [],
};

/** Stages that only make sense for one way of fulfilment. */
const fulfilmentOf: Partial<Record<OrderStage, 'shipping' | 'pickup'>> = {
  shipped: 'shipping',
  delivered: 'shipping',
  ready_for_pickup: 'pickup',
  picked_up: 'pickup',
};

/**
 * Checks that an order may move to `to`. Returns false when it is already there (a retried call
 * changes nothing); throws ORDER_CANCELLED or INVALID_TRANSITION when the move makes no sense.
 */
export function checkOrderTransition(order: OrderStageFields, to: OrderStage): boolean {
  const from = orderStageOf(order);
  if (from === to) return false;
  if (from === OrderStage.cancelled) throw new DomainError('ORDER_CANCELLED');
  const required = fulfilmentOf[to];
  if (!orderTransitions[from].includes(to) || (required && required !== order.fulfilment)) {
    throw new DomainError('INVALID_TRANSITION', { from: required && required !== order.fulfilment ? order.fulfilment : from, to });
  }
  return true;
}
