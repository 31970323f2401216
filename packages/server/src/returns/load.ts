import type { Locale } from '@comptoir/protocol';
import { Prisma } from '../generated/prisma/client.js';
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

type RawReturnCase = Omit<ReturnCaseRow, 'order' | 'customer' | 'lines'> & {
  orderNumber: string;
  customerEmail: string;
  customerLocale: string | null;
  lines: ReturnCaseRow['lines'] | string;
};

/**
 * Reads one return of the shop (and of that customer when given), or RETURN_NOT_FOUND. One statement
 * with its order number, customer and lines, not four: it runs inside most return transactions.
 */
export async function loadReturn(db: Db, where: { id: string; shopId: string; customerId?: string }): Promise<ReturnCaseRow> {
  const [row] = await db.$queryRaw<RawReturnCase[]>`
    SELECT r."id", r."shopId", r."orderId", r."customerId", r."code", r."status", r."method", r."resolution",
           r."policyVersion", r."needsReview", r."requestedAt", r."approvedAt", r."inTransitAt", r."receivedAt",
           r."refundDueAt", o."number" AS "orderNumber", c."email" AS "customerEmail", c."locale" AS "customerLocale",
           COALESCE((SELECT json_agg(json_build_object('orderLineId', l."orderLineId", 'quantity', l."quantity") ORDER BY l."id")
                     FROM "ReturnLine" l WHERE l."returnId" = r."id"), '[]'::json) AS "lines"
    FROM "ReturnCase" r
    JOIN "Order" o ON o."id" = r."orderId"
    JOIN "Customer" c ON c."id" = r."customerId"
    WHERE r."id" = ${where.id}::uuid AND r."shopId" = ${where.shopId}::uuid
      ${where.customerId ? Prisma.sql`AND r."customerId" = ${where.customerId}::uuid` : Prisma.empty}`;
  if (!row) throw new DomainError('RETURN_NOT_FOUND');
  const { orderNumber, customerEmail, customerLocale, lines, ...fields } = row;
  return {
    ...fields,
    order: { number: orderNumber },
    customer: { email: customerEmail, locale: customerLocale },
    lines: typeof lines === 'string' ? (JSON.parse(lines) as ReturnCaseRow['lines']) : lines,
  };
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
  // One statement: it runs inside the return's transaction, where each round trip holds the order's lock.
  const [row] = await db.$queryRaw<
    Array<{ email: string; blocked: boolean; recent: bigint; returnless: bigint; delivered: bigint; refused: bigint }>
  >`
    SELECT c."email", c."blocked",
      (SELECT COUNT(*) FROM "ReturnCase" r WHERE r."shopId" = c."shopId" AND r."customerId" = c."id"
         AND r."requestedAt" >= ${new Date(input.now.getTime() - ninetyDaysMs)}) AS "recent",
      (SELECT COUNT(*) FROM "ReturnCase" r WHERE r."shopId" = c."shopId" AND r."customerId" = c."id"
         AND r."method" = 'keep' AND r."status" <> ALL(${[...voidReturnStatuses]}::text[])) AS "returnless",
      (SELECT COUNT(*) FROM "Order" o WHERE o."shopId" = c."shopId" AND o."customerId" = c."id"
         AND o."status" <> 'cancelled' AND (o."deliveredAt" IS NOT NULL OR o."pickedUpAt" IS NOT NULL)) AS "delivered",
      (SELECT COUNT(*) FROM "ReturnCase" r WHERE r."shopId" = c."shopId" AND r."customerId" = c."id"
         AND r."status" = 'refused') AS "refused"
    FROM "Customer" c
    WHERE c."id" = ${input.customerId}::uuid AND c."shopId" = ${input.shopId}::uuid`;
  if (!row) throw new DomainError('ORDER_NOT_FOUND');
  return {
    email: row.email,
    blocked: row.blocked,
    returnsInLast90Days: Number(row.recent),
    priorReturnlessCount: Number(row.returnless),
    deliveredOrders: Number(row.delivered),
    refusedReturns: Number(row.refused),
  };
}
