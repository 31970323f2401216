import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pickLocale, type Locale } from '@comptoir/protocol/locale';
import { en } from './en.js';
import { fr, type MessageKey, type Messages } from './fr.js';

export type { MessageKey, Messages } from './fr.js';
export type { Locale } from '@comptoir/protocol/locale';

const tables: Record<Locale, Messages> = { fr, en };
const storageKey = 'comptoir-admin-locale';

/** Languages the switcher offers, each named in its own language. */
export const localeNames: Record<Locale, string> = { fr: 'Français', en: 'English' };

function initialLocale(): Locale {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(storageKey);
  } catch {
    // Storage may be disabled; the browser's language then decides.
  }
  return pickLocale(saved, ...(navigator.languages ?? [navigator.language]));
}

let current: Locale = initialLocale();
const listeners = new Set<() => void>();

/** The admin's current language. */
export function currentLocale(): Locale {
  return current;
}

/** Changes the language everywhere at once, and remembers it on this device. */
export function setLocale(locale: Locale): void {
  if (locale === current) return;
  current = locale;
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Not remembered, still applied.
  }
  for (const listener of listeners) listener();
}

/** The text for `key` in the current language, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return tables[current][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Whether `key` is one of the admin's texts (for keys built from server values, such as event types). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(tables[current], key);
}

/** A date (and time) in the current language. */
export function formatDateTime(value: string | Date, withTime = true): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(current, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'long' }).format(date);
}

/** Re-renders its host when the language changes. */
export class LocaleController implements ReactiveController {
  private readonly listener = () => this.host.requestUpdate();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    listeners.add(this.listener);
  }

  hostDisconnected(): void {
    listeners.delete(this.listener);
  }
}

document.documentElement.lang = current;
