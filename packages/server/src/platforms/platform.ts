import { toMinorUnits, type OrderUpsertInput, type TrackingStatus } from '@comptoir/protocol';
import { z } from 'zod';
import { DomainError } from '../core/domain-error.js';

/** The shop platforms whose order webhooks Comptoir receives. */
export const Platform = {
  woocommerce: 'woocommerce',
  shopify: 'shopify',
  prestashop: 'prestashop',
} as const;
export type Platform = (typeof Platform)[keyof typeof Platform];

/** Names shown to people (and in error messages). */
export const platformLabels: Record<Platform, string> = {
  woocommerce: 'WooCommerce',
  shopify: 'Shopify',
  prestashop: 'PrestaShop',
};

/** A parcel a platform reports for an order (Shopify fulfilments, WooCommerce Shipment Tracking…). */
export interface PlatformShipment {
  /** The platform's carrier name ("La Poste", "DHL Express"), if it gives one. */
  carrierName: string | null;
  trackingNumber: string;
  trackingUrl: string | null;
  shippedAt: Date | null;
  /** The platform's own status word (Shopify's shipment_status), if any. */
  rawStatus: string | null;
}

/** What a platform's order webhook means for Comptoir, before validation by `orderUpsertInput`. */
export interface PlatformOrderUpdate {
  order: OrderUpsertInput;
  /** The platform's modification time of this version of the order, to refuse older versions. */
  sourceUpdatedAt: Date;
  shipments: PlatformShipment[];
}

/** What a webhook's topic asks for: an order to apply, or nothing Comptoir keeps. */
export type PlatformEvent = { kind: 'order'; update: PlatformOrderUpdate } | { kind: 'ignored'; reason: string };

/** A number platforms send as a JSON number or a string ("2", 2). */
export const looseNumber = z.union([z.number(), z.string().trim().max(32).regex(/^-?\d+(\.\d+)?$/)]).transform(Number);

/** An id platforms send as a number or a string. */
export const looseId = z.union([z.number().int().nonnegative(), z.string().trim().min(1).max(64)]).transform(String);

/** A decimal amount as platforms send it ("12.50") or as a number. */
export const looseAmount = z.union([z.number(), z.string().trim().max(32)]);

/** Bounded optional text: empty strings, which platforms send for "none", become undefined. */
export const optionalText = (max = 500) =>
  z
    .string()
    .max(max)
    .nullish()
    .transform((value) => (value && value.trim() ? value.trim() : undefined));

/** Minor units of a platform's decimal amount, or WEBHOOK_PAYLOAD_INVALID naming the field. */
export function minorOf(amount: string | number | null | undefined, currency: string, field: string): number {
  if (amount === null || amount === undefined || amount === '') return 0;
  try {
    return toMinorUnits(amount, currency);
  } catch {
    throw new DomainError('WEBHOOK_PAYLOAD_INVALID', { issues: `${field}: not an amount in ${currency}` });
  }
}

/** Parses a payload with a zod schema, turning its issues into WEBHOOK_PAYLOAD_INVALID. */
export function parsePayload<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new DomainError('WEBHOOK_PAYLOAD_INVALID', {
    issues: parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
      .join('; '),
  });
}

/** A Date from an ISO timestamp with offset, or from a GMT one without ("2026-05-04T08:22:13"). */
export function utcDate(value: string, field: string): Date {
  const text = /[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value.replace(' ', 'T')}Z`;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new DomainError('WEBHOOK_PAYLOAD_INVALID', { issues: `${field}: not a date` });
  return date;
}

/**
 * A Date from a wall-clock time in a time zone ("2026-05-04 10:22:13" in Europe/Paris), as
 * PrestaShop stores its dates. Daylight-saving gaps resolve to the later offset.
 */
export function zonedDate(value: string, timeZone: string, field: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) throw new DomainError('WEBHOOK_PAYLOAD_INVALID', { issues: `${field}: expected YYYY-MM-DD HH:MM:SS` });
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  } catch {
    throw new DomainError('WEBHOOK_PAYLOAD_INVALID', { issues: `time_zone: unknown time zone ${timeZone}` });
  }
  const offsetAt = (instant: number) => {
    const parts = Object.fromEntries(formatter.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
    const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
    return asUtc - instant;
  };
  // Two passes: the offset at the first guess may differ from the one at the result around a change.
  let instant = wall - offsetAt(wall);
  instant = wall - offsetAt(instant);
  return new Date(instant);
}

/** "Jeanne" + "Dupré" → "Jeanne Dupré"; nothing → undefined. */
export function fullName(...parts: Array<string | null | undefined>): string | undefined {
  const name = parts.map((part) => part?.trim()).filter(Boolean).join(' ');
  return name || undefined;
}

/** Unit price in minor units of a line whose total (after discounts) covers `quantity` units. */
export function unitFromTotal(totalMinor: number, quantity: number): number {
  return quantity > 0 ? Math.round(totalMinor / quantity) : totalMinor;
}

export type { TrackingStatus };
