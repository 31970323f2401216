import {
  OrderStage,
  type orderOutput,
  type shipmentInput,
  type trackingEventInput,
} from '@comptoir/protocol';
import type { z } from 'zod';
import type { Prisma } from '../generated/prisma/client.js';
import type { Actor } from '../core/actor.js';
import type { Deps, Db } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { recordEvent } from '../core/events.js';
import { awardOrderPoints } from '../loyalty/service.js';
import { isShipmentLate } from '../carriers/delivery-promise.js';
import { estimateDeliveryFromTransit } from '../carriers/transit-times.js';
import { Carrier, carrierLabels } from '../carriers/carrier.js';
import { detectCarrier } from '../carriers/detect-carrier.js';
import { notifyOrderProgress, type OrderProgressTopic } from './notifications.js';
import { withOrderLock } from './order-transaction.js';
import { checkOrderTransition, orderStageOf } from './state.js';

type OrderOutput = z.output<typeof orderOutput>;
type ShipmentInput = z.output<typeof shipmentInput>;
type TrackingEventInput = z.output<typeof trackingEventInput>;

const iso = (date: Date): string => date.toISOString();
const isoOrNull = (date: Date | null): string | null => (date ? date.toISOString() : null);

const stageSelect = {
  id: true,
  status: true,
  fulfilment: true,
  shippedAt: true,
  deliveredAt: true,
  readyForPickupAt: true,
  pickedUpAt: true,
} satisfies Prisma.OrderSelect;

/** What staff and the back end read of a parcel (the shopper's detail reads the same, in SQL). */
export const shipmentFields = {
  id: true,
  carrier: true,
  trackingNumber: true,
  trackingUrl: true,
  status: true,
  promisedBy: true,
  estimatedAt: true,
  shippedAt: true,
  deliveredAt: true,
} satisfies Prisma.ShipmentSelect;

/** What is read of a carrier scan. */
export const scanFields = { occurredAt: true, status: true, description: true, location: true } satisfies Prisma.TrackingEventSelect;

const orderDetailSelect = {
  ...stageSelect,
  externalId: true,
  number: true,
  currency: true,
  subtotalMinor: true,
  shippingMinor: true,
  totalMinor: true,
  paymentMethod: true,
  paymentReference: true,
  placedAt: true,
  cancelledAt: true,
  promisedDeliveryBy: true,
  createdAt: true,
  updatedAt: true,
  customer: { select: { email: true, name: true } },
  lines: {
    select: {
      externalId: true,
      sku: true,
      title: true,
      variant: true,
      imageUrl: true,
      quantity: true,
      unitPriceMinor: true,
      tags: true,
    },
    orderBy: { position: 'asc' },
  },
  shipments: {
    select: { ...shipmentFields, events: { select: scanFields, orderBy: { occurredAt: 'asc' } } },
    orderBy: { createdAt: 'asc' },
  },
} satisfies Prisma.OrderSelect;

/** An order of the shop by its external id, as the back-end API shows it. */
export async function getOrder(deps: Deps, input: { shopId: string; externalId: string }): Promise<OrderOutput> {
  const order = await deps.db.order.findUnique({
    where: { shopId_externalId: { shopId: input.shopId, externalId: input.externalId } },
    select: orderDetailSelect,
  });
  if (!order) throw new DomainError('ORDER_NOT_FOUND');
  const now = deps.clock.now();
  return {
    id: order.id,
    externalId: order.externalId,
    number: order.number,
    status: order.status,
    stage: orderStageOf(order),
    fulfilment: order.fulfilment,
    currency: order.currency,
    subtotalMinor: order.subtotalMinor,
    shippingMinor: order.shippingMinor,
    totalMinor: order.totalMinor,
    paymentMethod: order.paymentMethod,
    paymentReference: order.paymentReference,
    placedAt: iso(order.placedAt),
    shippedAt: isoOrNull(order.shippedAt),
    deliveredAt: isoOrNull(order.deliveredAt),
    readyForPickupAt: isoOrNull(order.readyForPickupAt),
    pickedUpAt: isoOrNull(order.pickedUpAt),
    cancelledAt: isoOrNull(order.cancelledAt),
    promisedDeliveryBy: isoOrNull(order.promisedDeliveryBy),
    customer: order.customer,
    lines: order.lines,
    shipments: order.shipments.map((shipment) => ({
      ...shipment,
      promisedBy: isoOrNull(shipment.promisedBy),
      estimatedAt: isoOrNull(shipment.estimatedAt),
      isLate: isShipmentLate(shipment, order, now),
      shippedAt: isoOrNull(shipment.shippedAt),
      deliveredAt: isoOrNull(shipment.deliveredAt),
      events: shipment.events.map((event) => ({ ...event, occurredAt: iso(event.occurredAt) })),
    })),
    createdAt: iso(order.createdAt),
    updatedAt: iso(order.updatedAt),
  };
}

