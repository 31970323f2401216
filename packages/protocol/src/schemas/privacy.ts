import { z } from 'zod';
import { email, shortText } from './common.js';

/**
 * Which shopper a privacy request is about: their customer id in the shop, or the email they
 * ordered with. Exactly one of the two.
 */
export const privacyCustomerRef = z
  .object({
    customerId: z.uuid().optional(),
    email: email.optional(),
  })
  .refine((value) => (value.customerId === undefined) !== (value.email === undefined), {
    message: 'give either customerId or email',
  });
export type PrivacyCustomerRef = z.infer<typeof privacyCustomerRef>;

/** `privacy.*.eraseCustomer`: the shopper, and why (kept on the event, e.g. the ticket of the request). */
export const privacyEraseInput = z
  .object({
    customerId: z.uuid().optional(),
    email: email.optional(),
    reason: shortText().optional(),
  })
  .refine((value) => (value.customerId === undefined) !== (value.email === undefined), {
    message: 'give either customerId or email',
  });
export type PrivacyEraseInput = z.infer<typeof privacyEraseInput>;

/** A row of the export: plain JSON values only. */
const exportRow = z.record(z.string(), z.unknown());

/** Everything stored about one shopper in one shop, as JSON (GDPR art. 15 and 20). */
export const privacyExportOutput = z.object({
  format: z.literal('comptoir.customer-export.v1'),
  exportedAt: z.string(),
  shop: z.object({ id: z.string(), name: z.string() }),
  customer: exportRow,
  orders: z.array(exportRow),
  returns: z.array(exportRow),
  refunds: z.array(exportRow),
  storeCredit: z.array(exportRow),
  claims: z.array(exportRow),
  tickets: z.array(exportRow),
  pickupBookings: z.array(exportRow),
  loyalty: z.array(exportRow),
  emails: z.array(exportRow),
  events: z.array(exportRow),
});
export type PrivacyExport = z.infer<typeof privacyExportOutput>;

/** What an erasure did; the same request again changes nothing and says so. */
export const privacyEraseOutput = z.object({
  customerId: z.string(),
  erasedAt: z.string(),
  alreadyErased: z.boolean(),
});
export type PrivacyEraseResult = z.infer<typeof privacyEraseOutput>;
