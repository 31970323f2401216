import { z } from 'zod';
import { ClaimKind } from '../policy/return-reasons.js';
import { id, limits, shortText } from './common.js';
import { attachmentLimits } from '../attachment-limits.js';

/** What an attachment may be (types, sizes, count), in a zod-free module the widget can bundle. */
export { attachmentLimits };

/** A file sent inline, base64-encoded; its decoded size is checked by the server. */
export const attachmentInput = z.object({
  filename: shortText(120),
  contentType: z.string().trim().toLowerCase().max(100),
  /** Base64 of at most `attachmentLimits.maxBytes` bytes (4/3 of it, rounded up, in characters). */
  dataBase64: z
    .string()
    .max(Math.ceil(attachmentLimits.maxBytes / 3) * 4 + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64'),
});
export type AttachmentInput = z.output<typeof attachmentInput>;

/** Free text of a shopper or a staff member (a description, a message). */
export const messageBody = z.string().trim().min(1).max(limits.longText);

/** The kinds of claim, for zod. */
export const claimKind = z.enum([ClaimKind.not_received, ClaimKind.damaged, ClaimKind.not_as_described]);

/** Input of `claims.widget.eligibility`. */
export const claimEligibilityInput = z.object({ orderId: id });

/** Input of `claims.widget.open`. */
export const openClaimInput = z.object({
  orderId: id,
  kind: claimKind,
  description: messageBody,
  photos: z.array(attachmentInput).max(attachmentLimits.maxPerMessage).default([]),
});

/** Input of the procedures that name one claim. */
export const claimRef = z.object({ claimId: id });

/** A rating of a settled case: 1 to 5 and an optional comment. */
export const caseRating = z.object({
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2_000).nullish(),
});

/** Input of `claims.widget.rate`. */
export const rateClaimInput = claimRef.extend(caseRating.shape);

/** Input of `claims.widget.list`. */
export const claimListInput = z.object({
  limit: z.number().int().min(1).max(50).default(20),
  /** The id of the last item of the previous page (`nextCursor`). */
  cursor: id.nullish(),
});

/** Input of `claims.admin.answer`: the shop's message, which stops the answer clock. */
export const answerClaimInput = claimRef.extend({ message: messageBody });

/** Input of `claims.admin.resolve`. */
export const resolveClaimInput = z.discriminatedUnion('resolution', [
  claimRef.extend({
    resolution: z.literal('refund'),
    /** How the money goes back: recorded by staff (with the transfer reference) or as store credit. */
    provider: z.enum(['manual', 'store_credit']),
    /** Amount in minor units; the whole remaining amount of the order when omitted. */
    amountMinor: z.number().int().min(1).max(limits.maxAmountMinor).optional(),
    reference: shortText().optional(),
    message: messageBody.optional(),
    idempotencyKey: z.string().trim().min(8).max(100),
  }),
  claimRef.extend({ resolution: z.literal('replacement'), message: messageBody.optional() }),
  claimRef.extend({ resolution: z.literal('reject'), reason: messageBody }),
]);
export type ResolveClaimInput = z.output<typeof resolveClaimInput>;