/** A fulfilment step the shop's back end reports. */
export type OrderStep = 'shipped' | 'delivered' | 'ready_for_pickup' | 'picked_up' | 'cancelled';

/**
 * Moves an order to a fulfilment step (or cancels it) and records the event. Reporting a step the
 * order is already at changes nothing; a step that makes no sense (delivering a cancelled order,
 * picking up a shipped one) is refused.
 */
export async function markOrderStep(
  deps: Deps,
  input: { shopId: string; externalId: string; step: OrderStep; at?: Date; reason?: string; actor: Actor },
): Promise<{ orderId: string; stage: OrderStage; changed: boolean }> {
  return withOrderLock(deps, input, async (tx) => {
    const order = await findOrderForUpdate(tx, input.shopId, input.externalId);
    const from = orderStageOf(order);
    if (!checkOrderTransition(order, input.step)) return { orderId: order.id, stage: from, changed: false };
    const at = input.at ?? deps.clock.now();
    const data: Prisma.OrderUpdateInput = {
      shipped: { shippedAt: at },
      // A parcel delivered was shipped, even if nobody said when.
      delivered: { deliveredAt: at, shippedAt: order.shippedAt ?? at },
      ready_for_pickup: { readyForPickupAt: at },
      picked_up: { pickedUpAt: at },
      cancelled: { cancelledAt: at, status: 'cancelled' },
    }[input.step];
    const updated = await tx.order.update({ where: { id: order.id }, data, select: stageSelect });
    const to = orderStageOf(updated);
    await recordEvent(tx, {
      shopId: input.shopId,
      subjectType: 'order',
      subjectId: order.id,
      type: `order.${input.step}`,
      fromStatus: from,
      toStatus: to,
      actor: input.actor,
      reason: input.reason ?? null,
      data: { at: at.toISOString() },
      occurredAt: deps.clock.now(),
    });
    // Delivery, pickup or cancellation decides the order's loyalty points (idempotent).
    await awardOrderPoints(tx, deps, { shopId: input.shopId, orderId: order.id, now: deps.clock.now() });
    const topic = progressTopicOf[input.step];
    if (topic) await notifyOrderProgress(tx, deps, { shopId: input.shopId, orderId: order.id, topic, at: deps.clock.now() });
    return { orderId: order.id, stage: to, changed: true };
  });
}

/** The email each step of an order sends to the shopper, if any. */
const progressTopicOf: Record<OrderStep, OrderProgressTopic | null> = {
  shipped: 'order_shipped',
  delivered: 'order_delivered',
  ready_for_pickup: 'order_ready_for_pickup',
  picked_up: null,
  cancelled: null,
};

async function findOrderForUpdate(tx: Db, shopId: string, externalId: string) {
  const order = await tx.order.findUnique({
    where: { shopId_externalId: { shopId, externalId } },
    select: { ...stageSelect, cancelledAt: true },
  });
  if (!order) throw new DomainError('ORDER_NOT_FOUND');
  return order;
}

/**
 * Adds a parcel to an order, idempotently by (order, tracking number): the same parcel twice is one
 * shipment, and its scans are added once each. The first parcel marks the order shipped.
 */
export async function addShipment(
  deps: Deps,
  input: { shopId: string; shipment: ShipmentInput; actor: Actor },
): Promise<{ shipmentId: string; created: boolean; eventsAdded: number; status: string }> {
  return withOrderLock(deps, { shopId: input.shopId, externalId: input.shipment.orderExternalId }, (tx) =>
    applyAddShipment(tx, deps, input),
  );
}

/**
 * The carrier a shipment names: its code as sent, or for `auto` the one its tracking number's shape
 * says in the shop's country. A number several carriers use (or none) is refused with the candidates,
 * so the shop names the carrier itself.
 */
