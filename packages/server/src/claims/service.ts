import {
  AutomaticReason,
  attachmentLimits,
  automaticReasonMessage,
  canTransition,
  claimMachine,
  ClaimKind,
  ClaimStatus,
  isTerminalStatus,
  type AttachmentInput,
  type Locale,
  type ResolveClaimInput,
} from '@comptoir/protocol';
import type { Prisma } from '../generated/prisma/client.js';
import { ActorType, type Actor } from '../core/actor.js';
import type { Db, Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { recordEvent } from '../core/events.js';
import { checkAttachments } from '../cases/attachments.js';
import { notifyStaffCaseRated, notifyStaffNewCase, staffCaseRef } from '../notifications/staff-alerts.js';
import { createCaseLink } from '../notifications/shopper-code.js';
import { listCaseEvents, type CaseEvent } from '../cases/case-events.js';
import { loadCasePolicy } from '../cases/case-policy.js';
import { checkClaimEligibility, type ClaimEligibility } from '../guarantees/claim-eligibility.js';
import { deliveryPromiseOf } from '../carriers/delivery-promise.js';
import { planClaimAnswer } from '../guarantees/case-deadlines.js';
import { requireTransition } from '../guarantees/domain-errors.js';
import { nextDeadlineOf, setDeadline, settleDeadline } from '../deadlines/store.js';
import { enqueue } from '../notifications/outbox.js';
import { createRefund, loadOrderLedger } from '../refunds/service.js';
import type { LedgerAllocation } from '../refunds/ledger.js';

/** Who is asking, in the widget. */
export interface ShopperScope {
  shopId: string;
  customerId: string;
}

const orderForClaimSelect = {
  id: true,
  number: true,
  status: true,
  fulfilment: true,
  placedAt: true,
  deliveredAt: true,
  pickedUpAt: true,
  promisedDeliveryBy: true,
  shipments: { select: { promisedBy: true, estimatedAt: true } },
} satisfies Prisma.OrderSelect;

/**
 * The order as claim eligibility reads it: "not received" runs from the latest date the shop
 * promised (order or parcel), else from the carriers' estimated dates, so a parcel gone late
 * opens the claim that many days after it was due.
 */
function claimOrderOf<T extends Prisma.OrderGetPayload<{ select: typeof orderForClaimSelect }>>(order: T): T {
  return { ...order, promisedDeliveryBy: deliveryPromiseOf(order)?.by ?? null };
}

/** The shopper's link to a claim: the widget on the shop's site, open on it, signed in once. */
export function claimLink(tx: Db, deps: Deps, claim: { id: string; shopId: string; customerId: string }): Promise<string> {
  return createCaseLink(deps, tx, { shopId: claim.shopId, customerId: claim.customerId, caseType: 'claim', caseId: claim.id });
}

/** Whether each kind of claim can be opened on an order now, with its reason and dates. */
export async function claimEligibility(
  deps: Deps,
  input: ShopperScope & { orderId: string },
): Promise<Array<{ kind: ClaimKind } & ClaimEligibility>> {
  const order = await deps.db.order.findFirst({
    where: { id: input.orderId, shopId: input.shopId, customerId: input.customerId },
    select: orderForClaimSelect,
  });
  if (!order) throw new DomainError('ORDER_NOT_FOUND');
  const policy = await loadCasePolicy(deps.db, input.shopId);
  const now = deps.clock.now();
  return Object.values(ClaimKind).map((kind) => ({
    kind,
    ...checkClaimEligibility({ policy: policy.rules, timeZone: policy.timeZone, kind, order: claimOrderOf(order), now }),
  }));
}

/** Statuses in which a claim still runs (a second claim of the same kind is refused). */
const runningStatuses = claimMachine.statuses.filter((status) => !isTerminalStatus(claimMachine, status));

/**
 * Opens a claim for the shopper: checks eligibility (with the reason when refused), stores the
 * photos, starts the shop's answer clock (2 business days by default) and tells the shopper by email.
 */
export async function openClaim(
  deps: Deps,
  input: ShopperScope & { orderId: string; kind: ClaimKind; description: string; photos: readonly AttachmentInput[]; locale: Locale },
): Promise<{ claimId: string; status: string; answerDueAt: Date }> {
  const photos = checkAttachments(input.photos, attachmentLimits.imageTypes);
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const order = await tx.order.findFirst({
      where: { id: input.orderId, shopId: input.shopId, customerId: input.customerId },
      select: { ...orderForClaimSelect, customer: { select: { email: true, locale: true } } },
    });
    if (!order) throw new DomainError('ORDER_NOT_FOUND');
    // One claim at a time per order and kind: serialise concurrent opens of the same one.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`claim:${order.id}:${input.kind}`}, 0))`;
    const policy = await loadCasePolicy(tx, input.shopId);
    const verdict = checkClaimEligibility({ policy: policy.rules, timeZone: policy.timeZone, kind: input.kind, order: claimOrderOf(order), now });
    if (!verdict.eligible) throw new DomainError('CLAIM_NOT_ELIGIBLE', { reason: verdict.message[input.locale], code: verdict.code });
    const running = await tx.claim.findFirst({
      where: { orderId: order.id, kind: input.kind, status: { in: runningStatuses } },
      select: { id: true },
    });
    if (running) throw new DomainError('CLAIM_ALREADY_OPEN');

    const plan = planClaimAnswer(now, policy.rules, policy.schedule);
    const claim = await tx.claim.create({
      data: {
        shopId: input.shopId,
        orderId: order.id,
        customerId: input.customerId,
        kind: input.kind,
        status: ClaimStatus.open,
        description: input.description,
        policyVersion: policy.version,
        nextDeadlineAt: plan.dueAt,
        openedAt: now,
        createdAt: now,
      },
      select: { id: true },
    });
    if (photos.length) {
      await tx.attachment.createMany({ data: photos.map((photo) => ({ shopId: input.shopId, claimId: claim.id, ...photo, createdAt: now })) });
    }
    await setDeadline(tx, { shopId: input.shopId, caseType: 'claim', caseId: claim.id }, plan);
    const shopper: Actor = { type: ActorType.shopper, id: input.customerId };
    await recordEvent(tx, {
      shopId: input.shopId,
      subjectType: 'claim',
      subjectId: claim.id,
      type: 'claim.opened',
      toStatus: ClaimStatus.open,
      actor: shopper,
      data: { kind: input.kind, orderId: order.id, answerDueAt: plan.dueAt.toISOString(), photos: photos.length },
      occurredAt: now,
    });
    await enqueue(tx, {
      channel: 'email',
      shopId: input.shopId,
      topic: 'claim_opened',
      dedupeKey: `claim:${claim.id}:opened`,
      to: order.customer.email,
      locale: localeOf(order.customer.locale ?? policy.shopLocale),
      customerId: input.customerId,
      data: { orderNumber: order.number, kind: input.kind, url: await claimLink(tx, deps, { id: claim.id, shopId: input.shopId, customerId: input.customerId }), answerDueAt: plan.dueAt.toISOString() },
      at: now,
    });
    await notifyStaffNewCase(tx, deps, { shopId: input.shopId, caseType: 'claim', caseId: claim.id, caseRef: staffCaseRef(claim.id), orderNumber: order.number }, now);
    await enqueue(tx, {
      channel: 'webhook',
      shopId: input.shopId,
      type: 'claim.opened',
      dedupeKey: `claim:${claim.id}:opened`,
      data: { claimId: claim.id, orderId: order.id, orderNumber: order.number, kind: input.kind, answerDueAt: plan.dueAt.toISOString() },
      at: now,
    });
    return { claimId: claim.id, status: ClaimStatus.open, answerDueAt: plan.dueAt };
  });
}

