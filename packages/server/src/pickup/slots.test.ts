import { describe, expect, it } from 'vitest';
import { weeklyHours } from './policy.js';
import { findSlot, generateSlots, noClosedDays, type ClosedDays } from './slots.js';

const hours = weeklyHours.parse({
  monday: [],
  tuesday: [
    { opens: '09:00', closes: '12:00' },
    { opens: '14:00', closes: '15:15' },
  ],
  saturday: [{ opens: '10:00', closes: '11:00' }],
});

describe('pickup slots', () => {
  it('cuts each opening interval into slots in the shop time zone, dropping a short remainder', () => {
    // Tuesday 16 June 2026, Paris is UTC+2.
    const slots = generateSlots({
      openingHours: hours,
      timeZone: 'Europe/Paris',
      closedDays: noClosedDays,
      slotMinutes: 30,
      from: new Date('2026-06-16T00:00:00Z'),
      to: new Date('2026-06-16T22:00:00Z'),
    });
    expect(slots.map((slot) => slot.startsAt.toISOString())).toEqual([
      '2026-06-16T07:00:00.000Z',
      '2026-06-16T07:30:00.000Z',
      '2026-06-16T08:00:00.000Z',
      '2026-06-16T08:30:00.000Z',
      '2026-06-16T09:00:00.000Z',
      '2026-06-16T09:30:00.000Z',
      '2026-06-16T12:00:00.000Z',
      '2026-06-16T12:30:00.000Z',
    ]);
    expect(slots.every((slot) => slot.endsAt.getTime() - slot.startsAt.getTime() === 30 * 60_000)).toBe(true);
  });

  it('keeps wall-clock times across a daylight-saving change', () => {
    // Saturdays 24 and 31 October 2026 around the change of Sunday 25 October.
    const slots = generateSlots({
      openingHours: hours,
      timeZone: 'Europe/Paris',
      closedDays: noClosedDays,
      slotMinutes: 60,
      from: new Date('2026-10-24T00:00:00Z'),
      to: new Date('2026-11-01T00:00:00Z'),
    });
    expect(slots.filter((slot) => slot.startsAt.getUTCDay() === 6).map((slot) => slot.startsAt.toISOString())).toEqual([
      '2026-10-24T08:00:00.000Z',
      '2026-10-31T09:00:00.000Z',
    ]);
  });

  it('offers only slots wholly inside the window', () => {
    const slots = generateSlots({
      openingHours: hours,
      timeZone: 'Europe/Paris',
      closedDays: noClosedDays,
      slotMinutes: 30,
      from: new Date('2026-06-16T07:10:00Z'),
      to: new Date('2026-06-16T08:30:00Z'),
    });
    expect(slots.map((slot) => slot.startsAt.toISOString())).toEqual(['2026-06-16T07:30:00.000Z', '2026-06-16T08:00:00.000Z']);
  });

  it.each([
    ['2026-06-16T07:30:00Z', true],
    ['2026-06-16T07:15:00Z', false],
    ['2026-06-16T10:00:00Z', false],
    ['2026-06-15T07:30:00Z', false],
  ])('finds the slot starting at %s: %s', (startsAt, isOffered) => {
    const slot = findSlot({ openingHours: hours, timeZone: 'Europe/Paris', closedDays: noClosedDays, slotMinutes: 30, startsAt: new Date(startsAt) });
    expect(slot !== null).toBe(isOffered);
  });

  const tuesdayMorning = ['2026-07-14T07:00:00.000Z', '2026-07-14T08:00:00.000Z', '2026-07-14T09:00:00.000Z', '2026-07-14T12:00:00.000Z'];
  const frenchHolidays: ClosedDays = { holidays: [], publicHolidays: 'FR' };
  it.each<[string, ClosedDays, string, string, string[]]>([
    // Tuesday 14 July 2026, Bastille Day.
    ['a French public holiday', frenchHolidays, '2026-07-14T00:00:00Z', '2026-07-14T22:00:00Z', []],
    ['the same day for a shop that opens on public holidays', noClosedDays, '2026-07-14T00:00:00Z', '2026-07-14T22:00:00Z', tuesdayMorning],
    ['a day the shop listed as a holiday', { holidays: ['2026-06-16'], publicHolidays: 'none' }, '2026-06-16T00:00:00Z', '2026-06-16T22:00:00Z', []],
    [
      'the days around a listed holiday',
      { holidays: ['2026-06-16'], publicHolidays: 'FR' },
      '2026-06-15T00:00:00Z',
      '2026-06-24T00:00:00Z',
      ['2026-06-20T08:00:00.000Z', '2026-06-23T07:00:00.000Z', '2026-06-23T08:00:00.000Z', '2026-06-23T09:00:00.000Z', '2026-06-23T12:00:00.000Z'],
    ],
    // Saturdays 28 March and 4 April 2026 around the change of Sunday 29 March (UTC+1 → UTC+2),
    // Easter Monday 6 April and Tuesday 31 March listed: 10:00 on the wall clock on both sides.
    [
      'a holiday next to the spring daylight-saving change',
      { holidays: ['2026-03-31'], publicHolidays: 'FR' },
      '2026-03-28T00:00:00Z',
      '2026-04-05T00:00:00Z',
      ['2026-03-28T09:00:00.000Z', '2026-04-04T08:00:00.000Z'],
    ],
    // Saturday 24 and Tuesday 27 October listed; Saturday 31 October after the change (UTC+2 → UTC+1); Sunday 1 November is closed anyway.
    ['holidays around the autumn change', { holidays: ['2026-10-24', '2026-10-27'], publicHolidays: 'FR' }, '2026-10-24T00:00:00Z', '2026-11-02T00:00:00Z', ['2026-10-31T09:00:00.000Z']],
  ])('skips closed days: %s', (_name, closedDays, from, to, expected) => {
    const slots = generateSlots({ openingHours: hours, timeZone: 'Europe/Paris', closedDays, slotMinutes: 60, from: new Date(from), to: new Date(to) });
    expect(slots.map((slot) => slot.startsAt.toISOString())).toEqual(expected);
  });

  it('refuses a slot on a public holiday the weekly hours would offer', () => {
    const startsAt = new Date('2026-07-14T07:00:00Z');
    expect(findSlot({ openingHours: hours, timeZone: 'Europe/Paris', closedDays: frenchHolidays, slotMinutes: 60, startsAt })).toBeNull();
    expect(findSlot({ openingHours: hours, timeZone: 'Europe/Paris', closedDays: noClosedDays, slotMinutes: 60, startsAt })?.startsAt).toEqual(startsAt);
  });
});
