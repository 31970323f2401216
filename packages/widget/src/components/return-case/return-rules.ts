import { statusLabel } from '@comptoir/protocol/status/machine';
import { returnMachine } from '@comptoir/protocol/status/return-status';
import type { ReturnDetail } from '../../controllers/api-types.js';
import type { Locale } from '../../i18n/index.js';
import { isReturnTextKey, returnText } from '../../i18n/returns.js';

/** Statuses in which the shopper may still cancel (`returns.widget.cancel`). */
const cancellableStatuses: readonly string[] = ['requested', 'needs_review', 'approved'];
/** Statuses in which the server accepts a rating (`returns.widget.rate`): the return is settled. */
const rateableStatuses: readonly string[] = ['refunded', 'closed', 'exchanged', 'refused'];

/** Whether the shopper can still cancel the return. */
export function canCancelReturn(status: string): boolean {
  return cancellableStatuses.includes(status);
}

/** Whether the return is settled, so the shopper can rate it (or see their rating). */
export function isRateableReturn(status: string): boolean {
  return rateableStatuses.includes(status);
}

/** What a history entry says: its new status, else what happened (never a raw code); then the server's own reason. */
export function describeReturnEvent(
  locale: Locale,
  event: Pick<ReturnDetail['events'][number], 'type' | 'toStatus' | 'reasonMessage'>,
): { title: string; reason: string | null } {
  const eventKey = `event.${event.type}`;
  const title = event.toStatus
    ? statusLabel(returnMachine, event.toStatus, locale)
    : returnText(locale, isReturnTextKey(eventKey) ? eventKey : 'event.other');
  return { title, reason: event.reasonMessage?.[locale] ?? null };
}
