/** Event types a shop can subscribe webhook endpoints to. */
export const webhookEventTypes = [
  'order.shipped',
  'order.delivered',
  'return.requested',
  'return.approved',
  'return.refused',
  'return.received',
  'refund.succeeded',
  'refund.failed',
  'store_credit.issued',
  'claim.opened',
  'claim.decided',
  'ticket.opened',
  'ticket.replied',
  'loyalty.voucher_issued',
] as const;

/** One webhook event type. */
export type WebhookEventType = (typeof webhookEventTypes)[number];