/** A language the product speaks, from a stored locale. */
export function localeOf(value: string | null | undefined): Locale {
  return value?.startsWith('en') ? 'en' : 'fr';
}

const claimSummarySelect = {
  id: true,
  kind: true,
  status: true,
  resolution: true,
  nextDeadlineAt: true,
  openedAt: true,
  answeredAt: true,
  decidedAt: true,
  closedAt: true,
  rating: true,
  order: { select: { id: true, number: true } },
} satisfies Prisma.ClaimSelect;

/** A claim in a list. */
export type ClaimSummary = Prisma.ClaimGetPayload<{ select: typeof claimSummarySelect }>;

/** The shopper's claims, newest first. */
export async function listShopperClaims(
  deps: Deps,
  input: ShopperScope & { limit: number; cursor?: string | null },
): Promise<{ claims: ClaimSummary[]; nextCursor: string | null }> {
  const rows = await deps.db.claim.findMany({
    where: { shopId: input.shopId, customerId: input.customerId, ...(input.cursor ? { id: { lt: input.cursor } } : {}) },
    orderBy: { id: 'desc' },
    take: input.limit + 1,
    select: claimSummarySelect,
  });
  const page = rows.slice(0, input.limit);
  return { claims: page, nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}

/** A claim with its history, photos and refunds. */
export interface ClaimDetail extends ClaimSummary {
  description: string | null;
  ratingComment: string | null;
  events: CaseEvent[];
  photos: Array<{ id: string; filename: string; contentType: string; sizeBytes: number }>;
  refunds: Array<{ id: string; status: string; provider: string; amountMinor: number; currency: string }>;
}

async function claimDetail(db: Db, where: Prisma.ClaimWhereInput, includeStaffOnly: boolean): Promise<ClaimDetail & { shopId: string }> {
  const claim = await db.claim.findFirst({
    where,
    select: {
      ...claimSummarySelect,
      shopId: true,
      description: true,
      ratingComment: true,
      refunds: { select: { id: true, status: true, provider: true, amountMinor: true, currency: true }, orderBy: { createdAt: 'asc' } },
    },
  });
  if (!claim) throw new DomainError('CLAIM_NOT_FOUND');
  const photos = await db.attachment.findMany({
    where: { claimId: claim.id, shopId: claim.shopId },
    select: { id: true, filename: true, contentType: true, sizeBytes: true },
    orderBy: { createdAt: 'asc' },
  });
  const events = await listCaseEvents(db, { shopId: claim.shopId, subjectType: 'claim', subjectId: claim.id, includeStaffOnly });
  return { ...claim, photos, events };
}

/** One of the shopper's claims. */
export function shopperClaimDetail(deps: Deps, input: ShopperScope & { claimId: string }): Promise<ClaimDetail> {
  return claimDetail(deps.db, { id: input.claimId, shopId: input.shopId, customerId: input.customerId }, false);
}

/** A claim of the staff's shop, with its customer's id (for the customer's history). */
export async function staffClaimDetail(deps: Deps, input: { shopId: string; claimId: string }): Promise<ClaimDetail & { customerId: string }> {
  const detail = await claimDetail(deps.db, { id: input.claimId, shopId: input.shopId }, true);
  const { customerId } = await deps.db.claim.findUniqueOrThrow({ where: { id: detail.id }, select: { customerId: true } });
  return { ...detail, customerId };
}

/**
 * Moves a claim from the status it was read in to `to`, with a conditional update (a concurrent
 * change makes it fail with INVALID_TRANSITION rather than overwrite), and records the event.
 */
export async function transitionClaim(
  tx: Db,
  claim: { id: string; shopId: string; status: string },
  to: ClaimStatus,
  change: { actor: Actor; at: Date; type: string; reason?: string | null; data?: Prisma.InputJsonValue; set?: Prisma.ClaimUpdateManyMutationInput },
): Promise<void> {
  requireTransition(claimMachine, claim.status, to);
  const updated = await tx.claim.updateMany({
    where: { id: claim.id, shopId: claim.shopId, status: claim.status },
    data: { status: to, ...change.set, updatedAt: change.at },
  });
  if (updated.count !== 1) throw new DomainError('INVALID_TRANSITION', { from: claim.status, to });
  await recordEvent(tx, {
    shopId: claim.shopId,
    subjectType: 'claim',
    subjectId: claim.id,
    type: change.type,
    fromStatus: claim.status,
    toStatus: to,
    actor: change.actor,
    reason: change.reason ?? null,
    ...(change.data === undefined ? {} : { data: change.data }),
    occurredAt: change.at,
  });
}

/** Stops the claim's answer clock and keeps the case's next deadline true. */
async function stopAnswerClock(tx: Db, claimId: string, outcome: 'met' | 'cancelled', at: Date): Promise<Date | null> {
  await settleDeadline(tx, { caseType: 'claim', caseId: claimId }, 'claim_answer', outcome, at);
  return nextDeadlineOf(tx, { caseType: 'claim', caseId: claimId });
}

async function lockedClaim(tx: Db, where: Prisma.ClaimWhereInput) {
  const claim = await tx.claim.findFirst({
    where,
    select: {
      id: true,
      shopId: true,
      status: true,
      kind: true,
      orderId: true,
      decidedAt: true,
      resolution: true,
      order: { select: { number: true } },
      customer: { select: { id: true, email: true, locale: true } },
    },
  });
  if (!claim) throw new DomainError('CLAIM_NOT_FOUND');
  return claim;
}

/** The shopper withdraws a claim (the parcel turned up); the shop's clock stops. */
export async function withdrawClaim(deps: Deps, input: ShopperScope & { claimId: string }): Promise<{ status: string }> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const claim = await lockedClaim(tx, { id: input.claimId, shopId: input.shopId, customerId: input.customerId });
    const nextDeadlineAt = await stopAnswerClock(tx, claim.id, 'cancelled', now);
    await transitionClaim(tx, claim, ClaimStatus.withdrawn, {
      actor: { type: ActorType.shopper, id: input.customerId },
      at: now,
      type: 'claim.withdrawn',
      set: { closedAt: now, nextDeadlineAt },
    });
    return { status: ClaimStatus.withdrawn };
  });
}

