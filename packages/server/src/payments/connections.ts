import { ActorType, type Actor } from '../core/actor.js';
import type { Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { recordEvent } from '../core/events.js';
import { stripeProviderName } from './stripe-provider.js';

/** Who saved keys when no one is named (an operator's script, a test). */
const operatorActor: Actor = { type: ActorType.system, id: 'operator' };

/** The last characters of a secret, enough for the owner to recognise which one is saved. */
export function lastFourOf(secret: string): string {
  return secret.slice(-4);
}

/**
 * Saves the Stripe keys of a shop (replacing earlier ones): the API key refunds are created with
 * (`sk_…` or a restricted `rk_…` allowed to write refunds) and the signing secret (`whsec_…`) of the
 * webhook endpoint the shop created in Stripe for `/hooks/stripe/<shop slug>`. Records
 * `payments.stripe_connected` with the keys' last characters only.
 */
export async function connectStripe(
  deps: Deps,
  input: { shopId: string; secretKey: string; webhookSecret: string; actor?: Actor },
): Promise<{ id: string }> {
  const secretKey = input.secretKey.trim();
  const webhookSecret = input.webhookSecret.trim();
  if (!/^(sk|rk)_(test|live)_[A-Za-z0-9]{8,250}$/.test(secretKey)) {
    throw new DomainError('INVALID_INPUT', { issues: 'secretKey: expected a Stripe secret or restricted key (sk_… or rk_…)' });
  }
  if (!/^whsec_[A-Za-z0-9+/=]{8,250}$/.test(webhookSecret)) {
    throw new DomainError('INVALID_INPUT', { issues: 'webhookSecret: expected a Stripe webhook signing secret (whsec_…)' });
  }
  return deps.db.$transaction(async (tx) => {
    const saved = await tx.paymentConnection.upsert({
      where: { shopId_provider: { shopId: input.shopId, provider: stripeProviderName } },
      create: { shopId: input.shopId, provider: stripeProviderName, secretKey, webhookSecret },
      update: { secretKey, webhookSecret },
      select: { id: true },
    });
    await recordEvent(tx, {
      shopId: input.shopId,
      subjectType: 'shop',
      subjectId: input.shopId,
      type: 'payments.stripe_connected',
      actor: input.actor ?? operatorActor,
      data: { mode: stripeModeOf(secretKey), secretKeyLast4: lastFourOf(secretKey), webhookSecretLast4: lastFourOf(webhookSecret) },
      occurredAt: deps.clock.now(),
    });
    return saved;
  });
}

/** Live or test keys, read from the key's prefix. */
function stripeModeOf(secretKey: string): 'live' | 'test' {
  return secretKey.includes('_live_') ? 'live' : 'test';
}

/** What the owner sees of the shop's Stripe connection: never the keys, only whether they are set and how they end. */
export interface StripeConnectionStatus {
  isConfigured: boolean;
  mode: 'live' | 'test' | null;
  secretKeyLast4: string | null;
  webhookSecretLast4: string | null;
  updatedAt: Date | null;
  /** The endpoint URL to enter in Stripe (Developers → Webhooks). */
  webhookUrl: string;
}

/** The shop's Stripe connection as its owner sees it. */
export async function stripeConnectionStatus(deps: Deps, input: { shopId: string }): Promise<StripeConnectionStatus> {
  const shop = await deps.db.shop.findUniqueOrThrow({ where: { id: input.shopId }, select: { slug: true } });
  const row = await deps.db.paymentConnection.findUnique({
    where: { shopId_provider: { shopId: input.shopId, provider: stripeProviderName } },
    select: { secretKey: true, webhookSecret: true, updatedAt: true },
  });
  return {
    isConfigured: row !== null,
    mode: row ? stripeModeOf(row.secretKey) : null,
    secretKeyLast4: row ? lastFourOf(row.secretKey) : null,
    webhookSecretLast4: row ? lastFourOf(row.webhookSecret) : null,
    updatedAt: row?.updatedAt ?? null,
    webhookUrl: `${deps.config.publicUrl.replace(/\/+$/, '')}/hooks/stripe/${shop.slug}`,
  };
}

/**
 * Forgets the shop's Stripe keys: card refunds then fail with `stripe:not_connected` (staff see it)
 * and Stripe's webhooks are refused until keys are saved again. Idempotent.
 */
export async function disconnectStripe(deps: Deps, input: { shopId: string; actor: Actor }): Promise<{ removed: boolean }> {
  return deps.db.$transaction(async (tx) => {
    const { count } = await tx.paymentConnection.deleteMany({ where: { shopId: input.shopId, provider: stripeProviderName } });
    if (count === 0) return { removed: false };
    await recordEvent(tx, {
      shopId: input.shopId,
      subjectType: 'shop',
      subjectId: input.shopId,
      type: 'payments.stripe_disconnected',
      actor: input.actor,
      occurredAt: deps.clock.now(),
    });
    return { removed: true };
  });
}
