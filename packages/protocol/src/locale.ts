/** The languages Comptoir speaks. French first. */
export const Locale = { fr: 'fr', en: 'en' } as const;
export type Locale = (typeof Locale)[keyof typeof Locale];

/** Picks a supported locale from a BCP 47 tag or an Accept-Language header, French by default. */
export function pickLocale(...candidates: Array<string | null | undefined>): Locale {
  for (const candidate of candidates) {
    if (!candidate) continue;
    for (const part of candidate.split(',')) {
      const primary = part.trim().slice(0, 2).toLowerCase();
      if (primary === 'fr' || primary === 'en') return primary;
    }
  }
  return 'fr';
}

/** A text a person reads, in each language. */
export type Localized = Record<Locale, string>;
