import { z } from 'zod';
import { id, limits, shortText } from './common.js';
import { idempotencyKey } from './returns.js';

/** Input of `refunds.admin.ledger`: what an order paid and what remains, per line. */
export const orderLedgerInput = z.object({ orderId: id });

/** Input of `refunds.admin.goodwill`: a gesture without a return (a late parcel), within what was paid. */
export const goodwillRefundInput = z.object({
  orderId: id,
  amountMinor: z.number().int().min(1).max(limits.maxAmountMinor),
  provider: z.enum(['manual', 'store_credit']),
  reference: shortText().optional(),
  reason: z.string().trim().min(1).max(2_000),
  idempotencyKey,
});
export type GoodwillRefundInput = z.output<typeof goodwillRefundInput>;
