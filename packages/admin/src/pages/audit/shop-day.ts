/** The calendar date (YYYY-MM-DD) an instant falls on in a time zone. */
function dateIn(instant: number, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

const hourMs = 3_600_000;

/**
 * The instant (ISO, UTC) a calendar day typed in a date field starts in the shop's time zone,
 * `plusDays` later: the audit log's "from" is the start of its day, its "to" the start of the day
 * after. A day starts at its first instant, which is not midnight where a DST change skips
 * midnight. The offset is read on both sides of the day's start, since a change may fall between.
 */
export function startOfShopDay(day: string, timeZone: string, plusDays = 0): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`not a calendar day: ${day}`);
  const wallMidnight = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays);
  const target = new Date(wallMidnight).toISOString().slice(0, 10);
  // Offsets in force half a day before and after: every zone's change is less than 12 hours.
  const candidates = [offsetAt(wallMidnight - 12 * hourMs, timeZone), offsetAt(wallMidnight + 12 * hourMs, timeZone)]
    .map((offset) => wallMidnight - offset)
    .filter((instant) => dateIn(instant, timeZone) === target)
    .sort((a, b) => a - b);
  const start = candidates[0];
  if (start === undefined) throw new RangeError(`no start for ${target} in ${timeZone}`);
  return new Date(start).toISOString();
}

/** The browser's own time zone, for when the shop's cannot be read. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
