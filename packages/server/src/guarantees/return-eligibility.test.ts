import { defaultServicePolicyRules, ReturnReason, servicePolicyRules, type ServicePolicyRulesInput } from '@comptoir/protocol';
import { describe, expect, it } from 'vitest';
import { checkReturnEligibility, holidayExtensionDeadline, type ReturnEligibilityInput } from './return-eligibility.js';

/** Delivered Wednesday 3 June 2026 at 12:00 in Paris: the 30-day window ends at the end of 3 July. */
const base: ReturnEligibilityInput = {
  policy: defaultServicePolicyRules(),
  timeZone: 'Europe/Paris',
  order: {
    placedAt: new Date('2026-06-01T10:00:00Z'),
    deliveredAt: new Date('2026-06-03T10:00:00Z'),
    pickedUpAt: null,
    fulfilment: 'shipping',
    status: 'open',
  },
  line: { sku: 'TSHIRT-M', tags: ['cotton'], quantity: 2, returnedQuantity: 0, unitPriceMinor: 2_500 },
  customer: { email: 'alice@example.com', blocked: false, returnsInLast90Days: 0, priorReturnlessCount: 0 },
  now: new Date('2026-06-10T10:00:00Z'),
};

type Change = {
  policy?: ServicePolicyRulesInput;
  order?: Partial<ReturnEligibilityInput['order']>;
  line?: Partial<ReturnEligibilityInput['line']>;
  customer?: Partial<ReturnEligibilityInput['customer']>;
  reason?: string;
  quantity?: number;
  now?: string;
};

function scenario(change: Change): ReturnEligibilityInput {
  return {
    ...base,
    policy: change.policy ? servicePolicyRules.parse(change.policy) : base.policy,
    order: { ...base.order, ...change.order },
    line: { ...base.line, ...change.line },
    customer: { ...base.customer, ...change.customer },
    reason: change.reason ?? null,
    ...(change.quantity === undefined ? {} : { quantity: change.quantity }),
    now: change.now ? new Date(change.now) : base.now,
  };
}

/** A Christmas order: placed 20 November, delivered 22 November 2026 (normal window ends 22 December). */
const christmas: Change['order'] = { placedAt: new Date('2026-11-20T10:00:00Z'), deliveredAt: new Date('2026-11-22T10:00:00Z') };

