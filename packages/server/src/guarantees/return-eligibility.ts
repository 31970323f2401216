import {
  conformityReasons,
  frenchPublicHolidays,
  legalLimits,
  fillTemplate,
  formatDeadlineDate,
  returnMethods,
  returnVerdictMessages,
  reviewNoticeMessage,
  type ErrorParams,
  type Localized,
  type ReturnMethod,
  type ReturnReason,
  type ReturnVerdict,
  type ReviewReason,
  type ServicePolicyRules,
} from '@comptoir/protocol';
import { addCalendarMonths, endOfLocalDay, fromLocal, localDateKey, toLocal } from './zoned-time.js';

/** What eligibility needs to know of an order. */
export interface EligibilityOrder {
  placedAt: Date;
  deliveredAt: Date | null;
  pickedUpAt: Date | null;
  /** "shipping" or "pickup". */
  fulfilment: string;
  /** "open" or "cancelled". */
  status: string;
}

/** What eligibility needs to know of an order line. */
export interface EligibilityLine {
  sku: string;
  tags: readonly string[];
  quantity: number;
  /** Quantity already in returns that were not refused or cancelled. */
  returnedQuantity: number;
  unitPriceMinor: number;
}

/** What the shop knows of the customer, counted by the caller. */
export interface CustomerFacts {
  email: string;
  /** The Customer row's own flag (the policy's blocklist of emails is checked too). */
  blocked: boolean;
  /** Returns requested in the 90 days before now (refused and cancelled ones included). */
  returnsInLast90Days: number;
  /** Earlier returnless ("keep") refunds. */
  priorReturnlessCount: number;
}

/** Everything {@link checkReturnEligibility} decides on. */
export interface ReturnEligibilityInput {
  policy: ServicePolicyRules;
  /** The shop's IANA time zone: deadlines end at midnight there. */
  timeZone: string;
  order: EligibilityOrder;
  line: EligibilityLine;
  customer: CustomerFacts;
  /** The shopper's reason, if they gave one: never required, can only widen what is returnable. */
  reason?: ReturnReason | string | null;
  /** Quantity the shopper wants to return; all that remains by default. Decides whether "keep" is offered. */
  quantity?: number;
  now: Date;
}

/** Which right a return rests on. */
export type ReturnBasis = 'return_window' | 'holiday_extension' | 'conformity';

/** The verdict on one line: whether, until when, how, and whether a person must decide. */
export interface ReturnEligibility {
  eligible: boolean;
  /** Machine code of the verdict (the reason shown to the shopper). */
  code: ReturnVerdict;
  /** The verdict for the shopper, deadline filled in, in both languages. */
  message: Localized;
  /** The last instant the line can be asked back; null when no date applies. Past for a closed window. */
  deadline: Date | null;
  basis: ReturnBasis | null;
  /** How many of the line can still be returned. */
  returnableQuantity: number;
  /** Return methods offered for this line, in screen order; empty when not eligible. */
  methods: ReturnMethod[];
  /** A person must decide (abuse limit or blocklist): never approved by the clock. */
  needsReview: boolean;
  /** Why, for staff only. */
  reviewReason: ReviewReason | null;
  reviewParams: ErrorParams;
  /** What the shopper is told when a person must look. */
  reviewNotice: Localized | null;
}

/** Whether a reason invokes the legal guarantee of conformity. */
export function isConformityReason(reason: string | null | undefined): boolean {
  return reason !== null && reason !== undefined && (conformityReasons as readonly string[]).includes(reason);
}

/** The day the item reached the shopper: delivery, or pickup at the shop. */
export function receivedByShopperAt(order: EligibilityOrder): Date | null {
  return order.fulfilment === 'pickup' ? (order.pickedUpAt ?? order.deliveredAt) : (order.deliveredAt ?? order.pickedUpAt);
}

/** What makes a line non-returnable, if anything: a listed SKU or tag (case-insensitive). */
export function nonReturnableRule(policy: ServicePolicyRules, line: Pick<EligibilityLine, 'sku' | 'tags'>): { rule: 'sku' | 'tag'; value: string } | null {
  const sku = line.sku.trim().toLowerCase();
  if (policy.returns.nonReturnable.skus.some((listed) => listed.trim().toLowerCase() === sku)) return { rule: 'sku', value: line.sku };
  const tags = new Set(line.tags.map((tag) => tag.trim().toLowerCase()));
  const tag = policy.returns.nonReturnable.tags.find((listed) => tags.has(listed.trim().toLowerCase()));
  return tag ? { rule: 'tag', value: tag } : null;
}

