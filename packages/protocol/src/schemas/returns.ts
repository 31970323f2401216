import { z } from 'zod';
import { ReturnMethod, ReturnReason } from '../policy/return-reasons.js';
import { caseRating } from './claims.js';
import { id, limits, shortText } from './common.js';

/** An idempotency key made by the client: the same key, the same result. */
export const idempotencyKey = z.string().trim().min(8).max(100).regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only');

/** A return code as printed under the counter's QR code ("R-7KQ3XM"); case and spaces do not matter. */
export const returnCode = z
  .string()
  .trim()
  .toUpperCase()
  .transform((value) => value.replace(/\s+/g, ''))
  .pipe(z.string().min(4).max(20).regex(/^[A-Z0-9-]+$/, 'expected a return code'));

/** The return methods, for zod. */
export const returnMethod = z.enum([ReturnMethod.drop_off, ReturnMethod.post_prepaid, ReturnMethod.post_own_cost, ReturnMethod.keep]);

/** The return reasons, for zod (optional everywhere: never required, never a ground to refuse). */
export const returnReason = z.enum(Object.values(ReturnReason) as [ReturnReason, ...ReturnReason[]]);

/** What the shopper wants instead of the item. */
export const ReturnResolution = { refund: 'refund', store_credit: 'store_credit', exchange: 'exchange' } as const;
export type ReturnResolution = (typeof ReturnResolution)[keyof typeof ReturnResolution];
export const returnResolution = z.enum([ReturnResolution.refund, ReturnResolution.store_credit, ReturnResolution.exchange]);

/** Input of `returns.widget.eligibility`: the order as the shopper knows it. */
export const returnEligibilityInput = z.object({ orderNumber: shortText(64) });

/** One line of a return request. */
export const returnLineInput = z.object({
  orderLineId: id,
  quantity: z.number().int().min(1).max(10_000),
  reason: returnReason.optional(),
  /** For an exchange: the SKU of the variant wanted instead. */
  exchangeSku: shortText(100).optional(),
});

/** Input of `returns.widget.create`. */
export const createReturnInput = z
  .object({
    orderId: id,
    lines: z.array(returnLineInput).min(1).max(limits.linesPerOrder),
    method: returnMethod,
    resolution: returnResolution,
    /** Free words of the shopper, for the shop (optional). */
    comment: z.string().trim().max(2_000).optional(),
    /** Made once per form by the widget: a double submit makes one return. */
    idempotencyKey,
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.lines.forEach((line, index) => {
      if (seen.has(line.orderLineId)) ctx.addIssue({ code: 'custom', path: ['lines', index, 'orderLineId'], message: 'each order line once' });
      seen.add(line.orderLineId);
      if (input.resolution === 'exchange' && !line.exchangeSku) {
        ctx.addIssue({ code: 'custom', path: ['lines', index, 'exchangeSku'], message: 'an exchange names the variant wanted' });
      }
    });
  });
export type CreateReturnInput = z.output<typeof createReturnInput>;

/** Input of the procedures that name one return. */
export const returnRef = z.object({ returnId: id });

/** Input of `returns.widget.rate`. */
export const rateReturnInput = returnRef.extend(caseRating.shape);

/** Input of `returns.widget.list`. */
export const returnListInput = z.object({
  limit: z.number().int().min(1).max(50).default(20),
  cursor: id.nullish(),
});

/** Input of `returns.admin.refuse`: the reason is required and shown to the shopper. */
export const refuseReturnInput = returnRef.extend({ reason: z.string().trim().min(1).max(2_000) });

/** Input of `returns.admin.bulkApprove`. */
export const bulkApproveReturnsInput = z.object({ returnIds: z.array(id).min(1).max(100) });

/** Input of `returns.admin.receiveByCode` (the counter scans or types the code). */
export const receiveReturnInput = z.object({ code: returnCode });

/** Input of `returns.admin.refund`: everything the return covers, chosen lines, or an amount. */
export const refundReturnInput = returnRef.extend({
  /**
   * `full`: the returned quantities (within what remains; shipping as the policy says).
   * `lines`: an amount per returned line. `amount`: an amount taken from the returned lines in order.
   */
  mode: z.enum(['full', 'lines', 'amount']).default('full'),
  lines: z
    .array(z.object({ orderLineId: id, amountMinor: z.number().int().min(1).max(limits.maxAmountMinor) }))
    .max(limits.linesPerOrder)
    .optional(),
  amountMinor: z.number().int().min(1).max(limits.maxAmountMinor).optional(),
  /** `manual`: the staff member sent the money (reference required); `store_credit`: with the policy's bonus. */
  provider: z.enum(['manual', 'store_credit']),
  reference: shortText().optional(),
  idempotencyKey,
});
export type RefundReturnInput = z.output<typeof refundReturnInput>;

/** Input of `returns.admin.updateExchange`: the exchange's next step. */
export const updateExchangeInput = returnRef.extend({
  to: z.enum(['confirmed', 'shipped', 'delivered', 'cancelled']),
  /** The shop's order number of the replacement, when confirmed. */
  replacementOrder: shortText(64).optional(),
});

/** Input of the back end's parcel events (REST): the return's code and when it happened. */
export const returnParcelEventInput = z.object({
  code: returnCode,
  /** When the carrier scanned or delivered the parcel; now when omitted. */
  at: z.iso.datetime({ offset: true }).transform((value) => new Date(value)).optional(),
  trackingNumber: shortText(64).optional(),
});

/** What a parcel event did (REST output). */
export const returnParcelEventResult = z.object({
  returnId: z.uuid(),
  status: z.string(),
  /** False when the event was already known (a repeated call changes nothing). */
  changed: z.boolean(),
  refundDueAt: z.iso.datetime().nullable(),
});
