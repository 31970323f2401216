import { orderUpsertInput, type OrderUpsertInput } from '@comptoir/protocol';
import { systemActor } from '../core/actor.js';
import type { Deps } from '../core/deps.js';
import { upsertOrder } from '../orders/upsert-order.js';
import { accountBalances, inLoyaltyTransaction } from './accounts.js';
import { awardOrderPoints } from './service.js';

/** Test helper: upserts an order (one line per price given) and runs the loyalty award hook on it. */
export async function placeOrder(
  deps: Deps,
  input: { shopId: string; email: string; externalId: string; prices: number[]; placedAt: Date; deliveredAt?: Date; cancelledAt?: Date },
): Promise<{ orderId: string; lineIds: string[] }> {
  const order: OrderUpsertInput = {
    externalId: input.externalId,
    number: input.externalId,
    customer: { email: input.email },
    currency: 'EUR',
    lines: input.prices.map((price, index) => ({ sku: `SKU-${index}`, title: `Item ${index}`, quantity: 1, unitPriceMinor: price })),
    placedAt: input.placedAt.toISOString(),
    ...(input.deliveredAt ? { deliveredAt: input.deliveredAt.toISOString() } : {}),
    ...(input.cancelledAt ? { cancelledAt: input.cancelledAt.toISOString() } : {}),
  };
  const { orderId } = await upsertOrder(deps, { shopId: input.shopId, order: orderUpsertInput.parse(order), actor: systemActor });
  await inLoyaltyTransaction(deps, (tx) => awardOrderPoints(tx, deps, { shopId: input.shopId, orderId, now: deps.clock.now() }));
  const lines = await deps.db.orderLine.findMany({ where: { orderId }, select: { id: true }, orderBy: { position: 'asc' } });
  return { orderId, lineIds: lines.map((line) => line.id) };
}

/** Test helper: an account's balances and the raw sums of its entries, by scope and email. */
export async function ledgerState(deps: Deps, input: { scope: string; email: string }) {
  const account = await deps.db.loyaltyAccount.findUnique({ where: { scope_email: input }, select: { id: true } });
  if (!account) return { accountId: null, pending: 0, available: 0, entries: [] as Array<{ bucket: string; points: number; kind: string; shopId: string }> };
  const entries = await deps.db.loyaltyEntry.findMany({
    where: { accountId: account.id },
    select: { bucket: true, points: true, kind: true, shopId: true },
    orderBy: { id: 'asc' },
  });
  return { accountId: account.id, ...(await accountBalances(deps.db, account.id)), entries };
}
