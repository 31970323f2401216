import { describe, expect, it } from 'vitest';
import { exchangeChoices, exchangeLabel } from './exchange-choices.js';

describe('exchange choices of a return line', () => {
  const poster = {
    sku: 'AFF-50',
    title: 'Affiche',
    variant: '50 × 70 cm',
    exchangeOptions: [
      { sku: 'AFF-30', label: '30 × 40 cm' },
      { sku: 'AFF-50', label: 'doublon du même' },
      { sku: 'AFF-70', label: '70 × 100 cm' },
      { sku: 'AFF-30', label: 'doublon' },
    ],
  };

  it('offers the same variant first, then each other variant once', () => {
    expect(exchangeChoices(poster)).toEqual([
      { sku: 'AFF-50', label: '50 × 70 cm', isSame: true },
      { sku: 'AFF-30', label: '30 × 40 cm', isSame: false },
      { sku: 'AFF-70', label: '70 × 100 cm', isSame: false },
    ]);
  });

  it('offers only the same item when the shop sent no variant', () => {
    expect(exchangeChoices({ sku: 'THE', variant: null, exchangeOptions: [] })).toEqual([{ sku: 'THE', label: '', isSame: true }]);
  });

  it('names the variant asked for, falling back to the title for an item without variants', () => {
    expect(exchangeLabel(poster, 'AFF-70')).toBe('70 × 100 cm');
    expect(exchangeLabel(poster, 'AFF-50')).toBe('50 × 70 cm');
    expect(exchangeLabel({ sku: 'THE', title: 'Coffret thé', variant: null, exchangeOptions: [] }, 'THE')).toBe('Coffret thé');
    // As JSON from a return's detail: anything that is not a list of { sku, label } names nothing.
    expect(exchangeLabel({ ...poster, exchangeOptions: 'garbage' }, 'AFF-70')).toBe('50 × 70 cm');
  });
});
