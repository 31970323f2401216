import { constantTimeEquals, hmac } from '../core/hash.js';

/** What a shopper session token says: this customer of this shop, until then. */
export interface ShopperClaims {
  shopId: string;
  customerId: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

/** How long a shopper stays signed in without signing in again. */
export const shopperSessionSeconds = 2 * 60 * 60;

/**
 * Signs claims into `v1.<payload>.<signature>` (HMAC-SHA256 with the installation's key). Stateless,
 * so every instance verifies it without a database round trip.
 */
export function signShopperToken(key: Buffer, claims: ShopperClaims): string {
  const payload = Buffer.from(JSON.stringify([claims.shopId, claims.customerId, claims.exp])).toString('base64url');
  return `v1.${payload}.${hmac(key, `v1.${payload}`)}`;
}

/** The claims of a valid, unexpired token, or null. */
export function verifyShopperToken(key: Buffer, token: string, now: Date): ShopperClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== 'v1' || !parts[1] || !parts[2]) return null;
  if (!constantTimeEquals(parts[2], hmac(key, `v1.${parts[1]}`))) return null;
  try {
    const [shopId, customerId, exp] = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as unknown[];
    if (typeof shopId !== 'string' || typeof customerId !== 'string' || typeof exp !== 'number') return null;
    if (exp * 1000 <= now.getTime()) return null;
    return { shopId, customerId, exp };
  } catch {
    return null;
  }
}
