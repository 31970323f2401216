import {
  fillLocalized,
  formatDeadlineDateTime,
  reviewNoticeMessage,
  reviewReasonMessages,
  ReturnStatus,
  statusLabel,
  returnMachine,
  type CreateReturnInput,
  type ExchangeOption,
  type Locale,
  type Localized,
  type ReturnMethod,
  type ReviewReason,
} from '@comptoir/protocol';
import type { Prisma } from '../generated/prisma/client.js';
import { ActorType, systemActor, type Actor } from '../core/actor.js';
import type { Db, Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { recordEvent } from '../core/events.js';
import { exchangeOptionsOf, isExchangeSkuOffered } from '../orders/exchange-options.js';
import { listCaseEvents, type CaseEvent } from '../cases/case-events.js';
import { loadCasePolicy, type CasePolicy } from '../cases/case-policy.js';
import { nextDeadlineOf, setDeadline, settleDeadline } from '../deadlines/store.js';
import { findExchangeOfReturn, openExchange, transitionExchange } from '../exchanges/service.js';
import { addCalendarHours } from '../guarantees/business-time.js';
import { missedDeadlineConsequence, planRefundDue, planReturnApproval } from '../guarantees/case-deadlines.js';
import { isTrustedForInstantRefund, refundDeadline, refundOptions, type RefundOption } from '../guarantees/refund-deadline.js';
import { checkReturnEligibility, type ReturnBasis } from '../guarantees/return-eligibility.js';
import { legalLimits } from '@comptoir/protocol';
import { loadOrderLedger } from '../refunds/service.js';
import type { OrderLedger } from '../refunds/ledger.js';
import { dropOffInfo, type DropOffInfo } from '../pickup/drop-off.js';
import { uniqueReturnCode } from './code.js';
import {
  customerReturnFacts,
  loadReturn,
  lockOrderReturns,
  messageCaseOf,
  returnedQuantities,
  type ReturnCaseRow,
  type ShopperScope,
} from './load.js';
import { notifyReturnApproved, notifyReturnReceived, notifyReturnRefused, notifyReturnRequested } from './notifications.js';
import { notifyStaffCaseRated } from '../notifications/staff-alerts.js';
import { issueStoreCreditForReturn } from './refund.js';
import { allowedReturnActions, transitionReturn, type ReturnAction } from './state.js';

const shopperActor = (customerId: string): Actor => ({ type: ActorType.shopper, id: customerId });

/** Event reason of a return approved at request for a customer the policy trusts. */
export const instantRefundReason = 'policy.instant_refund';
/** Event reason (generic, shown to the shopper) of a return that waits for a person. */
export const needsReviewReason = 'needs_review';

// ───────────────────────────── Clocks ─────────────────────────────

async function refreshNextDeadline(tx: Db, returnId: string, extra: Prisma.ReturnCaseUpdateInput = {}): Promise<Date | null> {
  const nextDeadlineAt = await nextDeadlineOf(tx, { caseType: 'return', caseId: returnId });
  await tx.returnCase.update({ where: { id: returnId }, data: { ...extra, nextDeadlineAt } });
  return nextDeadlineAt;
}

/**
 * Starts the refund clock of a return once it runs (see refundDeadline): from the carrier's first
 * scan or the receipt, or from the approval for a returnless or trusted return. A clock already
 * running is kept (a receipt after a scan does not push the date back), and a fired one stays fired.
 */
async function startRefundClock(
  tx: Db,
  row: ReturnCaseRow,
  policy: CasePolicy,
  facts: { approvedAt?: Date | null; firstScanAt?: Date | null; receivedAt?: Date | null; fromApproval?: boolean },
): Promise<Date | null> {
  const existing = await tx.deadline.findUnique({
    where: { caseType_caseId_kind: { caseType: 'return', caseId: row.id, kind: 'refund_due' } },
    select: { dueAt: true, cancelledAt: true },
  });
  if (existing && !existing.cancelledAt) return existing.dueAt;
  const deadline = refundDeadline({
    policy: policy.rules,
    requestedAt: row.requestedAt,
    method: (facts.fromApproval ? 'keep' : row.method) as ReturnMethod,
    approvedAt: facts.approvedAt ?? row.approvedAt,
    firstScanAt: facts.firstScanAt ?? row.inTransitAt,
    receivedAt: facts.receivedAt ?? row.receivedAt,
    isTrusted: false,
  });
  const plan = planRefundDue(deadline, policy.rules);
  if (!plan) return null;
  await setDeadline(tx, { shopId: row.shopId, caseType: 'return', caseId: row.id }, plan);
  await tx.returnCase.update({ where: { id: row.id }, data: { refundDueAt: plan.dueAt } });
  return plan.dueAt;
}

// ───────────────────────────── Shopper: eligibility and request ─────────────────────────────

/** One line of an order as the return form shows it. */
export interface LineEligibility {
  orderLineId: string;
  sku: string;
  title: string;
  variant: string | null;
  imageUrl: string | null;
  quantity: number;
  unitPriceMinor: number;
  eligible: boolean;
  /** Machine code of the verdict. */
  code: string;
  /** The verdict for the shopper, in both languages. */
  reason: Localized;
  deadline: Date | null;
  basis: ReturnBasis | null;
  returnableQuantity: number;
  methods: ReturnMethod[];
  /** For the returnable quantity: store credit with its bonus, money back, exchange, in the policy's order. */
  refundOptions: RefundOption[];
  /** Other variants the shopper may ask for in exchange, as the shop sent them with the order (the same SKU always may be). */
  exchangeOptions: ExchangeOption[];
}

/** What the return form of an order shows. */
export interface OrderReturnEligibility {
  orderId: string;
  orderNumber: string;
  currency: string;
  lines: LineEligibility[];
  /** A person will look at a request (abuse limit or blocklist): never approved by the clock. */
  needsReview: boolean;
  reviewNotice: Localized | null;
  exchangesEnabled: boolean;
  /** When the money would come back. */
  refundPreview: {
    /** Refunded at request, before the item is back (a customer the policy trusts). */
    instant: boolean;
    /** Hours from the item's receipt (or the carrier's first scan) to the refund. */
    dueHoursAfterReceipt: number;
    /** The law's latest date if asked now: 14 days after the request. */
    legalLatestAt: Date;
  };
}

/** Each line of one of the shopper's orders: returnable or not (with the reason), until when, how, and for what. */
export async function returnEligibility(deps: Deps, input: ShopperScope & { orderNumber: string }): Promise<OrderReturnEligibility> {
  const order = await deps.db.order.findFirst({
    where: { shopId: input.shopId, customerId: input.customerId, number: input.orderNumber },
    select: {
      id: true,
      number: true,
      currency: true,
      status: true,
      fulfilment: true,
      placedAt: true,
      deliveredAt: true,
      pickedUpAt: true,
      lines: {
        select: { id: true, sku: true, title: true, variant: true, imageUrl: true, tags: true, quantity: true, unitPriceMinor: true, exchangeOptions: true },
        orderBy: { position: 'asc' },
      },
    },
  });
  if (!order) throw new DomainError('ORDER_NOT_FOUND');
  const now = deps.clock.now();
  const policy = await loadCasePolicy(deps.db, input.shopId);
  const facts = await customerReturnFacts(deps.db, { ...input, now });
  const returned = await returnedQuantities(deps.db, order.id);
  let needsReview = false;
  const lines = order.lines.map((line): LineEligibility => {
    const verdict = checkReturnEligibility({
      policy: policy.rules,
      timeZone: policy.timeZone,
      order,
      line: { ...line, returnedQuantity: returned.get(line.id) ?? 0 },
      customer: facts,
      now,
    });
    needsReview ||= verdict.needsReview;
    return {
      orderLineId: line.id,
      sku: line.sku,
      title: line.title,
      variant: line.variant,
      imageUrl: line.imageUrl,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      eligible: verdict.eligible,
      code: verdict.code,
      reason: verdict.message,
      deadline: verdict.deadline,
      basis: verdict.basis,
      returnableQuantity: verdict.returnableQuantity,
      methods: verdict.methods,
      refundOptions: verdict.eligible ? refundOptions(policy.rules, verdict.returnableQuantity * line.unitPriceMinor) : [],
      exchangeOptions: exchangeOptionsOf(line.exchangeOptions),
    };
  });
  const isTrusted = isTrustedForInstantRefund(policy.rules, { ...facts, blocked: facts.blocked || needsReview });
  return {
    orderId: order.id,
    orderNumber: order.number,
    currency: order.currency,
    lines,
    needsReview,
    reviewNotice: needsReview ? reviewNoticeMessage : null,
    exchangesEnabled: policy.rules.exchanges.enabled,
    refundPreview: {
      instant: isTrusted,
      dueHoursAfterReceipt: policy.rules.refunds.dueHours,
      legalLatestAt: addCalendarHours(now, legalLimits.refundMaxDays * 24),
    },
  };
}

/** What the shopper is told after asking. */
export interface CreatedReturn {
  returnId: string;
  code: string;
  status: string;
  /** False when this idempotency key had already made the return (a double submit). */
  isNew: boolean;
  /** "A person will look" when abuse limits or the blocklist matched. */
  reviewNotice: Localized | null;
  approvalDueAt: Date | null;
  refundDueAt: Date | null;
  /** For a drop-off: the counters that take returns, their address and hours, and the coming holidays. */
  dropOff: DropOffInfo | null;
}

async function createdReturnOf(db: Db, returnId: string, isNew: boolean, now: Date): Promise<CreatedReturn> {
  const row = await db.returnCase.findUniqueOrThrow({
    where: { id: returnId },
    select: { id: true, shopId: true, code: true, status: true, method: true, needsReview: true, refundDueAt: true },
  });
  const approval = await db.deadline.findUnique({
    where: { caseType_caseId_kind: { caseType: 'return', caseId: returnId, kind: 'return_approval' } },
    select: { dueAt: true, metAt: true, cancelledAt: true },
  });
  return {
    returnId: row.id,
    code: row.code,
    status: row.status,
    isNew,
    reviewNotice: row.needsReview ? reviewNoticeMessage : null,
    approvalDueAt: approval && !approval.metAt && !approval.cancelledAt ? approval.dueAt : null,
    refundDueAt: row.refundDueAt,
    dropOff: row.method === 'drop_off' ? await dropOffInfo(db, row.shopId, now) : null,
  };
}

/**
 * The shopper asks to return lines of an order. Checks every line against the policy the shop has
 * now (the case keeps that version), serialised per order so quantities are never returned twice,
 * and once per idempotency key. Abuse limits or the blocklist send it to a person (never approved
 * by the clock); a customer the policy trusts is approved at once, refunded at once in store credit.
 * Otherwise the shop's approval clock starts. Emails, staff alert and webhook go in the same transaction.
 */
export async function createReturn(deps: Deps, input: ShopperScope & CreateReturnInput & { locale: Locale }): Promise<CreatedReturn> {
  const now = deps.clock.now();
  const outcome = await deps.db.$transaction(
    async (tx) => {
      await lockOrderReturns(tx, input.orderId);
      const existing = await tx.returnCase.findUnique({
        where: { customerId_requestKey: { customerId: input.customerId, requestKey: input.idempotencyKey } },
        select: { id: true, shopId: true },
      });
      if (existing && existing.shopId === input.shopId) return { returnId: existing.id, isNew: false };

      const order = await tx.order.findFirst({
        where: { id: input.orderId, shopId: input.shopId, customerId: input.customerId },
        select: {
          id: true,
          status: true,
          fulfilment: true,
          placedAt: true,
          deliveredAt: true,
          pickedUpAt: true,
          lines: { select: { id: true, sku: true, title: true, tags: true, quantity: true, unitPriceMinor: true, exchangeOptions: true } },
        },
      });
      if (!order) throw new DomainError('ORDER_NOT_FOUND');
      const policy = await loadCasePolicy(tx, input.shopId);
      const facts = await customerReturnFacts(tx, { ...input, now });
      const returned = await returnedQuantities(tx, order.id);
      let review: { reason: ReviewReason; params: Record<string, string | number> } | null = null;
      for (const requested of input.lines) {
        const line = order.lines.find((candidate) => candidate.id === requested.orderLineId);
        if (!line) throw new DomainError('INVALID_INPUT', { issues: 'lines: not a line of this order' });
        const verdict = checkReturnEligibility({
          policy: policy.rules,
          timeZone: policy.timeZone,
          order,
          line: { ...line, returnedQuantity: returned.get(line.id) ?? 0 },
          customer: facts,
          reason: requested.reason ?? null,
          quantity: requested.quantity,
          now,
        });
        if (!verdict.eligible) throw new DomainError('RETURN_NOT_ELIGIBLE', { title: line.title, reason: verdict.message[input.locale] });
        if (requested.quantity > verdict.returnableQuantity) {
          throw new DomainError('RETURN_QUANTITY_EXCEEDED', { title: line.title, returnable: verdict.returnableQuantity });
        }
        if (!verdict.methods.includes(input.method)) throw new DomainError('RETURN_METHOD_NOT_OFFERED', { title: line.title, method: input.method });
        if (verdict.needsReview && verdict.reviewReason && !review) review = { reason: verdict.reviewReason, params: verdict.reviewParams };
      }
      if (input.resolution === 'exchange' && !policy.rules.exchanges.enabled) throw new DomainError('EXCHANGE_NOT_OFFERED');
      if (input.resolution === 'exchange') {
        for (const requested of input.lines) {
          const line = order.lines.find((candidate) => candidate.id === requested.orderLineId)!;
          if (!isExchangeSkuOffered(line, requested.exchangeSku ?? '')) throw new DomainError('EXCHANGE_VARIANT_NOT_OFFERED', { title: line.title });
        }
      }
      const isTrusted = !review && isTrustedForInstantRefund(policy.rules, facts);

      const code = await uniqueReturnCode(tx, input.shopId);
      const created = await tx.returnCase.create({
        data: {
          shopId: input.shopId,
          orderId: order.id,
          customerId: input.customerId,
          code,
          status: ReturnStatus.requested,
          method: input.method,
          resolution: input.resolution,
          policyVersion: policy.version,
          reasonCode: input.lines.find((line) => line.reason)?.reason ?? null,
          reasonText: input.comment || null,
          needsReview: review !== null,
          reviewReason: review?.reason ?? null,
          requestKey: input.idempotencyKey,
          requestedAt: now,
          createdAt: now,
          updatedAt: now,
          lines: {
            create: input.lines.map((line) => ({
              orderLineId: line.orderLineId,
              quantity: line.quantity,
              reasonCode: line.reason ?? null,
              exchangeSku: input.resolution === 'exchange' ? (line.exchangeSku ?? null) : null,
            })),
          },
        },
        select: { id: true },
      });
      const actor = shopperActor(input.customerId);
      await recordEvent(tx, {
        shopId: input.shopId,
        subjectType: 'return',
        subjectId: created.id,
        type: 'return.requested',
        toStatus: ReturnStatus.requested,
        actor,
        data: { orderId: order.id, method: input.method, resolution: input.resolution, lines: input.lines.length, policyVersion: policy.version },
        occurredAt: now,
      });
      if (input.resolution === 'exchange') await openExchange(tx, { shopId: input.shopId, returnId: created.id, actor, at: now });

      let row = await loadReturn(tx, { id: created.id, shopId: input.shopId });
      // The approval clock runs even for a case under review: it is reminded and tops the inbox, but
      // its handler never approves a case that needs a person.
      await setDeadline(tx, { shopId: input.shopId, caseType: 'return', caseId: row.id }, planReturnApproval(now, policy.rules, policy.schedule));
      if (review) {
        row = await transitionReturn(tx, row, ReturnStatus.needs_review, {
          actor: systemActor,
          at: now,
          type: 'return.needs_review',
          reason: needsReviewReason,
          data: { reviewReason: review.reason, reviewParams: review.params },
        });
      } else if (isTrusted) {
        row = { ...row, status: await approveInTransaction(tx, deps, row, policy, { actor: systemActor, at: now, reason: instantRefundReason, isInstant: true }) };
      }
      await refreshNextDeadline(tx, row.id);
      await notifyReturnRequested(tx, deps, { ...messageCaseOf(row, policy.shopLocale), status: row.status, needsReview: review !== null }, now);
      return { returnId: row.id, isNew: true };
    },
    { maxWait: 20_000, timeout: 30_000 },
  );
  return createdReturnOf(deps.db, outcome.returnId, outcome.isNew, now);
}

// ───────────────────────────── Decisions ─────────────────────────────

/**
 * Approves a return in the caller's transaction (staff, the clock, or the trust rule at request):
 * stops the approval clock, starts the refund clock of a returnless or trusted return, issues store
 * credit at once when that was the choice, and tells the shopper. Returns the new status.
 */
export async function approveInTransaction(
  tx: Db,
  deps: Deps,
  row: ReturnCaseRow,
  policy: CasePolicy,
  change: { actor: Actor; at: Date; reason?: string | null; data?: Prisma.InputJsonValue; isInstant?: boolean },
): Promise<string> {
  let current = await transitionReturn(tx, row, ReturnStatus.approved, {
    actor: change.actor,
    at: change.at,
    type: 'return.approved',
    reason: change.reason ?? null,
    ...(change.data === undefined ? {} : { data: change.data }),
  });
  await settleDeadline(tx, { caseType: 'return', caseId: row.id }, 'return_approval', 'met', change.at);
  const approved = { ...row, status: current.status, approvedAt: change.at };
  if (row.method === 'keep' || change.isInstant) {
    await startRefundClock(tx, approved, policy, { approvedAt: change.at, fromApproval: true });
    if (row.resolution === 'store_credit') {
      const status = await issueStoreCreditForReturn(tx, deps, {
        row: approved,
        policy,
        actor: change.actor,
        at: change.at,
        reason: change.isInstant ? instantRefundReason : 'returnless',
      });
      if (status) current = { ...current, status };
    }
  }
  await refreshNextDeadline(tx, row.id);
  await notifyReturnApproved(tx, deps, { ...messageCaseOf(row, policy.shopLocale), method: row.method, reason: change.reason ?? null }, change.at);
  return current.status;
}

/** Staff approve a return (requested or under review). */
export async function approveReturn(deps: Deps, input: { shopId: string; returnId: string; actor: Actor }): Promise<{ status: string }> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const row = await loadReturn(tx, { id: input.returnId, shopId: input.shopId });
    const policy = await loadCasePolicy(tx, row.shopId, row.policyVersion);
    return { status: await approveInTransaction(tx, deps, row, policy, { actor: input.actor, at: now }) };
  });
}

