import { nextStatuses, returnMachine, ReturnStatus } from '@comptoir/protocol';
import type { Prisma } from '../generated/prisma/client.js';
import type { Actor } from '../core/actor.js';
import type { Db } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { recordEvent } from '../core/events.js';
import { requireTransition } from '../guarantees/domain-errors.js';

/** The column stamped when a return enters each status (needs_review keeps the request's time). */
const stampOf: Record<ReturnStatus, keyof Prisma.ReturnCaseUpdateManyMutationInput | null> = {
  requested: 'requestedAt',
  needs_review: null,
  approved: 'approvedAt',
  refused: 'refusedAt',
  cancelled: 'cancelledAt',
  in_transit: 'inTransitAt',
  received: 'receivedAt',
  refunded: 'refundedAt',
  exchanged: 'exchangedAt',
  closed: 'closedAt',
};

/** What a return transition needs of the case. */
export interface ReturnState {
  id: string;
  shopId: string;
  status: string;
}

/** One change of a return's status, with who made it and why. */
export interface ReturnChange {
  actor: Actor;
  at: Date;
  /** Event type; `return.<status>` by default. */
  type?: string;
  reason?: string | null;
  data?: Prisma.InputJsonValue;
  /** Other columns written with the status. */
  set?: Prisma.ReturnCaseUpdateManyMutationInput;
  /** The stamp's time when it is not `at` (a carrier's scan reported later). */
  stampAt?: Date;
}

/**
 * Moves a return from the status it was read in to `to`: checks the machine's table, stamps
 * `<status>At`, writes with a conditional update (a concurrent change makes it fail with
 * INVALID_TRANSITION instead of overwriting) and records the event. Returns the new state.
 */
export async function transitionReturn<T extends ReturnState>(tx: Db, current: T, to: ReturnStatus, change: ReturnChange): Promise<T> {
  requireTransition(returnMachine, current.status, to);
  const stamp = stampOf[to];
  const updated = await tx.returnCase.updateMany({
    where: { id: current.id, shopId: current.shopId, status: current.status },
    data: { ...change.set, status: to, updatedAt: change.at, ...(stamp ? { [stamp]: change.stampAt ?? change.at } : {}) },
  });
  if (updated.count !== 1) throw new DomainError('INVALID_TRANSITION', { from: current.status, to });
  await recordEvent(tx, {
    shopId: current.shopId,
    subjectType: 'return',
    subjectId: current.id,
    type: change.type ?? `return.${to}`,
    fromStatus: current.status,
    toStatus: to,
    actor: change.actor,
    reason: change.reason ?? null,
    ...(change.data === undefined ? {} : { data: change.data }),
    occurredAt: change.at,
  });
  return { ...current, status: to };
}

/** What staff can do next on a return, from its machine (and whether money can still be sent). */
export type ReturnAction = 'approve' | 'refuse' | 'receive' | 'refund' | 'close' | 'cancel';

/** The staff actions the machine allows from a status. */
export function allowedReturnActions(status: string): ReturnAction[] {
  const next = nextStatuses(returnMachine, status);
  const actions: ReturnAction[] = [];
  if (next.includes(ReturnStatus.approved)) actions.push('approve');
  if (next.includes(ReturnStatus.refused)) actions.push('refuse');
  if (next.includes(ReturnStatus.received)) actions.push('receive');
  if (next.includes(ReturnStatus.refunded) || status === ReturnStatus.refunded) actions.push('refund');
  if (next.includes(ReturnStatus.closed)) actions.push('close');
  if (next.includes(ReturnStatus.cancelled)) actions.push('cancel');
  return actions;
}

/** Statuses whose quantities no longer count as returned (the items stay with the shopper). */
export const voidReturnStatuses: readonly string[] = [ReturnStatus.refused, ReturnStatus.cancelled];
