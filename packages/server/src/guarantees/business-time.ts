import { frenchPublicHolidays, weekdays, type OpeningInterval, type ServicePolicyRules, type Weekday } from '@comptoir/protocol';
import { fromLocal, localDateKey, toLocal } from './zoned-time.js';

/** When a shop is open, in its own time zone: what business days and opening hours are counted on. */
export interface BusinessSchedule {
  /** IANA time zone of the shop ("Europe/Paris"). */
  timeZone: string;
  openingHours: Readonly<Record<Weekday, readonly OpeningInterval[]>>;
  /** Days the shop is closed, "YYYY-MM-DD" in its time zone. */
  holidays: readonly string[];
  /** Public holidays the shop closes on without listing them. */
  publicHolidays: 'FR' | 'none';
}

/** The schedule of a shop from its policy and its time zone (the Shop row holds the zone). */
export function scheduleFromPolicy(policy: ServicePolicyRules, timeZone: string): BusinessSchedule {
  return { timeZone, ...policy.schedule };
}

/** How many days of search before concluding a schedule never opens (ten years). */
const maxDaysSearched = 3_660;
const hourMs = 3_600_000;

const publicHolidayCache = new Map<number, ReadonlySet<string>>();

function frenchHolidaySet(year: number): ReadonlySet<string> {
  let set = publicHolidayCache.get(year);
  if (!set) {
    set = new Set(frenchPublicHolidays(year));
    publicHolidayCache.set(year, set);
  }
  return set;
}

/** A local calendar day, walked one at a time. */
interface LocalDay {
  year: number;
  month: number;
  day: number;
}

function nextDay({ year, month, day }: LocalDay, by = 1): LocalDay {
  const date = new Date(Date.UTC(year, month - 1, day + by));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function intervalsOf(day: LocalDay, schedule: BusinessSchedule): readonly OpeningInterval[] {
  const key = localDateKey(day.year, day.month, day.day);
  if (schedule.holidays.includes(key)) return [];
  if (schedule.publicHolidays === 'FR' && frenchHolidaySet(day.year).has(key)) return [];
  const weekday = weekdays[(new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay() + 6) % 7]!;
  return schedule.openingHours[weekday];
}

function instantOf(day: LocalDay, time: string, timeZone: string): Date {
  return fromLocal(timeZone, day.year, day.month, day.day, Number(time.slice(0, 2)), Number(time.slice(3, 5)));
}

/** Whether a local date ("YYYY-MM-DD") is a holiday for the shop (its own list or public holidays). */
export function isHoliday(date: string, schedule: BusinessSchedule): boolean {
  return schedule.holidays.includes(date) || (schedule.publicHolidays === 'FR' && frenchHolidaySet(Number(date.slice(0, 4))).has(date));
}

/** Whether the shop opens at all on the local day of `instant`: a business day. */
export function isBusinessDay(instant: Date, schedule: BusinessSchedule): boolean {
  return intervalsOf(toLocal(instant, schedule.timeZone), schedule).length > 0;
}

/** Whether the shop is open at `instant`. */
export function isOpenAt(instant: Date, schedule: BusinessSchedule): boolean {
  const day = toLocal(instant, schedule.timeZone);
  return intervalsOf(day, schedule).some(
    (interval) =>
      instantOf(day, interval.opens, schedule.timeZone) <= instant && instant < instantOf(day, interval.closes, schedule.timeZone),
  );
}

/** `hours` of elapsed time after `start`, nights and weekends included (DST does not matter to elapsed time). */
export function addCalendarHours(start: Date, hours: number): Date {
  return new Date(start.getTime() + hours * hourMs);
}

/**
 * The same local time `days` business days later ("within 2 business days": a claim opened
 * Friday 17:00 at a shop open Monday to Friday is due Tuesday 17:00). A start on a day the shop
 * is closed counts from the opening of its next business day (Sunday 10:00 + 1 → Tuesday 09:00).
 */
export function addBusinessDays(start: Date, days: number, schedule: BusinessSchedule): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a whole number, 0 or more');
  const { timeZone } = schedule;
  const local = toLocal(start, timeZone);
  let day: LocalDay = local;
  let wall = { hour: local.hour, minute: local.minute, second: local.second, millisecond: local.millisecond };
  let searched = 0;
  if (intervalsOf(day, schedule).length === 0) {
    while (intervalsOf(day, schedule).length === 0) {
      day = nextDay(day);
      if (++searched > maxDaysSearched) throw new RangeError('the schedule never opens');
    }
    const opens = intervalsOf(day, schedule)[0]!.opens;
    wall = { hour: Number(opens.slice(0, 2)), minute: Number(opens.slice(3, 5)), second: 0, millisecond: 0 };
  }
  for (let counted = 0; counted < days; ) {
    day = nextDay(day);
    if (intervalsOf(day, schedule).length > 0) counted++;
    if (++searched > maxDaysSearched) throw new RangeError('the schedule never opens');
  }
  return fromLocal(timeZone, day.year, day.month, day.day, wall.hour, wall.minute, wall.second, wall.millisecond);
}

/**
 * The instant at which `hours` opening hours will have passed after `start`: time only runs while
 * the shop is open (a ticket opened Friday 17:00 at a shop open 9–19 Monday to Saturday, with
 * 24 opening hours to answer, is due Tuesday 11:00). Each day's hours are read in the shop's
 * zone, so a daylight-saving change in between moves nothing on the wall clock.
 */
export function addOpeningHours(start: Date, hours: number, schedule: BusinessSchedule): Date {
  if (!(hours >= 0) || !Number.isFinite(hours)) throw new RangeError('hours must be 0 or more');
  if (hours === 0) return new Date(start);
  let remaining = Math.round(hours * hourMs);
  let day: LocalDay = toLocal(start, schedule.timeZone);
  for (let searched = 0; searched <= maxDaysSearched; searched++, day = nextDay(day)) {
    for (const interval of intervalsOf(day, schedule)) {
      const opens = instantOf(day, interval.opens, schedule.timeZone).getTime();
      const closes = instantOf(day, interval.closes, schedule.timeZone).getTime();
      const from = Math.max(opens, start.getTime());
      if (from >= closes) continue;
      if (remaining <= closes - from) return new Date(from + remaining);
      remaining -= closes - from;
    }
  }
  throw new RangeError('the schedule never opens');
}

/**
 * The instant a fraction of the way from `start` to `due` (0.75 for the reminder at 75% of the
 * time), in elapsed time, rounded to the millisecond.
 */
export function percentPoint(start: Date, due: Date, fraction: number): Date {
  if (!(fraction >= 0 && fraction <= 1)) throw new RangeError('fraction must be between 0 and 1');
  return new Date(start.getTime() + Math.round((due.getTime() - start.getTime()) * fraction));
}
