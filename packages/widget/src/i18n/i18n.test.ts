import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { fr } from './fr.js';
import { chooseLocale, createTranslator } from './index.js';

describe('chooseLocale', () => {
  it.each([
    ['the lang attribute first', 'en', 'fr', ['fr-FR'], 'en'],
    ['then the shop locale', null, 'en', ['fr-FR'], 'en'],
    ['then the browser languages, in order', '', null, ['de-DE', 'en-GB', 'fr'], 'en'],
    ['ignoring languages the widget does not speak', 'de', 'es', ['it'], 'fr'],
  ] as const)('takes %s', (_case, attribute, shop, browser, expected) => {
    expect(chooseLocale(attribute, shop, browser)).toBe(expected);
  });
});

describe('createTranslator', () => {
  it('has an English text for every French key, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    expect(Object.values(en).filter((text) => !text.trim())).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = createTranslator('fr', { currency: 'EUR', timeZone: 'Europe/Paris' });
    expect(t.t('orderLabel', { number: '1042' })).toBe('Commande 1042');
    expect(t.t('orderLabel')).toBe('Commande {number}');
  });

  it('formats money from minor units in the shop currency', () => {
    expect(createTranslator('fr', { currency: 'EUR', timeZone: 'Europe/Paris' }).money(123456)).toBe('1\u202f234,56\u00a0€');
    expect(createTranslator('en', { currency: 'EUR', timeZone: 'Europe/Paris' }).money(490)).toBe('€4.90');
    expect(createTranslator('en', { currency: 'EUR', timeZone: 'UTC' }).money(1500, 'JPY')).toBe('¥1,500');
  });

  it('shows dates in the shop time zone', () => {
    const iso = '2026-03-01T23:30:00.000Z';
    expect(createTranslator('fr', { currency: 'EUR', timeZone: 'Europe/Paris' }).date(iso)).toBe('2 mars 2026');
    expect(createTranslator('en', { currency: 'USD', timeZone: 'America/New_York' }).date(iso)).toBe('March 1, 2026');
  });

  it('falls back to the raw value for a status it has no label for', () => {
    const t = createTranslator('en', { currency: 'EUR', timeZone: 'Not/AZone' });
    expect(t.label('status', 'delivered')).toBe('Delivered');
    expect(t.label('tracking', 'lost_in_space')).toBe('lost_in_space');
  });
});