const table: Array<[string, Change, { eligible: boolean; code: string; deadline: string | null; methods?: string[] }]> = [
  ['a line within the window', {}, { eligible: true, code: 'within_return_window', deadline: '2026-07-03T21:59:59.999Z', methods: ['drop_off', 'post_own_cost'] }],
  ['the last millisecond of the window', { now: '2026-07-03T21:59:59.999Z' }, { eligible: true, code: 'within_return_window', deadline: '2026-07-03T21:59:59.999Z' }],
  ['the first millisecond after the window', { now: '2026-07-03T22:00:00Z' }, { eligible: false, code: 'window_closed', deadline: '2026-07-03T21:59:59.999Z', methods: [] }],
  ['the legal minimum of 14 days, last day', { policy: { returns: { windowDays: 14 } }, now: '2026-06-17T21:59:00Z' }, { eligible: true, code: 'within_return_window', deadline: '2026-06-17T21:59:59.999Z' }],
  ['the legal minimum of 14 days, the day after', { policy: { returns: { windowDays: 14 } }, now: '2026-06-17T22:00:00Z' }, { eligible: false, code: 'window_closed', deadline: '2026-06-17T21:59:59.999Z' }],
  ['14 days ending on Saturday 15 August (a holiday too): prolonged to Monday', { policy: { returns: { windowDays: 14 } }, order: { deliveredAt: new Date('2026-08-01T10:00:00Z') }, now: '2026-08-17T12:00:00Z' }, { eligible: true, code: 'within_return_window', deadline: '2026-08-17T21:59:59.999Z' }],
  ['14 days ending on Whit Monday: prolonged to Tuesday', { policy: { returns: { windowDays: 14 } }, order: { deliveredAt: new Date('2026-05-11T10:00:00Z') }, now: '2026-05-26T21:00:00Z' }, { eligible: true, code: 'within_return_window', deadline: '2026-05-26T21:59:59.999Z' }],
  ['14 days ending on a Sunday, the Tuesday after', { policy: { returns: { windowDays: 14 } }, order: { deliveredAt: new Date('2026-06-14T10:00:00Z') }, now: '2026-06-30T10:00:00Z' }, { eligible: false, code: 'window_closed', deadline: '2026-06-29T21:59:59.999Z' }],
  ['a 15-day window ending on Sunday still lasts to the legal Monday (14 days ended Saturday)', { policy: { returns: { windowDays: 15 } }, order: { deliveredAt: new Date('2026-06-13T10:00:00Z') }, now: '2026-06-29T10:00:00Z' }, { eligible: true, code: 'within_return_window', deadline: '2026-06-29T21:59:59.999Z' }],
  ['a generous 60-day window', { policy: { returns: { windowDays: 60 } }, now: '2026-07-20T10:00:00Z' }, { eligible: true, code: 'within_return_window', deadline: '2026-08-02T21:59:59.999Z' }],
  ['a Christmas order in January', { order: christmas, now: '2027-01-20T10:00:00Z' }, { eligible: true, code: 'within_holiday_extension', deadline: '2027-01-31T22:59:59.999Z' }],
  ['a Christmas order in December, shown the later date', { order: christmas, now: '2026-12-01T10:00:00Z' }, { eligible: true, code: 'within_holiday_extension', deadline: '2027-01-31T22:59:59.999Z' }],
  ['a Christmas order on 1 February', { order: christmas, now: '2027-01-31T23:00:00Z' }, { eligible: false, code: 'window_closed', deadline: '2027-01-31T22:59:59.999Z' }],
  ['a Christmas order without the extension', { order: christmas, policy: { returns: { holidayExtension: { enabled: false } } }, now: '2027-01-20T10:00:00Z' }, { eligible: false, code: 'window_closed', deadline: '2026-12-22T22:59:59.999Z' }],
  ['a Christmas order under a 90-day window later than the extension', { order: christmas, policy: { returns: { windowDays: 90 } }, now: '2027-01-20T10:00:00Z' }, { eligible: true, code: 'within_return_window', deadline: '2027-02-20T22:59:59.999Z' }],
  ['an order at 00:30 on 1 November in Paris (23:30 UTC the day before)', { order: { placedAt: new Date('2026-10-31T23:30:00Z'), deliveredAt: new Date('2026-11-03T10:00:00Z') }, now: '2027-01-15T10:00:00Z' }, { eligible: true, code: 'within_holiday_extension', deadline: '2027-01-31T22:59:59.999Z' }],
  ['an order at 23:30 on 31 October in Paris', { order: { placedAt: new Date('2026-10-31T22:30:00Z'), deliveredAt: new Date('2026-11-03T10:00:00Z') }, now: '2027-01-15T10:00:00Z' }, { eligible: false, code: 'window_closed', deadline: '2026-12-03T22:59:59.999Z' }],
  ['a hygiene item (tag, any case)', { line: { tags: ['Hygiene'] } }, { eligible: false, code: 'non_returnable', deadline: null, methods: [] }],
  ['a listed SKU', { policy: { returns: { nonReturnable: { skus: ['tshirt-m'] } } } }, { eligible: false, code: 'non_returnable', deadline: null }],
  ['a hygiene item said to be defective', { line: { tags: ['hygiene'] }, reason: 'defective' }, { eligible: true, code: 'conformity_guarantee', deadline: '2028-06-03T21:59:59.999Z', methods: ['drop_off', 'post_prepaid'] }],
  ['a made-to-measure item not as described', { line: { tags: ['made-to-measure'] }, reason: 'not_as_described', now: '2027-03-01T10:00:00Z' }, { eligible: true, code: 'conformity_guarantee', deadline: '2028-06-03T21:59:59.999Z' }],
  ['a defective hygiene item after two years', { line: { tags: ['hygiene'] }, reason: 'defective', now: '2028-06-04T10:00:00Z' }, { eligible: false, code: 'conformity_expired', deadline: '2028-06-03T21:59:59.999Z' }],
  ['a defective item after the window', { reason: 'defective', now: '2027-06-01T10:00:00Z' }, { eligible: true, code: 'conformity_guarantee', deadline: '2028-06-03T21:59:59.999Z', methods: ['drop_off', 'post_prepaid'] }],
  ['a defective item within the window', { reason: 'defective' }, { eligible: true, code: 'within_return_window', deadline: '2026-07-03T21:59:59.999Z', methods: ['drop_off', 'post_prepaid'] }],
  ['a defective item after two years', { reason: 'defective', now: '2028-06-04T10:00:00Z' }, { eligible: false, code: 'conformity_expired', deadline: '2028-06-03T21:59:59.999Z' }],
  ['a change of mind after the window', { reason: 'changed_mind', now: '2026-08-01T10:00:00Z' }, { eligible: false, code: 'window_closed', deadline: '2026-07-03T21:59:59.999Z' }],
  ['an order not delivered yet', { order: { deliveredAt: null } }, { eligible: false, code: 'not_delivered', deadline: null }],
  ['a pickup order, from the pickup day', { order: { fulfilment: 'pickup', deliveredAt: null, pickedUpAt: new Date('2026-06-20T15:00:00Z') }, now: '2026-07-15T10:00:00Z' }, { eligible: true, code: 'within_return_window', deadline: '2026-07-20T21:59:59.999Z' }],
  ['a pickup order not picked up', { order: { fulfilment: 'pickup', deliveredAt: null } }, { eligible: false, code: 'not_delivered', deadline: null }],
  ['a cancelled order', { order: { status: 'cancelled' } }, { eligible: false, code: 'order_cancelled', deadline: null }],
  ['a line already returned', { line: { returnedQuantity: 2 } }, { eligible: false, code: 'already_returned', deadline: null }],
  ['a line half returned', { line: { returnedQuantity: 1 } }, { eligible: true, code: 'within_return_window', deadline: '2026-07-03T21:59:59.999Z' }],
  ['prepaid labels only', { policy: { returns: { methods: { drop_off: false, post_own_cost: false, post_prepaid: true } } } }, { eligible: true, code: 'within_return_window', deadline: '2026-07-03T21:59:59.999Z', methods: ['post_prepaid'] }],
];

