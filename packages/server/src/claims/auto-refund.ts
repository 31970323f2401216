import { AutomaticReason, ClaimStatus } from '@comptoir/protocol';
import { systemActor } from '../core/actor.js';
import type { Deps } from '../core/deps.js';
import { loadCasePolicy } from '../cases/case-policy.js';
import { createRefund } from '../refunds/service.js';
import { remainingAllocations, transitionClaim } from './service.js';

/** The reason a claim decided by the clock goes to staff instead of being refunded by the server. */
export const autoRefundNeedsStaff = 'auto.refund_needs_staff';

/** The idempotency key of a claim's automatic refund: whoever makes it, it is made once. */
export function autoRefundKey(claimId: string): string {
  return `claim:${claimId}:auto`;
}

/**
 * Gives the money back for claims the clock decided in the shopper's favour (status auto_decided).
 * When the policy offers store credit, the whole remaining amount of the order is refunded as store
 * credit (with the policy's bonus) and the claim becomes `refunded`. Otherwise no provider can move
 * money without a person (bank transfer, card terminal), so the claim is escalated to the top of the
 * staff inbox with that reason; staff then refund it through `claims.admin.resolve`.
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
    const canRefund = existing !== null || (policy.rules.refunds.storeCredit.offerFirst && allocations.length > 0);
    try {
      const refund =
        existing ??
        (canRefund
          ? await createRefund(deps, {
              shopId: claim.shopId,
              orderId: claim.orderId,
              claimId: claim.id,
              idempotencyKey: autoRefundKey(claim.id),
              provider: 'store_credit',
              allocations,
              reason: AutomaticReason.claim_refunded,
              bonusPercent: policy.rules.refunds.storeCredit.bonusPercent,
              actor: systemActor,
            })
          : null);
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