/**
 * The end of the legal right of withdrawal: 14 days after the item was received, and when that
 * last day is a Saturday, a Sunday or a public holiday, the next working day (Code de la
 * consommation art. L221-19, which applies EU regulation 1182/71 on periods). French holidays
 * count whatever the shop closes on: the law is the shopper's, not the shop's schedule.
 */
export function legalWithdrawalDeadline(receivedAt: Date, timeZone: string): Date {
  let days = legalLimits.withdrawalDays;
  for (;;) {
    const last = toLocal(endOfLocalDay(receivedAt, days, timeZone), timeZone);
    const weekday = new Date(Date.UTC(last.year, last.month - 1, last.day)).getUTCDay();
    const key = localDateKey(last.year, last.month, last.day);
    if (weekday !== 0 && weekday !== 6 && !frenchPublicHolidays(last.year).includes(key)) return endOfLocalDay(receivedAt, days, timeZone);
    days += 1;
  }
}

const mmdd = (month: number, day: number) => `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/**
 * The end of the holiday extension for an order, or null when the order is outside the season.
 * With the defaults, an order placed 1 Nov–31 Dec (in the shop's zone) is returnable until the
 * end of 31 Jan of the next year. Seasons may wrap around New Year (from 12-01 to 01-15).
 */
export function holidayExtensionDeadline(policy: ServicePolicyRules, placedAt: Date, timeZone: string): Date | null {
  const extension = policy.returns.holidayExtension;
  if (!extension.enabled) return null;
  const placed = toLocal(placedAt, timeZone);
  const day = mmdd(placed.month, placed.day);
  const wraps = extension.ordersFrom > extension.ordersTo;
  const inSeason = wraps ? day >= extension.ordersFrom || day <= extension.ordersTo : day >= extension.ordersFrom && day <= extension.ordersTo;
  if (!inSeason) return null;
  const seasonEndYear = wraps && day >= extension.ordersFrom ? placed.year + 1 : placed.year;
  const untilYear = extension.returnUntil >= extension.ordersTo ? seasonEndYear : seasonEndYear + 1;
  const [month, dayOfMonth] = extension.returnUntil.split('-').map(Number) as [number, number];
  return new Date(fromLocal(timeZone, untilYear, month, dayOfMonth + 1).getTime() - 1);
}

/**
 * Whether a line can be returned, until when, how, and whether a person must decide.
 * No reason is needed; a conformity reason ("defective"…) only widens: it covers items marked
 * non-returnable and items past the return window, for the legal guarantee's 2 years from delivery.
 */
export function checkReturnEligibility(input: ReturnEligibilityInput): ReturnEligibility {
  const { policy, timeZone, order, line, customer, now } = input;
  const returnableQuantity = Math.max(0, line.quantity - line.returnedQuantity);
  const verdict = (code: ReturnVerdict, deadline: Date | null = null, basis: ReturnBasis | null = null): ReturnEligibility => ({
    eligible: false,
    code,
    message: messageOf(code, deadline, timeZone),
    deadline,
    basis,
    returnableQuantity,
    methods: [],
    needsReview: false,
    reviewReason: null,
    reviewParams: {},
    reviewNotice: null,
  });

  if (order.status === 'cancelled') return verdict('order_cancelled');
  if (returnableQuantity === 0) return verdict('already_returned');
  const receivedAt = receivedByShopperAt(order);
  if (!receivedAt) return verdict('not_delivered');

  const isConformity = isConformityReason(input.reason);
  const conformityDeadline = endOfLocalDay(addCalendarMonths(receivedAt, policy.returns.conformityGuaranteeMonths, timeZone), 0, timeZone);
  // A short window (the 14-day minimum) never ends before the legal period, which a weekend or holiday prolongs.
  const policyWindowDeadline = endOfLocalDay(receivedAt, policy.returns.windowDays, timeZone);
  const legalDeadline = legalWithdrawalDeadline(receivedAt, timeZone);
  const windowDeadline = legalDeadline > policyWindowDeadline ? legalDeadline : policyWindowDeadline;
  const holidayDeadline = holidayExtensionDeadline(policy, order.placedAt, timeZone);
  const isHolidayLater = holidayDeadline !== null && holidayDeadline > windowDeadline;
  const returnDeadline = isHolidayLater ? holidayDeadline : windowDeadline;

  let granted: { code: ReturnVerdict; deadline: Date; basis: ReturnBasis };
  if (nonReturnableRule(policy, line)) {
    if (!isConformity) return verdict('non_returnable');
    if (now > conformityDeadline) return verdict('conformity_expired', conformityDeadline, 'conformity');
    granted = { code: 'conformity_guarantee', deadline: conformityDeadline, basis: 'conformity' };
  } else if (now <= returnDeadline) {
    granted = isHolidayLater
      ? { code: 'within_holiday_extension', deadline: returnDeadline, basis: 'holiday_extension' }
      : { code: 'within_return_window', deadline: returnDeadline, basis: 'return_window' };
  } else if (isConformity) {
    if (now > conformityDeadline) return verdict('conformity_expired', conformityDeadline, 'conformity');
    granted = { code: 'conformity_guarantee', deadline: conformityDeadline, basis: 'conformity' };
  } else {
    return verdict('window_closed', returnDeadline, isHolidayLater ? 'holiday_extension' : 'return_window');
  }

  const review = reviewOf(policy, customer);
  const quantity = Math.min(Math.max(1, input.quantity ?? returnableQuantity), returnableQuantity);
  return {
    ...verdict(granted.code, granted.deadline, granted.basis),
    eligible: true,
    methods: methodsFor(policy, { isConformity, lineValueMinor: line.unitPriceMinor * quantity, customer, needsReview: review !== null }),
    needsReview: review !== null,
    reviewReason: review?.reason ?? null,
    reviewParams: review?.params ?? {},
    reviewNotice: review ? reviewNoticeMessage : null,
  };
}

function messageOf(code: ReturnVerdict, deadline: Date | null, timeZone: string): Localized {
  const template = returnVerdictMessages[code];
  return {
    fr: fillTemplate(template.fr, deadline ? { deadline: formatDeadlineDate(deadline, 'fr', timeZone) } : {}),
    en: fillTemplate(template.en, deadline ? { deadline: formatDeadlineDate(deadline, 'en', timeZone) } : {}),
  };
}

/** Why a person must decide, if one must: the blocklist first, then the 90-day return limit. */
function reviewOf(policy: ServicePolicyRules, customer: CustomerFacts): { reason: ReviewReason; params: ErrorParams } | null {
  const email = customer.email.trim().toLowerCase();
  if (customer.blocked || policy.abuse.blockedEmails.includes(email)) return { reason: 'customer_blocked', params: {} };
  if (customer.returnsInLast90Days >= policy.abuse.maxReturnsPer90Days) {
    return { reason: 'return_limit_reached', params: { count: customer.returnsInLast90Days, max: policy.abuse.maxReturnsPer90Days } };
  }
  return null;
}

/**
 * The methods offered for a line. A non-conforming item goes back at the shop's cost (the law
 * says so), so "at your own cost" becomes a prepaid label. "Keep" needs a value under the
 * threshold, the first-time rule met, and no review pending.
 */
function methodsFor(
  policy: ServicePolicyRules,
  facts: { isConformity: boolean; lineValueMinor: number; customer: CustomerFacts; needsReview: boolean },
): ReturnMethod[] {
  const offered = policy.returns.methods;
  const keep = policy.returns.keep;
  const allowed: Record<ReturnMethod, boolean> = {
    drop_off: offered.drop_off,
    post_prepaid: offered.post_prepaid || (facts.isConformity && offered.post_own_cost),
    post_own_cost: offered.post_own_cost && !facts.isConformity,
    keep:
      offered.keep &&
      !facts.needsReview &&
      facts.lineValueMinor <= keep.maxLineValueMinor &&
      (!keep.firstTimeOnly || facts.customer.priorReturnlessCount === 0),
  };
  return returnMethods.filter((method) => allowed[method]);
}
