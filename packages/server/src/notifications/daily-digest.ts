import type { Deps } from '../core/deps.js';
import { listInbox } from '../cases/service.js';
import { localDateKey, toLocal } from '../guarantees/zoned-time.js';
import { adminCaseUrl, emailShopStaff, staffCaseRef } from './staff-alerts.js';

/** The local hour the digest goes out at, in each shop's own time zone: before the shop opens. */
export const digestLocalHour = 8;
/** How far ahead the digest looks. */
const horizonMs = 24 * 3_600_000;
/** At most this many cases listed; the link opens the rest. */
const maxListed = 30;

/**
 * Each shop's morning digest: to every member, the open cases due within 24 hours and those
 * already overdue, sent when it is 8 o'clock in the shop's time zone. A shop with nothing due gets
 * nothing. Run hourly; the dedupe key (shop, local date, member) makes a rerun or a second
 * instance harmless.
 */
export async function sendDailyDigests(deps: Deps, now: Date): Promise<{ shops: number; emails: number }> {
  const shops = await deps.db.shop.findMany({ select: { id: true, timeZone: true }, orderBy: { id: 'asc' } });
  let digested = 0;
  let emails = 0;
  for (const shop of shops) {
    const local = toLocal(now, shop.timeZone);
    if (local.hour !== digestLocalHour) continue;
    const { cases } = await listInbox({ ...deps, clock: { now: () => now } }, { shopId: shop.id, limit: maxListed });
    const due = cases.filter((item) => item.nextDeadlineAt && item.nextDeadlineAt.getTime() <= now.getTime() + horizonMs);
    if (due.length === 0) continue;
    const overdue = due.filter((item) => item.isOverdue).length;
    const data = {
      overdue,
      dueToday: due.length - overdue,
      cases: due.map((item) => ({
        caseType: item.type,
        caseRef: staffCaseRef(item.id),
        orderNumber: item.orderNumber,
        dueAt: item.nextDeadlineAt!.toISOString(),
        overdue: item.isOverdue,
        url: adminCaseUrl(deps, item.type, item.id),
      })),
      url: `${deps.config.publicUrl.replace(/\/$/, '')}/admin/#/inbox`,
    };
    const date = localDateKey(local.year, local.month, local.day);
    emails += await deps.db.$transaction((tx) =>
      emailShopStaff(tx, { shopId: shop.id, topic: 'staff_daily_digest', dedupeKey: `digest:${shop.id}:${date}`, data, at: now }),
    );
    digested += 1;
  }
  return { shops: digested, emails };
}
