import type { Deps } from '../core/deps.js';
import { recordEvent } from '../core/events.js';
import { withOrderLock } from '../orders/order-transaction.js';
import { checkOrderTransition, orderStageOf } from '../orders/state.js';
import type { LedgerAllocation, OrderLedger } from '../refunds/ledger.js';
import { defaultRefundProviders, type RefundProviderRegistry } from '../refunds/providers.js';
import { createRefund, loadOrderLedger } from '../refunds/service.js';
import { stripeProviderName } from '../payments/stripe-provider.js';
import { submitPendingRefund } from '../payments/submit-refund.js';
import { UncollectedRefund, uncollectedDeadline, type PickupSettings } from './policy.js';
import { getPickupSettings, PickupBookingStatus, pickupSystemActor } from './service.js';

/** The reason recorded on everything a no-show causes. */
export const notCollectedReason = 'pickup.not_collected';

/** What one pass over uncollected orders did. */
export interface UncollectedReport {
  cancelled: string[];
  /** Orders whose refund was made (or handed to Stripe). */
  refunded: string[];
  /** Orders the policy could not refund by itself: staff must (an `order.refund_required` event says why). */
  needsStaff: string[];
}

/**
 * Everything that remains refundable on an order, as allocations: each line's and the shipping's
 * remainder, trimmed so the whole never exceeds what remains of the total (a discounted order).
 */
export function remainingAllocations(ledger: OrderLedger): LedgerAllocation[] {
  let budget = ledger.totalRemainingMinor;
  const allocations: LedgerAllocation[] = [];
  const take = (allocation: LedgerAllocation) => {
    const amountMinor = Math.min(allocation.amountMinor, budget);
    if (amountMinor <= 0) return;
    budget -= amountMinor;
    allocations.push({ ...allocation, amountMinor });
  };
  for (const line of ledger.lines) take({ orderLineId: line.orderLineId, kind: 'line', amountMinor: line.remainingMinor });
  take({ orderLineId: null, kind: 'shipping', amountMinor: ledger.shipping.remainingMinor });
  return allocations;
}

/** Orders examined per query, and in one pass at most. */
const batchSize = 100;
const maxPerPass = 1_000;

/**
 * Cancels the pickup orders nobody collected within the shop's `uncollectedDays` after they were
 * ready, and refunds them as its policy says: store credit, the card through Stripe, or nothing
 * (the shop refunds by hand). The cancellation, its events (actor system, reason
 * `pickup.not_collected`), the booking's no-show and a `PickupNoShow` marker are one transaction
 * under the order's lock; the refund follows with an idempotency key per order, and markers whose
 * refund is not done yet are taken up again on the next pass, so a crash in between loses nothing.
 */
export async function cancelUncollectedOrders(
  deps: Deps,
  now: Date,
  options: { providers?: RefundProviderRegistry } = {},
): Promise<UncollectedReport> {
  const providers = options.providers ?? defaultRefundProviders();
  const report: UncollectedReport = { cancelled: [], refunded: [], needsStaff: [] };
  const settingsByShop = new Map<string, PickupSettings>();
  const settingsOf = async (shopId: string) => {
    let settings = settingsByShop.get(shopId);
    if (!settings) settingsByShop.set(shopId, (settings = await getPickupSettings(deps.db, shopId)));
    return settings;
  };

  // No shop waits less than a day, so orders ready since less than that are not even looked at.
  const readyBefore = new Date(now.getTime() - 86_400_000);
  let cursor: string | undefined;
  for (let seen = 0; seen < maxPerPass; ) {
    const candidates = await deps.db.order.findMany({
      where: {
        fulfilment: 'pickup',
        status: 'open',
        pickedUpAt: null,
        readyForPickupAt: { lte: readyBefore },
        ...(cursor ? { id: { gt: cursor } } : {}),
      },
      select: { id: true, shopId: true, externalId: true, readyForPickupAt: true, shop: { select: { timeZone: true } } },
      orderBy: { id: 'asc' },
      take: batchSize,
    });
    if (candidates.length === 0) break;
    seen += candidates.length;
    cursor = candidates.at(-1)!.id;
    for (const candidate of candidates) {
      const settings = await settingsOf(candidate.shopId);
      if (uncollectedDeadline(candidate.readyForPickupAt!, settings, candidate.shop.timeZone) > now) continue;
      const isCancelled = await cancelUncollected(deps, { ...candidate, settings });
      if (isCancelled) report.cancelled.push(candidate.id);
    }
  }

  const unsettled = await deps.db.pickupNoShow.findMany({
    where: { settledAt: null },
    select: { orderId: true, shopId: true, refundPolicy: true },
    orderBy: { cancelledAt: 'asc' },
    take: maxPerPass,
  });
  for (const noShow of unsettled) {
    const outcome = await refundNoShow(deps, noShow, providers);
    if (outcome === 'refunded') report.refunded.push(noShow.orderId);
    if (outcome === 'needs_staff') report.needsStaff.push(noShow.orderId);
  }
  return report;
}

