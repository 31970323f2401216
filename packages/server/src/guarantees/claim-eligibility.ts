import {
  claimVerdictMessages,
  fillTemplate,
  formatDeadlineDate,
  type ClaimKind,
  type ClaimVerdict,
  type Localized,
  type ServicePolicyRules,
} from '@comptoir/protocol';
import { receivedByShopperAt, type EligibilityOrder } from './return-eligibility.js';
import { addCalendarDays, addCalendarMonths, endOfLocalDay } from './zoned-time.js';

/** What claim eligibility needs to know of an order. */
export interface ClaimOrder extends EligibilityOrder {
  /** The latest delivery date the shop promised, if any. */
  promisedDeliveryBy: Date | null;
}

/** Everything {@link checkClaimEligibility} decides on. */
export interface ClaimEligibilityInput {
  policy: ServicePolicyRules;
  timeZone: string;
  kind: ClaimKind;
  order: ClaimOrder;
  now: Date;
}

/** Whether a claim of a kind can be opened now, and from when / until when. */
export interface ClaimEligibility {
  eligible: boolean;
  code: ClaimVerdict;
  message: Localized;
  /** When the claim can be opened; null when it depends on something yet to happen (delivery). */
  opensAt: Date | null;
  /** When it can no longer be opened; null when no limit applies. */
  closesAt: Date | null;
}

/**
 * When a claim of this kind opens. "Not received": the configured days after the latest promised
 * delivery (3 by default), or after the order when nothing was promised (30). "Damaged" and "not
 * as described": from delivery. Null when the order has not reached the shopper yet.
 */
export function claimOpensAt(policy: ServicePolicyRules, kind: ClaimKind, order: ClaimOrder, timeZone: string): Date | null {
  if (kind === 'not_received') {
    return order.promisedDeliveryBy
      ? addCalendarDays(order.promisedDeliveryBy, policy.claims.notReceivedDaysAfterPromise, timeZone)
      : addCalendarDays(order.placedAt, policy.claims.notReceivedDaysAfterOrder, timeZone);
  }
  return receivedByShopperAt(order);
}

/** Whether the shopper can open a claim of this kind now, with the reason and the dates. */
export function checkClaimEligibility(input: ClaimEligibilityInput): ClaimEligibility {
  const { policy, kind, order, now, timeZone } = input;
  const verdict = (code: ClaimVerdict, opensAt: Date | null, closesAt: Date | null, date: Date | null = null): ClaimEligibility => ({
    eligible: code === 'claim_open',
    code,
    message: messageOf(code, date, policy, timeZone),
    opensAt,
    closesAt,
  });

  if (order.status === 'cancelled') return verdict('claim_order_cancelled', null, null);
  if (kind === 'not_received') {
    if (order.fulfilment === 'pickup' && order.pickedUpAt) return verdict('claim_picked_up', null, null);
    const opensAt = claimOpensAt(policy, kind, order, timeZone)!;
    return now < opensAt ? verdict('claim_not_yet_open', opensAt, null, opensAt) : verdict('claim_open', opensAt, null);
  }
  const receivedAt = receivedByShopperAt(order);
  if (!receivedAt) return verdict('claim_not_delivered', null, null);
  // A damaged or non-conforming item is covered for as long as the legal guarantee of conformity.
  const closesAt = endOfLocalDay(addCalendarMonths(receivedAt, policy.returns.conformityGuaranteeMonths, timeZone), 0, timeZone);
  if (now > closesAt) return verdict('claim_window_closed', receivedAt, closesAt, closesAt);
  return verdict('claim_open', receivedAt, closesAt);
}

function messageOf(code: ClaimVerdict, date: Date | null, policy: ServicePolicyRules, timeZone: string): Localized {
  const template = claimVerdictMessages[code];
  const days = policy.claims.answerBusinessDays;
  return {
    fr: fillTemplate(template.fr, { days, ...(date ? { date: formatDeadlineDate(date, 'fr', timeZone) } : {}) }),
    en: fillTemplate(template.en, { days, ...(date ? { date: formatDeadlineDate(date, 'en', timeZone) } : {}) }),
  };
}
