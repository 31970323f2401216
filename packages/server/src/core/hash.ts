import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Hex SHA-256 of a string: how keys, session tokens and payloads are stored or compared. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Base64url HMAC-SHA256. */
export function hmac(key: Buffer | string, value: string): string {
  return createHmac('sha256', key).update(value).digest('base64url');
}

/** Compares two strings in time that depends only on their length. */
export function constantTimeEquals(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  if (left.length !== right.length) {
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
}

/** JSON with object keys sorted, so equal payloads hash equally whatever their key order. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner && typeof inner === 'object' && !Array.isArray(inner) && !(inner instanceof Date)) {
      return Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return inner;
  });
}
