import { describe, expect, it } from 'vitest';
import { addCalendarDays, addCalendarMonths, endOfLocalDay, fromLocal, isValidTimeZone, toLocal } from './zoned-time.js';

const paris = 'Europe/Paris';

describe('fromLocal', () => {
  it.each([
    ['a winter time', [2026, 1, 15, 10, 0], '2026-01-15T09:00:00.000Z'],
    ['a summer time', [2026, 7, 15, 10, 0], '2026-07-15T08:00:00.000Z'],
    ['a time skipped by the March change, moved forward', [2026, 3, 29, 2, 30], '2026-03-29T01:30:00.000Z'],
    ['a time repeated by the October change, first occurrence', [2026, 10, 25, 2, 30], '2026-10-25T00:30:00.000Z'],
    ['midnight written as hour 24', [2026, 3, 28, 24, 0], '2026-03-28T23:00:00.000Z'],
  ] as const)('finds %s', (_what, [year, month, day, hour, minute], expected) => {
    expect(fromLocal(paris, year, month, day, hour, minute).toISOString()).toBe(expected);
  });
});

describe('toLocal', () => {
  it('reads the wall clock and the weekday, Monday being 0', () => {
    expect(toLocal(new Date('2026-03-29T01:30:00.250Z'), paris)).toEqual({
      year: 2026, month: 3, day: 29, hour: 3, minute: 30, second: 0, millisecond: 250, weekday: 6,
    });
  });
});

describe('calendar arithmetic in a zone', () => {
  it.each([
    ['a day across the March change is 23 hours', '2026-03-28T11:00:00Z', 1, '2026-03-29T10:00:00.000Z'],
    ['a day across the October change is 25 hours', '2026-10-24T10:00:00Z', 1, '2026-10-25T11:00:00.000Z'],
    ['thirty days from summer to winter time', '2026-10-10T10:00:00Z', 30, '2026-11-09T11:00:00.000Z'],
  ])('keeps the wall time: %s', (_what, start, days, expected) => {
    expect(addCalendarDays(new Date(start), days, paris).toISOString()).toBe(expected);
  });

  it('clamps months to the last day of a shorter month', () => {
    expect(addCalendarMonths(new Date('2027-01-31T11:00:00Z'), 1, paris).toISOString()).toBe('2027-02-28T11:00:00.000Z');
    expect(addCalendarMonths(new Date('2026-06-15T08:00:00Z'), 24, paris).toISOString()).toBe('2028-06-15T08:00:00.000Z');
  });

  it('ends a local day at its last millisecond', () => {
    expect(endOfLocalDay(new Date('2026-06-15T23:30:00Z'), 0, paris).toISOString()).toBe('2026-06-16T21:59:59.999Z');
    expect(endOfLocalDay(new Date('2026-03-28T12:00:00Z'), 1, paris).toISOString()).toBe('2026-03-29T21:59:59.999Z');
  });

  it('knows real time zones from typos', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Europe/Pariss')).toBe(false);
  });
});
