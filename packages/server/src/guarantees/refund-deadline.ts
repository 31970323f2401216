import { legalLimits, type ReturnMethod, type ServicePolicyRules } from '@comptoir/protocol';
import { addCalendarHours } from './business-time.js';

/** What the instant-refund trust rule looks at, counted by the caller. */
export interface TrustFacts {
  /** Orders of this customer at this shop that were delivered or picked up. */
  deliveredOrders: number;
  /** Returns of this customer the shop refused. */
  refusedReturns: number;
  /** Blocked by the shop, on its blocklist, or over the return limit: never trusted. */
  blocked: boolean;
}

/** Whether the policy trusts this customer enough to refund at request, before the item is back. */
export function isTrustedForInstantRefund(policy: ServicePolicyRules, facts: TrustFacts): boolean {
  const rule = policy.refunds.instant;
  return (
    rule.enabled &&
    !facts.blocked &&
    facts.deliveredOrders >= rule.minDeliveredOrders &&
    (!rule.requireNoRefusedReturn || facts.refusedReturns === 0)
  );
}

/** What the refund clock of a return starts from. */
export interface RefundDeadlineInput {
  policy: ServicePolicyRules;
  /** When the shopper asked for the return: the legal 14 days run from here. */
  requestedAt: Date;
  method: ReturnMethod;
  approvedAt?: Date | null;
  /** The carrier's first scan of the return parcel. */
  firstScanAt?: Date | null;
  /** When the shop recorded the item at the counter or out of the parcel. */
  receivedAt?: Date | null;
  /** From {@link isTrustedForInstantRefund}. */
  isTrusted: boolean;
}

/** Why the refund is due when it is. */
export type RefundClockBasis = 'instant' | 'returnless' | 'first_scan' | 'receipt' | 'legal_maximum';

/** When a return's refund is due. */
export type RefundDeadline =
  | { running: true; startsAt: Date; dueAt: Date; basis: RefundClockBasis; legalMaxAt: Date }
  /** The clock has not started: waiting for the approval (returnless) or for the item. */
  | { running: false; waitingFor: 'approval' | 'item'; legalMaxAt: Date };

/**
 * When the refund of a return is due: `refunds.dueHours` (48 by default) after the item was
 * received or first scanned by the carrier, whichever came first — but never later than the law's
 * 14 days after the request, and at once for a customer the policy trusts. A returnless ("keep")
 * refund runs from the approval. Until the item is on its way the clock does not run: the law lets
 * the shop wait for the item or proof of sending. A parcel first scanned after the legal 14 days
 * makes the refund due at that scan.
 */
export function refundDeadline(input: RefundDeadlineInput): RefundDeadline {
  const legalMaxAt = addCalendarHours(input.requestedAt, legalLimits.refundMaxDays * 24);
  let startsAt: Date;
  let basis: RefundClockBasis;
  if (input.isTrusted) {
    return { running: true, startsAt: input.requestedAt, dueAt: input.requestedAt, basis: 'instant', legalMaxAt };
  } else if (input.method === 'keep') {
    if (!input.approvedAt) return { running: false, waitingFor: 'approval', legalMaxAt };
    startsAt = input.approvedAt;
    basis = 'returnless';
  } else {
    const starts = [input.firstScanAt, input.receivedAt].filter((date): date is Date => date instanceof Date);
    if (starts.length === 0) return { running: false, waitingFor: 'item', legalMaxAt };
    startsAt = new Date(Math.min(...starts.map((date) => date.getTime())));
    basis = input.firstScanAt && input.firstScanAt.getTime() === startsAt.getTime() ? 'first_scan' : 'receipt';
  }
  const byPolicy = addCalendarHours(startsAt, input.policy.refunds.dueHours);
  if (byPolicy <= legalMaxAt) return { running: true, startsAt, dueAt: byPolicy, basis, legalMaxAt };
  return { running: true, startsAt, dueAt: new Date(Math.max(startsAt.getTime(), legalMaxAt.getTime())), basis: 'legal_maximum', legalMaxAt };
}

/** One way to settle a return, in the order the shopper is offered them. */
export type RefundOption =
  | { kind: 'store_credit'; creditMinor: number; bonusMinor: number; bonusPercent: number }
  | { kind: 'original_payment'; amountMinor: number }
  | { kind: 'exchange' };

/**
 * What the shopper may choose for `amountMinor` of returned goods: store credit with its bonus
 * (rounded down to the minor unit) — first when the policy says so, as Loop does — the original
 * payment always, and an exchange when enabled.
 */
export function refundOptions(policy: ServicePolicyRules, amountMinor: number): RefundOption[] {
  const { offerFirst, bonusPercent } = policy.refunds.storeCredit;
  const bonusMinor = Math.floor((amountMinor * bonusPercent) / 100);
  const credit: RefundOption = { kind: 'store_credit', creditMinor: amountMinor + bonusMinor, bonusMinor, bonusPercent };
  const original: RefundOption = { kind: 'original_payment', amountMinor };
  const options = offerFirst ? [credit, original] : [original, credit];
  return policy.exchanges.enabled ? [...options, { kind: 'exchange' }] : options;
}
