import { describe, expect, it } from 'vitest';
import { barPercent, dailyColumns, formatDay, formatHours, formatMinutes, formatRating, formatShare, hasDailyActivity } from './dashboard-format.js';

describe('dashboard figures', () => {
  it.each([
    [0.5, 'fr', '0,5 min'],
    [7.25, 'en', '7.3 min'],
    [42.4, 'fr', '42 min'],
    [60, 'fr', '1 h'],
    [125, 'en', '2 h 5 min'],
    [1440, 'fr', '1 j'],
    [1440 + 3 * 60 + 20, 'fr', '1 j 3 h'],
    [2 * 1440 + 60, 'en', '2 d 1 h'],
  ] as const)('writes %d minutes in %s as %j', (minutes, locale, text) => {
    expect(formatMinutes(minutes, locale)).toBe(text);
  });

  it('writes a missing or impossible duration as a dash', () => {
    expect(formatMinutes(null, 'fr')).toBe('—');
    expect(formatMinutes(Number.NaN, 'en')).toBe('—');
    expect(formatMinutes(-3, 'en')).toBe('—');
  });

  it('writes hours in the same units as minutes', () => {
    expect(formatHours(1.5, 'fr')).toBe('1 h 30 min');
    expect(formatHours(26, 'en')).toBe('1 d 2 h');
    expect(formatHours(null, 'en')).toBe('—');
  });

  it('writes shares as percentages with at most one decimal, and none as a dash', () => {
    expect(formatShare(0.875, 'en')).toBe('87.5%');
    expect(formatShare(2 / 3, 'en')).toBe('66.7%');
    expect(formatShare(1, 'fr').replace(/\s/g, ' ')).toBe('100 %');
    expect(formatShare(null, 'fr')).toBe('—');
  });

  it('writes ratings out of five with one decimal', () => {
    expect(formatRating(4.5, 'fr')).toBe('4,5 / 5');
    expect(formatRating(4, 'en')).toBe('4.0 / 5');
    expect(formatRating(null, 'en')).toBe('—');
  });

  it('keeps the shop’s calendar day whatever the time zone of the browser', () => {
    expect(formatDay('2026-03-01', 'en')).toBe('Mar 1');
    expect(formatDay('2026-12-31', 'fr')).toBe('31 déc.');
  });

  it('turns the daily activity into uPlot columns, x in seconds at midnight UTC', () => {
    const days = [
      { date: '2026-01-01', returnsRequested: 1, claimsOpened: 0, ticketsOpened: 2, refundsSucceeded: 0 },
      { date: '2026-01-02', returnsRequested: 0, claimsOpened: 3, ticketsOpened: 0, refundsSucceeded: 1 },
    ];
    expect(dailyColumns(days)).toEqual([[1767225600, 1767312000], [1, 0], [0, 3], [2, 0], [0, 1]]);
    expect(hasDailyActivity(days)).toBe(true);
    expect(hasDailyActivity(days.map((day) => ({ ...day, returnsRequested: 0, claimsOpened: 0, ticketsOpened: 0, refundsSucceeded: 0 })))).toBe(false);
  });

  it('sizes bars against the largest value, a sliver for small non-zero values', () => {
    expect(barPercent(5, 10)).toBe(50);
    expect(barPercent(10, 10)).toBe(100);
    expect(barPercent(1, 1000)).toBe(2);
    expect(barPercent(0, 10)).toBe(0);
    expect(barPercent(3, 0)).toBe(0);
  });
});
