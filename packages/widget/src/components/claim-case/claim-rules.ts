import { statusLabel } from '@comptoir/protocol/status/machine';
import { claimMachine } from '@comptoir/protocol/status/claim-status';
import { refundMachine } from '@comptoir/protocol/status/refund-status';
import type { ClaimEvent } from '../../controllers/api-types.js';
import type { Locale } from '../../i18n/index.js';
import { caseText, isCaseTextKey } from '../../i18n/cases.js';

/** Statuses in which the server accepts a rating (`claims.widget.rate`): the claim is settled. */
const rateableStatuses: readonly string[] = ['refunded', 'closed', 'resolved', 'rejected'];

/** Whether the shopper can rate the claim now: settled, and not rated yet. */
export function canRateClaim(claim: { status: string; rating: number | null }): boolean {
  return rateableStatuses.includes(claim.status) && claim.rating === null;
}

/** What a history entry says: its new status, else what happened; then the server's own reason. */
export function describeClaimEvent(locale: Locale, event: Pick<ClaimEvent, 'type' | 'toStatus' | 'reasonMessage'>): { title: string; reason: string | null } {
  const eventKey = `event.${event.type}`;
  const title = event.toStatus
    ? statusLabel(claimMachine, event.toStatus, locale)
    : isCaseTextKey(eventKey)
      ? caseText(locale, eventKey)
      : // Never a raw code on screen: an event this version does not know is an update of the case.
        caseText(locale, 'event.other');
  return { title, reason: event.reasonMessage?.[locale] ?? null };
}

/** A refund's status as the shopper reads it ("Effectué", "Pending"), from the protocol's refund machine. */
export function refundStatusLabel(locale: Locale, status: string): string {
  return statusLabel(refundMachine, status, locale);
}
