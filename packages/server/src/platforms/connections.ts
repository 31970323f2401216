import type { Deps } from '../core/deps.js';
import type { Platform } from './platform.js';

/**
 * Saves the secret a shop's platform signs its webhooks with (replacing the previous one), so
 * Comptoir accepts that platform's order webhooks for the shop.
 */
export async function connectPlatform(deps: Deps, input: { shopId: string; platform: Platform; secret: string }): Promise<{ id: string }> {
  return deps.db.platformConnection.upsert({
    where: { shopId_platform: { shopId: input.shopId, platform: input.platform } },
    create: { shopId: input.shopId, platform: input.platform, secret: input.secret },
    update: { secret: input.secret },
    select: { id: true },
  });
}