function carrierOf(shipment: ShipmentInput, country: string): string {
  const named = shipment.carrier.trim().toLowerCase();
  if (named !== 'auto') return named;
  const detection = detectCarrier(shipment.trackingNumber, { country });
  if (detection.carrier) return detection.carrier;
  if (detection.candidates.length === 0) throw new DomainError('CARRIER_UNRECOGNISED', { trackingNumber: shipment.trackingNumber });
  throw new DomainError('CARRIER_AMBIGUOUS', {
    trackingNumber: shipment.trackingNumber,
    candidates: detection.candidates.map((candidate) => carrierLabels[candidate]).sort().join(', '),
  });
}

/** `addShipment` inside a transaction that already holds the order's lock (imports use it). */
export async function applyAddShipment(
  tx: Db,
  deps: Deps,
  input: { shopId: string; shipment: ShipmentInput; actor: Actor },
): Promise<{ shipmentId: string; created: boolean; eventsAdded: number; status: string }> {
  const { shopId, shipment, actor } = input;
  const now = deps.clock.now();
  const order = await findOrderForUpdate(tx, shopId, shipment.orderExternalId);
  let stored = await tx.shipment.findUnique({
    where: { orderId_trackingNumber: { orderId: order.id, trackingNumber: shipment.trackingNumber } },
    select: { id: true, carrier: true },
  });
  const created = !stored;
  const shop = await tx.shop.findUniqueOrThrow({ where: { id: shopId }, select: { country: true, timeZone: true } });
  // A parcel already named keeps its carrier: a replay is not a detection.
  const carrier = stored && stored.carrier !== Carrier.other ? stored.carrier : carrierOf(shipment, shop.country);
  if (stored && stored.carrier === Carrier.other && carrier !== Carrier.other) {
    // The shop names the carrier of a parcel it arrived without (an ambiguous number from its platform).
    await tx.shipment.update({ where: { id: stored.id }, data: { carrier }, select: { id: true } });
    await recordEvent(tx, {
      shopId,
      subjectType: 'shipment',
      subjectId: stored.id,
      type: 'shipment.carrier_named',
      actor,
      data: { orderId: order.id, carrier },
      occurredAt: now,
    });
  }
  if (!stored) {
    if (order.status === 'cancelled') throw new DomainError('ORDER_CANCELLED');
    if (order.fulfilment === 'pickup') throw new DomainError('INVALID_TRANSITION', { from: 'pickup', to: 'shipped' });
    const shippedAt = shipment.shippedAt ?? now;
    stored = await tx.shipment.create({
      data: {
        shopId,
        orderId: order.id,
        carrier,
        trackingNumber: shipment.trackingNumber,
        trackingUrl: shipment.trackingUrl ?? null,
        promisedBy: shipment.promisedBy ?? null,
        // Until the carrier announces a date with a scan, its usual transit time from shipping.
        estimatedAt: estimateDeliveryFromTransit({ carrier, country: shop.country, timeZone: shop.timeZone, shippedAt }),
        shippedAt,
      },
      select: { id: true, carrier: true },
    });
    await recordEvent(tx, {
      shopId,
      subjectType: 'shipment',
      subjectId: stored.id,
      type: 'shipment.created',
      toStatus: 'label_created',
      actor,
      data: { orderId: order.id, carrier, trackingNumber: shipment.trackingNumber },
      occurredAt: now,
    });
    if (!order.shippedAt) {
      const from = orderStageOf(order);
      const updated = await tx.order.update({ where: { id: order.id }, data: { shippedAt }, select: stageSelect });
      await recordEvent(tx, {
        shopId,
        subjectType: 'order',
        subjectId: order.id,
        type: 'order.shipped',
        fromStatus: from,
        toStatus: orderStageOf(updated),
        actor,
        reason: 'shipment.created',
        data: { at: shippedAt.toISOString(), shipmentId: stored.id },
        occurredAt: now,
      });
    }
    // The first parcel tells the shopper it left, with its tracking link (once per order).
    if (order.status !== 'cancelled') await notifyOrderProgress(tx, deps, { shopId, orderId: order.id, topic: 'order_shipped', shipmentId: stored.id, at: now });
  }
  const result = await storeTrackingEvents(tx, deps, { shopId, orderId: order.id, shipmentId: stored.id, events: shipment.events, actor });
  return { shipmentId: stored.id, created, eventsAdded: result.eventsAdded, status: result.status };
}

