/**
 * What an attachment may be: its types and sizes, checked again on the decoded bytes by the server.
 * Kept apart from the zod schemas so that the widget can check files before sending them without
 * bundling zod.
 */
export const attachmentLimits = {
  /** Photos of a claim. */
  imageTypes: ['image/jpeg', 'image/png', 'image/webp'] as const,
  /** Files of a ticket message: photos and PDF (an invoice, a delivery note). */
  ticketTypes: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const,
  maxBytes: 5 * 1024 * 1024,
  maxPerMessage: 5,
} as const;
