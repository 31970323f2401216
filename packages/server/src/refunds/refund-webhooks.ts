import type { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../core/deps.js';
import { enqueue } from '../notifications/outbox.js';

// Every refund, whatever decided it (a return, a claim, a goodwill gesture, an uncollected pickup)
// and however it settles (at once for manual and store credit, later from Stripe's webhook),
// reaches `applySettlement`. Announcing it from there is what keeps the shop's books right: the
// shop's platform or accounting hears of each refund once, with what it needs to book it.

/** The `data` of `refund.succeeded` and `refund.failed` webhooks (see docs/integrations/refund-webhooks.md). */
export interface RefundWebhookData {
  refundId: string;
  status: 'succeeded' | 'failed';
  provider: string;
  amountMinor: number;
  currency: string;
  /** The provider's reference (Stripe refund id, bank transfer reference), if any. */
  reference: string | null;
  failureReason: string | null;
  orderId: string;
  /** The shop's own id of the order (the platform's order id when it came from a platform). */
  orderExternalId: string;
  orderNumber: string;
  returnId: string | null;
  claimId: string | null;
  /** What the refund pays back: lines by the shop's own line id and SKU, shipping, goodwill. */
  allocations: Array<{ kind: string; amountMinor: number; orderLineExternalId: string | null; sku: string | null }>;
}

/** Queues the webhook of a refund that just succeeded or failed, in the caller's transaction. */
export async function announceRefundSettled(tx: Db, input: { shopId: string; refundId: string; at: Date }): Promise<void> {
  const refund = await tx.refund.findFirstOrThrow({
    where: { id: input.refundId, shopId: input.shopId },
    select: {
      id: true,
      status: true,
      provider: true,
      amountMinor: true,
      currency: true,
      reference: true,
      failureReason: true,
      returnId: true,
      claimId: true,
      order: { select: { id: true, externalId: true, number: true } },
      allocations: { select: { kind: true, amountMinor: true, orderLine: { select: { externalId: true, sku: true } } }, orderBy: { id: 'asc' } },
    },
  });
  if (refund.status !== 'succeeded' && refund.status !== 'failed') return;
  const data: RefundWebhookData = {
    refundId: refund.id,
    status: refund.status,
    provider: refund.provider,
    amountMinor: refund.amountMinor,
    currency: refund.currency,
    reference: refund.reference,
    failureReason: refund.failureReason,
    orderId: refund.order.id,
    orderExternalId: refund.order.externalId,
    orderNumber: refund.order.number,
    returnId: refund.returnId,
    claimId: refund.claimId,
    allocations: refund.allocations.map((allocation) => ({
      kind: allocation.kind,
      amountMinor: allocation.amountMinor,
      orderLineExternalId: allocation.orderLine?.externalId ?? null,
      sku: allocation.orderLine?.sku ?? null,
    })),
  };
  await enqueue(tx, {
    channel: 'webhook',
    shopId: input.shopId,
    type: refund.status === 'succeeded' ? 'refund.succeeded' : 'refund.failed',
    dedupeKey: `refund:${refund.id}:${refund.status}`,
    data: data as unknown as Record<string, Prisma.InputJsonValue | null>,
    at: input.at,
  });
}