async function cancelUncollected(
  deps: Deps,
  order: { id: string; shopId: string; externalId: string; readyForPickupAt: Date | null; settings: PickupSettings },
): Promise<boolean> {
  return withOrderLock(deps, { shopId: order.shopId, externalId: order.externalId }, async (tx) => {
    const current = await tx.order.findUniqueOrThrow({
      where: { id: order.id },
      select: { status: true, fulfilment: true, shippedAt: true, deliveredAt: true, readyForPickupAt: true, pickedUpAt: true },
    });
    // Collected or cancelled while we looked: nothing to do.
    if (current.status !== 'open' || current.pickedUpAt) return false;
    if (!checkOrderTransition(current, 'cancelled')) return false;
    const at = deps.clock.now();
    const from = orderStageOf(current);
    const updated = await tx.order.update({
      where: { id: order.id },
      data: { status: 'cancelled', cancelledAt: at },
      select: { status: true, fulfilment: true, shippedAt: true, deliveredAt: true, readyForPickupAt: true, pickedUpAt: true },
    });
    await recordEvent(tx, {
      shopId: order.shopId,
      subjectType: 'order',
      subjectId: order.id,
      type: 'order.cancelled',
      fromStatus: from,
      toStatus: orderStageOf(updated),
      actor: pickupSystemActor,
      reason: notCollectedReason,
      data: { at: at.toISOString(), uncollectedDays: order.settings.uncollectedDays, refund: order.settings.uncollectedRefund },
      occurredAt: at,
    });
    const booking = await tx.pickupBooking.findUnique({ where: { orderId: order.id }, select: { id: true, status: true, slotId: true } });
    if (booking?.status === PickupBookingStatus.booked) {
      await tx.pickupBooking.update({ where: { id: booking.id }, data: { status: PickupBookingStatus.noShow, cancelledAt: at } });
      await recordEvent(tx, {
        shopId: order.shopId,
        subjectType: 'pickup',
        subjectId: booking.id,
        type: 'pickup.no_show',
        fromStatus: PickupBookingStatus.booked,
        toStatus: PickupBookingStatus.noShow,
        actor: pickupSystemActor,
        reason: notCollectedReason,
        data: { orderId: order.id },
        occurredAt: at,
      });
    }
    await tx.pickupNoShow.create({
      data: {
        orderId: order.id,
        shopId: order.shopId,
        refundPolicy: order.settings.uncollectedRefund,
        cancelledAt: at,
        ...(order.settings.uncollectedRefund === UncollectedRefund.none ? { settledAt: at } : {}),
      },
    });
    return true;
  });
}

async function refundNoShow(
  deps: Deps,
  noShow: { orderId: string; shopId: string; refundPolicy: string },
  providers: RefundProviderRegistry,
): Promise<'refunded' | 'needs_staff' | 'nothing'> {
  const idempotencyKey = `pickup-no-show:${noShow.orderId}`;
  const settle = (refundId: string | null) =>
    deps.db.pickupNoShow.update({ where: { orderId: noShow.orderId }, data: { refundId, settledAt: deps.clock.now() } });
  const needsStaff = async (why: string) => {
    await deps.db.$transaction(async (tx) => {
      await recordEvent(tx, {
        shopId: noShow.shopId,
        subjectType: 'order',
        subjectId: noShow.orderId,
        type: 'order.refund_required',
        actor: pickupSystemActor,
        reason: `${notCollectedReason}:${why}`,
        occurredAt: deps.clock.now(),
      });
      await tx.pickupNoShow.update({ where: { orderId: noShow.orderId }, data: { settledAt: deps.clock.now() } });
    });
    return 'needs_staff' as const;
  };

  // A refund already made under this key (a pass that stopped before marking it) is kept as is.
  const existing = await deps.db.refund.findUnique({
    where: { shopId_idempotencyKey: { shopId: noShow.shopId, idempotencyKey } },
    select: { id: true, provider: true, status: true },
  });
  let provider: string;
  if (existing) provider = existing.provider;
  else if (noShow.refundPolicy === UncollectedRefund.storeCredit) provider = 'store_credit';
  else if (noShow.refundPolicy === UncollectedRefund.originalPayment) {
    const [connection, order] = await Promise.all([
      deps.db.paymentConnection.findUnique({
        where: { shopId_provider: { shopId: noShow.shopId, provider: stripeProviderName } },
        select: { id: true },
      }),
      deps.db.order.findUniqueOrThrow({ where: { id: noShow.orderId }, select: { paymentReference: true } }),
    ]);
    const isCardPaid = /^(pi|ch)_/.test(order.paymentReference ?? '');
    if (!providers.has(stripeProviderName) || !connection || !isCardPaid) return needsStaff('no_card_refund_possible');
    provider = stripeProviderName;
  } else {
    await settle(null);
    return 'nothing';
  }

  let refundId = existing?.id ?? null;
  if (!existing) {
    const allocations = remainingAllocations(await loadOrderLedger(deps.db, noShow.shopId, noShow.orderId));
    if (allocations.length === 0) {
      await settle(null);
      return 'nothing';
    }
    const refund = await createRefund(
      deps,
      {
        shopId: noShow.shopId,
        orderId: noShow.orderId,
        idempotencyKey,
        provider,
        allocations,
        reason: notCollectedReason,
        actor: pickupSystemActor,
      },
      providers,
    );
    refundId = refund.id;
  }
  if (provider === stripeProviderName && refundId) {
    const submitted = await submitPendingRefund(deps, refundId, providers);
    // Stripe unreachable: keep the marker open and try again on the next pass.
    if (submitted.isRetryable) return 'nothing';
  }
  await settle(refundId);
  return 'refunded';
}
