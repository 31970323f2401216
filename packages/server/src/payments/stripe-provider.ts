import Stripe from 'stripe';
import type { Deps } from '../core/deps.js';
import { sha256 } from '../core/hash.js';
import { defaultRefundProviders, type RefundProvider, type RefundProviderRegistry, type RefundSettlement, type RefundToSettle } from '../refunds/providers.js';
import { stripeApiSettingsFromEnv, type StripeApiSettings } from './stripe-settings.js';

/** The name refunds through Stripe carry in `Refund.provider`. */
export const stripeProviderName = 'stripe';

/**
 * A refund the provider could not hand to Stripe. `isPermanent` ones (no connection, no card
 * payment, Stripe refusing the request) fail the refund with `reason`; the others (network,
 * Stripe unavailable) leave it pending, to be submitted again with the same idempotency key.
 */
export class RefundSubmissionError extends Error {
  constructor(
    readonly reason: string,
    readonly isPermanent: boolean,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = 'RefundSubmissionError';
  }
}

/**
 * The Idempotency-Key sent to Stripe for a refund: derived from the shop and the refund's own
 * idempotency key, so every submission of one refund, from any instance, after any crash, is the
 * same request to Stripe and refunds once.
 */
export function stripeIdempotencyKey(refund: Pick<RefundToSettle, 'shopId' | 'idempotencyKey'>): string {
  return `comptoir-refund-${sha256(`${refund.shopId}:${refund.idempotencyKey}`).slice(0, 48)}`;
}

/** The part of a Stripe refund object Comptoir reads. */
export interface StripeRefundState {
  id: string;
  status: string | null;
  failure_reason?: string | null;
}

/**
 * What a Stripe refund's status means for Comptoir: succeeded, failed or canceled settle it;
 * pending and requires_action wait for the webhook.
 */
export function settlementFromStripeRefund(refund: StripeRefundState): RefundSettlement {
  switch (refund.status) {
    case 'succeeded':
      return { status: 'succeeded', reference: refund.id };
    case 'failed':
      return { status: 'failed', failureReason: `stripe:${refund.failure_reason ?? 'unknown'}` };
    case 'canceled':
      return { status: 'failed', failureReason: 'stripe:canceled' };
    default:
      return { status: 'pending', reference: refund.id };
  }
}

/** Stripe errors that say the request itself is wrong: sending it again would fail again. */
const permanentStripeErrors = new Set([
  'StripeCardError',
  'StripeInvalidRequestError',
  'StripeAuthenticationError',
  'StripePermissionError',
  'StripeIdempotencyError',
]);

function submissionErrorFrom(error: unknown): RefundSubmissionError {
  if (error instanceof Stripe.errors.StripeError) {
    const detail = `stripe:${error.code ?? error.type}: ${error.message}`.slice(0, 500);
    return new RefundSubmissionError(detail, permanentStripeErrors.has(error.type), { cause: error });
  }
  return new RefundSubmissionError(`stripe:unexpected: ${String((error as Error)?.message ?? error).slice(0, 300)}`, false, { cause: error });
}

/** A Stripe client for one shop's key, with this server's API settings. */
export function createStripeClient(secretKey: string, settings: StripeApiSettings): Stripe {
  return new Stripe(secretKey, {
    ...(settings.host ? { host: settings.host } : {}),
    ...(settings.port ? { port: settings.port } : {}),
    ...(settings.protocol ? { protocol: settings.protocol } : {}),
    timeout: settings.timeoutMs,
    maxNetworkRetries: settings.maxNetworkRetries,
    telemetry: false,
    appInfo: { name: 'Comptoir' },
  });
}

/**
 * Refunds the order's card payment through the shop's Stripe account: `refunds.create` on the
 * order's PaymentIntent (`pi_…`) or charge (`ch_…`) for the refund's amount, tagged with
 * `metadata.comptoir_refund_id`, with a stable Idempotency-Key so the SDK's retries (timeouts,
 * 5xx) and later resubmissions never refund twice. Its final state arrives by webhook.
 */
export function createStripeRefundProvider(deps: Deps, settings: StripeApiSettings = stripeApiSettingsFromEnv()): RefundProvider {
  return {
    name: stripeProviderName,
    kind: 'external',
    async submit(refund) {
      const connection = await deps.db.paymentConnection.findUnique({
        where: { shopId_provider: { shopId: refund.shopId, provider: stripeProviderName } },
        select: { secretKey: true },
      });
      if (!connection) throw new RefundSubmissionError('stripe:not_connected', true);
      const order = await deps.db.order.findFirst({
        where: { id: refund.orderId, shopId: refund.shopId },
        select: { paymentReference: true },
      });
      const payment = order?.paymentReference?.trim() ?? '';
      const target = payment.startsWith('pi_') ? { payment_intent: payment } : payment.startsWith('ch_') ? { charge: payment } : null;
      if (!target) throw new RefundSubmissionError('stripe:no_card_payment_on_order', true);

      const stripe = createStripeClient(connection.secretKey, settings);
      try {
        const created = await stripe.refunds.create(
          {
            ...target,
            amount: refund.amountMinor,
            metadata: { comptoir_refund_id: refund.id, comptoir_order_id: refund.orderId },
          },
          { idempotencyKey: stripeIdempotencyKey(refund) },
        );
        return settlementFromStripeRefund(created);
      } catch (error) {
        throw submissionErrorFrom(error);
      }
    },
  };
}

/** The providers that need no configuration, plus Stripe (used where the shop has connected it). */
export function refundProvidersWithStripe(deps: Deps, settings: StripeApiSettings = stripeApiSettingsFromEnv()): RefundProviderRegistry {
  const providers = defaultRefundProviders();
  providers.set(stripeProviderName, createStripeRefundProvider(deps, settings));
  return providers;
}
