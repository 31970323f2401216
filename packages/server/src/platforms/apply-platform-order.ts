import { orderUpsertInput, TrackingStatus } from '@comptoir/protocol';
import { estimateDeliveryFromTransit } from '../carriers/transit-times.js';
import type { Actor } from '../core/actor.js';
import type { Db, Deps } from '../core/deps.js';
import { recordEvent } from '../core/events.js';
import { carrierFromName } from '../carriers/carrier.js';
import { detectCarrier } from '../carriers/detect-carrier.js';
import { normaliseTrackingStatus } from '../carriers/tracking-status.js';
import { trackingUrl } from '../carriers/tracking-url.js';
import { withOrderLock } from '../orders/order-transaction.js';
import { applyOrderUpsert } from '../orders/upsert-order.js';
import { parsePayload, type PlatformOrderUpdate, type PlatformShipment } from './platform.js';

/** What applying a platform's order did; `stale` when a newer version had already been applied. */
export interface ApplyPlatformOrderResult {
  orderId: string;
  outcome: 'created' | 'updated' | 'unchanged' | 'stale';
  shipmentsAdded: number;
}

/**
 * Applies one version of an order sent by a shop platform, through the same upsert as the API and
 * under the order's lock: a version older than the last one applied (`sourceUpdatedAt`) is
 * skipped, so deliveries arriving out of order leave the newest state; the same version again
 * changes nothing. Parcels the platform reports are added as shipments in the same transaction.
 */
export async function applyPlatformOrder(
  deps: Deps,
  input: { shopId: string; shopCountry: string; update: PlatformOrderUpdate; actor: Actor },
): Promise<ApplyPlatformOrderResult> {
  const order = parsePayload(orderUpsertInput, input.update.order);
  const sourceUpdatedAt = input.update.sourceUpdatedAt;
  return withOrderLock(deps, { shopId: input.shopId, externalId: order.externalId }, async (tx) => {
    const known = await tx.order.findUnique({
      where: { shopId_externalId: { shopId: input.shopId, externalId: order.externalId } },
      select: { id: true, sourceUpdatedAt: true },
    });
    if (known?.sourceUpdatedAt && sourceUpdatedAt.getTime() < known.sourceUpdatedAt.getTime()) {
      return { orderId: known.id, outcome: 'stale', shipmentsAdded: 0 };
    }
    const result = await applyOrderUpsert(tx, deps, { shopId: input.shopId, order, actor: input.actor });
    if (known?.sourceUpdatedAt?.getTime() !== sourceUpdatedAt.getTime()) {
      await tx.order.update({ where: { id: result.orderId }, data: { sourceUpdatedAt }, select: { id: true } });
    }
    const shipmentsAdded = await addShipments(tx, deps, {
      shopId: input.shopId,
      shopCountry: input.shopCountry,
      orderId: result.orderId,
      shipments: input.update.shipments,
      actor: input.actor,
    });
    return { ...result, shipmentsAdded };
  });
}

/**
 * Adds the parcels not yet known for the order (by tracking number), naming the carrier from the
 * platform's carrier name, else from the number's shape, else "other".
 */
async function addShipments(
  tx: Db,
  deps: Deps,
  input: { shopId: string; shopCountry: string; orderId: string; shipments: PlatformShipment[]; actor: Actor },
): Promise<number> {
  if (input.shipments.length === 0) return 0;
  const existing = await tx.shipment.findMany({ where: { orderId: input.orderId }, select: { trackingNumber: true } });
  const known = new Set(existing.map((shipment) => shipment.trackingNumber));
  const now = deps.clock.now();
  const { timeZone } = await tx.shop.findUniqueOrThrow({ where: { id: input.shopId }, select: { timeZone: true } });
  let added = 0;
  for (const shipment of input.shipments) {
    const trackingNumber = shipment.trackingNumber.trim().slice(0, 64);
    if (!trackingNumber || known.has(trackingNumber)) continue;
    known.add(trackingNumber);
    const detected = detectCarrier(trackingNumber, { country: input.shopCountry });
    const carrier = carrierFromName(shipment.carrierName) ?? detected.carrier ?? 'other';
    const status = (shipment.rawStatus && normaliseTrackingStatus(carrier, shipment.rawStatus)) || TrackingStatus.label_created;
    const created = await tx.shipment.create({
      data: {
        shopId: input.shopId,
        orderId: input.orderId,
        carrier,
        trackingNumber,
        trackingUrl: shipment.trackingUrl ?? trackingUrl(carrier, trackingNumber),
        status,
        shippedAt: shipment.shippedAt,
        deliveredAt: status === TrackingStatus.delivered ? (shipment.shippedAt ?? now) : null,
        estimatedAt: estimateDeliveryFromTransit({ carrier, country: input.shopCountry, timeZone, shippedAt: shipment.shippedAt ?? now }),
      },
      select: { id: true },
    });
    await recordEvent(tx, {
      shopId: input.shopId,
      subjectType: 'shipment',
      subjectId: created.id,
      type: 'shipment.created',
      toStatus: status,
      actor: input.actor,
      reason: 'platform_webhook',
      data: { orderId: input.orderId, carrier, trackingNumber },
      occurredAt: now,
    });
    if (carrier === 'other' && !detected.carrier && detected.candidates.length > 0) {
      // Several carriers use this number's shape and the platform named none: staff are asked to
      // name it (orders.backend.addShipment with the same number and the carrier).
      await recordEvent(tx, {
        shopId: input.shopId,
        subjectType: 'shipment',
        subjectId: created.id,
        type: 'shipment.carrier_unknown',
        actor: input.actor,
        reason: 'carrier.ambiguous',
        data: { orderId: input.orderId, trackingNumber, candidates: detected.candidates },
        occurredAt: now,
      });
    }
    added += 1;
  }
  return added;
}
