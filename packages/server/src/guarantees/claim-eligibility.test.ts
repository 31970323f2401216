import { defaultServicePolicyRules, servicePolicyRules, type ClaimKind } from '@comptoir/protocol';
import { describe, expect, it } from 'vitest';
import { checkClaimEligibility, type ClaimOrder } from './claim-eligibility.js';

const policy = defaultServicePolicyRules();

/** Placed Monday 1 June 2026, delivery promised by the end of Friday 5 June (Paris). */
const order: ClaimOrder = {
  placedAt: new Date('2026-06-01T10:00:00Z'),
  deliveredAt: null,
  pickedUpAt: null,
  fulfilment: 'shipping',
  status: 'open',
  promisedDeliveryBy: new Date('2026-06-05T21:59:59Z'),
};
const delivered: Partial<ClaimOrder> = { deliveredAt: new Date('2026-06-03T10:00:00Z') };

describe('checkClaimEligibility', () => {
  it.each([
    ['"not received" before 3 days after the promise', 'not_received', {}, '2026-06-08T21:00:00Z', false, 'claim_not_yet_open', '2026-06-08T21:59:59.000Z', null],
    ['"not received" 3 days after the promise', 'not_received', {}, '2026-06-08T21:59:59Z', true, 'claim_open', '2026-06-08T21:59:59.000Z', null],
    ['"not received" without a promise, day 29', 'not_received', { promisedDeliveryBy: null }, '2026-06-30T10:00:00Z', false, 'claim_not_yet_open', '2026-07-01T10:00:00.000Z', null],
    ['"not received" without a promise, day 30', 'not_received', { promisedDeliveryBy: null }, '2026-07-01T10:00:00Z', true, 'claim_open', '2026-07-01T10:00:00.000Z', null],
    ['"not received" across the March change (same wall time)', 'not_received', { promisedDeliveryBy: new Date('2026-03-27T22:59:59Z'), placedAt: new Date('2026-03-20T10:00:00Z') }, '2026-03-30T21:59:59Z', true, 'claim_open', '2026-03-30T21:59:59.000Z', null],
    ['"not received" when the carrier says delivered', 'not_received', delivered, '2026-06-09T10:00:00Z', true, 'claim_open', '2026-06-08T21:59:59.000Z', null],
    ['"not received" for a parcel picked up at the shop', 'not_received', { fulfilment: 'pickup', pickedUpAt: new Date('2026-06-02T10:00:00Z') }, '2026-07-09T10:00:00Z', false, 'claim_picked_up', null, null],
    ['"not received" for a cancelled order', 'not_received', { status: 'cancelled' }, '2026-07-09T10:00:00Z', false, 'claim_order_cancelled', null, null],
    ['"damaged" before delivery', 'damaged', {}, '2026-06-02T10:00:00Z', false, 'claim_not_delivered', null, null],
    ['"damaged" on the day of delivery', 'damaged', delivered, '2026-06-03T10:00:00Z', true, 'claim_open', '2026-06-03T10:00:00.000Z', '2028-06-03T21:59:59.999Z'],
    ['"not as described" a year later', 'not_as_described', delivered, '2027-06-03T10:00:00Z', true, 'claim_open', '2026-06-03T10:00:00.000Z', '2028-06-03T21:59:59.999Z'],
    ['"not as described" after the legal guarantee', 'not_as_described', delivered, '2028-06-04T10:00:00Z', false, 'claim_window_closed', '2026-06-03T10:00:00.000Z', '2028-06-03T21:59:59.999Z'],
    ['"damaged" after a pickup', 'damaged', { fulfilment: 'pickup', pickedUpAt: new Date('2026-06-02T10:00:00Z') }, '2026-06-02T10:00:00Z', true, 'claim_open', '2026-06-02T10:00:00.000Z', '2028-06-02T21:59:59.999Z'],
  ] as const)('judges %s', (_what, kind, change, now, eligible, code, opensAt, closesAt) => {
    const result = checkClaimEligibility({ policy, timeZone: 'Europe/Paris', kind: kind as ClaimKind, order: { ...order, ...change }, now: new Date(now) });
    expect(result.eligible).toBe(eligible);
    expect(result.code).toBe(code);
    expect(result.opensAt?.toISOString() ?? null).toBe(opensAt);
    expect(result.closesAt?.toISOString() ?? null).toBe(closesAt);
    expect(result.message.fr).not.toMatch(/\{\w+\}/);
  });

  it('tells the shopper from when a missing parcel can be reported', () => {
    const result = checkClaimEligibility({ policy, timeZone: 'Europe/Paris', kind: 'not_received', order, now: new Date('2026-06-06T10:00:00Z') });
    expect(result.message.fr).toBe('Votre colis peut encore arriver. Vous pourrez le signaler comme non reçu à partir du 8 juin 2026.');
  });

  it('follows the shop’s own waiting times', () => {
    const patient = servicePolicyRules.parse({ claims: { notReceivedDaysAfterPromise: 0, answerBusinessDays: 3 } });
    const result = checkClaimEligibility({ policy: patient, timeZone: 'Europe/Paris', kind: 'not_received', order, now: new Date('2026-06-05T22:00:00Z') });
    expect(result).toMatchObject({ eligible: true, code: 'claim_open' });
    expect(result.message.en).toContain('3 business day(s)');
  });
});