/** Statuses in which a claim can be rated: it is settled. */
const rateableStatuses: readonly string[] = [ClaimStatus.refunded, ClaimStatus.closed, ClaimStatus.resolved, ClaimStatus.rejected];

/** The shopper rates a settled claim, once (1 to 5 and a comment). */
export async function rateClaim(
  deps: Deps,
  input: ShopperScope & { claimId: string; rating: number; comment?: string | null },
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    const claim = await lockedClaim(tx, { id: input.claimId, shopId: input.shopId, customerId: input.customerId });
    if (!rateableStatuses.includes(claim.status)) throw new DomainError('CASE_NOT_RATEABLE');
    const updated = await tx.claim.updateMany({
      where: { id: claim.id, rating: null },
      data: { rating: input.rating, ratingComment: input.comment?.trim() || null },
    });
    if (updated.count !== 1) throw new DomainError('CASE_NOT_RATEABLE');
    await recordEvent(tx, {
      shopId: claim.shopId,
      subjectType: 'claim',
      subjectId: claim.id,
      type: 'claim.rated',
      actor: { type: ActorType.shopper, id: input.customerId },
      data: { rating: input.rating },
      occurredAt: now,
    });
    const target = { shopId: claim.shopId, caseType: 'claim', caseId: claim.id, caseRef: staffCaseRef(claim.id), orderNumber: claim.order.number } as const;
    await notifyStaffCaseRated(tx, deps, { ...target, rating: input.rating, comment: input.comment?.trim() || null }, now);
  });
}

