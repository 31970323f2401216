import { defineMachine } from './machine.js';

/** Where a refund stands with its provider. */
export const RefundStatus = {
  /** Created; the provider (or the staff member, for manual refunds) has not confirmed yet. */
  pending: 'pending',
  succeeded: 'succeeded',
  /** The provider refused or errored; may be retried (back to pending) or given up. */
  failed: 'failed',
  /** Given up before any money moved: the amount becomes refundable again. */
  cancelled: 'cancelled',
} as const;
export type RefundStatus = (typeof RefundStatus)[keyof typeof RefundStatus];

const s = RefundStatus;

/** The refund's transition table: pending → succeeded | failed | cancelled; failed → pending (retry) | cancelled. */
export const refundMachine = defineMachine<RefundStatus>({
  name: 'refund',
  transitions: {
    [s.pending]: [s.succeeded, s.failed, s.cancelled],
    [s.failed]: [s.pending, s.cancelled],
    [s.succeeded]: [],
    [s.cancelled]: [],
  },
  awaitingShop: [s.pending, s.failed],
  labels: {
    [s.pending]: { fr: 'En cours', en: 'Pending' },
    [s.succeeded]: { fr: 'Effectué', en: 'Completed' },
    [s.failed]: { fr: 'Échoué', en: 'Failed' },
    [s.cancelled]: { fr: 'Annulé', en: 'Cancelled' },
  },
});
