import { describe, expect, it } from 'vitest';
import { weeklyHours } from './policy.js';
import { findSlot, generateSlots } from './slots.js';

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
    const slot = findSlot({ openingHours: hours, timeZone: 'Europe/Paris', slotMinutes: 30, startsAt: new Date(startsAt) });
    expect(slot !== null).toBe(isOffered);
  });
});
