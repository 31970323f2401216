import { describe, expect, it } from 'vitest';
import { appendEntries, RedeemKeys, tierPercent } from './redeem-keys.js';

describe('RedeemKeys', () => {
  const counter = () => {
    let next = 0;
    return () => `key-${++next}`;
  };

  it('makes a new key for every click', () => {
    const keys = new RedeemKeys(counter());
    expect(keys.start('voucher-5')).toBe('key-1');
    keys.settle('voucher-5');
    expect(keys.start('voucher-5')).toBe('key-2');
  });

  it('reuses the key of a failed attempt when retrying, until it is settled', () => {
    const keys = new RedeemKeys(counter());
    const first = keys.start('voucher-5');
    expect(keys.hasPending('voucher-5')).toBe(true);
    expect(keys.retry('voucher-5')).toBe(first);
    expect(keys.retry('voucher-5')).toBe(first);
    keys.settle('voucher-5');
    expect(keys.hasPending('voucher-5')).toBe(false);
    expect(keys.retry('voucher-5')).not.toBe(first);
  });

  it('keeps each reward apart', () => {
    const keys = new RedeemKeys(counter());
    const five = keys.start('voucher-5');
    const ten = keys.start('voucher-10');
    expect(keys.retry('voucher-5')).toBe(five);
    expect(keys.retry('voucher-10')).toBe(ten);
  });

  it('uses crypto.randomUUID by default', () => {
    expect(new RedeemKeys().start('voucher-5')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('tierPercent', () => {
  it.each([
    ['half way to the next tier', { spendMinor: 15_000, remainingMinor: 15_000, next: { thresholdMinor: 30_000 } }, 50],
    ['nothing spent yet', { spendMinor: 0, remainingMinor: 30_000, next: { thresholdMinor: 30_000 } }, 0],
    ['the top tier', { spendMinor: 200_000, remainingMinor: 0, next: null }, 100],
  ] as const)('says %s', (_case, tier, percent) => {
    expect(tierPercent(tier)).toBe(percent);
  });
});

describe('appendEntries', () => {
  it('appends a page without repeating entries already shown', () => {
    expect(appendEntries([{ id: 'a' }, { id: 'b' }], [{ id: 'b' }, { id: 'c' }]).map((entry) => entry.id)).toEqual(['a', 'b', 'c']);
  });
});
