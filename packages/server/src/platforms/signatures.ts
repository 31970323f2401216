import { createHmac } from 'node:crypto';
import { constantTimeEquals } from '../core/hash.js';
import { DomainError } from '../core/domain-error.js';
import { platformLabels, type Platform } from './platform.js';

/** Base64 HMAC-SHA256 of the raw body: how WooCommerce and Shopify sign their webhooks. */
export function base64BodySignature(secret: string, rawBody: Buffer): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

function requireHeader(value: string | undefined, header: string): string {
  if (!value || !value.trim()) throw new DomainError('WEBHOOK_SIGNATURE_MISSING', { header });
  return value.trim();
}

/**
 * Checks a WooCommerce (`X-WC-Webhook-Signature`) or Shopify (`X-Shopify-Hmac-Sha256`) signature:
 * base64 HMAC-SHA256 of the raw body with the secret, compared in constant time.
 */
export function verifyBodySignature(platform: Platform, header: string, signature: string | undefined, secret: string, rawBody: Buffer): void {
  const given = requireHeader(signature, header);
  if (!constantTimeEquals(given, base64BodySignature(secret, rawBody))) {
    throw new DomainError('WEBHOOK_SIGNATURE_INVALID', { platform: platformLabels[platform] });
  }
}

/** How far a PrestaShop signature's timestamp may be from now, either way, in seconds. */
export const prestashopToleranceSeconds = 300;

/** The `X-Comptoir-Signature` value Comptoir's PrestaShop module sends: `t=<unix>,v1=<hex HMAC of "t.body">`. */
export function signPrestaShopBody(secret: string, rawBody: Buffer, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.`).update(rawBody).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/**
 * Checks a PrestaShop module's `X-Comptoir-Signature`: the timestamp must be within the window (a
 * captured request cannot be replayed later) and one of the `v1` values must match; several are
 * allowed so a module can sign with an old and a new secret while they are rotated.
 */
export function verifyPrestaShopSignature(signature: string | undefined, secret: string, rawBody: Buffer, now: Date): void {
  const given = requireHeader(signature, 'X-Comptoir-Signature');
  const parts = given.split(',').map((part) => part.trim().split('=') as [string, string | undefined]);
  const timestamp = parts.find(([key]) => key === 't')?.[1];
  const macs = parts.filter(([key, value]) => key === 'v1' && value).map(([, value]) => value!.toLowerCase());
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || macs.length === 0 || macs.length > 5) {
    throw new DomainError('WEBHOOK_SIGNATURE_INVALID', { platform: platformLabels.prestashop });
  }
  const expected = signPrestaShopBody(secret, rawBody, Number(timestamp)).split('v1=')[1]!;
  // Compare every candidate, so timing does not tell which one matched.
  const matches = macs.map((mac) => constantTimeEquals(mac, expected)).includes(true);
  if (!matches) throw new DomainError('WEBHOOK_SIGNATURE_INVALID', { platform: platformLabels.prestashop });
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > prestashopToleranceSeconds) {
    throw new DomainError('WEBHOOK_TIMESTAMP_EXPIRED', { seconds: prestashopToleranceSeconds });
  }
}
