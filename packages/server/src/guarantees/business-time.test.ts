import { defaultServicePolicyRules, type OpeningInterval } from '@comptoir/protocol';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addCalendarHours,
  addOpeningHours,
  isBusinessDay,
  isHoliday,
  isOpenAt,
  percentPoint,
  scheduleFromPolicy,
  type BusinessSchedule,
} from './business-time.js';

const nineToSeven: OpeningInterval[] = [{ opens: '09:00', closes: '19:00' }];
const nineToSix: OpeningInterval[] = [{ opens: '09:00', closes: '18:00' }];

/** The default policy's schedule: 9–19 Monday to Saturday, French public holidays, in Paris. */
const paris = scheduleFromPolicy(defaultServicePolicyRules(), 'Europe/Paris');

/** An office week: 9–18 Monday to Friday. */
const officeWeek: BusinessSchedule = {
  ...paris,
  openingHours: { monday: nineToSix, tuesday: nineToSix, wednesday: nineToSix, thursday: nineToSix, friday: nineToSix, saturday: [], sunday: [] },
};

const withLunchBreak: BusinessSchedule = {
  ...paris,
  openingHours: { ...paris.openingHours, monday: [{ opens: '09:00', closes: '12:00' }, { opens: '14:00', closes: '19:00' }] },
};

const newYork: BusinessSchedule = { ...paris, timeZone: 'America/New_York', publicHolidays: 'none' };

const summerHolidays: BusinessSchedule = {
  ...officeWeek,
  holidays: ['2026-08-10', '2026-08-11', '2026-08-12', '2026-08-13', '2026-08-14'],
};

const at = (iso: string) => new Date(iso);

describe('addOpeningHours', () => {
  it.each([
    // The March change (Sunday 29 March 2026, 02:00 → 03:00) happens while the shop is closed.
    ['a Friday 17:00 ticket across the March change', paris, '2026-03-27T16:00:00Z', 24, '2026-03-31T09:00:00Z'],
    // The October change (Sunday 25 October 2026, 03:00 → 02:00).
    ['a Friday 17:00 ticket across the October change', paris, '2026-10-23T15:00:00Z', 24, '2026-10-27T10:00:00Z'],
    ['hours within one day', paris, '2026-06-15T08:00:00Z', 3, '2026-06-15T11:00:00Z'],
    ['a start before opening', paris, '2026-06-15T05:00:00Z', 2, '2026-06-15T09:00:00Z'],
    ['a start after closing', paris, '2026-06-15T18:00:00Z', 1, '2026-06-16T08:00:00Z'],
    ['a Sunday start', paris, '2026-06-14T10:00:00Z', 1, '2026-06-15T08:00:00Z'],
    ['hours ending exactly at closing', paris, '2026-06-15T15:00:00Z', 2, '2026-06-15T17:00:00Z'],
    ['a public holiday (14 July)', paris, '2026-07-13T15:00:00Z', 4, '2026-07-15T09:00:00Z'],
    ['Christmas and a Saturday', paris, '2026-12-24T17:00:00Z', 3, '2026-12-26T10:00:00Z'],
    ['a week of shop holidays', summerHolidays, '2026-08-07T14:00:00Z', 5, '2026-08-17T10:00:00Z'],
    ['a lunch break', withLunchBreak, '2026-06-15T09:00:00Z', 2, '2026-06-15T13:00:00Z'],
    ['half an hour', paris, '2026-06-15T08:00:00Z', 0.5, '2026-06-15T08:30:00Z'],
    ['no time at all', paris, '2026-06-14T10:00:00Z', 0, '2026-06-14T10:00:00Z'],
    // New York changes on 8 March 2026: its own zone, not Paris's, decides.
    ['another zone’s change', newYork, '2026-03-06T22:00:00Z', 24, '2026-03-10T15:00:00Z'],
  ])('counts %s', (_what, schedule, start, hours, expected) => {
    expect(addOpeningHours(at(start), hours, schedule).toISOString()).toBe(at(expected).toISOString());
  });

  it('refuses a schedule that never opens', () => {
    const closed: BusinessSchedule = { ...paris, openingHours: { ...officeWeek.openingHours, monday: [], tuesday: [], wednesday: [], thursday: [], friday: [] } };
    expect(() => addOpeningHours(at('2026-06-15T08:00:00Z'), 1, closed)).toThrow(RangeError);
  });
});

