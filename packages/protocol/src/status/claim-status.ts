import { defineMachine } from './machine.js';

/**
 * Where a guarantee claim stands (modelled on Amazon's A-to-z guarantee): the shop answers within
 * its business days, or the claim is decided in the shopper's favour and refunded automatically.
 */
export const ClaimStatus = {
  /** Opened by the shopper; the shop's answer clock runs. */
  open: 'open',
  /** The shop answered in time and is working on it. */
  answered: 'answered',
  /** Decided in the shopper's favour by a person (refund or replacement to deliver). */
  resolved: 'resolved',
  /** The shop declined; the shopper may escalate. */
  rejected: 'rejected',
  /** The shop missed its deadline: decided in the shopper's favour by the system. */
  auto_decided: 'auto_decided',
  /** Needs a person above the usual flow: appeal of a rejection, failed automatic refund. */
  escalated: 'escalated',
  /** The money went back. */
  refunded: 'refunded',
  /** Withdrawn by the shopper (the parcel turned up). */
  withdrawn: 'withdrawn',
  /** Settled otherwise (replacement delivered, rejection accepted). */
  closed: 'closed',
} as const;
export type ClaimStatus = (typeof ClaimStatus)[keyof typeof ClaimStatus];

const s = ClaimStatus;

/** The claim's transition table. */
export const claimMachine = defineMachine<ClaimStatus>({
  name: 'claim',
  transitions: {
    [s.open]: [s.answered, s.resolved, s.rejected, s.auto_decided, s.escalated, s.withdrawn],
    [s.answered]: [s.resolved, s.rejected, s.escalated, s.withdrawn],
    [s.auto_decided]: [s.refunded, s.escalated],
    [s.escalated]: [s.resolved, s.rejected, s.refunded],
    [s.resolved]: [s.refunded, s.closed],
    [s.rejected]: [s.escalated, s.closed],
    [s.refunded]: [],
    [s.withdrawn]: [],
    [s.closed]: [],
  },
  awaitingShop: [s.open, s.answered, s.escalated, s.resolved, s.auto_decided],
  labels: {
    [s.open]: { fr: 'Ouverte', en: 'Open' },
    [s.answered]: { fr: 'Prise en charge', en: 'Answered' },
    [s.resolved]: { fr: 'Accordée', en: 'Granted' },
    [s.rejected]: { fr: 'Refusée', en: 'Rejected' },
    [s.auto_decided]: { fr: 'Accordée automatiquement', en: 'Granted automatically' },
    [s.escalated]: { fr: 'Escaladée', en: 'Escalated' },
    [s.refunded]: { fr: 'Remboursée', en: 'Refunded' },
    [s.withdrawn]: { fr: 'Retirée', en: 'Withdrawn' },
    [s.closed]: { fr: 'Terminée', en: 'Closed' },
  },
});
