import { describe, expect, it } from 'vitest';
import { returnText, spokenDeadline, timeLeft } from './returns.js';

describe('the return screens’ texts', () => {
  it('fills placeholders in the chosen language', () => {
    expect(returnText('fr', 'code', { code: 'R-7KQ3XM' })).toBe('Code de retour : R-7KQ3XM');
    expect(returnText('en', 'code', { code: 'R-7KQ3XM' })).toBe('Return code: R-7KQ3XM');
  });

  it('says a deadline of this week as a weekday and an hour in the shop’s time zone', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    // 13:00 UTC is 14 h in Paris in November.
    expect(spokenDeadline('fr', '2026-11-26T13:00:00Z', 'Europe/Paris', now)).toBe('jeudi 14 h');
    expect(spokenDeadline('en', '2026-11-26T13:00:00Z', 'Europe/Paris', now)).toBe('Thursday 2 PM');
  });

  it('adds the date to a deadline beyond this week', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(spokenDeadline('fr', '2026-12-04T13:00:00Z', 'Europe/Paris', now)).toBe('vendredi 4 décembre à 14 h');
  });

  it('counts down in days, hours and minutes, and stops once the deadline has passed', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(timeLeft('fr', '2026-11-25T14:05:00Z', now)).toBe('2 j 4 h 05 min');
    expect(timeLeft('en', '2026-11-23T10:07:30Z', now)).toBe('7 min');
    expect(timeLeft('fr', '2026-11-23T09:59:00Z', now)).toBeNull();
  });
});