describe('checkReturnEligibility', () => {
  it.each(table)('judges %s', (_what, change, expected) => {
    const result = checkReturnEligibility(scenario(change));
    expect(result.eligible).toBe(expected.eligible);
    expect(result.code).toBe(expected.code);
    expect(result.deadline?.toISOString() ?? null).toBe(expected.deadline);
    if (expected.methods) expect(result.methods).toEqual(expected.methods);
    expect(result.message.fr).not.toMatch(/\{\w+\}/);
    expect(result.message.en).not.toMatch(/\{\w+\}/);
  });

  it('never makes a line ineligible because of a reason, whatever the case', () => {
    const reasons = [...Object.values(ReturnReason), 'anything else'];
    for (const [what, change] of table) {
      const without = checkReturnEligibility(scenario({ ...change, reason: undefined }));
      for (const reason of reasons) {
        const withReason = checkReturnEligibility(scenario({ ...change, reason }));
        if (without.eligible) expect(withReason.eligible, `${what} with ${reason}`).toBe(true);
      }
    }
  });

  it('tells the shopper the deadline in their language and the shop’s time zone', () => {
    const { message } = checkReturnEligibility(base);
    expect(message.fr).toBe('Retour possible jusqu’au 3 juillet 2026, sans avoir à vous justifier.');
    expect(message.en).toBe('You can return it until 3 July 2026, no questions asked.');
  });

  it.each([
    ['a cheap line', { policy: { returns: { methods: { keep: true } } }, line: { unitPriceMinor: 1_000 }, quantity: 1 }, true],
    ['a line exactly at the threshold', { policy: { returns: { methods: { keep: true } } }, line: { unitPriceMinor: 1_500 }, quantity: 1 }, true],
    ['two of a cheap line, above the threshold together', { policy: { returns: { methods: { keep: true } } }, line: { unitPriceMinor: 1_000 } }, false],
    ['a dear line', { policy: { returns: { methods: { keep: true } } }, quantity: 1 }, false],
    ['a second returnless request', { policy: { returns: { methods: { keep: true } } }, line: { unitPriceMinor: 1_000 }, quantity: 1, customer: { priorReturnlessCount: 1 } }, false],
    ['a second returnless request when not first-time only', { policy: { returns: { methods: { keep: true }, keep: { firstTimeOnly: false } } }, line: { unitPriceMinor: 1_000 }, quantity: 1, customer: { priorReturnlessCount: 1 } }, true],
    ['a shop that does not offer it', { line: { unitPriceMinor: 1_000 }, quantity: 1 }, false],
    ['a blocked customer', { policy: { returns: { methods: { keep: true } } }, line: { unitPriceMinor: 1_000 }, quantity: 1, customer: { blocked: true } }, false],
  ] as Array<[string, Change, boolean]>)('offers "keep" for %s: %s', (_what, change, offered) => {
    expect(checkReturnEligibility(scenario(change)).methods.includes('keep')).toBe(offered);
  });

  it.each([
    ['a customer under the limit', { customer: { returnsInLast90Days: 4 } }, false, null, {}],
    ['a customer at the limit', { customer: { returnsInLast90Days: 5 } }, true, 'return_limit_reached', { count: 5, max: 5 }],
    ['a customer blocked by the shop', { customer: { blocked: true } }, true, 'customer_blocked', {}],
    ['an email on the blocklist', { policy: { abuse: { blockedEmails: ['alice@example.com'] } }, customer: { email: ' Alice@Example.com' } }, true, 'customer_blocked', {}],
    ['a lower limit', { policy: { abuse: { maxReturnsPer90Days: 2 } }, customer: { returnsInLast90Days: 2 } }, true, 'return_limit_reached', { count: 2, max: 2 }],
  ] as Array<[string, Change, boolean, string | null, object]>)('sends %s to a person: %s', (_what, change, needsReview, reviewReason, params) => {
    const result = checkReturnEligibility(scenario(change));
    expect(result.eligible).toBe(true);
    expect(result.needsReview).toBe(needsReview);
    expect(result.reviewReason).toBe(reviewReason);
    expect(result.reviewParams).toEqual(params);
    expect(result.reviewNotice !== null).toBe(needsReview);
  });
});

