import { AutomaticReason, automaticReasonMessage, ClaimStatus, type ClaimKind, type Localized } from '@comptoir/protocol';
import { systemActor } from '../core/actor.js';
import type { Db, Deps } from '../core/deps.js';
import { recordEvent } from '../core/events.js';
import { loadCasePolicy } from '../cases/case-policy.js';
import { nextDeadlineOf } from '../deadlines/store.js';
import type { DeadlineHandler, DueDeadline } from '../deadlines/handlers.js';
import { missedDeadlineConsequence, reminderFraction } from '../guarantees/case-deadlines.js';
import { grantGoodwill } from '../loyalty/service.js';
import { enqueue } from '../notifications/outbox.js';
import { claimLink, localeOf, transitionClaim } from './service.js';
import { missedWithoutAction, notifyStaffDeadlineMissed, notifyStaffDeadlineReminder, staffCaseRef } from '../notifications/staff-alerts.js';

/**
 * The 75% reminder of a claim or ticket: recorded on the case's history (staff only: shoppers do not
 * see reminders) and emailed to the shop's staff.
 */
export async function recordDeadlineReminder(tx: Db, deps: Deps, deadline: DueDeadline, subjectType: 'claim' | 'ticket'): Promise<void> {
  await notifyStaffDeadlineReminder(
    tx,
    deps,
    {
      shopId: deadline.shopId,
      caseType: subjectType,
      caseId: deadline.caseId,
      caseRef: staffCaseRef(deadline.caseId),
      deadlineId: deadline.id,
      dueAt: deadline.dueAt,
    },
    deps.clock.now(),
  );
  await recordEvent(tx, {
    shopId: deadline.shopId,
    subjectType,
    subjectId: deadline.caseId,
    type: `${subjectType}.deadline_reminder`,
    actor: systemActor,
    reason: AutomaticReason.deadline_reminder,
    data: { kind: deadline.kind, dueAt: deadline.dueAt.toISOString(), reasonParams: { percent: reminderFraction * 100, dueAt: deadline.dueAt.toISOString() } },
    occurredAt: deps.clock.now(),
  });
}

/**
 * The claim's answer deadline. When the shop has not answered in time, the claim is decided in the
 * shopper's favour ("Remboursé automatiquement : …") in the claiming transaction; the refund itself
 * follows right after commit (settleAutoDecidedClaims, idempotent by key `claim:<id>:auto`).
 */
export const claimAnswerHandler: DeadlineHandler = {
  async remind(tx, deps, deadline) {
    const claim = await tx.claim.findUnique({ where: { id: deadline.caseId }, select: { status: true } });
    if (claim?.status === ClaimStatus.open) await recordDeadlineReminder(tx, deps, deadline, 'claim');
  },
  async fire(tx, deps, deadline) {
    const now = deps.clock.now();
    const claim = await tx.claim.findUnique({
      where: { id: deadline.caseId },
      select: {
        id: true,
        shopId: true,
        status: true,
        kind: true,
        policyVersion: true,
        order: { select: { number: true } },
        customer: { select: { id: true, email: true, locale: true } },
      },
    });
    // Answered, withdrawn or settled in the meantime: the promise no longer stands.
    if (!claim || claim.status !== ClaimStatus.open) return;
    const policy = await loadCasePolicy(tx, claim.shopId, claim.policyVersion);
    const consequence = missedDeadlineConsequence('claim_answer', policy.rules);
    const nextDeadlineAt = await nextDeadlineOf(tx, { caseType: 'claim', caseId: claim.id });
    if (!consequence.action || !consequence.reason) {
      // The shop turned the automatic refund off: the miss is recorded and the claim tops the inbox.
      await recordEvent(tx, {
        shopId: claim.shopId,
        subjectType: 'claim',
        subjectId: claim.id,
        type: 'claim.deadline_missed',
        actor: systemActor,
        reason: 'automation_off',
        data: { kind: deadline.kind, dueAt: deadline.dueAt.toISOString() },
        occurredAt: now,
      });
      await notifyStaffOfMissedDeadline(tx, deps, deadline, 'claim', missedWithoutAction.automation_off);
      return;
    }
    const message = automaticReasonMessage(consequence.reason, consequence.reasonParams);
    await transitionClaim(tx, claim, ClaimStatus.auto_decided, {
      actor: systemActor,
      at: now,
      type: 'claim.auto_decided',
      reason: consequence.reason,
      data: { deadlineId: deadline.id, reasonParams: consequence.reasonParams, message },
      set: { decidedAt: now, resolution: 'refund', nextDeadlineAt },
    });
    await notifyStaffOfMissedDeadline(tx, deps, deadline, 'claim', message);
    await enqueue(tx, {
      channel: 'email',
      shopId: claim.shopId,
      topic: 'claim_decided_automatically',
      dedupeKey: `claim:${claim.id}:auto_decided`,
      to: claim.customer.email,
      locale: localeOf(claim.customer.locale ?? policy.shopLocale),
      data: { orderNumber: claim.order.number, kind: claim.kind as ClaimKind, url: await claimLink(tx, deps, { id: claim.id, shopId: claim.shopId, customerId: claim.customer.id }) },
      at: now,
    });
    await enqueue(tx, {
      channel: 'webhook',
      shopId: claim.shopId,
      type: 'claim.decided',
      dedupeKey: `claim:${claim.id}:auto_decided`,
      data: { claimId: claim.id, status: ClaimStatus.auto_decided, reason: consequence.reason },
      at: now,
    });
    if (consequence.goodwillPoints > 0) {
      await grantGoodwill(tx, {
        shopId: claim.shopId,
        customerEmail: claim.customer.email,
        reason: AutomaticReason.goodwill_points,
        sourceType: 'deadline',
        sourceId: deadline.id,
        points: consequence.goodwillPoints,
        now,
      });
    }
  },
};

/** A claim's or ticket's deadline passed: staff are told what Comptoir did about it. */
export function notifyStaffOfMissedDeadline(tx: Db, deps: Deps, deadline: DueDeadline, caseType: 'claim' | 'ticket', outcome: Localized): Promise<void> {
  const target = { shopId: deadline.shopId, caseType, caseId: deadline.caseId, caseRef: staffCaseRef(deadline.caseId), deadlineId: deadline.id, outcome };
  return notifyStaffDeadlineMissed(tx, deps, target, deps.clock.now());
}

/** The claim deadlines' handlers, by kind. */
export const claimDeadlineHandlers = { claim_answer: claimAnswerHandler } as const;
