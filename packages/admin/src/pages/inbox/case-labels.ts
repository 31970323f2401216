import { claimMachine, exchangeMachine, refundMachine, returnMachine, statusLabel, ticketMachine, type StateMachine } from '@comptoir/protocol/status/index';
import { currentLocale, t, type MessageKey } from '../../i18n/index.js';

/** The kinds of case the inbox lists (as `cases.admin.inbox` names them). */
export const caseTypes = ['return', 'claim', 'exchange', 'ticket'] as const;
export type CaseTypeName = (typeof caseTypes)[number];

const machines: Record<CaseTypeName | 'refund', StateMachine<string>> = {
  refund: refundMachine,
  return: returnMachine,
  claim: claimMachine,
  exchange: exchangeMachine,
  ticket: ticketMachine,
};

const typeKeys: Record<CaseTypeName, MessageKey> = {
  return: 'case.type.return',
  claim: 'case.type.claim',
  exchange: 'case.type.exchange',
  ticket: 'case.type.ticket',
};

/** The on-screen name of a kind of case. */
export function caseTypeLabel(type: string): string {
  return type in typeKeys ? t(typeKeys[type as CaseTypeName]) : type;
}

/** The on-screen name of a case's (or refund's) status, from the protocol's state machine. */
export function caseStatusLabel(type: string, status: string): string {
  const machine = machines[type as CaseTypeName | 'refund'];
  return machine ? statusLabel(machine, status, currentLocale()) : status;
}

/** How pressing a deadline is: past, in its last quarter, or not yet. */
export const Urgency = { overdue: 'overdue', soon: 'soon', normal: 'normal', none: 'none' } as const;
export type Urgency = (typeof Urgency)[keyof typeof Urgency];

/** The countdown of a case: its urgency and a sentence that says it (colour is never the only signal). */
export function countdownOf(openedAt: string | Date, deadlineAt: string | Date | null, now: number): { urgency: Urgency; text: string } {
  if (!deadlineAt) return { urgency: Urgency.none, text: t('countdown.none') };
  const due = new Date(deadlineAt).getTime();
  const start = new Date(openedAt).getTime();
  const left = due - now;
  const duration = formatDuration(Math.abs(left));
  if (left <= 0) return { urgency: Urgency.overdue, text: t('countdown.overdue', { duration }) };
  const total = Math.max(1, due - start);
  return { urgency: left < total / 4 ? Urgency.soon : Urgency.normal, text: t(left < total / 4 ? 'countdown.soon' : 'countdown.left', { duration }) };
}

/** "2 d 3 h", "5 h 10 min", "12 min". */
function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return t('duration.daysHours', { days, hours });
  if (hours > 0) return t('duration.hoursMinutes', { hours, minutes: minutes % 60 });
  return t('duration.minutes', { minutes: Math.max(1, minutes) });
}

/** A money amount in minor units, formatted in the current language. */
export function formatMoney(amountMinor: number, currency: string): string {
  return new Intl.NumberFormat(currentLocale(), { style: 'currency', currency }).format(amountMinor / 100);
}
