import type { Locale } from '@comptoir/protocol/locale';
import { textIn } from '../../i18n/text.js';

/**
 * How the dashboard writes its figures, kept apart from the element so it can be tested in Node:
 * durations in the units a shopkeeper thinks in, shares as percentages, ratings out of five.
 */

/** A duration given in minutes: "45 min", "2 h 5 min", "1 j 3 h"; "—" when there is none yet. */
export function formatMinutes(minutes: number | null, locale: Locale): string {
  if (minutes === null || !Number.isFinite(minutes) || minutes < 0) return textIn(locale, 'span.none');
  if (minutes < 60) {
    // Under ten minutes a decimal matters (a 0.5 min median is not "0 min"); above, it is noise.
    const shown = new Intl.NumberFormat(locale, { maximumFractionDigits: minutes < 10 ? 1 : 0 }).format(minutes);
    return textIn(locale, 'span.min', { minutes: shown });
  }
  const whole = Math.round(minutes);
  const days = Math.floor(whole / 1440);
  const hours = Math.floor((whole % 1440) / 60);
  const rest = whole % 60;
  if (days > 0) return hours > 0 ? textIn(locale, 'span.daysHours', { days, hours }) : textIn(locale, 'span.days', { days });
  return rest > 0 ? textIn(locale, 'span.hoursMin', { hours, minutes: rest }) : textIn(locale, 'span.hours', { hours });
}

/** A duration given in hours (the receipt-to-refund median), written as `formatMinutes` does. */
export function formatHours(hours: number | null, locale: Locale): string {
  return formatMinutes(hours === null ? null : hours * 60, locale);
}

/** A share between 0 and 1 as a percentage with at most one decimal ("87,5 %"); "—" when undefined. */
export function formatShare(share: number | null, locale: Locale): string {
  if (share === null || !Number.isFinite(share)) return textIn(locale, 'span.none');
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** An average rating out of five, one decimal ("4,5 / 5"); "—" without ratings. */
export function formatRating(average: number | null, locale: Locale): string {
  if (average === null || !Number.isFinite(average)) return textIn(locale, 'span.none');
  const value = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(average);
  return textIn(locale, 'dashboard.rating.value', { average: value });
}

/**
 * A calendar day of the shop ("YYYY-MM-DD", already in the shop's time zone) in words. Read as UTC
 * and written as UTC, so the browser's own time zone cannot move it to the day before.
 */
export function formatDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** One day of the dashboard's daily activity. */
export interface DailyActivity {
  date: string;
  returnsRequested: number;
  claimsOpened: number;
  ticketsOpened: number;
  refundsSucceeded: number;
}

/** The series the daily chart draws, in this order (a legend and a table column each). */
export const dailySeries = ['returnsRequested', 'claimsOpened', 'ticketsOpened', 'refundsSucceeded'] as const;
export type DailySeries = (typeof dailySeries)[number];

/**
 * The daily activity as uPlot wants it: x in seconds (each day at 00:00 UTC, so labels show the
 * shop's calendar day), then one array per series.
 */
export function dailyColumns(days: readonly DailyActivity[]): [number[], ...number[][]] {
  const xs = days.map((day) => Date.parse(`${day.date}T00:00:00Z`) / 1000);
  return [xs, ...dailySeries.map((series) => days.map((day) => day[series]))];
}

/** Whether anything happened at all in the daily activity (else the chart gives way to a sentence). */
export function hasDailyActivity(days: readonly DailyActivity[]): boolean {
  return days.some((day) => dailySeries.some((series) => day[series] > 0));
}

/** The width of a bar in a bar list, in percent of the largest value (at least a sliver when not zero). */
export function barPercent(value: number, max: number): number {
  if (max <= 0 || value <= 0) return 0;
  return Math.max(2, Math.round((value / max) * 100));
}