/** Approves many returns, each in its own transaction; one that cannot be approved does not stop the others. */
export async function bulkApproveReturns(
  deps: Deps,
  input: { shopId: string; returnIds: readonly string[]; actor: Actor },
): Promise<Array<{ returnId: string; ok: boolean; status?: string; code?: string }>> {
  const results = [];
  for (const returnId of new Set(input.returnIds)) {
    try {
      const { status } = await approveReturn(deps, { ...input, returnId });
      results.push({ returnId, ok: true, status });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      results.push({ returnId, ok: false, code: error.code });
    }
  }
  return results;
}

async function stopClocks(tx: Db, returnId: string, outcome: 'met' | 'cancelled', at: Date): Promise<void> {
  await settleDeadline(tx, { caseType: 'return', caseId: returnId }, 'return_approval', outcome, at);
  await settleDeadline(tx, { caseType: 'return', caseId: returnId }, 'refund_due', 'cancelled', at);
}

async function cancelExchangeOf(tx: Db, shopId: string, returnId: string, actor: Actor, at: Date, reason: string): Promise<void> {
  const exchange = await findExchangeOfReturn(tx, shopId, returnId);
  if (exchange && (exchange.status === 'requested' || exchange.status === 'confirmed')) {
    await transitionExchange(tx, exchange, 'cancelled', { actor, at, reason });
  }
}

