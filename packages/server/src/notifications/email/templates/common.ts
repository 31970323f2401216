import type { Locale, Localized } from '@comptoir/protocol';
import type { EmailContent } from '../layout.js';

/** What every template knows besides its own data. */
export interface TemplateContext {
  shopName: string;
  /** IANA time zone dates are shown in. */
  timeZone: string;
}

/** One template: whether it is essential (always sent) and how it reads in a language. */
export interface EmailTemplate<D> {
  /** Transactional: sent even to shoppers who opted out of non-essential email. */
  essential: boolean;
  render(locale: Locale, data: D, ctx: TemplateContext): EmailContent;
}

/** An amount of money as templates receive it. */
export interface MoneyValue {
  amountMinor: number;
  currency: string;
}

/** Declares a template with its data type checked. */
export function defineTemplate<D>(template: EmailTemplate<D>): EmailTemplate<D> {
  return template;
}

/** The text of a locale. */
export function pick(locale: Locale, text: Localized): string {
  return text[locale];
}

/** An amount as people read it in that language. */
export function formatMoney(locale: Locale, money: MoneyValue): string {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency: money.currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: money.currency }).format(
    money.amountMinor / 10 ** digits,
  );
}

/** A date and time in the shop's time zone. */
export function formatDateTime(locale: Locale, iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** Footnote of shopper emails: who sends them and why. */
export function shopperFootnote(locale: Locale, ctx: TemplateContext): string {
  return pick(locale, {
    fr: `Vous recevez ce message parce que vous avez commandé chez ${ctx.shopName}.`,
    en: `You receive this message because you ordered from ${ctx.shopName}.`,
  });
}

/** A case link label. */
export function followLabel(locale: Locale): string {
  return pick(locale, { fr: 'Suivre ma demande', en: 'Follow my request' });
}

export type { EmailContent };