/**
 * Adds carrier scans to a known shipment. A scan already stored (same time and status) is skipped;
 * the shipment takes the status of its latest scan, and the order is delivered once all its
 * parcels are.
 */
export async function addTrackingEvents(
  deps: Deps,
  input: { shopId: string; orderExternalId: string; trackingNumber: string; events: TrackingEventInput[]; actor: Actor },
): Promise<{ shipmentId: string; eventsAdded: number; status: string; deliveredAt: string | null }> {
  return withOrderLock(deps, { shopId: input.shopId, externalId: input.orderExternalId }, async (tx) => {
    const order = await findOrderForUpdate(tx, input.shopId, input.orderExternalId);
    const shipment = await tx.shipment.findUnique({
      where: { orderId_trackingNumber: { orderId: order.id, trackingNumber: input.trackingNumber } },
      select: { id: true },
    });
    if (!shipment) throw new DomainError('SHIPMENT_NOT_FOUND');
    const result = await storeTrackingEvents(tx, deps, {
      shopId: input.shopId,
      orderId: order.id,
      shipmentId: shipment.id,
      events: input.events,
      actor: input.actor,
    });
    return { shipmentId: shipment.id, ...result, deliveredAt: isoOrNull(result.deliveredAt) };
  });
}

/**
 * `addTrackingEvents` for a shipment known by its id (scans Comptoir polled from the carrier): the
 * same order lock, deduplication, transitions, events and estimates as scans the shop pushes.
 */
export async function addShipmentTrackingEvents(
  deps: Deps,
  input: { shopId: string; shipmentId: string; events: TrackingEventInput[]; actor: Actor },
): Promise<{ eventsAdded: number; status: string; deliveredAt: Date | null }> {
  const owner = await deps.db.shipment.findFirst({
    where: { id: input.shipmentId, shopId: input.shopId },
    select: { order: { select: { externalId: true } } },
  });
  if (!owner) throw new DomainError('SHIPMENT_NOT_FOUND');
  return withOrderLock(deps, { shopId: input.shopId, externalId: owner.order.externalId }, async (tx) => {
    // Read again under the lock: the order may have been replaced since.
    const shipment = await tx.shipment.findFirst({ where: { id: input.shipmentId, shopId: input.shopId }, select: { orderId: true } });
    if (!shipment) throw new DomainError('SHIPMENT_NOT_FOUND');
    return storeTrackingEvents(tx, deps, { shopId: input.shopId, orderId: shipment.orderId, shipmentId: input.shipmentId, events: input.events, actor: input.actor });
  });
}

/**
 * Stores new scans and moves the shipment (and, when every parcel is delivered, the order). A scan
 * that carries the carrier's estimated delivery date replaces the estimate, unless an older scan
 * arrives after a newer one: the newest known scan's word stands.
 */
async function storeTrackingEvents(
  tx: Db,
  deps: Deps,
  input: { shopId: string; orderId: string; shipmentId: string; events: TrackingEventInput[]; actor: Actor },
): Promise<{ eventsAdded: number; status: string; deliveredAt: Date | null }> {
  const { shopId, orderId, shipmentId, actor } = input;
  const now = deps.clock.now();
  const newestBefore = await tx.trackingEvent.findFirst({ where: { shipmentId }, orderBy: { occurredAt: 'desc' }, select: { occurredAt: true } });
  await updateCarrierEstimate(tx, { shopId, orderId, shipmentId, events: input.events, newestBefore: newestBefore?.occurredAt ?? null, actor, now });
  const { count } = input.events.length
    ? await tx.trackingEvent.createMany({
        data: input.events.map((event) => ({
          shipmentId,
          occurredAt: event.occurredAt,
          status: event.status,
          description: event.description ?? null,
          location: event.location ?? null,
        })),
        skipDuplicates: true,
      })
    : { count: 0 };
  const shipment = await tx.shipment.findUniqueOrThrow({
    where: { id: shipmentId },
    select: { status: true, deliveredAt: true },
  });
  if (count === 0) return { eventsAdded: 0, status: shipment.status, deliveredAt: shipment.deliveredAt };

  const latest = await tx.trackingEvent.findFirst({
    where: { shipmentId },
    orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
    select: { status: true },
  });
  const firstDelivered = shipment.deliveredAt
    ? null
    : await tx.trackingEvent.findFirst({
        where: { shipmentId, status: 'delivered' },
        orderBy: { occurredAt: 'asc' },
        select: { occurredAt: true },
      });
  const status = latest?.status ?? shipment.status;
  const deliveredAt = shipment.deliveredAt ?? firstDelivered?.occurredAt ?? null;
  if (status !== shipment.status || deliveredAt !== shipment.deliveredAt) {
    await tx.shipment.update({ where: { id: shipmentId }, data: { status, deliveredAt }, select: { id: true } });
  }
  if (status !== shipment.status) {
    await recordEvent(tx, {
      shopId,
      subjectType: 'shipment',
      subjectId: shipmentId,
      type: 'shipment.status_changed',
      fromStatus: shipment.status,
      toStatus: status,
      actor,
      data: { orderId },
      occurredAt: now,
    });
  }
  if (status === 'out_for_delivery' && shipment.status !== status) {
    await notifyOrderProgress(tx, deps, { shopId, orderId, topic: 'order_out_for_delivery', shipmentId, at: now });
  }
  if (firstDelivered) await deliverOrderIfAllParcelsDelivered(tx, deps, { shopId, orderId, actor });
  return { eventsAdded: count, status, deliveredAt };
}