/** Staff refuse a return with a reason the shopper sees (also after inspection of a received item). */
export async function refuseReturn(deps: Deps, input: { shopId: string; returnId: string; reason: string; actor: Actor }): Promise<{ status: string }> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const row = await loadReturn(tx, { id: input.returnId, shopId: input.shopId });
    const policy = await loadCasePolicy(tx, row.shopId, row.policyVersion);
    await stopClocks(tx, row.id, 'met', now);
    const current = await transitionReturn(tx, row, ReturnStatus.refused, { actor: input.actor, at: now, type: 'return.refused', reason: input.reason });
    await cancelExchangeOf(tx, row.shopId, row.id, input.actor, now, 'return_refused');
    await refreshNextDeadline(tx, row.id);
    await notifyReturnRefused(tx, messageCaseOf(row, policy.shopLocale), input.reason, now);
    return { status: current.status };
  });
}

/** The shopper withdraws a return before the item is on its way; its clocks stop. */
export async function cancelReturn(deps: Deps, input: ShopperScope & { returnId: string }): Promise<{ status: string }> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const row = await loadReturn(tx, { id: input.returnId, shopId: input.shopId, customerId: input.customerId });
    const actor = shopperActor(input.customerId);
    await stopClocks(tx, row.id, 'cancelled', now);
    const current = await transitionReturn(tx, row, ReturnStatus.cancelled, { actor, at: now, type: 'return.cancelled' });
    await cancelExchangeOf(tx, row.shopId, row.id, actor, now, 'return_cancelled');
    await refreshNextDeadline(tx, row.id);
    return { status: current.status };
  });
}

