import { describe, expect, it } from 'vitest';
import { shopSlug, slugify } from './slug.js';

describe('slugify', () => {
  it.each([
    ['La Boutique du Marais', 'la-boutique-du-marais'],
    ['Crêperie Œuvre & Fils', 'creperie-oeuvre-fils'],
    ['  Café — Été 2026 ', 'cafe-ete-2026'],
    ['Straße', 'strasse'],
    ['東京', ''],
  ])('turns %j into %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('never ends with a dash after cutting a long name', () => {
    const slug = slugify(`${'a'.repeat(47)} b`);
    expect(slug).toBe('a'.repeat(47));
    expect(shopSlug.safeParse(slug).success).toBe(true);
  });
});

describe('shopSlug', () => {
  it.each(['demo', 'la-boutique', 'a1'])('accepts %j', (slug) => {
    expect(shopSlug.safeParse(slug).success).toBe(true);
  });

  it.each(['a', '-demo', 'demo-', 'de--mo', 'dé mo', 'x'.repeat(49)])('refuses %j', (slug) => {
    expect(shopSlug.safeParse(slug).success).toBe(false);
  });
});
