import type { DeadlinePlan } from '../guarantees/case-deadlines.js';
import type { Db } from '../core/deps.js';

/** The case a deadline belongs to. */
export interface DeadlineCase {
  shopId: string;
  caseType: 'return' | 'refund' | 'claim' | 'ticket';
  caseId: string;
}

/**
 * Starts (or restarts) a promise's clock for a case, in the transaction that opened or moved the
 * case. One row per (case, kind): restarting clears what the previous clock had fired.
 */
export async function setDeadline(tx: Db, target: DeadlineCase, plan: DeadlinePlan): Promise<void> {
  const clock = { startsAt: plan.startsAt, dueAt: plan.dueAt, remindAt: plan.remindAt };
  await tx.deadline.upsert({
    where: { caseType_caseId_kind: { caseType: target.caseType, caseId: target.caseId, kind: plan.kind } },
    create: { shopId: target.shopId, caseType: target.caseType, caseId: target.caseId, kind: plan.kind, ...clock },
    update: { ...clock, remindedAt: null, firedAt: null, metAt: null, cancelledAt: null },
  });
}

/**
 * Stops a clock because the promise was kept (`met`) or no longer applies (`cancelled`, e.g. the
 * shopper withdrew the case). A clock that already fired keeps its firedAt: the record stays true.
 */
export async function settleDeadline(
  tx: Db,
  target: Omit<DeadlineCase, 'shopId'>,
  kind: string,
  outcome: 'met' | 'cancelled',
  at: Date,
): Promise<void> {
  await tx.deadline.updateMany({
    where: { caseType: target.caseType, caseId: target.caseId, kind, metAt: null, cancelledAt: null, firedAt: null },
    data: outcome === 'met' ? { metAt: at } : { cancelledAt: at },
  });
}

/** The earliest running deadline of a case, to keep its `nextDeadlineAt` (the inbox's sort key) true. */
export async function nextDeadlineOf(tx: Db, target: Omit<DeadlineCase, 'shopId'>): Promise<Date | null> {
  const next = await tx.deadline.findFirst({
    where: { caseType: target.caseType, caseId: target.caseId, metAt: null, cancelledAt: null, firedAt: null },
    orderBy: { dueAt: 'asc' },
    select: { dueAt: true },
  });
  return next?.dueAt ?? null;
}
