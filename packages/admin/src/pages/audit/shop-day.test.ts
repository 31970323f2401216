import { describe, expect, it } from 'vitest';
import { startOfShopDay } from './shop-day.js';

describe('startOfShopDay', () => {
  it.each([
    // Winter in Paris: UTC+1, so the day starts at 23:00 UTC the day before.
    ['2026-01-15', 'Europe/Paris', 0, '2026-01-14T23:00:00.000Z'],
    // Summer: UTC+2.
    ['2026-07-01', 'Europe/Paris', 0, '2026-06-30T22:00:00.000Z'],
    // The spring-forward day starts at UTC+1 and the next one at UTC+2: that day lasts 23 hours.
    ['2026-03-29', 'Europe/Paris', 0, '2026-03-28T23:00:00.000Z'],
    ['2026-03-29', 'Europe/Paris', 1, '2026-03-29T22:00:00.000Z'],
    // The fall-back day lasts 25 hours.
    ['2026-10-25', 'Europe/Paris', 0, '2026-10-24T22:00:00.000Z'],
    ['2026-10-25', 'Europe/Paris', 1, '2026-10-25T23:00:00.000Z'],
    // West of UTC, and across a month's end.
    ['2026-03-31', 'America/New_York', 1, '2026-04-01T04:00:00.000Z'],
    ['2026-12-31', 'UTC', 1, '2027-01-01T00:00:00.000Z'],
    // São Paulo skipped midnight in 2018: 4 November started at 01:00 local, 03:00 UTC.
    ['2018-11-04', 'America/Sao_Paulo', 0, '2018-11-04T03:00:00.000Z'],
    ['2018-11-03', 'America/Sao_Paulo', 1, '2018-11-04T03:00:00.000Z'],
  ])('starts %s in %s, %i day(s) later, at %s', (day, timeZone, plusDays, expected) => {
    expect(startOfShopDay(day, timeZone, plusDays)).toBe(expected);
  });

  it('works far from UTC on both sides of the date line', () => {
    expect(startOfShopDay('2026-03-29', 'Asia/Tokyo')).toBe('2026-03-28T15:00:00.000Z');
    expect(startOfShopDay('2026-03-29', 'Pacific/Auckland')).toBe('2026-03-28T11:00:00.000Z');
  });

  it('refuses what is not a calendar day', () => {
    expect(() => startOfShopDay('29/03/2026', 'Europe/Paris')).toThrow(RangeError);
  });
});
