import { describe, expect, it } from 'vitest';
import { errorMessage } from '../errors.js';
import { frenchPublicHolidays } from './public-holidays.js';
import { defaultServicePolicyRules, servicePolicyRules, validateServicePolicy } from './service-policy.js';
import { automaticReasonMessage } from './verdicts.js';

describe('servicePolicyRules', () => {
  it('gives every default from an empty object', () => {
    const rules = servicePolicyRules.parse({});
    expect(rules.returns.windowDays).toBe(30);
    expect(rules.returns.holidayExtension).toEqual({ enabled: true, ordersFrom: '11-01', ordersTo: '12-31', returnUntil: '01-31' });
    expect(rules.returns.nonReturnable).toEqual({ skus: [], tags: ['hygiene', 'made-to-measure'] });
    expect(rules.returns.conformityGuaranteeMonths).toBe(24);
    expect(rules.returns.approvalBusinessDays).toBe(1);
    expect(rules.returns.methods).toEqual({ drop_off: true, post_prepaid: false, post_own_cost: true, keep: false });
    expect(rules.returns.keep).toEqual({ maxLineValueMinor: 1500, firstTimeOnly: true });
    expect(rules.refunds).toEqual({
      dueHours: 48,
      instant: { enabled: false, minDeliveredOrders: 3, requireNoRefusedReturn: true },
      storeCredit: { offerFirst: true, bonusPercent: 10 },
      originalShipping: 'whole_order_returned',
    });
    expect(rules.exchanges).toEqual({ enabled: true });
    expect(rules.claims).toEqual({ notReceivedDaysAfterPromise: 3, notReceivedDaysAfterOrder: 30, answerBusinessDays: 2 });
    expect(rules.tickets).toEqual({ firstResponseOpeningHours: 24 });
    expect(rules.schedule.openingHours.monday).toEqual([{ opens: '09:00', closes: '19:00' }]);
    expect(rules.schedule.openingHours.saturday).toEqual([{ opens: '09:00', closes: '19:00' }]);
    expect(rules.schedule.openingHours.sunday).toEqual([]);
    expect(rules.schedule.holidays).toEqual([]);
    expect(rules.schedule.publicHolidays).toBe('FR');
    expect(rules.abuse).toEqual({ maxReturnsPer90Days: 5, blockedEmails: [] });
    expect(rules.automation).toEqual({ autoApproveReturns: true, autoRefundClaims: true, escalateTickets: true, remindAt75Percent: true });
    expect(rules.goodwill).toEqual({ loyaltyPointsOnMissedPromise: 100 });
    expect(defaultServicePolicyRules()).toEqual(rules);
  });

  it('keeps the defaults of fields a partial policy leaves out', () => {
    const rules = servicePolicyRules.parse({ returns: { windowDays: 60, methods: { keep: true } }, schedule: { openingHours: { sunday: [{ opens: '10:00', closes: '13:00' }] } } });
    expect(rules.returns.windowDays).toBe(60);
    expect(rules.returns.methods).toEqual({ drop_off: true, post_prepaid: false, post_own_cost: true, keep: true });
    expect(rules.returns.holidayExtension.enabled).toBe(true);
    expect(rules.schedule.openingHours.sunday).toEqual([{ opens: '10:00', closes: '13:00' }]);
    expect(rules.schedule.openingHours.monday).toEqual([{ opens: '09:00', closes: '19:00' }]);
  });

  it('reads its own output back unchanged', () => {
    const rules = defaultServicePolicyRules();
    expect(servicePolicyRules.parse(JSON.parse(JSON.stringify(rules)))).toEqual(rules);
  });
});

