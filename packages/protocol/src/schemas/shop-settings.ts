import { z } from 'zod';
import { email, shortText } from './common.js';

/** Whether the runtime knows an IANA time zone ("Europe/Paris"). */
function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Whether a logo URL may be shown: https anywhere, plain http only on the developer's own machine. */
function isLogoUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

/** An IANA time zone the runtime knows. */
export const timeZoneInput = z.string().trim().min(1).max(64).refine(isTimeZone, 'an IANA time zone such as Europe/Paris');

/** An ISO 3166-1 alpha-2 country code, upper-cased. */
export const countryInput = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code');

/** A colour as "#rrggbb" (lower-cased so two spellings of one colour compare equal). */
export const brandColorInput = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #1f6feb')
  .transform((value) => value.toLowerCase());

/** The URL of the shop's logo: https, or http on localhost for a shop under development. */
export const logoUrlInput = z.string().trim().max(2_048).refine(isLogoUrl, 'an https URL (http only on localhost)');

/**
 * Input of `shops.admin.updateProfile`: what an owner may change of the shop. The currency is not
 * here on purpose: orders are stored in it, so changing it would misstate every amount.
 */
export const shopProfileInput = z.object({
  name: shortText(120),
  locale: z.enum(['fr', 'en']),
  timeZone: timeZoneInput,
  country: countryInput,
  brandColor: brandColorInput.nullable(),
  logoUrl: logoUrlInput.nullable(),
  emailFrom: email.nullable(),
  emailReplyTo: email.nullable(),
});
export type ShopProfileInput = z.input<typeof shopProfileInput>;

/**
 * Input of `shops.admin.updatePolicy`. The rules are checked by the server with
 * `validateServicePolicy` (not by this schema) so that a legal floor is answered with its own code
 * (POLICY_BELOW_LEGAL_FLOOR…) rather than a generic INVALID_INPUT; the admin may run
 * `validateServicePolicy` itself before sending.
 */
export const updatePolicyInput = z.object({
  /** The version the admin edited: another save in between is refused (POLICY_VERSION_CONFLICT). */
  expectedVersion: z.number().int().min(1).max(1_000_000),
  rules: z.record(z.string().max(100), z.unknown()),
});
export type UpdatePolicyInput = z.input<typeof updatePolicyInput>;
