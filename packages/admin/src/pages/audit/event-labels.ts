import { AutomaticReason, automaticReasonMessage } from '@comptoir/protocol/policy/verdicts';
import type { Locale } from '@comptoir/protocol/locale';
import { claimMachine, exchangeMachine, refundMachine, returnMachine, statusLabel, ticketMachine, type StateMachine } from '@comptoir/protocol/status/index';
import { isTextKey, textIn } from '../../i18n/text.js';

/**
 * How one recorded event reads on screen: its type, who did it, what it is about, the change of
 * state and the reason, in the staff member's language. Pure, so it can be tested in Node.
 */

/** The event type in words; a type this admin does not know yet (a newer server) shows as it is. */
export function eventTypeLabel(type: string, locale: Locale): string {
  const key = `event.${type}`;
  return isTextKey(key) ? textIn(locale, key) : type;
}

/** The kinds of author an event records. */
export const actorTypes = ['staff', 'system', 'shopper', 'shop_backend'] as const;
export type ActorTypeName = (typeof actorTypes)[number];

/** The kind of author in words ("Comptoir (automatique)", "Client"…), its raw value when unknown. */
export function actorTypeLabel(actorType: string, locale: Locale): string {
  const key = `audit.actor.${actorType}`;
  return isTextKey(key) ? textIn(locale, key) : actorType;
}

/** Who did it: the staff member's name, or the kind of author for the others. */
export function actorLabel(event: { actorType: string; actorName: string | null }, locale: Locale): string {
  if (event.actorType === 'staff') return event.actorName ?? textIn(locale, 'audit.actor.formerStaff');
  return actorTypeLabel(event.actorType, locale);
}

/** What an event may be about, as the server names subjects. */
export const subjectTypes = ['return', 'refund', 'claim', 'ticket', 'exchange', 'order', 'shipment', 'customer', 'loyalty', 'staff', 'shop', 'api_key', 'saved_reply'] as const;

/** The kind of subject in words, its raw value when unknown. */
export function subjectTypeLabel(subjectType: string, locale: Locale): string {
  const key = `audit.subject.${subjectType}`;
  return isTextKey(key) ? textIn(locale, key) : subjectType;
}

/** Where the subject opens in the admin (a case or an order page), or null when it has no page. */
export function subjectHref(subjectType: string, subjectId: string): string | null {
  const id = encodeURIComponent(subjectId);
  if (subjectType === 'return' || subjectType === 'claim' || subjectType === 'ticket') return `#/case?type=${subjectType}&id=${id}`;
  if (subjectType === 'order') return `#/order?id=${id}`;
  return null;
}

const machines: Record<string, StateMachine<string>> = {
  return: returnMachine,
  refund: refundMachine,
  claim: claimMachine,
  ticket: ticketMachine,
  exchange: exchangeMachine,
};

/** A status of a subject in words, from the protocol's state machine (as the case pages show it). */
export function statusText(subjectType: string, status: string, locale: Locale): string {
  const machine = machines[subjectType];
  if (machine) return statusLabel(machine, status, locale);
  // Orders and parcels have no state machine of their own in the protocol: their stage and scan names.
  const key = subjectType === 'order' ? `order.state.${status}` : subjectType === 'shipment' ? `tracking.${status}` : '';
  return key && isTextKey(key) ? textIn(locale, key) : status;
}

/** "Demandé → Accepté", "→ Accepté", or null when the event changed no state. */
export function statusChange(event: { subjectType: string; fromStatus: string | null; toStatus: string | null }, locale: Locale): string | null {
  if (!event.toStatus) return null;
  const to = statusText(event.subjectType, event.toStatus, locale);
  return event.fromStatus ? `${statusText(event.subjectType, event.fromStatus, locale)} → ${to}` : `→ ${to}`;
}

const automaticReasons = new Set<string>(Object.values(AutomaticReason));

/**
 * The reason in words: the server's own decisions (`auto.*`) with the figures stored on the event,
 * as the case pages show them; a person's words as they wrote them.
 */
export function reasonText(reason: string | null, data: unknown, locale: Locale): string | null {
  if (!reason) return null;
  if (!automaticReasons.has(reason)) return reason;
  const params = data && typeof data === 'object' && !Array.isArray(data) ? (data as { reasonParams?: unknown }).reasonParams : undefined;
  const filled = params && typeof params === 'object' ? (params as Record<string, number>) : {};
  return automaticReasonMessage(reason as AutomaticReason, filled)[locale];
}

/** A short name for an automatic decision's reason (the dashboard's list), its raw code when unknown. */
export function automaticReasonLabel(reason: string, locale: Locale): string {
  const key = `auto.${reason}`;
  return isTextKey(key) ? textIn(locale, key) : reason;
}
