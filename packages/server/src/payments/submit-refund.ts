import type { Prisma } from '../generated/prisma/client.js';
import { ActorType, type Actor } from '../core/actor.js';
import type { Db, Deps } from '../core/deps.js';
import { recordEvent } from '../core/events.js';
import { applySettlement } from '../refunds/service.js';
import type { RefundProviderRegistry, RefundSettlement } from '../refunds/providers.js';
import { RefundSubmissionError } from './stripe-provider.js';

/** What submitting a pending refund did. */
export interface SubmitRefundResult {
  refundId: string;
  status: string;
  /** The provider's reference (Stripe refund id), once known. */
  reference: string | null;
  failureReason: string | null;
  /** True when the provider could not be reached: the refund stays pending and can be submitted again. */
  isRetryable: boolean;
}

const submitSelect = {
  id: true,
  shopId: true,
  orderId: true,
  status: true,
  provider: true,
  amountMinor: true,
  currency: true,
  reference: true,
  failureReason: true,
  idempotencyKey: true,
  order: { select: { customerId: true } },
} satisfies Prisma.RefundSelect;

/** The actor of what a payment provider decides. */
function providerActor(provider: string): Actor {
  return { type: ActorType.system, id: `provider:${provider}` };
}

/**
 * Keeps the provider's reference (a Stripe refund id) on a refund still pending, so staff see it
 * and the provider's webhook can be matched even without metadata.
 */
export async function rememberProviderReference(tx: Db, refundId: string, reference: string | null): Promise<void> {
  if (!reference) return;
  await tx.refund.updateMany({ where: { id: refundId, status: 'pending', reference: null }, data: { reference } });
}

/**
 * Hands a pending refund of an external provider (Stripe) to that provider, with the refund's
 * idempotency key, and records its verdict. Safe to call again and from several instances: the
 * provider sees the same idempotent request, and a refund already settled is left as it is.
 * A refusal (no card payment, Stripe rejecting the request) fails the refund with the reason and an
 * event for staff; an unreachable provider leaves it pending with a `refund.submission_deferred`
 * event, for `submitPendingRefunds` to try again.
 */
export async function submitPendingRefund(deps: Deps, refundId: string, providers: RefundProviderRegistry): Promise<SubmitRefundResult> {
  const refund = await deps.db.refund.findUniqueOrThrow({ where: { id: refundId }, select: submitSelect });
  const done = (isRetryable: boolean, row: { status: string; reference: string | null; failureReason: string | null }): SubmitRefundResult => ({
    refundId: refund.id,
    status: row.status,
    reference: row.reference,
    failureReason: row.failureReason,
    isRetryable,
  });
  if (refund.status !== 'pending') return done(false, refund);
  const provider = providers.get(refund.provider);
  if (!provider || provider.kind !== 'external') {
    throw new Error(`refund ${refund.id}: provider ${refund.provider} is not an external provider of this registry`);
  }
  const actor = providerActor(provider.name);

  let settlement: RefundSettlement;
  try {
    settlement = await provider.submit({
      id: refund.id,
      shopId: refund.shopId,
      orderId: refund.orderId,
      customerId: refund.order.customerId,
      amountMinor: refund.amountMinor,
      currency: refund.currency,
      reference: refund.reference,
      idempotencyKey: refund.idempotencyKey,
      bonusPercent: 0,
    });
  } catch (error) {
    const submission = error instanceof RefundSubmissionError ? error : new RefundSubmissionError(String((error as Error)?.message ?? error), false);
    if (submission.isPermanent) {
      settlement = { status: 'failed', failureReason: submission.reason };
    } else {
      deps.logger.warn({ refundId: refund.id, provider: provider.name, err: error }, 'refund submission deferred');
      await recordEvent(deps.db, {
        shopId: refund.shopId,
        subjectType: 'refund',
        subjectId: refund.id,
        type: 'refund.submission_deferred',
        fromStatus: 'pending',
        toStatus: 'pending',
        actor,
        reason: submission.reason,
        occurredAt: deps.clock.now(),
      });
      return done(true, refund);
    }
  }

  const applied = await deps.db.$transaction(async (tx) => {
    if (settlement.status === 'pending') await rememberProviderReference(tx, refund.id, settlement.reference);
    await applySettlement(tx, deps, refund.shopId, refund.id, settlement, actor);
    return tx.refund.findUniqueOrThrow({ where: { id: refund.id }, select: { status: true, reference: true, failureReason: true } });
  });
  return done(false, applied);
}

/**
 * Submits, one at a time, the pending refunds of external providers created before `olderThan`
 * (the scheduler passes a minute ago, so a refund being submitted right after its creation is left
 * to that call). Returns what each submission did.
 */
export async function submitPendingRefunds(
  deps: Deps,
  options: { olderThan: Date; providers: RefundProviderRegistry; limit?: number },
): Promise<SubmitRefundResult[]> {
  const external = [...options.providers.values()].filter((provider) => provider.kind === 'external').map((provider) => provider.name);
  if (external.length === 0) return [];
  const pending = await deps.db.refund.findMany({
    where: { status: 'pending', provider: { in: external }, createdAt: { lt: options.olderThan } },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
    take: options.limit ?? 50,
  });
  const results: SubmitRefundResult[] = [];
  for (const { id } of pending) results.push(await submitPendingRefund(deps, id, options.providers));
  return results;
}
