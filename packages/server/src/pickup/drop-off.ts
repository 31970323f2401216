import type { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../core/deps.js';
import { loadCasePolicy } from '../cases/case-policy.js';
import { isHoliday } from '../guarantees/business-time.js';
import { addCalendarDays, localDateKey, toLocal } from '../guarantees/zoned-time.js';
import { weeklyHours, type WeeklyHours } from './policy.js';

/** A counter where a return can be dropped: the same counters that hand over click-and-collect orders. */
export interface DropOffPoint {
  id: string;
  name: string;
  address: string;
  /** Opening intervals per weekday, in the shop's time zone. */
  openingHours: WeeklyHours;
}

/** Where and when a shopper can bring a return with the `drop_off` method. */
export interface DropOffInfo {
  /** Every active counter of the shop, by name. Empty when the shop has none set up yet. */
  points: DropOffPoint[];
  /** The shop's time zone, in which the hours are read. */
  timeZone: string;
  /** Holidays of the next 30 days ("YYYY-MM-DD", its own and public ones): no counter is open, so nobody comes on 14 July. */
  closedDates: string[];
}

/** How far ahead closed days are announced. */
const closedDatesHorizonDays = 30;

const pointSelect = { id: true, name: true, address: true, openingHours: true } satisfies Prisma.PickupLocationSelect;

/**
 * The drop-off points of a shop and the coming days they are closed. Every active pickup counter
 * takes returns ("returns can be dropped at the same counter"): staff record them by scanning the
 * return code on the same counter page as pickup codes.
 */
export async function dropOffInfo(db: Db, shopId: string, now: Date): Promise<DropOffInfo> {
  const policy = await loadCasePolicy(db, shopId);
  const rows = await db.pickupLocation.findMany({ where: { shopId, active: true }, select: pointSelect, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
  const points = rows.map((row) => ({ ...row, openingHours: weeklyHours.parse(row.openingHours) }));
  const closedDates: string[] = [];
  for (let offset = 0; offset < closedDatesHorizonDays; offset += 1) {
    const local = toLocal(addCalendarDays(now, offset, policy.timeZone), policy.timeZone);
    const date = localDateKey(local.year, local.month, local.day);
    if (isHoliday(date, policy.schedule)) closedDates.push(date);
  }
  return { points, timeZone: policy.timeZone, closedDates };
}
