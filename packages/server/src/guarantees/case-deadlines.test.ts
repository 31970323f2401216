import { automaticReasonMessage, defaultServicePolicyRules, servicePolicyRules } from '@comptoir/protocol';
import { describe, expect, it } from 'vitest';
import { scheduleFromPolicy } from './business-time.js';
import { missedDeadlineConsequence, planClaimAnswer, planRefundDue, planReturnApproval, planTicketFirstResponse } from './case-deadlines.js';
import { refundDeadline } from './refund-deadline.js';

const policy = defaultServicePolicyRules();
const schedule = scheduleFromPolicy(policy, 'Europe/Paris');
const at = (iso: string) => new Date(iso);

describe('deadline plans', () => {
  it('gives a ticket opened Friday 17:00 before the March change until Tuesday 11:00, reminding on Monday', () => {
    expect(planTicketFirstResponse(at('2026-03-27T16:00:00Z'), policy, schedule)).toEqual({
      kind: 'ticket_first_response',
      startsAt: at('2026-03-27T16:00:00Z'),
      dueAt: at('2026-03-31T09:00:00Z'),
      remindAt: at('2026-03-30T10:45:00Z'),
    });
  });

  it('gives a claim opened Friday 17:00 two business days (Saturday, Monday)', () => {
    expect(planClaimAnswer(at('2026-06-12T15:00:00Z'), policy, schedule)).toEqual({
      kind: 'claim_answer',
      startsAt: at('2026-06-12T15:00:00Z'),
      dueAt: at('2026-06-15T15:00:00Z'),
      remindAt: at('2026-06-14T21:00:00Z'),
    });
  });

  it('gives a return request one business day, skipping Sunday', () => {
    expect(planReturnApproval(at('2026-06-13T15:00:00Z'), policy, schedule).dueAt).toEqual(at('2026-06-15T15:00:00Z'));
  });

  it('plans no reminder when the shop turned reminders off', () => {
    const quiet = servicePolicyRules.parse({ automation: { remindAt75Percent: false } });
    expect(planClaimAnswer(at('2026-06-12T15:00:00Z'), quiet, schedule).remindAt).toBeNull();
  });

  it('plans the refund clock only once it runs', () => {
    const waiting = refundDeadline({ policy, requestedAt: at('2026-06-10T10:00:00Z'), method: 'post_own_cost', isTrusted: false });
    expect(planRefundDue(waiting, policy)).toBeNull();
    const running = refundDeadline({ policy, requestedAt: at('2026-06-10T10:00:00Z'), method: 'post_own_cost', isTrusted: false, firstScanAt: at('2026-06-12T10:00:00Z') });
    expect(planRefundDue(running, policy)).toEqual({ kind: 'refund_due', startsAt: at('2026-06-12T10:00:00Z'), dueAt: at('2026-06-14T10:00:00Z'), remindAt: at('2026-06-13T22:00:00Z') });
  });
});

describe('missedDeadlineConsequence', () => {
  const allOff = servicePolicyRules.parse({
    automation: { autoApproveReturns: false, autoRefundClaims: false, escalateTickets: false },
    goodwill: { loyaltyPointsOnMissedPromise: 0 },
  });
  it.each([
    ['a return request', 'return_approval', policy, {}, 'auto_approve_return', 'auto.return_approved', 100],
    ['a return request under review', 'return_approval', policy, { needsReview: true }, null, null, 100],
    ['a claim', 'claim_answer', policy, {}, 'auto_refund_claim', 'auto.claim_refunded', 100],
    ['a ticket', 'ticket_first_response', policy, {}, 'escalate_ticket', 'auto.ticket_escalated', 100],
    ['a refund', 'refund_due', policy, {}, 'escalate_refund', 'auto.refund_overdue', 100],
    ['a return request with automation off', 'return_approval', allOff, {}, null, null, 0],
    ['a claim with automation off', 'claim_answer', allOff, {}, null, null, 0],
    ['a ticket with automation off', 'ticket_first_response', allOff, {}, null, null, 0],
  ] as const)('acts on %s', (_what, kind, rules, options, action, reason, points) => {
    const consequence = missedDeadlineConsequence(kind, rules, options);
    expect(consequence.action).toBe(action);
    expect(consequence.reason).toBe(reason);
    expect(consequence.goodwillPoints).toBe(points);
  });

  it('says how late a refund is in the words both sides see', () => {
    const consequence = missedDeadlineConsequence('refund_due', policy);
    expect(automaticReasonMessage(consequence.reason!, consequence.reasonParams)).toEqual({
      fr: 'Remboursement en retard : la boutique devait rembourser sous 48 heures. Le dossier passe en priorité.',
      en: 'Refund overdue: the shop had 48 hours to refund. The case now comes first.',
    });
  });

  it('explains an automatic claim refund in the words both sides see', () => {
    const consequence = missedDeadlineConsequence('claim_answer', policy);
    expect(automaticReasonMessage(consequence.reason!, consequence.reasonParams).fr).toBe(
      'Remboursé automatiquement : la boutique n’a pas répondu sous 2 jours ouvrés',
    );
  });
});
