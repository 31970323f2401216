import type { Deps } from '../core/deps.js';
import { hashApiKey } from './api-keys.js';

/** The shop fields every authenticated call needs. */
export interface AuthenticatedShop {
  id: string;
  slug: string;
  name: string;
  locale: string;
  currency: string;
  timeZone: string;
  country: string;
  allowedOrigins: string[];
  currentPolicyVersion: number;
}

/** An API key that matched, with its shop. */
export interface KeyMatch {
  keyId: string;
  kind: string;
  shop: AuthenticatedShop;
}

/**
 * Keys are looked up on every call; a short cache keeps that off the database under load. Revocation
 * and origin changes take effect within `ttlMs` on every instance (and at once on this one, which
 * clears the cache when it makes the change).
 */
const ttlMs = 5_000;
const cache = new Map<string, { match: KeyMatch | null; expiresAt: number }>();

/** Forgets cached keys, after a revocation, a rotation or a change of allowed origins. */
export function clearKeyCache(): void {
  cache.clear();
}

/** The unrevoked key matching `plaintext` and its shop, or null. */
export async function findKey(deps: Deps, plaintext: string): Promise<KeyMatch | null> {
  const hash = hashApiKey(plaintext);
  const now = Date.now();
  const cached = cache.get(hash);
  if (cached && cached.expiresAt > now) return cached.match;
  const row = await deps.db.apiKey.findUnique({
    where: { hash },
    select: {
      id: true,
      kind: true,
      revokedAt: true,
      shop: {
        select: {
          id: true,
          slug: true,
          name: true,
          locale: true,
          currency: true,
          timeZone: true,
          country: true,
          allowedOrigins: true,
          currentPolicyVersion: true,
        },
      },
    },
  });
  const match = row && !row.revokedAt ? { keyId: row.id, kind: row.kind, shop: row.shop } : null;
  if (cache.size > 10_000) cache.clear();
  cache.set(hash, { match, expiresAt: now + ttlMs });
  return match;
}
