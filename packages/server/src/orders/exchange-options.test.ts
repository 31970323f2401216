import { describe, expect, it } from 'vitest';
import { exchangeOptionsOf, isExchangeSkuOffered } from './exchange-options.js';

describe('exchange options of an order line', () => {
  const line = { sku: 'TSHIRT-M', exchangeOptions: [{ sku: 'TSHIRT-L', label: 'Taille L' }] };

  it('offers the same SKU and the variants the shop sent, nothing else', () => {
    expect(isExchangeSkuOffered(line, 'TSHIRT-M')).toBe(true);
    expect(isExchangeSkuOffered(line, 'TSHIRT-L')).toBe(true);
    expect(isExchangeSkuOffered(line, 'TSHIRT-XXL')).toBe(false);
    expect(isExchangeSkuOffered(line, '')).toBe(false);
  });

  it('reads a malformed stored value as no variants', () => {
    expect(exchangeOptionsOf(null)).toEqual([]);
    expect(exchangeOptionsOf([{ sku: 'A' }])).toEqual([]);
    expect(exchangeOptionsOf({ sku: 'A', label: 'A' })).toEqual([]);
    expect(exchangeOptionsOf(line.exchangeOptions)).toEqual(line.exchangeOptions);
    expect(isExchangeSkuOffered({ sku: 'X', exchangeOptions: 'garbage' }, 'X')).toBe(true);
  });
});