// ───────────────────────────── The item comes back ─────────────────────────────

/** What recording a parcel event or a receipt did. */
export interface ReturnItemEvent {
  returnId: string;
  status: string;
  changed: boolean;
  refundDueAt: Date | null;
}

/**
 * Records the item as back at the shop (counter, or the parcel delivered), in the caller's
 * transaction: starts the refund clock if the carrier's scan had not, tells the shopper, and issues
 * the store credit at once when that was the choice. At the counter, staff receiving a request not
 * yet approved approve it first; an item arriving after an instant refund closes the return.
 */
async function receiveInTransaction(tx: Db, deps: Deps, row: ReturnCaseRow, actor: Actor, at: Date): Promise<ReturnItemEvent> {
  const policy = await loadCasePolicy(tx, row.shopId, row.policyVersion);
  if (row.receivedAt) return { returnId: row.id, status: row.status, changed: false, refundDueAt: row.refundDueAt };
  if (row.status === ReturnStatus.refunded) {
    const closed = await transitionReturn(tx, row, ReturnStatus.closed, { actor, at, type: 'return.closed', reason: 'item_back', set: { receivedAt: at } });
    return { returnId: row.id, status: closed.status, changed: true, refundDueAt: row.refundDueAt };
  }
  let current: ReturnCaseRow = row;
  if ((row.status === ReturnStatus.requested || row.status === ReturnStatus.needs_review) && actor.type === ActorType.staff) {
    const status = await approveInTransaction(tx, deps, row, policy, { actor, at, reason: 'received_at_counter' });
    current = { ...row, status, approvedAt: at };
  }
  current = { ...(await transitionReturn(tx, current, ReturnStatus.received, { actor, at, type: 'return.received' })), receivedAt: at };
  const refundDueAt = current.resolution === 'exchange' ? null : await startRefundClock(tx, current, policy, { receivedAt: at });
  await refreshNextDeadline(tx, row.id);
  await notifyReturnReceived(tx, deps, { ...messageCaseOf(row, policy.shopLocale), refundDueAt }, at);
  let status = current.status;
  if (current.resolution === 'store_credit') {
    status = (await issueStoreCreditForReturn(tx, deps, { row: current, policy, actor: systemActor, at, reason: 'store_credit_on_receipt' })) ?? status;
  }
  return { returnId: row.id, status, changed: true, refundDueAt };
}

