import { shopProfileInput, type ShopProfileInput } from '@comptoir/protocol';
import type { Prisma } from '../generated/prisma/client.js';
import type { Actor } from '../core/actor.js';
import type { Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { recordEvent } from '../core/events.js';
import { clearKeyCache } from '../auth/shop-lookup.js';

/** A shop's settings as the admin's settings page reads and writes them. */
export const shopSettingsSelect = {
  id: true,
  slug: true,
  name: true,
  locale: true,
  currency: true,
  timeZone: true,
  country: true,
  allowedOrigins: true,
  brandColor: true,
  logoUrl: true,
  emailFrom: true,
  emailReplyTo: true,
  currentPolicyVersion: true,
  createdAt: true,
} satisfies Prisma.ShopSelect;
export type ShopSettings = Prisma.ShopGetPayload<{ select: typeof shopSettingsSelect }>;

/** The profile fields `updateShopProfile` may change, in the order the event lists them. */
const profileFields = ['name', 'locale', 'timeZone', 'country', 'brandColor', 'logoUrl', 'emailFrom', 'emailReplyTo'] as const;

/** The active shop's settings (`shops.admin.get`). */
export async function getShopSettings(deps: Deps, input: { shopId: string }): Promise<ShopSettings> {
  const shop = await deps.db.shop.findUnique({ where: { id: input.shopId }, select: shopSettingsSelect });
  if (!shop) throw new DomainError('SHOP_NOT_FOUND');
  return shop;
}

/**
 * Replaces the shop's profile (name, language, time zone, country, looks, email addresses) and
 * records `shop.profile_updated` with the names of the fields that changed. Saving an unchanged
 * profile records nothing.
 */
export async function updateShopProfile(
  deps: Deps,
  input: { shopId: string; profile: ShopProfileInput; actor: Actor },
): Promise<ShopSettings> {
  const profile = shopProfileInput.parse(input.profile);
  const now = deps.clock.now();
  const shop = await deps.db.$transaction(async (tx) => {
    const before = await tx.shop.findUnique({ where: { id: input.shopId }, select: shopSettingsSelect });
    if (!before) throw new DomainError('SHOP_NOT_FOUND');
    const changed = profileFields.filter((field) => before[field] !== profile[field]);
    if (changed.length === 0) return before;
    const updated = await tx.shop.update({ where: { id: input.shopId }, data: profile, select: shopSettingsSelect });
    await recordEvent(tx, {
      shopId: input.shopId,
      subjectType: 'shop',
      subjectId: input.shopId,
      type: 'shop.profile_updated',
      actor: input.actor,
      data: { changed: [...changed] },
      occurredAt: now,
    });
    return updated;
  });
  // Authenticated calls carry the shop's name, language and zone from the key cache.
  clearKeyCache();
  return shop;
}
