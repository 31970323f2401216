import { ReturnStatus, returnMachine, type RefundReturnInput } from '@comptoir/protocol';
import type { Actor } from '../core/actor.js';
import type { Db, Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { loadCasePolicy, type CasePolicy } from '../cases/case-policy.js';
import { nextDeadlineOf, settleDeadline } from '../deadlines/store.js';
import { requireTransition } from '../guarantees/domain-errors.js';
import { awardStoreCreditBonus, reverseForReturn } from '../loyalty/service.js';
import type { LedgerAllocation } from '../refunds/ledger.js';
import { createRefundInTransaction, loadOrderLedger, lockOrderLedger, refundTransactionOptions, type RefundSummary } from '../refunds/service.js';
import { loadReturn, messageCaseOf, type ReturnCaseRow } from './load.js';
import { notifyReturnRefunded } from './notifications.js';
import { transitionReturn, voidReturnStatuses } from './state.js';

/** Statuses in which a return has been refunded at least once (more may still be given, within the ledger). */
const refundedStatuses: readonly string[] = [ReturnStatus.refunded, ReturnStatus.closed];

/**
 * What a return gives back in full: each returned quantity at its price, less what this return
 * already gave back, within what remains of the line, and the original shipping when the policy says so (always, or when the whole order is back).
 */
export async function returnAllocations(tx: Db, row: ReturnCaseRow, policy: CasePolicy): Promise<LedgerAllocation[]> {
  const ledger = await loadOrderLedger(tx, row.shopId, row.orderId);
  const orderLines = await tx.orderLine.findMany({ where: { orderId: row.orderId }, select: { id: true, quantity: true, unitPriceMinor: true } });
  const byId = new Map(orderLines.map((line) => [line.id, line]));
  // What this return already gave back per line: a return is worth its quantities once.
  const given = await tx.refundAllocation.groupBy({
    by: ['orderLineId'],
    where: { kind: 'line', refund: { returnId: row.id, status: { in: ['pending', 'succeeded'] } } },
    _sum: { amountMinor: true },
  });
  const givenById = new Map(given.map((entry) => [entry.orderLineId, entry._sum.amountMinor ?? 0]));
  const allocations: LedgerAllocation[] = [];
  for (const returned of row.lines) {
    const line = byId.get(returned.orderLineId);
    const remaining = ledger.lines.find((entry) => entry.orderLineId === returned.orderLineId)?.remainingMinor ?? 0;
    const owed = (line?.unitPriceMinor ?? 0) * returned.quantity - (givenById.get(returned.orderLineId) ?? 0);
    const amountMinor = Math.min(remaining, owed);
    if (amountMinor > 0) allocations.push({ orderLineId: returned.orderLineId, kind: 'line', amountMinor });
  }
  if (ledger.shipping.remainingMinor > 0) {
    let refundsShipping = policy.rules.refunds.originalShipping === 'always';
    if (!refundsShipping) {
      const back = await tx.returnLine.groupBy({
        by: ['orderLineId'],
        where: { returnCase: { orderId: row.orderId, status: { notIn: [...voidReturnStatuses] } } },
        _sum: { quantity: true },
      });
      const backById = new Map(back.map((entry) => [entry.orderLineId, entry._sum.quantity ?? 0]));
      refundsShipping = orderLines.every((line) => (backById.get(line.id) ?? 0) >= line.quantity);
    }
    if (refundsShipping) allocations.push({ orderLineId: null, kind: 'shipping', amountMinor: ledger.shipping.remainingMinor });
  }
  return allocations;
}

/** Takes `amountMinor` from allocations in order, or REFUND_EXCEEDS_PAID when they hold less. */
function takeAmount(allocations: readonly LedgerAllocation[], amountMinor: number): LedgerAllocation[] {
  const taken: LedgerAllocation[] = [];
  let left = amountMinor;
  for (const allocation of allocations) {
    if (left <= 0) break;
    const part = Math.min(left, allocation.amountMinor);
    taken.push({ ...allocation, amountMinor: part });
    left -= part;
  }
  if (left > 0) throw new DomainError('REFUND_EXCEEDS_PAID', { remaining: amountMinor - left, requested: amountMinor, part: 'return' });
  return taken;
}

/**
 * What follows a refund of a return, in its transaction: the return moves to refunded (and on to
 * closed when the item is back or was kept), the refund clock is met, the loyalty points of what
 * came back are taken back, and the shopper is told. Only the first refund moves the return; later
 * ones (a top-up) only notify.
 */
export async function settleReturnRefund(
  tx: Db,
  deps: Deps,
  input: { row: ReturnCaseRow; refund: RefundSummary; policy: CasePolicy; actor: Actor; at: Date; bonusPercent: number },
): Promise<string> {
  const { row, refund, policy, actor, at } = input;
  let status = row.status;
  if (refund.status !== 'succeeded') return status;
  if (!refundedStatuses.includes(row.status)) {
    await settleDeadline(tx, { caseType: 'return', caseId: row.id }, 'refund_due', 'met', at);
    const nextDeadlineAt = await nextDeadlineOf(tx, { caseType: 'return', caseId: row.id });
    let current = await transitionReturn(tx, row, ReturnStatus.refunded, {
      actor,
      at,
      type: 'return.refunded',
      data: { refundId: refund.id, amountMinor: refund.amountMinor, currency: refund.currency, provider: refund.provider },
      set: { nextDeadlineAt },
    });
    if (row.receivedAt || row.method === 'keep') {
      current = await transitionReturn(tx, current, ReturnStatus.closed, { actor, at, type: 'return.closed', reason: row.method === 'keep' ? 'returnless' : 'item_back' });
    }
    status = current.status;
    await reverseForReturn(tx, {
      shopId: row.shopId,
      orderId: row.orderId,
      returnId: row.id,
      refundedLines: row.lines.map((line) => ({ orderLineId: line.orderLineId, quantity: line.quantity })),
      now: at,
      actor,
    });
  }
  if (refund.provider === 'store_credit') {
    await awardStoreCreditBonus(tx, { shopId: row.shopId, customerEmail: row.customer.email, refundId: refund.id, now: at });
  }
  await notifyReturnRefunded(
    tx,
    deps,
    {
      ...messageCaseOf(row, policy.shopLocale),
      refundId: refund.id,
      provider: refund.provider,
      amountMinor: refund.amountMinor,
      currency: refund.currency,
      bonusMinor: refund.provider === 'store_credit' ? Math.floor((refund.amountMinor * input.bonusPercent) / 100) : 0,
    },
    at,
  );
  return status;
}

/** The idempotency key of a return's automatic store credit: whoever triggers it, it is issued once. */
export function storeCreditKey(returnId: string): string {
  return `return:${returnId}:store_credit`;
}

/**
 * Issues the whole of a return as store credit (with the policy's bonus) in the caller's
 * transaction, when the shopper chose store credit: no person is needed to move that money, so the
 * server keeps the promise itself (at receipt, at approval of a returnless or trusted return).
 * Returns the new status, or null when nothing remained to refund.
 */
export async function issueStoreCreditForReturn(
  tx: Db,
  deps: Deps,
  input: { row: ReturnCaseRow; policy: CasePolicy; actor: Actor; at: Date; reason: string },
): Promise<string | null> {
  const { row, policy } = input;
  await lockOrderLedger(tx, row.orderId);
  const allocations = await returnAllocations(tx, row, policy);
  if (allocations.length === 0) return null;
  const bonusPercent = policy.rules.refunds.storeCredit.bonusPercent;
  const refund = await createRefundInTransaction(tx, deps, {
    shopId: row.shopId,
    orderId: row.orderId,
    returnId: row.id,
    idempotencyKey: storeCreditKey(row.id),
    provider: 'store_credit',
    allocations,
    reason: input.reason,
    bonusPercent,
    actor: input.actor,
  });
  if (!refund.isNew) return row.status;
  return settleReturnRefund(tx, deps, { row, refund, policy, actor: input.actor, at: input.at, bonusPercent });
}

/** What a staff refund of a return did. */
export interface ReturnRefundResult {
  refundId: string;
  refundStatus: string;
  amountMinor: number;
  currency: string;
  returnStatus: string;
  /** False when the idempotency key had already made this refund. */
  isNew: boolean;
}

/**
 * Staff refund a return: in full (the returned quantities, shipping by policy), per line, or an
 * amount taken from the returned lines — through `manual` (with the transfer reference) or
 * `store_credit` (with the policy's bonus), once per idempotency key. The refund, the return's move
 * to refunded, the met clock, the loyalty reversal and the messages commit together, under the
 * order's ledger lock, so concurrent clicks never give more than was paid.
 */
export async function refundReturn(deps: Deps, input: RefundReturnInput & { shopId: string; actor: Actor }): Promise<ReturnRefundResult> {
  const first = await loadReturn(deps.db, { id: input.returnId, shopId: input.shopId });
  const idempotencyKey = `return:${first.id}:${input.idempotencyKey}`;
  return deps.db.$transaction(async (tx) => {
    await lockOrderLedger(tx, first.orderId);
    const row = await loadReturn(tx, { id: first.id, shopId: input.shopId });
    const prior = await tx.refund.findUnique({
      where: { shopId_idempotencyKey: { shopId: input.shopId, idempotencyKey } },
      select: { id: true, status: true, amountMinor: true, currency: true },
    });
    if (prior) {
      return { refundId: prior.id, refundStatus: prior.status, amountMinor: prior.amountMinor, currency: prior.currency, returnStatus: row.status, isNew: false };
    }
    if (!refundedStatuses.includes(row.status)) requireTransition(returnMachine, row.status, ReturnStatus.refunded);
    const policy = await loadCasePolicy(tx, row.shopId, row.policyVersion);
    const full = await returnAllocations(tx, row, policy);
    let allocations: LedgerAllocation[];
    if (input.mode === 'lines') {
      const returnedIds = new Set(row.lines.map((line) => line.orderLineId));
      if (!input.lines?.length) throw new DomainError('INVALID_INPUT', { issues: 'lines: name the lines to refund' });
      if (input.lines.some((line) => !returnedIds.has(line.orderLineId))) throw new DomainError('RETURN_LINE_NOT_IN_RETURN');
      allocations = input.lines.map((line) => ({ orderLineId: line.orderLineId, kind: 'line', amountMinor: line.amountMinor }));
    } else if (input.mode === 'amount') {
      if (!input.amountMinor) throw new DomainError('INVALID_INPUT', { issues: 'amountMinor: required with mode amount' });
      allocations = takeAmount(full, input.amountMinor);
    } else {
      if (full.length === 0) throw new DomainError('REFUND_EXCEEDS_PAID', { remaining: 0, requested: 0, part: 'return' });
      allocations = full;
    }
    const bonusPercent = input.provider === 'store_credit' ? policy.rules.refunds.storeCredit.bonusPercent : 0;
    const now = deps.clock.now();
    const refund = await createRefundInTransaction(tx, deps, {
      shopId: row.shopId,
      orderId: row.orderId,
      returnId: row.id,
      idempotencyKey,
      provider: input.provider,
      allocations,
      reference: input.reference ?? null,
      reason: `return:${row.code}`,
      bonusPercent,
      actor: input.actor,
    });
    const returnStatus = await settleReturnRefund(tx, deps, { row, refund, policy, actor: input.actor, at: now, bonusPercent });
    return { refundId: refund.id, refundStatus: refund.status, amountMinor: refund.amountMinor, currency: refund.currency, returnStatus, isNew: true };
  }, refundTransactionOptions);
}
