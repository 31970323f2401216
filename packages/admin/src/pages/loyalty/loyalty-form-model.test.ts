import { describe, expect, it } from 'vitest';
import { freeSlug, invalidCodes, majorTextToMinor, minorToMajorText, parseCodeLines, parseWholeNumber, patchAt } from './loyalty-form-model.js';

describe('loyalty form model', () => {
  it.each([
    ['300', 30_000],
    ['12,5', 1_250],
    ['12.50', 1_250],
    [' 0 ', 0],
    ['0.01', 1],
  ])('reads the amount %j as %i minor units', (text, minor) => {
    expect(majorTextToMinor(text)).toBe(minor);
  });

  it.each(['', 'abc', '-5', '1.234', '1e3'])('refuses %j as an amount', (text) => {
    expect(majorTextToMinor(text)).toBeNull();
  });

  it('shows minor units as an amount with two decimals, and reads it back unchanged', () => {
    for (const minor of [0, 1, 1_250, 100_000]) expect(majorTextToMinor(minorToMajorText(minor))).toBe(minor);
    expect(minorToMajorText(30_000)).toBe('300.00');
  });

  it.each([
    ['25', 25],
    ['+25', 25],
    ['-40', -40],
    ['2.5', null],
    ['', null],
    ['99999999999999999999', null],
  ])('reads %j as the whole number %s', (text, value) => {
    expect(parseWholeNumber(text)).toBe(value);
  });

  it('takes one voucher code a line, trimmed, without empty lines or repeats', () => {
    expect(parseCodeLines('  CODE-1 \r\n\nCODE-2\nCODE-1\n   \n')).toEqual(['CODE-1', 'CODE-2']);
  });

  it('points out the codes the server would refuse', () => {
    expect(invalidCodes(['GOOD-1', 'bad code', 'abc', 'OK_2345'])).toEqual(['bad code', 'abc']);
  });

  it('changes one item of a list without touching the original', () => {
    const tiers = [{ id: 'a', multiplier: 1 }, { id: 'b', multiplier: 1.5 }];
    const changed = patchAt(tiers, 1, { multiplier: 2 });
    expect(changed).toEqual([{ id: 'a', multiplier: 1 }, { id: 'b', multiplier: 2 }]);
    expect(tiers[1]!.multiplier).toBe(1.5);
  });

  it('finds a slug no item uses yet', () => {
    expect(freeSlug('tier', [{ id: 'member' }, { id: 'tier-3' }])).toBe('tier-4');
    expect(freeSlug('reward', [])).toBe('reward-1');
  });
});
