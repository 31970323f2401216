import type { Db } from '../core/deps.js';

/** A refund as a provider receives it. */
export interface RefundToSettle {
  id: string;
  shopId: string;
  orderId: string;
  customerId: string;
  amountMinor: number;
  currency: string;
  reference: string | null;
  idempotencyKey: string;
  /** Extra store credit offered for choosing credit over money back, in percent. */
  bonusPercent: number;
}

/** What a provider says happened. */
export type RefundSettlement =
  | { status: 'succeeded'; reference: string | null }
  | { status: 'pending'; reference: string | null }
  | { status: 'failed'; failureReason: string };

/**
 * Where the money goes back. Providers that only write to Comptoir's own ledger settle inside the
 * refund's transaction; providers that call a payment service (Stripe) settle after commit with the
 * refund's idempotency key, and their final state arrives later (webhook), via `settleRefund`.
 */
export type RefundProvider =
  | { name: string; kind: 'in_transaction'; settle(tx: Db, refund: RefundToSettle): Promise<RefundSettlement> }
  | { name: string; kind: 'external'; submit(refund: RefundToSettle): Promise<RefundSettlement> };

/** The staff member sent the money themselves (bank transfer, cash, card terminal) and gives its reference. */
export const manualRefundProvider: RefundProvider = {
  name: 'manual',
  kind: 'in_transaction',
  async settle(_tx, refund) {
    return { status: 'succeeded', reference: refund.reference };
  },
};

/** Store credit: written to the customer's credit ledger, with the bonus the policy offers. */
export const storeCreditRefundProvider: RefundProvider = {
  name: 'store_credit',
  kind: 'in_transaction',
  async settle(tx, refund) {
    const bonusMinor = Math.floor((refund.amountMinor * refund.bonusPercent) / 100);
    await tx.storeCreditEntry.create({
      data: {
        shopId: refund.shopId,
        customerId: refund.customerId,
        kind: 'issue',
        amountMinor: refund.amountMinor,
        currency: refund.currency,
        refundId: refund.id,
      },
    });
    if (bonusMinor > 0) {
      await tx.storeCreditEntry.create({
        data: {
          shopId: refund.shopId,
          customerId: refund.customerId,
          kind: 'bonus',
          amountMinor: bonusMinor,
          currency: refund.currency,
          refundId: refund.id,
        },
      });
    }
    return { status: 'succeeded', reference: `credit:${refund.id}` };
  },
};

/** The providers this server knows, by name. A card provider registers here when configured. */
export type RefundProviderRegistry = ReadonlyMap<string, RefundProvider>;

/** The providers that need no configuration. */
export function defaultRefundProviders(): Map<string, RefundProvider> {
  return new Map([
    [manualRefundProvider.name, manualRefundProvider],
    [storeCreditRefundProvider.name, storeCreditRefundProvider],
  ]);
}