/** The shop answers a claim: the answer clock stops (the promise is kept) and the shopper is told. */
export async function answerClaim(
  deps: Deps,
  input: { shopId: string; claimId: string; message: string; actor: Actor },
): Promise<{ status: string }> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const claim = await lockedClaim(tx, { id: input.claimId, shopId: input.shopId });
    const nextDeadlineAt = await stopAnswerClock(tx, claim.id, 'met', now);
    await transitionClaim(tx, claim, ClaimStatus.answered, {
      actor: input.actor,
      at: now,
      type: 'claim.answered',
      data: { message: input.message },
      set: { answeredAt: now, nextDeadlineAt },
    });
    await enqueue(tx, {
      channel: 'email',
      shopId: claim.shopId,
      topic: 'claim_answered',
      dedupeKey: `claim:${claim.id}:answered`,
      to: claim.customer.email,
      locale: localeOf(claim.customer.locale),
      data: { orderNumber: claim.order.number, kind: claim.kind as ClaimKind, url: await claimLink(tx, deps, { id: claim.id, shopId: claim.shopId, customerId: claim.customer.id }), message: input.message },
      at: now,
    });
    return { status: ClaimStatus.answered };
  });
}

/** The whole of what remains refundable on an order, as allocations (lines, then shipping). */
export async function remainingAllocations(db: Db, shopId: string, orderId: string): Promise<LedgerAllocation[]> {
  const ledger = await loadOrderLedger(db, shopId, orderId);
  const allocations: LedgerAllocation[] = ledger.lines
    .filter((line) => line.remainingMinor > 0)
    .map((line) => ({ orderLineId: line.orderLineId, kind: 'line', amountMinor: line.remainingMinor }));
  if (ledger.shipping.remainingMinor > 0) allocations.push({ orderLineId: null, kind: 'shipping', amountMinor: ledger.shipping.remainingMinor });
  return allocations;
}