describe('addBusinessDays', () => {
  it.each([
    ['Friday 17:00 + 2 at an office', officeWeek, '2026-06-12T15:00:00Z', 2, '2026-06-16T15:00:00Z'],
    ['Friday 17:00 + 2 at a shop open on Saturdays', paris, '2026-06-12T15:00:00Z', 2, '2026-06-15T15:00:00Z'],
    ['a Sunday start, from Monday’s opening', officeWeek, '2026-06-14T08:00:00Z', 1, '2026-06-16T07:00:00Z'],
    ['a Saturday start at an office, no days', officeWeek, '2026-06-13T08:00:00Z', 0, '2026-06-15T07:00:00Z'],
    ['no days on a business day', officeWeek, '2026-06-15T08:00:00Z', 0, '2026-06-15T08:00:00Z'],
    ['across the March change (same wall time, one hour less)', officeWeek, '2026-03-27T16:00:00Z', 2, '2026-03-31T15:00:00Z'],
    ['across the October change (same wall time, one hour more)', officeWeek, '2026-10-23T15:00:00Z', 2, '2026-10-27T16:00:00Z'],
    ['past Victory Day (Friday 8 May)', officeWeek, '2026-05-06T08:00:00Z', 2, '2026-05-11T08:00:00Z'],
    ['past Ascension (Thursday 14 May)', officeWeek, '2026-05-13T08:00:00Z', 1, '2026-05-15T08:00:00Z'],
    ['past a week of shop holidays', summerHolidays, '2026-08-07T10:00:00Z', 1, '2026-08-17T10:00:00Z'],
    ['past New Year at midnight', officeWeek, '2026-12-31T22:59:00Z', 1, '2027-01-04T22:59:00Z'],
  ])('counts %s', (_what, schedule, start, days, expected) => {
    expect(addBusinessDays(at(start), days, schedule).toISOString()).toBe(at(expected).toISOString());
  });

  it('counts public holidays when the shop does not close on them', () => {
    const openOnHolidays: BusinessSchedule = { ...officeWeek, publicHolidays: 'none' };
    expect(addBusinessDays(at('2026-05-06T08:00:00Z'), 2, openOnHolidays).toISOString()).toBe('2026-05-08T08:00:00.000Z');
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addBusinessDays(at('2026-06-15T08:00:00Z'), -1, paris)).toThrow(RangeError);
    expect(() => addBusinessDays(at('2026-06-15T08:00:00Z'), 1.5, paris)).toThrow(RangeError);
  });
});

describe('addCalendarHours', () => {
  it('counts elapsed hours, so 48 hours across the March change end at 18:00 local, not 17:00', () => {
    // Saturday 28 March 17:00 CET + 48 h = Monday 30 March 18:00 CEST.
    expect(addCalendarHours(at('2026-03-28T16:00:00Z'), 48).toISOString()).toBe('2026-03-30T16:00:00.000Z');
  });
});

describe('percentPoint', () => {
  it.each([
    ['75% of a ticket’s time across the March change', '2026-03-27T16:00:00Z', '2026-03-31T09:00:00Z', 0.75, '2026-03-30T10:45:00Z'],
    ['the start', '2026-06-15T08:00:00Z', '2026-06-17T08:00:00Z', 0, '2026-06-15T08:00:00Z'],
    ['the due time', '2026-06-15T08:00:00Z', '2026-06-17T08:00:00Z', 1, '2026-06-17T08:00:00Z'],
  ])('places %s', (_what, start, due, fraction, expected) => {
    expect(percentPoint(at(start), at(due), fraction).toISOString()).toBe(at(expected).toISOString());
  });

  it('refuses a fraction outside 0…1', () => {
    expect(() => percentPoint(at('2026-06-15T08:00:00Z'), at('2026-06-16T08:00:00Z'), 1.5)).toThrow(RangeError);
  });
});

describe('the shop’s calendar', () => {
  it.each([
    ['Bastille Day', '2026-07-14', true],
    ['Easter Monday 2027', '2027-03-29', true],
    ['an ordinary Tuesday', '2026-07-07', false],
  ])('knows whether %s is a holiday', (_what, date, expected) => {
    expect(isHoliday(date, paris)).toBe(expected);
  });

  it.each([
    ['Monday 10:00', '2026-06-15T08:00:00Z', true, true],
    ['Monday 19:00 (closed, still a business day)', '2026-06-15T17:00:00Z', false, true],
    ['Sunday noon', '2026-06-14T10:00:00Z', false, false],
    ['14 July at noon', '2026-07-14T10:00:00Z', false, false],
    ['Monday 13:00 during lunch', '2026-06-15T11:00:00Z', false, true],
  ])('knows whether the shop is open on %s', (what, instant, open, businessDay) => {
    const schedule = what.includes('lunch') ? withLunchBreak : paris;
    expect(isOpenAt(at(instant), schedule)).toBe(open);
    expect(isBusinessDay(at(instant), schedule)).toBe(businessDay);
  });
});
