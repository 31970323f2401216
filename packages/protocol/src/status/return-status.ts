import { defineMachine } from './machine.js';

/**
 * Where a return stands. The usual path is requested → approved → in_transit (carrier's first
 * scan) or received (dropped off at the counter) → refunded or exchanged → closed.
 */
export const ReturnStatus = {
  /** The shopper asked; the shop has until the approval deadline to answer. */
  requested: 'requested',
  /** Abuse limits or the blocklist matched: a person must decide, never the clock. */
  needs_review: 'needs_review',
  approved: 'approved',
  refused: 'refused',
  /** Withdrawn by the shopper, or never sent back. */
  cancelled: 'cancelled',
  /** The carrier scanned the parcel: the refund clock runs from here. */
  in_transit: 'in_transit',
  /** The shop has the item: the refund clock runs from here if it did not already. */
  received: 'received',
  /** Money given back (original payment or store credit). The item may still be on its way. */
  refunded: 'refunded',
  /** The shopper chose another variant; the Exchange case ships it. */
  exchanged: 'exchanged',
  /** Money and item both settled. */
  closed: 'closed',
} as const;
export type ReturnStatus = (typeof ReturnStatus)[keyof typeof ReturnStatus];

const s = ReturnStatus;

/**
 * The return's transition table.
 * - approved → refunded: a returnless ("keep") refund, or an instant refund for a trusted customer.
 * - in_transit → refunded / exchanged: refund or ship the exchange at the carrier's first scan.
 * - received → refused: the item failed inspection (not the item, or used beyond trying it).
 * - refunded → closed once the item is back (at once for "keep").
 */
export const returnMachine = defineMachine<ReturnStatus>({
  name: 'return',
  transitions: {
    [s.requested]: [s.approved, s.refused, s.cancelled, s.needs_review],
    [s.needs_review]: [s.approved, s.refused, s.cancelled],
    [s.approved]: [s.in_transit, s.received, s.refunded, s.cancelled],
    [s.in_transit]: [s.received, s.refunded, s.exchanged],
    [s.received]: [s.refunded, s.exchanged, s.refused],
    [s.refunded]: [s.closed],
    [s.exchanged]: [s.closed],
    [s.refused]: [],
    [s.cancelled]: [],
    [s.closed]: [],
  },
  awaitingShop: [s.requested, s.needs_review, s.in_transit, s.received],
  labels: {
    [s.requested]: { fr: 'Demandé', en: 'Requested' },
    [s.needs_review]: { fr: 'En cours d’examen', en: 'Under review' },
    [s.approved]: { fr: 'Accepté', en: 'Approved' },
    [s.refused]: { fr: 'Refusé', en: 'Refused' },
    [s.cancelled]: { fr: 'Annulé', en: 'Cancelled' },
    [s.in_transit]: { fr: 'Colis en route', en: 'Parcel on its way' },
    [s.received]: { fr: 'Reçu par la boutique', en: 'Received by the shop' },
    [s.refunded]: { fr: 'Remboursé', en: 'Refunded' },
    [s.exchanged]: { fr: 'Échangé', en: 'Exchanged' },
    [s.closed]: { fr: 'Terminé', en: 'Closed' },
  },
});
