import { minorUnitDigits } from '@comptoir/protocol/money';
import { pickLocale, type Locale } from '@comptoir/protocol/locale';
import { en } from './en.js';
import { fr, type MessageKey, type Messages } from './fr.js';

export type { MessageKey, Messages } from './fr.js';
export type { Locale } from '@comptoir/protocol/locale';

const tables: Record<Locale, Messages> = { fr, en };

/**
 * The widget's language: the `lang` attribute first, then the shop's locale, then the browser's
 * languages, French when none of them is French or English.
 */
export function chooseLocale(attribute: string | null | undefined, shopLocale: string | null | undefined, browser: readonly string[]): Locale {
  for (const candidate of [attribute, shopLocale, ...browser]) {
    const primary = candidate?.trim().slice(0, 2).toLowerCase();
    if (primary === 'fr' || primary === 'en') return primary;
  }
  return pickLocale(undefined);
}

/** What the screens need to speak and format in one language, currency and time zone. */
export interface Translator {
  locale: Locale;
  /** The text for `key`, with `{name}` placeholders filled from `params`. */
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** A label for a status-like value (`status.shipped`), or the raw value when unknown. */
  label(prefix: 'status' | 'tracking', value: string): string;
  money(amountMinor: number, currency?: string): string;
  date(iso: string): string;
  dateTime(iso: string): string;
}

/** Builds a translator for a locale, formatting money in `currency` and dates in `timeZone`. */
export function createTranslator(locale: Locale, options: { currency: string; timeZone: string }): Translator {
  const table = tables[locale];
  const timeZone = isTimeZone(options.timeZone) ? options.timeZone : undefined;
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const t = (key: MessageKey, params: Record<string, string | number> = {}) =>
    table[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  return {
    locale,
    t,
    label: (prefix, value) => {
      const key = `${prefix}.${value}`;
      return key in table ? t(key as MessageKey) : value;
    },
    money: (amountMinor, currency = options.currency) =>
      new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amountMinor / 10 ** minorUnitDigits(currency)),
    date: (iso) => dateFormat.format(new Date(iso)),
    dateTime: (iso) => dateTimeFormat.format(new Date(iso)),
  };
}

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
