import { z } from 'zod';

/** A shop identifier: lower-case ASCII letters, digits and single dashes, 2 to 48 characters. */
export const shopSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,47}$/, 'lower-case letters, digits and dashes, 2 to 48 characters');

/** Letters that NFKD does not split into a base letter and an accent. */
const ligatures: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', þ: 'th' };

/**
 * The slug a shop name suggests: "La Boutique du Marais" → "la-boutique-du-marais",
 * "Crêperie Œuvre" → "creperie-oeuvre". May be empty for a name without any Latin letter or digit.
 */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[œæßøłđþ]/g, (letter) => ligatures[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 48)
    .replace(/^-+|-+$/g, '');
}
