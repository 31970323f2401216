import type { DeadlineKind } from '../guarantees/case-deadlines.js';
import type { Deps } from '../core/deps.js';
import { claimDeadlineHandlers } from '../claims/deadline-handlers.js';
import { settleAutoDecidedClaims } from '../claims/auto-refund.js';
import { returnDeadlineHandlers } from '../returns/deadline-handlers.js';
import { ticketDeadlineHandlers } from '../tickets/deadline-handlers.js';
import type { DeadlineHandler } from './handlers.js';

/** Work that completes automatic decisions after their transaction committed; idempotent, rerun every time. */
export type DeadlineFollowUp = (deps: Deps, now: Date) => Promise<unknown>;

/** The handler of every deadline kind: what its reminder and its guarantee action do. */
export const deadlineHandlers: Record<DeadlineKind, DeadlineHandler> = {
  ...returnDeadlineHandlers,
  ...claimDeadlineHandlers,
  ...ticketDeadlineHandlers,
};

/** Follow-ups run after each scheduler pass. */
export const deadlineFollowUps: readonly DeadlineFollowUp[] = [settleAutoDecidedClaims];
