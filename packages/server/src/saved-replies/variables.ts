import { savedReplyVariablePattern, type SavedReplyVariable } from '@comptoir/protocol';

/** The values a saved reply's variables take for one case; a missing one renders as nothing. */
export type SavedReplyValues = Partial<Record<SavedReplyVariable, string | null>>;

/**
 * Fills a saved reply's `{{variables}}`. The result is plain text: values are inserted as they are
 * (no HTML escaping, since the admin shows and sends it as text), and a value is never re-scanned,
 * so a customer named "{{shop.name}}" stays literally that.
 */
export function fillSavedReply(body: string, values: SavedReplyValues): string {
  return body.replace(savedReplyVariablePattern, (_whole, name: string) => values[name as SavedReplyVariable] ?? '');
}

/** What a customer is called in a reply: their name, or the part of their email before the @. */
export function customerDisplayName(customer: { name: string | null; email: string }): string {
  const name = customer.name?.trim();
  return name ? name : (customer.email.split('@')[0] ?? '');
}
