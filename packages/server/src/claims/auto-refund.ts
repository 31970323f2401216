import { AutomaticReason, ClaimStatus } from '@comptoir/protocol';
import { systemActor } from '../core/actor.js';
import type { Deps } from '../core/deps.js';
import { loadCasePolicy } from '../cases/case-policy.js';
import { createRefund } from '../refunds/service.js';
import { refundProvidersWithStripe, stripeProviderName } from '../payments/stripe-provider.js';
import { submitPendingRefund } from '../payments/submit-refund.js';
import { remainingAllocations, transitionClaim } from './service.js';

/** The reason a claim decided by the clock goes to staff instead of being refunded by the server. */
export const autoRefundNeedsStaff = 'auto.refund_needs_staff';

/** The idempotency key of a claim's automatic refund: whoever makes it, it is made once. */
export function autoRefundKey(claimId: string): string {
  return `claim:${claimId}:auto`;
}

/**
 * How the server itself can give a claim's money back: to the card the order was paid with when the
 * shop connected Stripe (the shopper's own money, where it came from), else as store credit when the
 * policy offers it, else not at all (a bank transfer or a card terminal needs a person).
 */
async function automaticRefundProvider(deps: Deps, claim: { shopId: string; orderId: string }, offersStoreCredit: boolean) {
  const [connection, order] = await Promise.all([
    deps.db.paymentConnection.findFirst({ where: { shopId: claim.shopId, provider: stripeProviderName }, select: { id: true } }),
    deps.db.order.findUnique({ where: { id: claim.orderId }, select: { paymentReference: true } }),
  ]);
  if (connection && /^(pi|ch)_/.test(order?.paymentReference ?? '')) return stripeProviderName;
  return offersStoreCredit ? 'store_credit' : null;
}

/**
 * Gives the money back for claims the clock decided in the shopper's favour (status auto_decided):
 * the whole remaining amount of the order, to the card through Stripe when the shop connected it,
 * else as store credit (with the policy's bonus) when the policy offers it, and the claim becomes
 * `refunded`. Otherwise the claim is escalated to the top of the staff inbox with that reason; staff
 * then refund it through `claims.admin.resolve`.
 * Idempotent and safe from several instances: the refund's key is `claim:<id>:auto`, and the claim's
 * transition is a conditional update.
 */
export async function settleAutoDecidedClaims(deps: Deps, _now?: Date, options: { limit?: number } = {}): Promise<{ refunded: number; escalated: number }> {
  const claims = await deps.db.claim.findMany({
    where: { status: ClaimStatus.auto_decided },
    orderBy: { decidedAt: 'asc' },
    take: options.limit ?? 200,
    select: { id: true, shopId: true, orderId: true, status: true, policyVersion: true },
  });
  const result = { refunded: 0, escalated: 0 };
  for (const claim of claims) {
    const policy = await loadCasePolicy(deps.db, claim.shopId, claim.policyVersion);
    const existing = await deps.db.refund.findUnique({
      where: { shopId_idempotencyKey: { shopId: claim.shopId, idempotencyKey: autoRefundKey(claim.id) } },
      select: { id: true, amountMinor: true, currency: true },
    });
    const allocations = existing ? [] : await remainingAllocations(deps.db, claim.shopId, claim.orderId);
    const provider = existing || !allocations.length ? null : await automaticRefundProvider(deps, claim, policy.rules.refunds.storeCredit.offerFirst);
    try {
      const providers = refundProvidersWithStripe(deps);
      const created =
        !existing && provider
          ? await createRefund(
              deps,
              {
                shopId: claim.shopId,
                orderId: claim.orderId,
                claimId: claim.id,
                idempotencyKey: autoRefundKey(claim.id),
                provider,
                allocations,
                reason: AutomaticReason.claim_refunded,
                bonusPercent: provider === 'store_credit' ? policy.rules.refunds.storeCredit.bonusPercent : 0,
                actor: systemActor,
              },
              providers,
            )
          : null;
      // A card refund is sent after its ledger row commits; a failure leaves it for the resubmit task.
      if (created && created.provider === stripeProviderName && created.status === 'pending') {
        await submitPendingRefund(deps, created.id, providers);
      }
      const refund = existing ?? created;
      const now = deps.clock.now();
      await deps.db.$transaction(async (tx) => {
        const current = await tx.claim.findUnique({ where: { id: claim.id }, select: { id: true, shopId: true, status: true } });
        if (current?.status !== ClaimStatus.auto_decided) return;
        if (refund) {
          await transitionClaim(tx, current, ClaimStatus.refunded, {
            actor: systemActor,
            at: now,
            type: 'claim.refunded',
            reason: AutomaticReason.claim_refunded,
            data: { refundId: refund.id, amountMinor: refund.amountMinor, currency: refund.currency, reasonParams: { days: policy.rules.claims.answerBusinessDays } },
            set: { closedAt: now },
          });
          result.refunded += 1;
        } else {
          await transitionClaim(tx, current, ClaimStatus.escalated, {
            actor: systemActor,
            at: now,
            type: 'claim.escalated',
            reason: autoRefundNeedsStaff,
            data: { why: allocations.length ? 'no_automatic_provider' : 'nothing_left_to_refund' },
            // Due now: the claim tops the staff inbox, overdue, until someone refunds it.
            set: { nextDeadlineAt: now },
          });
          result.escalated += 1;
        }
      });
    } catch (err) {
      deps.logger.error({ err, claimId: claim.id }, 'automatic claim refund failed: retried on the next run');
    }
  }
  return result;
}
