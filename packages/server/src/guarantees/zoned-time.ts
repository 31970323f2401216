/**
 * Wall-clock arithmetic in an IANA time zone with nothing but Intl: the pieces deadlines are
 * built from. Instants are `Date`s (UTC); a local date is "YYYY-MM-DD" in the zone.
 */

/** A wall-clock reading in a time zone. `weekday` is 0 for Monday … 6 for Sunday. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether the runtime knows this IANA time zone. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock of `instant` in `timeZone`. */
export function toLocal(instant: Date, timeZone: string): LocalDateTime {
  const ms = instant.getTime();
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const year = parts.year!;
  const month = parts.month!;
  const day = parts.day!;
  const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
  return { year, month, day, hour: parts.hour!, minute: parts.minute!, second: parts.second!, millisecond: ((ms % 1000) + 1000) % 1000, weekday };
}

/** How far ahead of UTC the zone's wall clock is at `epochMs`, in milliseconds. */
function offsetAt(epochMs: number, timeZone: string): number {
  const local = toLocal(new Date(epochMs), timeZone);
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond) - epochMs;
}

/**
 * The instant a wall-clock time happens in a zone. Fields may overflow (hour 24, day 32) like
 * `Date.UTC`. A time skipped by a spring-forward change moves forward by the gap (02:30 → 03:30);
 * a time repeated by a fall-back change resolves to its first occurrence — as Temporal's
 * "compatible" disambiguation does.
 */
export function fromLocal(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const day_ = 86_400_000;
  // Offsets a day either side bracket any single change around this wall time.
  const before = offsetAt(wall - day_, timeZone);
  const after = offsetAt(wall + day_, timeZone);
  const candidates = [wall - before, wall - after].filter((epoch) => offsetAt(epoch, timeZone) === wall - epoch);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // In a gap: read the wall time with the offset in force before the change.
  return new Date(wall - before);
}

/** "YYYY-MM-DD" of a local date. */
export function localDateKey(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.toISOString().slice(0, 10);
}

/** The same wall-clock time `days` calendar days later in the zone (23 or 25 hours across a change). */
export function addCalendarDays(start: Date, days: number, timeZone: string): Date {
  const local = toLocal(start, timeZone);
  return fromLocal(timeZone, local.year, local.month, local.day + days, local.hour, local.minute, local.second, local.millisecond);
}

/** The same wall-clock time `months` months later; a day that does not exist becomes the month's last day. */
export function addCalendarMonths(start: Date, months: number, timeZone: string): Date {
  const local = toLocal(start, timeZone);
  const firstOfTarget = new Date(Date.UTC(local.year, local.month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  return fromLocal(
    timeZone,
    firstOfTarget.getUTCFullYear(),
    firstOfTarget.getUTCMonth() + 1,
    Math.min(local.day, lastDay),
    local.hour,
    local.minute,
    local.second,
    local.millisecond,
  );
}

/** The last millisecond of the local day `days` days after `start`'s local day (days = 0: the same day). */
export function endOfLocalDay(start: Date, days: number, timeZone: string): Date {
  const local = toLocal(start, timeZone);
  return new Date(fromLocal(timeZone, local.year, local.month, local.day + days + 1).getTime() - 1);
}
