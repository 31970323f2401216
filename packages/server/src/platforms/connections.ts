import { ActorType, type Actor } from '../core/actor.js';
import type { Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { recordEvent } from '../core/events.js';
import { Platform } from './platform.js';

/** Who saved a secret when no one is named (an operator's script, a test). */
const operatorActor: Actor = { type: ActorType.system, id: 'operator' };

/** Shortest secret accepted: a guessable one would let anyone post orders for the shop. */
export const minPlatformSecretLength = 16;

/**
 * Saves the secret a shop's platform signs its webhooks with (replacing the previous one), so
 * Comptoir accepts that platform's order webhooks for the shop. Records `platforms.connected` with
 * the secret's last characters only.
 */
export async function connectPlatform(deps: Deps, input: { shopId: string; platform: Platform; secret: string; actor?: Actor }): Promise<{ id: string }> {
  const secret = input.secret.trim();
  if (secret.length < minPlatformSecretLength || secret.length > 500) {
    throw new DomainError('INVALID_INPUT', { issues: `secret: expected ${minPlatformSecretLength} to 500 characters` });
  }
  return deps.db.$transaction(async (tx) => {
    const saved = await tx.platformConnection.upsert({
      where: { shopId_platform: { shopId: input.shopId, platform: input.platform } },
      create: { shopId: input.shopId, platform: input.platform, secret },
      update: { secret, createdAt: deps.clock.now() },
      select: { id: true },
    });
    await recordEvent(tx, {
      shopId: input.shopId,
      subjectType: 'shop',
      subjectId: input.shopId,
      type: 'platforms.connected',
      actor: input.actor ?? operatorActor,
      data: { platform: input.platform, secretLast4: secret.slice(-4) },
      occurredAt: deps.clock.now(),
    });
    return saved;
  });
}

/** One platform's connection as the owner sees it: never the secret, only whether it is set and how it ends. */
export interface PlatformConnectionStatus {
  platform: Platform;
  isConfigured: boolean;
  secretLast4: string | null;
  /** When the secret in use was saved. */
  savedAt: Date | null;
  /** The delivery URL to enter in the platform's webhook settings. */
  webhookUrl: string;
}

/** Every platform Comptoir receives webhooks from, connected or not, for the shop. */
export async function listPlatformConnections(deps: Deps, input: { shopId: string }): Promise<PlatformConnectionStatus[]> {
  const shop = await deps.db.shop.findUniqueOrThrow({ where: { id: input.shopId }, select: { slug: true } });
  const rows = await deps.db.platformConnection.findMany({ where: { shopId: input.shopId }, select: { platform: true, secret: true, createdAt: true } });
  const base = deps.config.publicUrl.replace(/\/+$/, '');
  return Object.values(Platform).map((platform) => {
    const row = rows.find((candidate) => candidate.platform === platform);
    return {
      platform,
      isConfigured: row !== undefined,
      secretLast4: row ? row.secret.slice(-4) : null,
      savedAt: row?.createdAt ?? null,
      webhookUrl: `${base}/hooks/${platform}/${shop.slug}`,
    };
  });
}

/** Forgets a platform's secret: its webhooks are refused (404 PLATFORM_NOT_CONNECTED) until a new one is saved. Idempotent. */
export async function disconnectPlatform(deps: Deps, input: { shopId: string; platform: Platform; actor: Actor }): Promise<{ removed: boolean }> {
  return deps.db.$transaction(async (tx) => {
    const { count } = await tx.platformConnection.deleteMany({ where: { shopId: input.shopId, platform: input.platform } });
    if (count === 0) return { removed: false };
    await recordEvent(tx, {
      shopId: input.shopId,
      subjectType: 'shop',
      subjectId: input.shopId,
      type: 'platforms.disconnected',
      actor: input.actor,
      data: { platform: input.platform },
      occurredAt: deps.clock.now(),
    });
    return { removed: true };
  });
}
