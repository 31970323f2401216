import type { Locale } from '@comptoir/protocol';
import type { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import type { ReturnMessageCase } from './notifications.js';
import { voidReturnStatuses } from './state.js';

/** Who is asking, in the widget: the shop of the key and the customer of the session token. */
export interface ShopperScope {
  shopId: string;
  customerId: string;
}

/** What the services read of a return to decide and to notify. */
export const returnCaseSelect = {
  id: true,
  shopId: true,
  orderId: true,
  customerId: true,
  code: true,
  status: true,
  method: true,
  resolution: true,
  policyVersion: true,
  needsReview: true,
  requestedAt: true,
  approvedAt: true,
  inTransitAt: true,
  receivedAt: true,
  refundDueAt: true,
  order: { select: { number: true } },
  customer: { select: { email: true, locale: true } },
  lines: { select: { orderLineId: true, quantity: true }, orderBy: { id: 'asc' } },
} satisfies Prisma.ReturnCaseSelect;

/** A return as the services handle it. */
export type ReturnCaseRow = Prisma.ReturnCaseGetPayload<{ select: typeof returnCaseSelect }>;

/** Reads one return (scoped by the caller's `where`, which always names the shop), or RETURN_NOT_FOUND. */
export async function loadReturn(db: Db, where: Prisma.ReturnCaseWhereInput & { shopId: string }): Promise<ReturnCaseRow> {
  const row = await db.returnCase.findFirst({ where, select: returnCaseSelect });
  if (!row) throw new DomainError('RETURN_NOT_FOUND');
  return row;
}

/** A language the product speaks, from a stored locale. */
export function localeOf(value: string | null | undefined): Locale {
  return value?.startsWith('en') ? 'en' : 'fr';
}

/** The return as its messages name it. */
export function messageCaseOf(row: ReturnCaseRow, shopLocale: string): ReturnMessageCase {
  return {
    id: row.id,
    shopId: row.shopId,
    code: row.code,
    orderId: row.orderId,
    orderNumber: row.order.number,
    customerId: row.customerId,
    customerEmail: row.customer.email,
    locale: localeOf(row.customer.locale ?? shopLocale),
  };
}

/** Serialises the requests and receipts of one order's returns (quantities), on PostgreSQL and PGlite alike. */
export async function lockOrderReturns(tx: Db, orderId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`return:${orderId}`}, 0))`;
}

/** Quantities of each line of an order already in returns that still count (not refused or cancelled). */
export async function returnedQuantities(db: Db, orderId: string): Promise<Map<string, number>> {
  const rows = await db.returnLine.groupBy({
    by: ['orderLineId'],
    where: { returnCase: { orderId, status: { notIn: [...voidReturnStatuses] } } },
    _sum: { quantity: true },
  });
  return new Map(rows.map((row) => [row.orderLineId, row._sum.quantity ?? 0]));
}

/** What the policy's abuse, returnless and trust rules look at, counted for one customer. */
export interface CustomerReturnFacts {
  email: string;
  blocked: boolean;
  returnsInLast90Days: number;
  priorReturnlessCount: number;
  deliveredOrders: number;
  refusedReturns: number;
}

const ninetyDaysMs = 90 * 86_400_000;

/** Counts what the rules need to know of a customer at `now`. */
export async function customerReturnFacts(db: Db, input: ShopperScope & { now: Date }): Promise<CustomerReturnFacts> {
  const customer = await db.customer.findFirst({ where: { id: input.customerId, shopId: input.shopId }, select: { email: true, blocked: true } });
  if (!customer) throw new DomainError('ORDER_NOT_FOUND');
  const scope = { shopId: input.shopId, customerId: input.customerId };
  // One after the other: these may run inside a transaction, which has one connection.
  const returnsInLast90Days = await db.returnCase.count({ where: { ...scope, requestedAt: { gte: new Date(input.now.getTime() - ninetyDaysMs) } } });
  const priorReturnlessCount = await db.returnCase.count({ where: { ...scope, method: 'keep', status: { notIn: [...voidReturnStatuses] } } });
  const deliveredOrders = await db.order.count({
    where: { ...scope, status: { not: 'cancelled' }, OR: [{ deliveredAt: { not: null } }, { pickedUpAt: { not: null } }] },
  });
  const refusedReturns = await db.returnCase.count({ where: { ...scope, status: 'refused' } });
  return { email: customer.email, blocked: customer.blocked, returnsInLast90Days, priorReturnlessCount, deliveredOrders, refusedReturns };
}
