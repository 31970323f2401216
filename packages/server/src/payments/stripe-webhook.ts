import Stripe from 'stripe';
import { ActorType } from '../core/actor.js';
import type { Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { applySettlement } from '../refunds/service.js';
import { settlementFromStripeRefund, stripeProviderName, type StripeRefundState } from './stripe-provider.js';
import { rememberProviderReference } from './submit-refund.js';

/** How old a signed Stripe event may be, in seconds (Stripe's own default tolerance). */
export const stripeWebhookToleranceSeconds = 300;

/** Events whose object is a refund whose state Comptoir follows. */
const refundEventTypes = new Set(['refund.created', 'refund.updated', 'refund.failed', 'charge.refund.updated']);

/** What receiving a Stripe event did. */
export type StripeWebhookResult =
  | { status: 'settled'; refundId: string; refundStatus: string }
  | { status: 'ignored'; reason: string };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Receives an event from a shop's Stripe webhook endpoint: checks the `Stripe-Signature` over the
 * raw body with the shop's signing secret (timestamp within 5 minutes of the server's clock), then
 * settles the Comptoir refund the refund object names (`metadata.comptoir_refund_id`, else its
 * `re_…` id). Replays and out-of-order events are harmless: only a pending refund is settled, once.
 */
export async function receiveStripeWebhook(
  deps: Deps,
  webhook: { shopSlug: string; signature: string | undefined; rawBody: Buffer },
): Promise<StripeWebhookResult> {
  const shop = await deps.db.shop.findUnique({
    where: { slug: webhook.shopSlug },
    select: { id: true, paymentConnections: { where: { provider: stripeProviderName }, select: { webhookSecret: true } } },
  });
  if (!shop) throw new DomainError('SHOP_NOT_FOUND');
  const connection = shop.paymentConnections[0];
  if (!connection) throw new DomainError('PLATFORM_NOT_CONNECTED', { platform: 'Stripe' });
  if (!webhook.signature?.trim()) throw new DomainError('WEBHOOK_SIGNATURE_MISSING', { header: 'Stripe-Signature' });

  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(
      webhook.rawBody,
      webhook.signature,
      connection.webhookSecret,
      stripeWebhookToleranceSeconds,
      undefined,
      // Milliseconds: the SDK measures the event's age against the server's clock, not the machine's.
      deps.clock.now().getTime(),
    );
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
      throw new DomainError('WEBHOOK_SIGNATURE_INVALID', { platform: 'Stripe' });
    }
    throw new DomainError('WEBHOOK_PAYLOAD_INVALID', { issues: 'body is not a Stripe event' });
  }

  if (!refundEventTypes.has(event.type)) return { status: 'ignored', reason: `event type ${event.type}` };
  const object = event.data.object as Partial<StripeRefundState> & { object?: string; metadata?: Record<string, string> | null };
  if (object.object !== 'refund' || typeof object.id !== 'string') return { status: 'ignored', reason: 'not a refund object' };

  const metadataId = object.metadata?.comptoir_refund_id;
  const refund = await deps.db.refund.findFirst({
    where: {
      shopId: shop.id,
      provider: stripeProviderName,
      ...(metadataId && uuidPattern.test(metadataId) ? { id: metadataId } : { reference: object.id }),
    },
    select: { id: true },
  });
  if (!refund) return { status: 'ignored', reason: 'refund not made by Comptoir' };

  const settlement = settlementFromStripeRefund({ id: object.id, status: object.status ?? null, failure_reason: object.failure_reason ?? null });
  const actor = { type: ActorType.system, id: `stripe:${event.id}`.slice(0, 200) };
  const settled = await deps.db.$transaction(async (tx) => {
    await rememberProviderReference(tx, refund.id, object.id ?? null);
    return applySettlement(tx, deps, shop.id, refund.id, settlement, actor);
  });
  return { status: 'settled', refundId: refund.id, refundStatus: settled.status };
}
