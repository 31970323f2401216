import type { LoyaltySettings } from '@comptoir/protocol';
import type { Prisma } from '../generated/prisma/client.js';
import type { Actor } from '../core/actor.js';
import type { Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { recordEvent } from '../core/events.js';
import { settingsFrom } from './ledger.js';

/** A shop's loyalty programme, complete with defaults. */
export async function getLoyaltySettings(deps: Pick<Deps, 'db'>, input: { shopId: string }): Promise<LoyaltySettings> {
  const shop = await deps.db.shop.findUnique({ where: { id: input.shopId }, select: { loyaltySettings: true } });
  if (!shop) throw new DomainError('SHOP_NOT_FOUND');
  return settingsFrom(shop.loyaltySettings);
}

/**
 * Replaces a shop's programme (already validated by `loyaltySettings`), audited as
 * `loyalty.settings_updated`. In a group, the expiry rules are also those of the group's accounts.
 */
export async function updateLoyaltySettings(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { shopId: string; settings: LoyaltySettings; actor: Actor },
): Promise<LoyaltySettings> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const shop = await tx.shop.findUnique({ where: { id: input.shopId }, select: { loyaltySettings: true, loyaltyGroupId: true } });
    if (!shop) throw new DomainError('SHOP_NOT_FOUND');
    const value = input.settings as unknown as Prisma.InputJsonObject;
    await tx.shop.update({ where: { id: input.shopId }, data: { loyaltySettings: value }, select: { id: true } });
    if (shop.loyaltyGroupId) {
      await tx.loyaltyGroup.update({ where: { id: shop.loyaltyGroupId }, data: { settings: value }, select: { id: true } });
    }
    await recordEvent(tx, {
      shopId: input.shopId,
      subjectType: 'shop',
      subjectId: input.shopId,
      type: 'loyalty.settings_updated',
      actor: input.actor,
      data: { from: (shop.loyaltySettings ?? null) as Prisma.InputJsonValue, to: value },
      occurredAt: now,
    });
    return input.settings;
  });
}
