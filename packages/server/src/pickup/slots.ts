import { weekdays } from '@comptoir/protocol';
import { isHoliday } from '../guarantees/business-time.js';
import { fromLocal, localDateKey, toLocal } from '../guarantees/zoned-time.js';
import type { WeeklyHours } from './policy.js';

/**
 * The days a counter is closed whatever its weekly hours: the shop's own holidays ("YYYY-MM-DD" in
 * its time zone) and the public holidays it closes on, from its service policy's opening schedule.
 */
export interface ClosedDays {
  holidays: readonly string[];
  publicHolidays: 'FR' | 'none';
}

/** No day closed beyond the weekly hours. */
export const noClosedDays: ClosedDays = { holidays: [], publicHolidays: 'none' };

/** A pickup slot: from when to when, UTC. */
export interface SlotTime {
  startsAt: Date;
  endsAt: Date;
}

/** A bound on what one call generates (14 days of 15-minute slots from 7 to 22 is 840). */
const maxSlots = 5_000;

const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** What slot generation reads of a counter and its shop. */
export interface SlotSource {
  openingHours: WeeklyHours;
  timeZone: string;
  slotMinutes: number;
  /** The shop's holidays and public holidays: no slot on those days. */
  closedDays: ClosedDays;
}

/**
 * The slots of a counter between `from` and `to`: each opening interval of each local day cut into
 * `slotMinutes` pieces (a last piece shorter than a slot is not offered), in the shop's time zone,
 * so a slot at 09:00 is at 09:00 on both sides of a daylight-saving change. A day the shop is
 * closed (its holidays, public holidays) has none. Only slots wholly inside [from, to] are
 * returned, in order.
 */
export function generateSlots(input: SlotSource & { from: Date; to: Date }): SlotTime[] {
  const { openingHours, timeZone, slotMinutes, closedDays } = input;
  if (slotMinutes <= 0 || input.to <= input.from) return [];
  const slots: SlotTime[] = [];
  const first = toLocal(input.from, timeZone);
  for (let offset = 0; ; offset += 1) {
    const dayStart = fromLocal(timeZone, first.year, first.month, first.day + offset);
    if (dayStart > input.to) break;
    const local = toLocal(dayStart, timeZone);
    if (isHoliday(localDateKey(local.year, local.month, local.day), { ...closedDays, timeZone, openingHours })) continue;
    for (const interval of openingHours[weekdays[local.weekday]!] ?? []) {
      const closes = minutesOf(interval.closes);
      for (let start = minutesOf(interval.opens); start + slotMinutes <= closes; start += slotMinutes) {
        const startsAt = fromLocal(timeZone, local.year, local.month, local.day, 0, start);
        const endsAt = fromLocal(timeZone, local.year, local.month, local.day, 0, start + slotMinutes);
        if (startsAt < input.from || endsAt > input.to) continue;
        slots.push({ startsAt, endsAt });
        if (slots.length >= maxSlots) return slots;
      }
    }
  }
  return slots;
}

/** The slot starting exactly at `startsAt`, if the counter offers one then. */
export function findSlot(input: SlotSource & { startsAt: Date }): SlotTime | null {
  const { startsAt } = input;
  const candidates = generateSlots({ ...input, from: startsAt, to: new Date(startsAt.getTime() + 24 * 3_600_000) });
  return candidates.find((slot) => slot.startsAt.getTime() === startsAt.getTime()) ?? null;
}
