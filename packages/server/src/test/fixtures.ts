import { ApiKeyKind, generateApiKey } from '../auth/api-keys.js';
import type { Db } from '../core/deps.js';

/** A shop made for a test, with the plaintexts of its keys. */
export interface ShopWithKeys {
  shop: { id: string; slug: string; currency: string };
  publishableKey: string;
  secretKey: string;
}

/**
 * Inserts a shop (EUR, fr), its service policy v1 with empty rules, and one publishable and one
 * secret key; returns the keys' plaintexts for calls made as the widget or the back end.
 */
export async function createShopWithKeys(db: Db, options: { slug: string; origins?: string[] }): Promise<ShopWithKeys> {
  const publishable = generateApiKey(ApiKeyKind.publishable);
  const secret = generateApiKey(ApiKeyKind.secret);
  const shop = await db.shop.create({
    data: {
      slug: options.slug,
      name: options.slug,
      allowedOrigins: options.origins ?? [],
      policies: { create: { version: 1, rules: {} } },
      apiKeys: {
        create: [publishable, secret].map((key) => ({ kind: key.kind, hash: key.hash, displayPrefix: key.displayPrefix })),
      },
    },
    select: { id: true, slug: true, currency: true },
  });
  return { shop, publishableKey: publishable.plaintext, secretKey: secret.plaintext };
}

/** Headers of a call from the shop's back end. */
export function backendHeaders(secretKey: string): { authorization: string } {
  return { authorization: `Bearer ${secretKey}` };
}

/** Headers of a call from the widget: the publishable key, sent from a page at `origin`. */
export function widgetHeaders(publishableKey: string, origin: string): { 'x-comptoir-key': string; origin: string } {
  return { 'x-comptoir-key': publishableKey, origin };
}