/** Takes `amountMinor` from the remaining allocations, in order. */
function takeAmount(allocations: LedgerAllocation[], amountMinor: number): LedgerAllocation[] {
  const taken: LedgerAllocation[] = [];
  let left = amountMinor;
  for (const allocation of allocations) {
    if (left <= 0) break;
    const part = Math.min(left, allocation.amountMinor);
    taken.push({ ...allocation, amountMinor: part });
    left -= part;
  }
  if (left > 0) throw new DomainError('REFUND_EXCEEDS_PAID', { remaining: amountMinor - left });
  return taken;
}

/**
 * The shop settles a claim: a refund (recorded by staff with its reference, or as store credit,
 * once per idempotency key), a replacement, or a rejection with its reason. A claim the clock
 * decided for the shopper can be refunded but not rejected.
 */
export async function resolveClaim(
  deps: Deps,
  input: ResolveClaimInput & { shopId: string; actor: Actor },
): Promise<{ status: string; refundId?: string }> {
  const current = await lockedClaim(deps.db, { id: input.claimId, shopId: input.shopId });
  if (input.resolution === 'refund') {
    const target = canTransition(claimMachine, current.status, ClaimStatus.refunded) ? ClaimStatus.refunded : ClaimStatus.resolved;
    requireTransition(claimMachine, current.status, target);
    const policy = await loadCasePolicy(deps.db, input.shopId);
    const remaining = await remainingAllocations(deps.db, input.shopId, current.orderId);
    const total = remaining.reduce((sum, allocation) => sum + allocation.amountMinor, 0);
    const allocations = takeAmount(remaining, input.amountMinor ?? total);
    const refund = await createRefund(deps, {
      shopId: input.shopId,
      orderId: current.orderId,
      claimId: current.id,
      idempotencyKey: `claim:${current.id}:${input.idempotencyKey}`,
      provider: input.provider,
      allocations,
      reference: input.reference ?? null,
      reason: input.message ?? 'claim',
      bonusPercent: input.provider === 'store_credit' ? policy.rules.refunds.storeCredit.bonusPercent : 0,
      actor: input.actor,
    });
    const now = deps.clock.now();
    return deps.db.$transaction(async (tx) => {
      const claim = await lockedClaim(tx, { id: input.claimId, shopId: input.shopId });
      if (claim.status === ClaimStatus.refunded) return { status: claim.status, refundId: refund.id };
      const nextDeadlineAt = await stopAnswerClock(tx, claim.id, 'met', now);
      let from = claim;
      if (!canTransition(claimMachine, claim.status, ClaimStatus.refunded)) {
        await transitionClaim(tx, claim, ClaimStatus.resolved, {
          actor: input.actor,
          at: now,
          type: 'claim.resolved',
          data: { resolution: 'refund', message: input.message ?? null },
          set: { resolution: 'refund', decidedAt: now, nextDeadlineAt },
        });
        from = { ...claim, status: ClaimStatus.resolved };
      }
      await transitionClaim(tx, from, ClaimStatus.refunded, {
        actor: input.actor,
        at: now,
        type: 'claim.refunded',
        data: { refundId: refund.id, amountMinor: refund.amountMinor, currency: refund.currency },
        set: { resolution: 'refund', closedAt: now, nextDeadlineAt },
      });
      return { status: ClaimStatus.refunded, refundId: refund.id };
    });
  }

  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const claim = await lockedClaim(tx, { id: input.claimId, shopId: input.shopId });
    const nextDeadlineAt = await stopAnswerClock(tx, claim.id, 'met', now);
    if (input.resolution === 'replacement') {
      await transitionClaim(tx, claim, ClaimStatus.resolved, {
        actor: input.actor,
        at: now,
        type: 'claim.resolved',
        data: { resolution: 'replacement', message: input.message ?? null },
        set: { resolution: 'replacement', decidedAt: now, nextDeadlineAt },
      });
      return { status: ClaimStatus.resolved };
    }
    const decidedByClock = await tx.event.findFirst({
      where: { subjectType: 'claim', subjectId: claim.id, toStatus: ClaimStatus.auto_decided },
      select: { id: true },
    });
    if (decidedByClock) throw new DomainError('CLAIM_DECIDED_FOR_SHOPPER');
    await transitionClaim(tx, claim, ClaimStatus.rejected, {
      actor: input.actor,
      at: now,
      type: 'claim.rejected',
      reason: input.reason,
      set: { resolution: 'rejected', decidedAt: now, nextDeadlineAt },
    });
    return { status: ClaimStatus.rejected };
  });
}

