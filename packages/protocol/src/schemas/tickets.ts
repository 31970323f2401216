import { z } from 'zod';
import { attachmentInput, attachmentLimits, caseRating, messageBody } from './claims.js';
import { id, shortText } from './common.js';

/** Input of `tickets.widget.open`. */
export const openTicketInput = z.object({
  subject: shortText(200),
  body: messageBody,
  orderId: id.nullish(),
  attachments: z.array(attachmentInput).max(attachmentLimits.maxPerMessage).default([]),
});

/** Input of the procedures that name one ticket. */
export const ticketRef = z.object({ ticketId: id });

/** Input of a reply, by the shopper or the staff. */
export const replyTicketInput = ticketRef.extend({
  body: messageBody,
  attachments: z.array(attachmentInput).max(attachmentLimits.maxPerMessage).default([]),
});

/** Input of `tickets.widget.rate`. */
export const rateTicketInput = ticketRef.extend(caseRating.shape);

/** Input of `tickets.widget.list`. */
export const ticketListInput = z.object({
  limit: z.number().int().min(1).max(50).default(20),
  /** The id of the last item of the previous page (`nextCursor`). */
  cursor: id.nullish(),
});

/** Input of `tickets.admin.resolve` and `reopen`: an optional reason for the history. */
export const ticketStatusInput = ticketRef.extend({ reason: z.string().trim().max(1_000).nullish() });
