import type { CaseTextKey } from '../../i18n/cases.js';

/** Who wrote a message, as the shopper reads it. */
export function authorKey(authorType: string): Extract<CaseTextKey, 'you' | 'shop' | 'system'> {
  if (authorType === 'shopper') return 'you';
  if (authorType === 'staff') return 'shop';
  return 'system';
}

/** Whether the shopper can still write: a closed ticket is final. */
export function canReply(status: string): boolean {
  return status !== 'closed';
}

/** Whether the shopper can rate the ticket: once resolved, and only once (rating closes it). */
export function canRate(ticket: { status: string; rating: number | null }): boolean {
  return ticket.status === 'resolved' && ticket.rating === null;
}
