import { describe, expect, it } from 'vitest';
import { csvCell, generateVoucherCode, normalizeVoucherCode, planTransfers, pointsForSpend, reversalTarget, tierFor, voucherAlphabet } from './ledger.js';

const tiers = [
  { id: 'member', name: 'Membre', thresholdMinor: 0, multiplier: 1 },
  { id: 'silver', name: 'Argent', thresholdMinor: 30_000, multiplier: 1.25 },
  { id: 'gold', name: 'Or', thresholdMinor: 100_000, multiplier: 1.5 },
];

describe('loyalty ledger rules', () => {
  it.each([
    [4_990, 1, 1, 49],
    [4_990, 1, 1.25, 62],
    [99, 1, 1.5, 1],
    [10_000, 0, 1, 0],
    [3_333, 1.5, 1, 49],
  ])('earns floor(%i cents × %f × %f) = %i points', (basisMinor, pointsPerUnit, multiplier, expected) => {
    expect(pointsForSpend({ basisMinor, currency: 'EUR', pointsPerUnit, multiplier })).toBe(expected);
  });

  it('counts whole units of zero-decimal currencies', () => {
    expect(pointsForSpend({ basisMinor: 1_500, currency: 'JPY', pointsPerUnit: 1, multiplier: 1 })).toBe(1_500);
  });

  it.each([
    [0, 'member', 'silver', 30_000],
    [29_999, 'member', 'silver', 1],
    [30_000, 'silver', 'gold', 70_000],
    [250_000, 'gold', null, 0],
  ])('puts a spend of %i in tier %s', (spend, current, next, remaining) => {
    const progress = tierFor(tiers, spend);
    expect([progress.current.id, progress.next?.id ?? null, progress.remainingMinor]).toEqual([current, next, remaining]);
  });

  it.each([
    [100, 10_000, 0, 0],
    [100, 10_000, 3_333, 33],
    [100, 10_000, 6_666, 66],
    [100, 10_000, 10_000, 100],
    [100, 10_000, 12_000, 100],
    [7, 0, 0, 7],
  ])('takes back %i points × %i/%i returned → %i, cumulatively', (points, basis, returned, expected) => {
    expect(reversalTarget(points, basis, returned)).toBe(expected);
  });

  it('covers a shop share from the largest other shares first', () => {
    const shares = new Map([['b', 10], ['a', 30], ['c', 30], ['here', 5]]);
    expect(planTransfers(shares, 'here', 50)).toEqual([{ fromShopId: 'a', points: 30 }, { fromShopId: 'c', points: 15 }]);
    expect(planTransfers(shares, 'here', 5)).toEqual([]);
    expect(planTransfers(shares, 'here', 500).reduce((sum, move) => sum + move.points, 0)).toBe(70);
  });

  it('generates 10-character codes from the unambiguous alphabet', () => {
    const codes = new Set(Array.from({ length: 200 }, () => generateVoucherCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) expect([...code].every((char) => voucherAlphabet.includes(char)) && code.length === 10).toBe(true);
    expect(voucherAlphabet).not.toMatch(/[0O1IL5S2Z]/);
    expect(normalizeVoucherCode(' abcd efgh ')).toBe('ABCDEFGH');
  });

  it('keeps spreadsheet formulas out of CSV cells', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('plain@example.com')).toBe('plain@example.com');
    expect(csvCell(-5)).toBe(`"'-5"`);
  });
});
