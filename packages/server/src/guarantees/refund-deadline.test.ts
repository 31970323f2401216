import { defaultServicePolicyRules, servicePolicyRules } from '@comptoir/protocol';
import { describe, expect, it } from 'vitest';
import { isTrustedForInstantRefund, refundDeadline, refundOptions, type RefundDeadlineInput } from './refund-deadline.js';

const policy = defaultServicePolicyRules();
const requestedAt = new Date('2026-06-10T10:00:00Z');
const at = (iso: string) => new Date(iso);

describe('refundDeadline', () => {
  it.each([
    ['48 hours after the first scan', { firstScanAt: at('2026-06-12T10:00:00Z') }, '2026-06-12T10:00:00Z', '2026-06-14T10:00:00Z', 'first_scan'],
    ['48 hours after a drop-off at the counter', { method: 'drop_off', receivedAt: at('2026-06-11T15:00:00Z') }, '2026-06-11T15:00:00Z', '2026-06-13T15:00:00Z', 'receipt'],
    ['from the first scan when it came before receipt', { firstScanAt: at('2026-06-12T10:00:00Z'), receivedAt: at('2026-06-15T09:00:00Z') }, '2026-06-12T10:00:00Z', '2026-06-14T10:00:00Z', 'first_scan'],
    ['no later than 14 days after the request', { firstScanAt: at('2026-06-23T10:00:00Z') }, '2026-06-23T10:00:00Z', '2026-06-24T10:00:00Z', 'legal_maximum'],
    ['at once for a parcel sent after the legal 14 days', { firstScanAt: at('2026-06-30T10:00:00Z') }, '2026-06-30T10:00:00Z', '2026-06-30T10:00:00Z', 'legal_maximum'],
    ['at the legal maximum under the longest policy', { policy: servicePolicyRules.parse({ refunds: { dueHours: 336 } }), firstScanAt: requestedAt }, '2026-06-10T10:00:00Z', '2026-06-24T10:00:00Z', 'first_scan'],
    ['48 hours after approving a returnless refund', { method: 'keep', approvedAt: at('2026-06-10T12:00:00Z') }, '2026-06-10T12:00:00Z', '2026-06-12T12:00:00Z', 'returnless'],
    ['at request for a trusted customer', { isTrusted: true }, '2026-06-10T10:00:00Z', '2026-06-10T10:00:00Z', 'instant'],
    ['in elapsed hours across the October change', { firstScanAt: at('2026-10-24T10:00:00Z'), requestedAt: at('2026-10-20T10:00:00Z') }, '2026-10-24T10:00:00Z', '2026-10-26T10:00:00Z', 'first_scan'],
  ] as Array<[string, Partial<RefundDeadlineInput>, string, string, string]>)('is due %s', (_what, change, startsAt, dueAt, basis) => {
    const result = refundDeadline({ policy, requestedAt, method: 'post_own_cost', isTrusted: false, ...change });
    expect(result).toEqual({ running: true, startsAt: at(startsAt), dueAt: at(dueAt), basis, legalMaxAt: expect.any(Date) });
  });

  it.each([
    ['the item', { method: 'post_prepaid' }, 'item'],
    ['the approval of a returnless refund', { method: 'keep' }, 'approval'],
  ] as Array<[string, Partial<RefundDeadlineInput>, string]>)('waits for %s before the clock runs', (_what, change, waitingFor) => {
    expect(refundDeadline({ policy, requestedAt, method: 'post_own_cost', isTrusted: false, ...change })).toEqual({
      running: false,
      waitingFor,
      legalMaxAt: at('2026-06-24T10:00:00Z'),
    });
  });
});

describe('isTrustedForInstantRefund', () => {
  const instantOn = servicePolicyRules.parse({ refunds: { instant: { enabled: true } } });
  const lenient = servicePolicyRules.parse({ refunds: { instant: { enabled: true, requireNoRefusedReturn: false } } });
  it.each([
    ['a regular customer when the shop has it off', policy, { deliveredOrders: 10, refusedReturns: 0, blocked: false }, false],
    ['a customer with 3 delivered orders', instantOn, { deliveredOrders: 3, refusedReturns: 0, blocked: false }, true],
    ['a customer with 2 delivered orders', instantOn, { deliveredOrders: 2, refusedReturns: 0, blocked: false }, false],
    ['a customer with a refused return', instantOn, { deliveredOrders: 8, refusedReturns: 1, blocked: false }, false],
    ['a customer with a refused return at a lenient shop', lenient, { deliveredOrders: 8, refusedReturns: 1, blocked: false }, true],
    ['a blocked customer', instantOn, { deliveredOrders: 8, refusedReturns: 0, blocked: true }, false],
  ] as const)('decides for %s', (_what, rules, facts, expected) => {
    expect(isTrustedForInstantRefund(rules, facts)).toBe(expected);
  });
});

describe('refundOptions', () => {
  it('offers store credit with its bonus first, then the original payment, then an exchange', () => {
    expect(refundOptions(policy, 2_500)).toEqual([
      { kind: 'store_credit', creditMinor: 2_750, bonusMinor: 250, bonusPercent: 10 },
      { kind: 'original_payment', amountMinor: 2_500 },
      { kind: 'exchange' },
    ]);
  });

  it('rounds the bonus down to the minor unit', () => {
    expect(refundOptions(policy, 999)[0]).toEqual({ kind: 'store_credit', creditMinor: 1_098, bonusMinor: 99, bonusPercent: 10 });
  });

  it('puts the original payment first and drops exchanges when the shop says so', () => {
    const rules = servicePolicyRules.parse({ refunds: { storeCredit: { offerFirst: false } }, exchanges: { enabled: false } });
    expect(refundOptions(rules, 1_000).map((option) => option.kind)).toEqual(['original_payment', 'store_credit']);
  });
});
