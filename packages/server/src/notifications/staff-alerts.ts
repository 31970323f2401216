import type { Locale } from '@comptoir/protocol';
import type { Db, Deps } from '../core/deps.js';
import { enqueue } from './outbox.js';

/** A case as staff emails name it. */
export type StaffCaseType = 'return' | 'refund' | 'claim' | 'ticket';

/** The admin page of a case (the admin routes in its URL fragment: `#/case?type=…&id=…`). */
export function adminCaseUrl(deps: Pick<Deps, 'config'>, caseType: StaffCaseType, caseId: string): string {
  return `${deps.config.publicUrl.replace(/\/$/, '')}/admin/#/case?type=${caseType}&id=${caseId}`;
}

/** The people of the shop who get staff alerts: its active members. */
export async function staffRecipients(tx: Db, shopId: string): Promise<Array<{ id: string; email: string; locale: Locale }>> {
  const members = await tx.staffMembership.findMany({
    where: { shopId, staffUser: { disabledAt: null } },
    select: { staffUser: { select: { id: true, email: true, locale: true } } },
    orderBy: { createdAt: 'asc' },
    take: 50,
  });
  return members.map(({ staffUser }) => ({ id: staffUser.id, email: staffUser.email, locale: staffUser.locale.startsWith('en') ? 'en' : 'fr' }));
}

/** A deadline of a case reached 75% of its time: each member of the shop is told, once per deadline. */
export async function notifyStaffDeadlineReminder(
  tx: Db,
  deps: Pick<Deps, 'config'>,
  target: { shopId: string; caseType: StaffCaseType; caseId: string; caseRef: string; deadlineId: string; dueAt: Date },
  at: Date,
): Promise<void> {
  for (const member of await staffRecipients(tx, target.shopId)) {
    await enqueue(tx, {
      channel: 'email',
      shopId: target.shopId,
      topic: 'staff_deadline_reminder',
      dedupeKey: `deadline:${target.deadlineId}:reminder:${member.id}`,
      to: member.email,
      locale: member.locale,
      data: {
        caseType: target.caseType,
        caseRef: target.caseRef,
        url: adminCaseUrl(deps, target.caseType, target.caseId),
        dueAt: target.dueAt.toISOString(),
      },
      at,
    });
  }
}
