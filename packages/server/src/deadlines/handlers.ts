import type { Deps, Db } from '../core/deps.js';

/** A deadline row as its handler receives it, claimed for this firing only. */
export interface DueDeadline {
  id: string;
  shopId: string;
  caseType: string;
  caseId: string;
  kind: string;
  startsAt: Date;
  dueAt: Date;
}

/**
 * What a deadline kind does at its 75% reminder and when it passes. Each runs inside the transaction
 * that claimed the deadline (so the action and the claim commit together, exactly once).
 */
export interface DeadlineHandler {
  remind(tx: Db, deps: Deps, deadline: DueDeadline): Promise<void>;
  fire(tx: Db, deps: Deps, deadline: DueDeadline): Promise<void>;
}