/** The staff closes a settled claim (replacement delivered, rejection accepted). */
export async function closeClaim(deps: Deps, input: { shopId: string; claimId: string; actor: Actor }): Promise<{ status: string }> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const claim = await lockedClaim(tx, { id: input.claimId, shopId: input.shopId });
    await transitionClaim(tx, claim, ClaimStatus.closed, { actor: input.actor, at: now, type: 'claim.closed', set: { closedAt: now } });
    return { status: ClaimStatus.closed };
  });
}

/** The shopper appeals a rejection, or staff raise a claim: it goes to a person above the usual flow. */
export async function escalateClaim(
  deps: Deps,
  input: { shopId: string; claimId: string; actor: Actor; customerId?: string; reason?: string | null },
): Promise<{ status: string }> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const claim = await lockedClaim(tx, { id: input.claimId, shopId: input.shopId, ...(input.customerId ? { customerId: input.customerId } : {}) });
    await transitionClaim(tx, claim, ClaimStatus.escalated, { actor: input.actor, at: now, type: 'claim.escalated', reason: input.reason ?? null });
    return { status: ClaimStatus.escalated };
  });
}

/** The text shown to both sides when the clock decided a claim. */
export function autoDecisionMessage(days: number) {
  return automaticReasonMessage(AutomaticReason.claim_refunded, { days });
}
