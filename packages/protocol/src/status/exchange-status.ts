import { defineMachine } from './machine.js';

/** Where an exchange (the same product in another variant, instead of a refund) stands. */
export const ExchangeStatus = {
  /** Asked with the return; waits for the item to be scanned or received. */
  requested: 'requested',
  /** The shop created the replacement order (stock reserved). */
  confirmed: 'confirmed',
  shipped: 'shipped',
  delivered: 'delivered',
  /** Out of stock or withdrawn: the return falls back to a refund. */
  cancelled: 'cancelled',
} as const;
export type ExchangeStatus = (typeof ExchangeStatus)[keyof typeof ExchangeStatus];

const s = ExchangeStatus;

/** The exchange's transition table. */
export const exchangeMachine = defineMachine<ExchangeStatus>({
  name: 'exchange',
  transitions: {
    [s.requested]: [s.confirmed, s.cancelled],
    [s.confirmed]: [s.shipped, s.cancelled],
    [s.shipped]: [s.delivered],
    [s.delivered]: [],
    [s.cancelled]: [],
  },
  awaitingShop: [s.requested, s.confirmed],
  labels: {
    [s.requested]: { fr: 'Demandé', en: 'Requested' },
    [s.confirmed]: { fr: 'Confirmé', en: 'Confirmed' },
    [s.shipped]: { fr: 'Expédié', en: 'Shipped' },
    [s.delivered]: { fr: 'Livré', en: 'Delivered' },
    [s.cancelled]: { fr: 'Annulé', en: 'Cancelled' },
  },
});