/** Takes the delivery date announced by the newest scan that gives one, if no newer scan is already known. */
async function updateCarrierEstimate(
  tx: Db,
  input: { shopId: string; orderId: string; shipmentId: string; events: TrackingEventInput[]; newestBefore: Date | null; actor: Actor; now: Date },
): Promise<void> {
  const announcing = input.events
    .filter((event): event is TrackingEventInput & { estimatedDeliveryAt: Date } => event.estimatedDeliveryAt !== undefined)
    .reduce<(TrackingEventInput & { estimatedDeliveryAt: Date }) | null>((newest, event) => (!newest || event.occurredAt > newest.occurredAt ? event : newest), null);
  if (!announcing || (input.newestBefore && announcing.occurredAt < input.newestBefore)) return;
  const { estimatedAt } = await tx.shipment.findUniqueOrThrow({ where: { id: input.shipmentId }, select: { estimatedAt: true } });
  if (estimatedAt?.getTime() === announcing.estimatedDeliveryAt.getTime()) return;
  await tx.shipment.update({ where: { id: input.shipmentId }, data: { estimatedAt: announcing.estimatedDeliveryAt }, select: { id: true } });
  await recordEvent(tx, {
    shopId: input.shopId,
    subjectType: 'shipment',
    subjectId: input.shipmentId,
    type: 'shipment.estimate_changed',
    actor: input.actor,
    reason: 'carrier.announced',
    data: { orderId: input.orderId, from: estimatedAt?.toISOString() ?? null, to: announcing.estimatedDeliveryAt.toISOString() },
    occurredAt: input.now,
  });
}

async function deliverOrderIfAllParcelsDelivered(tx: Db, deps: Deps, input: { shopId: string; orderId: string; actor: Actor }) {
  const order = await tx.order.findUniqueOrThrow({ where: { id: input.orderId }, select: stageSelect });
  // The carrier's scan is a fact, but a cancelled or already delivered order does not move.
  if (order.deliveredAt || order.status === 'cancelled' || order.fulfilment !== 'shipping') return;
  const parcels = await tx.shipment.findMany({ where: { orderId: input.orderId }, select: { deliveredAt: true } });
  if (parcels.some((parcel) => !parcel.deliveredAt)) return;
  const deliveredAt = new Date(Math.max(...parcels.map((parcel) => (parcel.deliveredAt as Date).getTime())));
  const updated = await tx.order.update({ where: { id: order.id }, data: { deliveredAt }, select: stageSelect });
  await recordEvent(tx, {
    shopId: input.shopId,
    subjectType: 'order',
    subjectId: order.id,
    type: 'order.delivered',
    fromStatus: orderStageOf(order),
    toStatus: orderStageOf(updated),
    actor: input.actor,
    reason: 'tracking.delivered',
    data: { at: deliveredAt.toISOString() },
    occurredAt: deps.clock.now(),
  });
  await notifyOrderProgress(tx, deps, { shopId: input.shopId, orderId: order.id, topic: 'order_delivered', at: deps.clock.now() });
}