describe('holidayExtensionDeadline', () => {
  const policy = defaultServicePolicyRules();
  const wrapping = servicePolicyRules.parse({ returns: { holidayExtension: { ordersFrom: '12-01', ordersTo: '01-15', returnUntil: '02-15' } } });

  it.each([
    ['an order on 1 November', policy, '2026-11-01T08:00:00Z', '2027-01-31T22:59:59.999Z'],
    ['an order on 31 December', policy, '2026-12-31T20:00:00Z', '2027-01-31T22:59:59.999Z'],
    ['an order on 1 January', policy, '2027-01-01T10:00:00Z', null],
    ['an order in October', policy, '2026-10-15T10:00:00Z', null],
    ['a December order in a season across New Year', wrapping, '2026-12-20T10:00:00Z', '2027-02-15T22:59:59.999Z'],
    ['a January order in a season across New Year', wrapping, '2027-01-10T10:00:00Z', '2027-02-15T22:59:59.999Z'],
    ['a late-January order after such a season', wrapping, '2027-01-20T10:00:00Z', null],
  ] as const)('places the end for %s', (_what, rules, placedAt, expected) => {
    expect(holidayExtensionDeadline(rules, new Date(placedAt), 'Europe/Paris')?.toISOString() ?? null).toBe(expected);
  });
});
