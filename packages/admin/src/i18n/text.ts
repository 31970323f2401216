import type { Locale } from '@comptoir/protocol/locale';
import { en } from './en.js';
import { fr, type MessageKey, type Messages } from './fr.js';

const tables: Record<Locale, Messages> = { fr, en };

/**
 * The text for `key` in a given language, placeholders filled: what `t()` does for the current
 * language, without touching the page, so pure formatting code can be tested in Node.
 */
export function textIn(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return tables[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Whether `key` is one of the admin's texts (for keys built from server values, such as event types). */
export function isTextKey(key: string): key is MessageKey {
  return Object.hasOwn(fr, key);
}
