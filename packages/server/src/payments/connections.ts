import type { Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { stripeProviderName } from './stripe-provider.js';

/**
 * Saves the Stripe keys of a shop (replacing earlier ones): the API key refunds are created with
 * (`sk_…` or a restricted `rk_…` allowed to write refunds) and the signing secret (`whsec_…`) of the
 * webhook endpoint the shop created in Stripe for `/hooks/stripe/<shop slug>`.
 */
export async function connectStripe(deps: Deps, input: { shopId: string; secretKey: string; webhookSecret: string }): Promise<{ id: string }> {
  const secretKey = input.secretKey.trim();
  const webhookSecret = input.webhookSecret.trim();
  if (!/^(sk|rk)_(test|live)_[A-Za-z0-9]{8,250}$/.test(secretKey)) {
    throw new DomainError('INVALID_INPUT', { issues: 'secretKey: expected a Stripe secret or restricted key (sk_… or rk_…)' });
  }
  if (!/^whsec_[A-Za-z0-9+/=]{8,250}$/.test(webhookSecret)) {
    throw new DomainError('INVALID_INPUT', { issues: 'webhookSecret: expected a Stripe webhook signing secret (whsec_…)' });
  }
  return deps.db.paymentConnection.upsert({
    where: { shopId_provider: { shopId: input.shopId, provider: stripeProviderName } },
    create: { shopId: input.shopId, provider: stripeProviderName, secretKey, webhookSecret },
    update: { secretKey, webhookSecret },
    select: { id: true },
  });
}