/** The counter: staff scan or type the return's code; the item is received and the refund clock starts. */
export async function receiveReturnByCode(deps: Deps, input: { shopId: string; code: string; actor: Actor }): Promise<ReturnItemEvent & { code: string }> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const row = await tx.returnCase.findUnique({ where: { shopId_code: { shopId: input.shopId, code: input.code } }, select: { id: true } });
    if (!row) throw new DomainError('RETURN_CODE_UNKNOWN');
    const current = await loadReturn(tx, { id: row.id, shopId: input.shopId });
    return { ...(await receiveInTransaction(tx, deps, current, input.actor, now)), code: current.code };
  });
}

async function returnByCode(tx: Db, shopId: string, code: string): Promise<ReturnCaseRow> {
  const row = await tx.returnCase.findUnique({ where: { shopId_code: { shopId, code } }, select: { id: true } });
  if (!row) throw new DomainError('RETURN_CODE_UNKNOWN');
  return loadReturn(tx, { id: row.id, shopId });
}

/**
 * The shop's back end reports the carrier's first scan of the return parcel: the return is on its
 * way and the refund clock starts from the scan. Idempotent: a later scan changes nothing.
 */
export async function recordParcelScan(deps: Deps, input: { shopId: string; code: string; at?: Date; actor: Actor }): Promise<ReturnItemEvent> {
  const now = deps.clock.now();
  const at = input.at && input.at < now ? input.at : now;
  return deps.db.$transaction(async (tx) => {
    const row = await returnByCode(tx, input.shopId, input.code);
    if (row.inTransitAt || row.receivedAt || row.status !== ReturnStatus.approved) {
      if (row.status === ReturnStatus.requested || row.status === ReturnStatus.needs_review) {
        throw new DomainError('INVALID_TRANSITION', { from: row.status, to: ReturnStatus.in_transit });
      }
      return { returnId: row.id, status: row.status, changed: false, refundDueAt: row.refundDueAt };
    }
    const policy = await loadCasePolicy(tx, row.shopId, row.policyVersion);
    const current = await transitionReturn(tx, row, ReturnStatus.in_transit, { actor: input.actor, at: now, stampAt: at, type: 'return.in_transit' });
    const refundDueAt = row.resolution === 'exchange' ? null : await startRefundClock(tx, { ...row, inTransitAt: at }, policy, { firstScanAt: at });
    await refreshNextDeadline(tx, row.id);
    return { returnId: row.id, status: current.status, changed: true, refundDueAt };
  });
}

