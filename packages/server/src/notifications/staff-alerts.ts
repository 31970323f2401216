import { pickLocale, type Locale, type Localized } from '@comptoir/protocol';
import type { Db, Deps } from '../core/deps.js';
import { enqueue, type EmailMessage } from './outbox.js';

/** A case as staff emails name it. */
export type StaffCaseType = 'return' | 'refund' | 'claim' | 'ticket' | 'exchange';

/** The admin page of a case (the admin routes in its URL fragment: `#/case?type=…&id=…`). */
export function adminCaseUrl(deps: Pick<Deps, 'config'>, caseType: StaffCaseType, caseId: string): string {
  return `${deps.config.publicUrl.replace(/\/$/, '')}/admin/#/case?type=${caseType}&id=${caseId}`;
}

/**
 * How staff emails name a claim or a ticket, which have no code of their own: the end of its id,
 * enough to tell cases apart in a subject line (the link opens the case itself).
 */
export function staffCaseRef(caseId: string): string {
  return caseId.replace(/-/g, '').slice(-8).toUpperCase();
}

/** The people of the shop who get staff alerts: its active members. */
export async function staffRecipients(tx: Db, shopId: string): Promise<Array<{ id: string; email: string; locale: Locale }>> {
  const members = await tx.staffMembership.findMany({
    where: { shopId, staffUser: { disabledAt: null } },
    select: { staffUser: { select: { id: true, email: true, locale: true } } },
    orderBy: { createdAt: 'asc' },
    take: 50,
  });
  return members.map(({ staffUser }) => ({ id: staffUser.id, email: staffUser.email, locale: pickLocale(staffUser.locale) }));
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A staff email before it is addressed: `dedupeKey` is the cause's, each member's id is appended. */
type StaffEmail = DistributiveOmit<EmailMessage, 'channel' | 'to' | 'locale' | 'customerId'>;

/**
 * Writes one email per active member of the shop, each in their own language, once per cause and
 * member (`<dedupeKey>:<member id>`). Answers how many were new.
 */
export async function emailShopStaff(tx: Db, message: StaffEmail & { shopId: string }): Promise<number> {
  let queued = 0;
  for (const member of await staffRecipients(tx, message.shopId)) {
    queued += await enqueue(tx, { ...message, channel: 'email', dedupeKey: `${message.dedupeKey}:${member.id}`, to: member.email, locale: member.locale } as EmailMessage);
  }
  return queued;
}

/** A new case to handle: each member of the shop is told once. */
export async function notifyStaffNewCase(
  tx: Db,
  deps: Pick<Deps, 'config'>,
  target: { shopId: string; caseType: StaffCaseType; caseId: string; caseRef: string; orderNumber: string | null },
  at: Date,
): Promise<void> {
  await emailShopStaff(tx, {
    shopId: target.shopId,
    topic: 'staff_new_case',
    dedupeKey: `${target.caseType}:${target.caseId}:new_case`,
    data: { caseType: target.caseType, caseRef: target.caseRef, orderNumber: target.orderNumber, url: adminCaseUrl(deps, target.caseType, target.caseId) },
    at,
  });
}

/** A deadline of a case reached 75% of its time: each member of the shop is told, once per deadline. */
export async function notifyStaffDeadlineReminder(
  tx: Db,
  deps: Pick<Deps, 'config'>,
  target: { shopId: string; caseType: StaffCaseType; caseId: string; caseRef: string; deadlineId: string; dueAt: Date },
  at: Date,
): Promise<void> {
  await emailShopStaff(tx, {
    shopId: target.shopId,
    topic: 'staff_deadline_reminder',
    dedupeKey: `deadline:${target.deadlineId}:reminder`,
    data: { caseType: target.caseType, caseRef: target.caseRef, url: adminCaseUrl(deps, target.caseType, target.caseId), dueAt: target.dueAt.toISOString() },
    at,
  });
}

/** What Comptoir did (or why it did nothing) when a deadline passed without the shop. */
export const missedWithoutAction = {
  needs_review: {
    fr: 'Rien d’automatique : ce client doit être vérifié par une personne (liste de blocage ou limite de retours). Décidez vite.',
    en: 'Nothing automatic: a person must check this customer (blocklist or return limit). Please decide soon.',
  },
  automation_off: {
    fr: 'Rien d’automatique : vous avez désactivé cette garantie. Le dossier reste en tête de votre liste.',
    en: 'Nothing automatic: you turned this guarantee off. The case stays at the top of your list.',
  },
} as const satisfies Record<string, Localized>;

/** A deadline of a case passed: each member of the shop is told what Comptoir did, once per deadline. */
export async function notifyStaffDeadlineMissed(
  tx: Db,
  deps: Pick<Deps, 'config'>,
  target: { shopId: string; caseType: StaffCaseType; caseId: string; caseRef: string; deadlineId: string; outcome: Localized },
  at: Date,
): Promise<void> {
  await emailShopStaff(tx, {
    shopId: target.shopId,
    topic: 'staff_deadline_missed',
    dedupeKey: `deadline:${target.deadlineId}:missed`,
    data: { caseType: target.caseType, caseRef: target.caseRef, url: adminCaseUrl(deps, target.caseType, target.caseId), outcome: target.outcome },
    at,
  });
}

/** A shopper rated a settled case: each member of the shop sees the mark and the comment. */
export async function notifyStaffCaseRated(
  tx: Db,
  deps: Pick<Deps, 'config'>,
  target: { shopId: string; caseType: StaffCaseType; caseId: string; caseRef: string; orderNumber: string | null; rating: number; comment: string | null },
  at: Date,
): Promise<void> {
  const { shopId, caseType, caseId, ...rest } = target;
  await emailShopStaff(tx, {
    shopId,
    topic: 'staff_case_rated',
    dedupeKey: `${caseType}:${caseId}:rated`,
    data: { caseType, ...rest, url: adminCaseUrl(deps, caseType, caseId) },
    at,
  });
}
