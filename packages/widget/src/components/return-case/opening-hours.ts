import type { Locale } from '@comptoir/protocol/locale';

/** A counter's opening intervals per weekday ("HH:MM", the shop's time zone), as the server sends them. */
export type WeeklyHours = Record<(typeof weekdays)[number], ReadonlyArray<{ opens: string; closes: string }>>;

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** A weekday's name in the shopper's language (1 January 2024 was a Monday). */
const dayName = (locale: Locale, index: number): string =>
  new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + index));

/** French puts a (non-breaking) space before a colon. */
const separator: Record<Locale, string> = { fr: '\u00a0: ', en: ': ' };

/** "mardi – vendredi : 09:00–12:30, 14:00–19:00", consecutive days with the same hours in one line. */
export function hoursLines(hours: WeeklyHours, locale: Locale): string[] {
  const spans = weekdays.map((day) => hours[day].map((interval) => `${interval.opens}–${interval.closes}`).join(', '));
  const lines: string[] = [];
  for (let start = 0; start < spans.length; ) {
    let end = start;
    while (end + 1 < spans.length && spans[end + 1] === spans[start]) end += 1;
    if (spans[start]) lines.push(`${dayName(locale, start)}${end > start ? ` – ${dayName(locale, end)}` : ''}${separator[locale]}${spans[start]}`);
    start = end + 1;
  }
  return lines;
}

