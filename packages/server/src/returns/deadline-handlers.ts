import { AutomaticReason, automaticReasonMessage, ReturnStatus } from '@comptoir/protocol';
import { systemActor } from '../core/actor.js';
import type { Db, Deps } from '../core/deps.js';
import { recordEvent } from '../core/events.js';
import { loadCasePolicy } from '../cases/case-policy.js';
import type { DeadlineHandler, DueDeadline } from '../deadlines/handlers.js';
import { nextDeadlineOf } from '../deadlines/store.js';
import { missedDeadlineConsequence, reminderFraction } from '../guarantees/case-deadlines.js';
import { grantGoodwill } from '../loyalty/service.js';
import { loadReturn } from './load.js';
import { missedWithoutAction } from '../notifications/staff-alerts.js';
import { notifyStaffReturnDeadlineMissed, notifyStaffReturnReminder } from './notifications.js';
import { approveInTransaction } from './service.js';

/** Statuses in which the refund is still owed. */
const owingStatuses: readonly string[] = [ReturnStatus.approved, ReturnStatus.in_transit, ReturnStatus.received];

async function remindOnce(tx: Db, deps: Deps, deadline: DueDeadline, statuses: readonly string[]): Promise<void> {
  const row = await tx.returnCase.findFirst({ where: { id: deadline.caseId, shopId: deadline.shopId }, select: { id: true, code: true, status: true } });
  if (!row || !statuses.includes(row.status)) return;
  const now = deps.clock.now();
  await recordEvent(tx, {
    shopId: deadline.shopId,
    subjectType: 'return',
    subjectId: row.id,
    type: 'return.deadline_reminder',
    actor: systemActor,
    reason: AutomaticReason.deadline_reminder,
    data: { kind: deadline.kind, dueAt: deadline.dueAt.toISOString(), reasonParams: { percent: reminderFraction * 100, dueAt: deadline.dueAt.toISOString() } },
    occurredAt: now,
  });
  await notifyStaffReturnReminder(tx, deps, { id: row.id, shopId: deadline.shopId, code: row.code, deadlineId: deadline.id, dueAt: deadline.dueAt }, now);
}

async function keepNextDeadline(tx: Db, returnId: string): Promise<void> {
  await tx.returnCase.update({ where: { id: returnId }, data: { nextDeadlineAt: await nextDeadlineOf(tx, { caseType: 'return', caseId: returnId }) } });
}

/**
 * The shop's time to answer a return request. Missed: the return is approved by the server, with
 * the reason "Accepté automatiquement : …" shown to both sides — unless a person must decide
 * (abuse limit, blocklist) or the shop turned the automation off, in which case the miss is recorded
 * and staff are alerted. Runs in the scheduler's claiming transaction, so it acts once.
 */
export const returnApprovalHandler: DeadlineHandler = {
  async remind(tx, deps, deadline) {
    await remindOnce(tx, deps, deadline, [ReturnStatus.requested, ReturnStatus.needs_review]);
  },
  async fire(tx, deps, deadline) {
    const now = deps.clock.now();
    const found = await tx.returnCase.findFirst({ where: { id: deadline.caseId, shopId: deadline.shopId }, select: { id: true } });
    if (!found) return;
    const row = await loadReturn(tx, { id: found.id, shopId: deadline.shopId });
    // Answered, withdrawn or under review: the clock never approves those.
    if (row.status !== ReturnStatus.requested && row.status !== ReturnStatus.needs_review) return;
    const policy = await loadCasePolicy(tx, row.shopId, row.policyVersion);
    const consequence = missedDeadlineConsequence('return_approval', policy.rules, { needsReview: row.needsReview || row.status === ReturnStatus.needs_review });
    if (!consequence.action || !consequence.reason) {
      const why = row.needsReview ? 'needs_review' : 'automation_off';
      await recordEvent(tx, {
        shopId: row.shopId,
        subjectType: 'return',
        subjectId: row.id,
        type: 'return.deadline_missed',
        actor: systemActor,
        reason: why,
        data: { kind: deadline.kind, dueAt: deadline.dueAt.toISOString() },
        occurredAt: now,
      });
      await keepNextDeadline(tx, row.id);
      await notifyStaffReturnDeadlineMissed(tx, deps, { id: row.id, shopId: row.shopId, code: row.code, deadlineId: deadline.id, outcome: missedWithoutAction[why] }, now);
      return;
    }
    const message = automaticReasonMessage(consequence.reason, consequence.reasonParams);
    await approveInTransaction(tx, deps, row, policy, {
      actor: systemActor,
      at: now,
      reason: consequence.reason,
      data: { deadlineId: deadline.id, reasonParams: consequence.reasonParams, message },
    });
    await notifyStaffReturnDeadlineMissed(tx, deps, { id: row.id, shopId: row.shopId, code: row.code, deadlineId: deadline.id, outcome: message }, now);
  },
};

/**
 * The refund clock of a return. The server cannot send money by itself through a person or a card
 * provider, so a missed refund is escalated: an event, the `escalatedAt` flag (top of the staff's
 * list), a staff alert, and the policy's goodwill points to the shopper as an apology.
 */
export const refundDueHandler: DeadlineHandler = {
  async remind(tx, deps, deadline) {
    await remindOnce(tx, deps, deadline, owingStatuses);
  },
  async fire(tx, deps, deadline) {
    const now = deps.clock.now();
    const row = await tx.returnCase.findFirst({
      where: { id: deadline.caseId, shopId: deadline.shopId },
      select: { id: true, shopId: true, code: true, status: true, policyVersion: true, customer: { select: { email: true } } },
    });
    if (!row || !owingStatuses.includes(row.status)) return;
    const flagged = await tx.returnCase.updateMany({ where: { id: row.id, escalatedAt: null }, data: { escalatedAt: now } });
    if (flagged.count !== 1) return;
    const policy = await loadCasePolicy(tx, row.shopId, row.policyVersion);
    const consequence = missedDeadlineConsequence('refund_due', policy.rules);
    const message = automaticReasonMessage(AutomaticReason.refund_overdue, consequence.reasonParams);
    await recordEvent(tx, {
      shopId: row.shopId,
      subjectType: 'return',
      subjectId: row.id,
      type: 'return.refund_escalated',
      actor: systemActor,
      reason: AutomaticReason.refund_overdue,
      data: { deadlineId: deadline.id, dueAt: deadline.dueAt.toISOString(), reasonParams: consequence.reasonParams, message },
      occurredAt: now,
    });
    await keepNextDeadline(tx, row.id);
    await notifyStaffReturnDeadlineMissed(tx, deps, { id: row.id, shopId: row.shopId, code: row.code, deadlineId: deadline.id, outcome: message }, now);
    if (consequence.goodwillPoints > 0) {
      await grantGoodwill(tx, {
        shopId: row.shopId,
        customerEmail: row.customer.email,
        reason: AutomaticReason.goodwill_points,
        sourceType: 'deadline',
        sourceId: deadline.id,
        points: consequence.goodwillPoints,
        now,
      });
    }
  },
};

/** The return deadlines' handlers, by kind, for the scheduler's registry. */
export const returnDeadlineHandlers: { return_approval: DeadlineHandler; refund_due: DeadlineHandler } = {
  return_approval: returnApprovalHandler,
  refund_due: refundDueHandler,
};
