import { describe, expect, it } from 'vitest';
import { hoursLines, type WeeklyHours } from './opening-hours.js';

const morning = { opens: '09:00', closes: '12:30' };
const afternoon = { opens: '14:00', closes: '19:00' };
const hours: WeeklyHours = {
  monday: [],
  tuesday: [morning, afternoon],
  wednesday: [morning, afternoon],
  thursday: [morning, afternoon],
  friday: [morning, afternoon],
  saturday: [morning],
  sunday: [],
};

describe('hoursLines', () => {
  it('groups consecutive days with the same hours and leaves closed days out', () => {
    expect(hoursLines(hours, 'fr')).toEqual(['mardi – vendredi\u00a0: 09:00–12:30, 14:00–19:00', 'samedi\u00a0: 09:00–12:30']);
    expect(hoursLines(hours, 'en')).toEqual(['Tuesday – Friday: 09:00–12:30, 14:00–19:00', 'Saturday: 09:00–12:30']);
  });

  it('names a single day alone', () => {
    expect(hoursLines({ ...hours, tuesday: [], wednesday: [morning], thursday: [], friday: [], saturday: [] }, 'en')).toEqual(['Wednesday: 09:00–12:30']);
  });
});