/** The shop's back end reports the return parcel delivered to the shop: the item is received. */
export async function recordParcelDelivered(deps: Deps, input: { shopId: string; code: string; at?: Date; actor: Actor }): Promise<ReturnItemEvent> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const row = await returnByCode(tx, input.shopId, input.code);
    return receiveInTransaction(tx, deps, row, input.actor, input.at && input.at < now ? input.at : now);
  });
}

// ───────────────────────────── Exchanges ─────────────────────────────

/**
 * Staff move a return's exchange on: confirmed (the replacement order exists; the return is then
 * exchanged once its item is on its way or back), shipped, delivered (the return closes), or
 * cancelled (out of stock: the return falls back to a refund).
 */
export async function updateExchange(
  deps: Deps,
  input: { shopId: string; returnId: string; to: 'confirmed' | 'shipped' | 'delivered' | 'cancelled'; replacementOrder?: string; actor: Actor },
): Promise<{ exchangeStatus: string; returnStatus: string }> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const row = await loadReturn(tx, { id: input.returnId, shopId: input.shopId });
    const exchange = await findExchangeOfReturn(tx, input.shopId, row.id);
    if (!exchange) throw new DomainError('RETURN_NOT_FOUND');
    const moved = await transitionExchange(tx, exchange, input.to, { actor: input.actor, at: now, replacementOrder: input.replacementOrder ?? null });
    let current: { id: string; shopId: string; status: string } = row;
    if (input.to === 'confirmed' && (row.status === ReturnStatus.in_transit || row.status === ReturnStatus.received)) {
      await settleDeadline(tx, { caseType: 'return', caseId: row.id }, 'refund_due', 'met', now);
      current = await transitionReturn(tx, row, ReturnStatus.exchanged, { actor: input.actor, at: now, type: 'return.exchanged', data: { exchangeId: exchange.id } });
    }
    if (input.to === 'delivered' && row.status === ReturnStatus.exchanged) {
      current = await transitionReturn(tx, row, ReturnStatus.closed, { actor: input.actor, at: now, type: 'return.closed', reason: 'exchange_delivered' });
    }
    if (input.to === 'cancelled') {
      await tx.returnCase.update({ where: { id: row.id }, data: { resolution: 'refund' } });
      await recordEvent(tx, {
        shopId: row.shopId,
        subjectType: 'return',
        subjectId: row.id,
        type: 'return.resolution_changed',
        actor: input.actor,
        reason: 'exchange_cancelled',
        data: { from: 'exchange', to: 'refund' },
        occurredAt: now,
      });
      if (row.status === ReturnStatus.in_transit || row.status === ReturnStatus.received) {
        const policy = await loadCasePolicy(tx, row.shopId, row.policyVersion);
        await startRefundClock(tx, { ...row, resolution: 'refund' }, policy, {});
      }
    }
    await refreshNextDeadline(tx, row.id);
    return { exchangeStatus: moved.status, returnStatus: current.status };
  });
}

// ───────────────────────────── Rating ─────────────────────────────

const rateableStatuses: readonly string[] = [ReturnStatus.refunded, ReturnStatus.closed, ReturnStatus.exchanged, ReturnStatus.refused];

/** The shopper rates a settled return, once (1 to 5 and a comment). */
export async function rateReturn(deps: Deps, input: ShopperScope & { returnId: string; rating: number; comment?: string | null }): Promise<void> {
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    const row = await loadReturn(tx, { id: input.returnId, shopId: input.shopId, customerId: input.customerId });
    if (!rateableStatuses.includes(row.status)) throw new DomainError('CASE_NOT_RATEABLE');
    const updated = await tx.returnCase.updateMany({ where: { id: row.id, rating: null }, data: { rating: input.rating, ratingComment: input.comment?.trim() || null } });
    if (updated.count !== 1) throw new DomainError('CASE_NOT_RATEABLE');
    await recordEvent(tx, {
      shopId: row.shopId,
      subjectType: 'return',
      subjectId: row.id,
      type: 'return.rated',
      actor: shopperActor(input.customerId),
      data: { rating: input.rating },
      occurredAt: now,
    });
    const target = { shopId: row.shopId, caseType: 'return', caseId: row.id, caseRef: row.code, orderNumber: row.order.number } as const;
    await notifyStaffCaseRated(tx, deps, { ...target, rating: input.rating, comment: input.comment?.trim() || null }, now);
  });
}

