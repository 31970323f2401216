import { defineMachine } from './machine.js';

/** Where a conversation between a shopper and the shop stands. */
export const TicketStatus = {
  /** New: the first-response clock runs. */
  open: 'open',
  /** The shop replied; the ball is in the shopper's court. */
  awaiting_shopper: 'awaiting_shopper',
  /** The shopper wrote again; the shop must reply. */
  awaiting_shop: 'awaiting_shop',
  /** The shop missed its response time (the shopper got an apology), or staff raised it. */
  escalated: 'escalated',
  resolved: 'resolved',
  /** The shopper wrote after resolution, or staff reopened it. */
  reopened: 'reopened',
  /** Resolved and left alone long enough, or rated: final. */
  closed: 'closed',
} as const;
export type TicketStatus = (typeof TicketStatus)[keyof typeof TicketStatus];

const s = TicketStatus;

/** The ticket's transition table. */
export const ticketMachine = defineMachine<TicketStatus>({
  name: 'ticket',
  transitions: {
    [s.open]: [s.awaiting_shopper, s.escalated, s.resolved],
    [s.awaiting_shopper]: [s.awaiting_shop, s.resolved],
    [s.awaiting_shop]: [s.awaiting_shopper, s.escalated, s.resolved],
    [s.escalated]: [s.awaiting_shopper, s.resolved],
    [s.resolved]: [s.reopened, s.closed],
    [s.reopened]: [s.awaiting_shopper, s.escalated, s.resolved],
    [s.closed]: [],
  },
  awaitingShop: [s.open, s.awaiting_shop, s.escalated, s.reopened],
  labels: {
    [s.open]: { fr: 'Nouveau', en: 'New' },
    [s.awaiting_shopper]: { fr: 'En attente de votre réponse', en: 'Waiting for your reply' },
    [s.awaiting_shop]: { fr: 'En attente de la boutique', en: 'Waiting for the shop' },
    [s.escalated]: { fr: 'Prioritaire', en: 'Escalated' },
    [s.resolved]: { fr: 'Résolu', en: 'Resolved' },
    [s.reopened]: { fr: 'Rouvert', en: 'Reopened' },
    [s.closed]: { fr: 'Fermé', en: 'Closed' },
  },
});
