import { describe, expect, it } from 'vitest';
import { formatMoney, toMinorUnits } from './money.js';

describe('toMinorUnits', () => {
  it.each([
    ['12.50', 'EUR', 1250],
    ['12,5', 'EUR', 1250],
    ['0.1', 'EUR', 10],
    [19.99, 'EUR', 1999],
    ['1200', 'JPY', 1200],
    ['7.000', 'EUR', 700],
  ] as const)('reads %s %s as %i minor units', (input, currency, expected) => {
    expect(toMinorUnits(input, currency)).toBe(expected);
  });

  it.each(['abc', '1.2.3', '', '12.505'])('refuses %j', (input) => {
    expect(() => toMinorUnits(input, 'EUR')).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it('formats in the reader’s locale', () => {
    expect(formatMoney({ amountMinor: 123456, currency: 'EUR' }, 'fr-FR')).toBe('1\u202f234,56\u00a0€');
    expect(formatMoney({ amountMinor: 123456, currency: 'EUR' }, 'en-GB')).toBe('€1,234.56');
  });
});