// ───────────────────────────── Reading ─────────────────────────────

const returnSummarySelect = {
  id: true,
  code: true,
  status: true,
  method: true,
  resolution: true,
  requestedAt: true,
  nextDeadlineAt: true,
  refundDueAt: true,
  rating: true,
  order: { select: { id: true, number: true } },
  _count: { select: { lines: true } },
} satisfies Prisma.ReturnCaseSelect;

/** A return in the shopper's list. */
export type ReturnSummary = Prisma.ReturnCaseGetPayload<{ select: typeof returnSummarySelect }> & { statusLabel: Localized };

function withLabel<T extends { status: string }>(row: T): T & { statusLabel: Localized } {
  return { ...row, statusLabel: { fr: statusLabel(returnMachine, row.status, 'fr'), en: statusLabel(returnMachine, row.status, 'en') } };
}

/** The shopper's returns, newest first. */
export async function listShopperReturns(
  deps: Deps,
  input: ShopperScope & { limit: number; cursor?: string | null },
): Promise<{ returns: ReturnSummary[]; nextCursor: string | null }> {
  const rows = await deps.db.returnCase.findMany({
    where: { shopId: input.shopId, customerId: input.customerId, ...(input.cursor ? { id: { lt: input.cursor } } : {}) },
    orderBy: { id: 'desc' },
    take: input.limit + 1,
    select: returnSummarySelect,
  });
  const page = rows.slice(0, input.limit).map(withLabel);
  return { returns: page, nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}

/** The next promise the shop made on a case, as the shopper reads it. */
export interface ReturnPromise {
  kind: string;
  dueAt: Date;
  message: Localized;
}

const promiseMessages = {
  approvalAutomatic: {
    fr: 'La boutique répond avant le {date} ; sans réponse, votre retour sera accepté automatiquement.',
    en: 'The shop answers by {date}; without an answer, your return will be approved automatically.',
  },
  approval: { fr: 'La boutique répond avant le {date}.', en: 'The shop answers by {date}.' },
  refund: { fr: 'Remboursement au plus tard le {date}.', en: 'Refund by {date} at the latest.' },
} satisfies Record<string, Localized>;

async function nextPromiseOf(db: Db, returnId: string, needsReview: boolean, policy: CasePolicy): Promise<ReturnPromise | null> {
  const next = await db.deadline.findFirst({
    where: { caseType: 'return', caseId: returnId, metAt: null, cancelledAt: null, firedAt: null },
    orderBy: { dueAt: 'asc' },
    select: { kind: true, dueAt: true },
  });
  if (!next) return null;
  if (next.kind === 'return_approval' && needsReview) return { kind: next.kind, dueAt: next.dueAt, message: reviewNoticeMessage };
  const template =
    next.kind === 'refund_due'
      ? promiseMessages.refund
      : missedDeadlineConsequence('return_approval', policy.rules).action
        ? promiseMessages.approvalAutomatic
        : promiseMessages.approval;
  const date = (locale: Locale) => formatDeadlineDateTime(next.dueAt, locale, policy.timeZone);
  return { kind: next.kind, dueAt: next.dueAt, message: { fr: fillLocalized(template, { date: date('fr') }).fr, en: fillLocalized(template, { date: date('en') }).en } };
}

/** Statuses in which a drop-off return not yet received is still to be brought (an instant refund comes before the item). */
const awaitingDropOff: readonly string[] = [ReturnStatus.requested, ReturnStatus.needs_review, ReturnStatus.approved, ReturnStatus.refunded];
const isAwaitingDropOff = (row: { status: string; receivedAt: Date | null }): boolean => !row.receivedAt && awaitingDropOff.includes(row.status);

const returnDetailSelect = {
  ...returnSummarySelect,
  shopId: true,
  customerId: true,
  policyVersion: true,
  needsReview: true,
  reviewReason: true,
  reasonText: true,
  ratingComment: true,
  approvedAt: true,
  refusedAt: true,
  cancelledAt: true,
  inTransitAt: true,
  receivedAt: true,
  refundedAt: true,
  exchangedAt: true,
  closedAt: true,
  escalatedAt: true,
  labelUrl: true,
  lines: {
    select: {
      id: true,
      orderLineId: true,
      quantity: true,
      reasonCode: true,
      exchangeSku: true,
      // With the line's exchange variants, so a screen can name the one asked for ("Taille L"), not its SKU.
      orderLine: { select: { sku: true, title: true, variant: true, imageUrl: true, unitPriceMinor: true, exchangeOptions: true } },
    },
    orderBy: { id: 'asc' },
  },
  refunds: { select: { id: true, status: true, provider: true, amountMinor: true, currency: true, createdAt: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.ReturnCaseSelect;

type ReturnDetailRow = Prisma.ReturnCaseGetPayload<{ select: typeof returnDetailSelect }>;

/** A return as the shopper follows it: state, lines, history with reasons, the next promise and its date. */
export type ShopperReturnDetail = Omit<ReturnDetailRow, 'shopId' | 'customerId' | 'reviewReason' | 'escalatedAt' | 'needsReview' | 'policyVersion'> & {
  statusLabel: Localized;
  events: CaseEvent[];
  nextPromise: ReturnPromise | null;
  reviewNotice: Localized | null;
  exchange: { status: string; replacementOrder: string | null } | null;
  /** Where to bring it, while a drop-off return is not yet received. */
  dropOff: DropOffInfo | null;
};

/** One of the shopper's returns. */
export async function shopperReturnDetail(deps: Deps, input: ShopperScope & { returnId: string }): Promise<ShopperReturnDetail> {
  const row = await deps.db.returnCase.findFirst({
    where: { id: input.returnId, shopId: input.shopId, customerId: input.customerId },
    select: returnDetailSelect,
  });
  if (!row) throw new DomainError('RETURN_NOT_FOUND');
  const policy = await loadCasePolicy(deps.db, row.shopId, row.policyVersion);
  const events = await listCaseEvents(deps.db, { shopId: row.shopId, subjectType: 'return', subjectId: row.id, includeStaffOnly: false });
  const exchange = await findExchangeOfReturn(deps.db, row.shopId, row.id);
  const { shopId: _shopId, customerId: _customerId, reviewReason: _reviewReason, escalatedAt: _escalatedAt, needsReview, policyVersion: _version, ...visible } = row;
  return {
    ...withLabel(visible),
    events,
    nextPromise: await nextPromiseOf(deps.db, row.id, needsReview, policy),
    reviewNotice: needsReview && !row.approvedAt && !row.refusedAt ? reviewNoticeMessage : null,
    exchange: exchange ? { status: exchange.status, replacementOrder: exchange.replacementOrder } : null,
    dropOff: row.method === 'drop_off' && isAwaitingDropOff(row) ? await dropOffInfo(deps.db, row.shopId, deps.clock.now()) : null,
  };
}

/** A return as staff handle it: order, lines, the ledger per line, what can be done next, the whole timeline. */
export interface StaffReturnDetail extends Omit<ReturnDetailRow, 'shopId'> {
  statusLabel: Localized;
  reviewMessage: Localized | null;
  customer: { id: string; email: string; name: string | null };
  orderLines: Array<{ id: string; sku: string; title: string; variant: string | null; quantity: number; unitPriceMinor: number }>;
  ledger: OrderLedger & { currency: string };
  allowedActions: ReturnAction[];
  events: CaseEvent[];
  nextDeadlineKind: string | null;
  exchange: { id: string; status: string; replacementOrder: string | null } | null;
}

/** A return of the staff's shop. */
export async function staffReturnDetail(deps: Deps, input: { shopId: string; returnId: string }): Promise<StaffReturnDetail> {
  const row = await deps.db.returnCase.findFirst({ where: { id: input.returnId, shopId: input.shopId }, select: returnDetailSelect });
  if (!row) throw new DomainError('RETURN_NOT_FOUND');
  const order = await deps.db.order.findUniqueOrThrow({
    where: { id: row.order.id },
    select: {
      customer: { select: { id: true, email: true, name: true } },
      lines: { select: { id: true, sku: true, title: true, variant: true, quantity: true, unitPriceMinor: true }, orderBy: { position: 'asc' } },
    },
  });
  const { customerId: _customerId, ...ledger } = await loadOrderLedger(deps.db, row.shopId, row.order.id);
  const events = await listCaseEvents(deps.db, { shopId: row.shopId, subjectType: 'return', subjectId: row.id, includeStaffOnly: true });
  const refundEvents = row.refunds.length
    ? await Promise.all(
        row.refunds.map((refund) => listCaseEvents(deps.db, { shopId: row.shopId, subjectType: 'refund', subjectId: refund.id, includeStaffOnly: true })),
      )
    : [];
  const timeline = [...events, ...refundEvents.flat()].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.id.localeCompare(b.id));
  const next = await deps.db.deadline.findFirst({
    where: { caseType: 'return', caseId: row.id, metAt: null, cancelledAt: null, firedAt: null },
    orderBy: { dueAt: 'asc' },
    select: { kind: true },
  });
  const exchange = await findExchangeOfReturn(deps.db, row.shopId, row.id);
  const reviewEvent = row.needsReview
    ? await deps.db.event.findFirst({ where: { subjectType: 'return', subjectId: row.id, type: 'return.needs_review' }, select: { data: true } })
    : null;
  const reviewParams = ((reviewEvent?.data as { reviewParams?: Record<string, string | number> } | null)?.reviewParams ?? {}) as Record<string, string | number>;
  const { shopId: _shopId, ...visible } = row;
  return {
    ...withLabel(visible),
    reviewMessage: row.reviewReason && row.reviewReason in reviewReasonMessages ? fillLocalized(reviewReasonMessages[row.reviewReason as ReviewReason], reviewParams) : null,
    customer: order.customer,
    orderLines: order.lines,
    ledger,
    allowedActions: allowedReturnActions(row.status),
    events: timeline,
    nextDeadlineKind: next?.kind ?? null,
    exchange: exchange ? { id: exchange.id, status: exchange.status, replacementOrder: exchange.replacementOrder } : null,
  };
}
