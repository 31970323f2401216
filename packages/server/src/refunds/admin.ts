import type { GoodwillRefundInput } from '@comptoir/protocol';
import type { Prisma } from '../generated/prisma/client.js';
import type { Actor } from '../core/actor.js';
import type { Deps } from '../core/deps.js';
import type { OrderLedger } from './ledger.js';
import { createRefundInTransaction, getOrderLedger, refundTransactionOptions, type RefundSummary } from './service.js';

const refundRowSelect = {
  id: true,
  status: true,
  provider: true,
  amountMinor: true,
  currency: true,
  reference: true,
  reason: true,
  returnId: true,
  claimId: true,
  actorType: true,
  createdAt: true,
  succeededAt: true,
  failedAt: true,
  failureReason: true,
  allocations: { select: { orderLineId: true, kind: true, amountMinor: true } },
} satisfies Prisma.RefundSelect;

/** A refund in an order's history. */
export type OrderRefundRow = Prisma.RefundGetPayload<{ select: typeof refundRowSelect }>;

/** What an order paid, what was given back and what remains, per line, with every refund. */
export async function orderLedgerWithRefunds(
  deps: Deps,
  input: { shopId: string; orderId: string },
): Promise<OrderLedger & { currency: string; refunds: OrderRefundRow[] }> {
  const ledger = await getOrderLedger(deps, input.shopId, input.orderId);
  const refunds = await deps.db.refund.findMany({
    where: { shopId: input.shopId, orderId: input.orderId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: 500,
    select: refundRowSelect,
  });
  return { ...ledger, refunds };
}

/**
 * A goodwill gesture without a return (a late parcel): money back or store credit, within what the
 * order paid, once per idempotency key, with its webhook in the same transaction.
 */
export async function giveGoodwillRefund(deps: Deps, input: GoodwillRefundInput & { shopId: string; actor: Actor }): Promise<RefundSummary> {
  return deps.db.$transaction(async (tx) => {
    const refund = await createRefundInTransaction(tx, deps, {
      shopId: input.shopId,
      orderId: input.orderId,
      idempotencyKey: `goodwill:${input.orderId}:${input.idempotencyKey}`,
      provider: input.provider,
      allocations: [{ orderLineId: null, kind: 'goodwill', amountMinor: input.amountMinor }],
      reference: input.reference ?? null,
      reason: input.reason,
      actor: input.actor,
    });
    // Its `refund.succeeded` webhook is queued where every refund settles (applySettlement).
    return refund;
  }, refundTransactionOptions);
}
