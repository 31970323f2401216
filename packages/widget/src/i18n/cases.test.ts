import { describe, expect, it } from 'vitest';
import { caseText, caseTextTables } from './cases.js';

describe('the case and loyalty screens’ texts', () => {
  it('has an English text for every French key, none empty', () => {
    expect(Object.keys(caseTextTables.en).sort()).toEqual(Object.keys(caseTextTables.fr).sort());
    expect(Object.values(caseTextTables.en).filter((text) => !text.trim())).toEqual([]);
  });

  it('fills placeholders in the chosen language', () => {
    expect(caseText('fr', 'pendingLot', { points: 120, date: '3 mars 2026' })).toBe('120 points disponibles le 3 mars 2026');
    expect(caseText('en', 'redeemed', { value: '€5.00', code: 'ABC' })).toBe('Your €5.00 voucher is ready: ABC');
  });
});
