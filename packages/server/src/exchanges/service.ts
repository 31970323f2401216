import { exchangeMachine, ExchangeStatus } from '@comptoir/protocol';
import type { Prisma } from '../generated/prisma/client.js';
import type { Actor } from '../core/actor.js';
import type { Db } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { recordEvent } from '../core/events.js';
import { requireTransition } from '../guarantees/domain-errors.js';

/**
 * Exchanges: the same product in another variant instead of a refund. An exchange is opened with its
 * return (the wanted SKUs are on the return lines) and follows its own machine; cancelling it makes
 * the return fall back to a refund.
 */

/** The stamp column of each exchange status that has one. */
const stampOf: Partial<Record<ExchangeStatus, 'confirmedAt' | 'shippedAt' | 'deliveredAt' | 'cancelledAt'>> = {
  confirmed: 'confirmedAt',
  shipped: 'shippedAt',
  delivered: 'deliveredAt',
  cancelled: 'cancelledAt',
};

const exchangeSelect = { id: true, shopId: true, returnId: true, status: true, replacementOrder: true } satisfies Prisma.ExchangeSelect;

/** An exchange as services see it. */
export type ExchangeRow = Prisma.ExchangeGetPayload<{ select: typeof exchangeSelect }>;

/** Opens the exchange of a return, in the transaction that creates the return. */
export async function openExchange(tx: Db, input: { shopId: string; returnId: string; actor: Actor; at: Date }): Promise<ExchangeRow> {
  const exchange = await tx.exchange.create({
    data: { shopId: input.shopId, returnId: input.returnId, status: ExchangeStatus.requested, createdAt: input.at, updatedAt: input.at },
    select: exchangeSelect,
  });
  await recordEvent(tx, {
    shopId: input.shopId,
    subjectType: 'exchange',
    subjectId: exchange.id,
    type: 'exchange.requested',
    toStatus: ExchangeStatus.requested,
    actor: input.actor,
    data: { returnId: input.returnId },
    occurredAt: input.at,
  });
  return exchange;
}

/** The exchange of a return, if it has one. */
export async function findExchangeOfReturn(db: Db, shopId: string, returnId: string): Promise<ExchangeRow | null> {
  return db.exchange.findFirst({ where: { shopId, returnId }, select: exchangeSelect });
}

/**
 * Moves an exchange through its machine with a conditional update (a concurrent change fails with
 * INVALID_TRANSITION), stamps the status time and records the event.
 */
export async function transitionExchange(
  tx: Db,
  exchange: ExchangeRow,
  to: ExchangeStatus,
  change: { actor: Actor; at: Date; reason?: string | null; replacementOrder?: string | null },
): Promise<ExchangeRow> {
  requireTransition(exchangeMachine, exchange.status, to);
  const stamp = stampOf[to];
  const updated = await tx.exchange.updateMany({
    where: { id: exchange.id, shopId: exchange.shopId, status: exchange.status },
    data: {
      status: to,
      updatedAt: change.at,
      ...(stamp ? { [stamp]: change.at } : {}),
      ...(change.replacementOrder ? { replacementOrder: change.replacementOrder } : {}),
    },
  });
  if (updated.count !== 1) throw new DomainError('INVALID_TRANSITION', { from: exchange.status, to });
  await recordEvent(tx, {
    shopId: exchange.shopId,
    subjectType: 'exchange',
    subjectId: exchange.id,
    type: `exchange.${to}`,
    fromStatus: exchange.status,
    toStatus: to,
    actor: change.actor,
    reason: change.reason ?? null,
    ...(change.replacementOrder ? { data: { replacementOrder: change.replacementOrder } } : {}),
    occurredAt: change.at,
  });
  return { ...exchange, status: to, replacementOrder: change.replacementOrder ?? exchange.replacementOrder };
}