describe('validateServicePolicy', () => {
  it.each([
    ['a 13-day return window', { returns: { windowDays: 13 } }, 'POLICY_BELOW_LEGAL_FLOOR', { field: 'returns.windowDays', floor: 14 }],
    ['a 0-day return window', { returns: { windowDays: 0 } }, 'POLICY_BELOW_LEGAL_FLOOR', { field: 'returns.windowDays', floor: 14 }],
    ['a 12-month conformity guarantee', { returns: { conformityGuaranteeMonths: 12 } }, 'POLICY_BELOW_LEGAL_FLOOR', { field: 'returns.conformityGuaranteeMonths', floor: 24 }],
    ['a refund due after 15 days', { refunds: { dueHours: 15 * 24 } }, 'POLICY_ABOVE_LEGAL_CEILING', { field: 'refunds.dueHours', ceiling: 336 }],
    ['a refund due 1 hour after 14 days', { refunds: { dueHours: 337 } }, 'POLICY_ABOVE_LEGAL_CEILING', { field: 'refunds.dueHours', ceiling: 336 }],
    ['no way to send an item back', { returns: { methods: { drop_off: false, post_own_cost: false, post_prepaid: false, keep: true } } }, 'POLICY_NO_RETURN_METHOD', {}],
    [
      'a shop never open',
      { schedule: { openingHours: { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] } } },
      'POLICY_NO_OPENING_HOURS',
      {},
    ],
  ] as const)('refuses %s', (_what, input, code, params) => {
    const result = validateServicePolicy(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.params).toEqual(params);
    expect(errorMessage(result.code, 'fr', result.params)).not.toMatch(/\{\w+\}/);
  });

  it('names the legal floor first when a policy is wrong in several ways', () => {
    const result = validateServicePolicy({ returns: { windowDays: 7, approvalBusinessDays: 0 }, refunds: { dueHours: 400 } });
    expect(result).toMatchObject({ ok: false, code: 'POLICY_BELOW_LEGAL_FLOOR' });
  });

  it.each([
    ['the legal minimum window', { returns: { windowDays: 14 } }],
    ['a generous window', { returns: { windowDays: 365 } }],
    ['a refund at the legal maximum', { refunds: { dueHours: 336 } }],
    ['a one-hour refund', { refunds: { dueHours: 1 } }],
    ['only prepaid post', { returns: { methods: { drop_off: false, post_own_cost: false, post_prepaid: true } } }],
    ['a lunch break', { schedule: { openingHours: { monday: [{ opens: '09:00', closes: '12:00' }, { opens: '14:00', closes: '24:00' }] } } }],
  ])('accepts %s', (_what, input) => {
    expect(validateServicePolicy(input).ok).toBe(true);
  });

  it.each([
    ['a fractional window', { returns: { windowDays: 30.5 } }],
    ['an impossible holiday', { schedule: { holidays: ['2026-02-30'] } }],
    ['a 29 February outside a leap year', { schedule: { holidays: ['2027-02-29'] } }],
    ['an impossible extension day', { returns: { holidayExtension: { returnUntil: '13-01' } } }],
    ['a closing before the opening', { schedule: { openingHours: { monday: [{ opens: '19:00', closes: '09:00' }] } } }],
    ['overlapping intervals', { schedule: { openingHours: { monday: [{ opens: '09:00', closes: '13:00' }, { opens: '12:00', closes: '18:00' }] } } }],
    ['a bad time', { schedule: { openingHours: { monday: [{ opens: '9h', closes: '18:00' }] } } }],
    ['a bonus above 100%', { refunds: { storeCredit: { bonusPercent: 150 } } }],
    ['a blocklist entry that is no email', { abuse: { blockedEmails: ['nobody'] } }],
  ])('refuses %s as invalid input', (_what, input) => {
    expect(validateServicePolicy(input)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('lower-cases blocked emails', () => {
    const result = validateServicePolicy({ abuse: { blockedEmails: [' Abuser@Example.COM '] } });
    expect(result.ok && result.rules.abuse.blockedEmails).toEqual(['abuser@example.com']);
  });
});

describe('frenchPublicHolidays', () => {
  it.each([
    [2026, ['2026-01-01', '2026-04-06', '2026-05-01', '2026-05-08', '2026-05-14', '2026-05-25', '2026-07-14', '2026-08-15', '2026-11-01', '2026-11-11', '2026-12-25']],
    [2027, ['2027-01-01', '2027-03-29', '2027-05-01', '2027-05-06', '2027-05-08', '2027-05-17', '2027-07-14', '2027-08-15', '2027-11-01', '2027-11-11', '2027-12-25']],
  ])('lists the holidays of %i', (year, expected) => {
    expect(frenchPublicHolidays(year)).toEqual(expected);
  });
});

describe('automaticReasonMessage', () => {
  it('says why a claim was refunded, as shown to both sides', () => {
    expect(automaticReasonMessage('auto.claim_refunded', { days: 2 })).toEqual({
      fr: 'Remboursé automatiquement : la boutique n’a pas répondu sous 2 jours ouvrés',
      en: 'Refunded automatically: the shop did not answer within 2 business days',
    });
    expect(automaticReasonMessage('auto.claim_refunded', { days: 1 }).fr).toBe(
      'Remboursé automatiquement : la boutique n’a pas répondu sous 1 jour ouvré',
    );
  });
});
