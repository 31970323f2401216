import { AutomaticReason, type ServicePolicyRules } from '@comptoir/protocol';
import { addBusinessDays, addOpeningHours, percentPoint, type BusinessSchedule } from './business-time.js';
import type { RefundDeadline } from './refund-deadline.js';

/** What a deadline guards (the Deadline row's `kind`). */
export const DeadlineKind = {
  return_approval: 'return_approval',
  refund_due: 'refund_due',
  claim_answer: 'claim_answer',
  ticket_first_response: 'ticket_first_response',
} as const;
export type DeadlineKind = (typeof DeadlineKind)[keyof typeof DeadlineKind];

/** The case type a deadline kind belongs to (the Deadline row's `caseType`). */
export const deadlineCaseType: Record<DeadlineKind, 'return' | 'refund' | 'claim' | 'ticket'> = {
  return_approval: 'return',
  refund_due: 'return',
  claim_answer: 'claim',
  ticket_first_response: 'ticket',
};

/** A promise with its clock, ready to store as a Deadline row. */
export interface DeadlinePlan {
  kind: DeadlineKind;
  startsAt: Date;
  dueAt: Date;
  /** When to remind the shop (75% of the time), or null when reminders are off. */
  remindAt: Date | null;
}

/** The share of the time after which the shop is reminded. */
export const reminderFraction = 0.75;

function plan(kind: DeadlineKind, startsAt: Date, dueAt: Date, policy: ServicePolicyRules): DeadlinePlan {
  return { kind, startsAt, dueAt, remindAt: policy.automation.remindAt75Percent ? percentPoint(startsAt, dueAt, reminderFraction) : null };
}

/** The shop's time to approve or refuse a return request: `returns.approvalBusinessDays` business days. */
export function planReturnApproval(requestedAt: Date, policy: ServicePolicyRules, schedule: BusinessSchedule): DeadlinePlan {
  return plan('return_approval', requestedAt, addBusinessDays(requestedAt, policy.returns.approvalBusinessDays, schedule), policy);
}

/** The shop's time to answer a claim: `claims.answerBusinessDays` business days (2 by default). */
export function planClaimAnswer(openedAt: Date, policy: ServicePolicyRules, schedule: BusinessSchedule): DeadlinePlan {
  return plan('claim_answer', openedAt, addBusinessDays(openedAt, policy.claims.answerBusinessDays, schedule), policy);
}

/** The shop's time to first answer a ticket: `tickets.firstResponseOpeningHours` opening hours (24 by default). */
export function planTicketFirstResponse(openedAt: Date, policy: ServicePolicyRules, schedule: BusinessSchedule): DeadlinePlan {
  return plan('ticket_first_response', openedAt, addOpeningHours(openedAt, policy.tickets.firstResponseOpeningHours, schedule), policy);
}

/** The refund clock of a return as a deadline, once it runs (see refundDeadline). */
export function planRefundDue(deadline: RefundDeadline, policy: ServicePolicyRules): DeadlinePlan | null {
  return deadline.running ? plan('refund_due', deadline.startsAt, deadline.dueAt, policy) : null;
}

/** The guarantee action taken when a deadline passes. */
export type GuaranteeAction = 'auto_approve_return' | 'auto_refund_claim' | 'escalate_ticket' | 'escalate_refund';

/** What happens when the shop misses a deadline: the action (null when turned off), its reason, and goodwill points. */
export interface MissedDeadlineConsequence {
  action: GuaranteeAction | null;
  /** Event reason code, shown to both sides with automaticReasonMessage(reason, reasonParams). */
  reason: AutomaticReason | null;
  reasonParams: Record<string, number>;
  /** Loyalty points offered to the shopper as an apology; 0 for none. */
  goodwillPoints: number;
}

/**
 * The guarantee behind each deadline. A return waiting for review is never approved by the clock:
 * pass `needsReview` and the action is null. A late refund cannot be sent by the clock (money
 * goes through a person or a provider), so it is escalated to the top of the staff's list.
 */
export function missedDeadlineConsequence(
  kind: DeadlineKind,
  policy: ServicePolicyRules,
  options: { needsReview?: boolean } = {},
): MissedDeadlineConsequence {
  const goodwillPoints = policy.goodwill.loyaltyPointsOnMissedPromise;
  const { automation } = policy;
  switch (kind) {
    case 'return_approval':
      return automation.autoApproveReturns && !options.needsReview
        ? { action: 'auto_approve_return', reason: AutomaticReason.return_approved, reasonParams: { days: policy.returns.approvalBusinessDays }, goodwillPoints }
        : { action: null, reason: null, reasonParams: {}, goodwillPoints };
    case 'claim_answer':
      return automation.autoRefundClaims
        ? { action: 'auto_refund_claim', reason: AutomaticReason.claim_refunded, reasonParams: { days: policy.claims.answerBusinessDays }, goodwillPoints }
        : { action: null, reason: null, reasonParams: {}, goodwillPoints };
    case 'ticket_first_response':
      return automation.escalateTickets
        ? { action: 'escalate_ticket', reason: AutomaticReason.ticket_escalated, reasonParams: { hours: policy.tickets.firstResponseOpeningHours }, goodwillPoints }
        : { action: null, reason: null, reasonParams: {}, goodwillPoints };
    case 'refund_due':
      return { action: 'escalate_refund', reason: AutomaticReason.refund_overdue, reasonParams: { hours: policy.refunds.dueHours }, goodwillPoints };
  }
}
