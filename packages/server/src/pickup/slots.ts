import { weekdays } from '@comptoir/protocol';
import { fromLocal, toLocal } from '../guarantees/zoned-time.js';
import type { WeeklyHours } from './policy.js';

/** A pickup slot: from when to when, UTC. */
export interface SlotTime {
  startsAt: Date;
  endsAt: Date;
}

/** A bound on what one call generates (14 days of 15-minute slots from 7 to 22 is 840). */
const maxSlots = 5_000;

const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * The slots of a counter between `from` and `to`: each opening interval of each local day cut into
 * `slotMinutes` pieces (a last piece shorter than a slot is not offered), in the shop's time zone,
 * so a slot at 09:00 is at 09:00 on both sides of a daylight-saving change. Only slots wholly
 * inside [from, to] are returned, in order.
 */
export function generateSlots(input: { openingHours: WeeklyHours; timeZone: string; slotMinutes: number; from: Date; to: Date }): SlotTime[] {
  const { openingHours, timeZone, slotMinutes } = input;
  if (slotMinutes <= 0 || input.to <= input.from) return [];
  const slots: SlotTime[] = [];
  const first = toLocal(input.from, timeZone);
  for (let offset = 0; ; offset += 1) {
    const dayStart = fromLocal(timeZone, first.year, first.month, first.day + offset);
    if (dayStart > input.to) break;
    const local = toLocal(dayStart, timeZone);
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
export function findSlot(input: { openingHours: WeeklyHours; timeZone: string; slotMinutes: number; startsAt: Date }): SlotTime | null {
  const { startsAt } = input;
  const candidates = generateSlots({ ...input, from: startsAt, to: new Date(startsAt.getTime() + 24 * 3_600_000) });
  return candidates.find((slot) => slot.startsAt.getTime() === startsAt.getTime()) ?? null;
}
