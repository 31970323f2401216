import { z } from 'zod';

/** Upper bounds that keep hostile input away from the database. */
export const limits = {
  shortText: 200,
  longText: 10_000,
  url: 2_048,
  /** 100 million in minor units: a million euros; above this an amount is a mistake. */
  maxAmountMinor: 100_000_000,
  ordersPerBatch: 500,
  linesPerOrder: 200,
} as const;

/** A single-line text: trimmed, non-empty, bounded, no control characters. */
export const shortText = (max: number = limits.shortText) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'no control characters')
    // A lone surrogate is not Unicode: PostgreSQL refuses it, so it must be refused here first.
    .regex(/^\P{Surrogate}*$/u, 'not valid Unicode');

/** An email address, lower-cased. */
export const email = z.string().trim().toLowerCase().max(254).pipe(z.email());

/** A timestamp with a time zone or offset (ISO 8601), converted to a Date. */
export const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

/** An amount in minor units: a safe, bounded, non-negative integer. */
export const amountMinor = z.number().int().min(0).max(limits.maxAmountMinor);

/** An ISO 4217 currency code. */
export const currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'ISO 4217 code');

/** An http(s) URL. */
export const httpUrl = z
  .string()
  .trim()
  .max(limits.url)
  .pipe(z.url({ protocol: /^https?$/ }));

/** A web origin: scheme, host and optional port, nothing else. */
export const origin = z
  .string()
  .trim()
  .max(limits.url)
  .transform((value, ctx) => {
    try {
      const url = new URL(value);
      if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.pathname.length > 1 || url.search || url.hash) {
        throw new Error('not an origin');
      }
      return url.origin;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'expected an origin such as https://shop.example' });
      return z.NEVER;
    }
  });

/** A database id (UUID). */
export const id = z.uuid();
