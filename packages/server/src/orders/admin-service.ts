import type { OrderStage } from '@comptoir/protocol';
import type { Prisma } from '../generated/prisma/client.js';
import type { Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { caseReference } from '../cases/case-reference.js';
import { openStatusesOf } from '../cases/service.js';
import { orderStageOf } from './state.js';
import { scanFields, shipmentFields } from './service.js';

// The staff's view of orders: every query is scoped by the shop of the staff session, so an id or
// cursor of another shop finds nothing (ORDER_NOT_FOUND).

/** One order in the staff's list. */
export interface AdminOrderRow {
  id: string;
  number: string;
  placedAt: Date;
  customer: { id: string; email: string; name: string | null };
  totalMinor: number;
  currency: string;
  state: OrderStage;
  fulfilment: string;
  /** Returns, claims and tickets of the order not in a final status (as the inbox counts them). */
  openCases: number;
}

/**
 * The condition on an order's columns that gives each derived stage, mirroring `orderStageOf`:
 * cancelled wins, then the furthest fulfilment date.
 */
function stageWhere(stage: OrderStage): Prisma.OrderWhereInput {
  const notCancelled = { status: { not: 'cancelled' } };
  switch (stage) {
    case 'cancelled':
      return { status: 'cancelled' };
    case 'picked_up':
      return { ...notCancelled, pickedUpAt: { not: null } };
    case 'delivered':
      return { ...notCancelled, pickedUpAt: null, deliveredAt: { not: null } };
    case 'ready_for_pickup':
      return { ...notCancelled, pickedUpAt: null, deliveredAt: null, readyForPickupAt: { not: null } };
    case 'shipped':
      return { ...notCancelled, pickedUpAt: null, deliveredAt: null, readyForPickupAt: null, shippedAt: { not: null } };
    case 'open':
      return { ...notCancelled, pickedUpAt: null, deliveredAt: null, readyForPickupAt: null, shippedAt: null };
  }
}

/** The keyset position after an order: newest first, ties by id. Opaque to the admin. */
function encodeCursor(order: { placedAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([order.placedAt.toISOString(), order.id])).toString('base64url');
}

function decodeCursor(cursor: string): { placedAt: Date; id: string } {
  try {
    const [placedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const date = new Date(String(placedAt));
    if (typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id) && !Number.isNaN(date.getTime())) return { placedAt: date, id };
  } catch {
    // Falls through to the error below.
  }
  throw new DomainError('INVALID_INPUT', { issues: 'cursor: unknown cursor' });
}

const stageFields = { status: true, fulfilment: true, shippedAt: true, deliveredAt: true, readyForPickupAt: true, pickedUpAt: true } satisfies Prisma.OrderSelect;

/** The shop's orders, newest first, searched by number, customer email or name, and filtered by stage. */
export async function listAdminOrders(
  deps: Deps,
  input: { shopId: string; query?: string; state?: OrderStage; limit: number; cursor?: string | null },
): Promise<{ items: AdminOrderRow[]; nextCursor: string | null }> {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const contains = input.query ? { contains: input.query, mode: 'insensitive' as const } : null;
  const openCase = (type: 'return' | 'claim' | 'ticket') => ({ where: { status: { in: openStatusesOf(type) } } });
  const rows = await deps.db.order.findMany({
    where: {
      AND: [
        { shopId: input.shopId },
        contains ? { OR: [{ number: contains }, { customer: { email: contains } }, { customer: { name: contains } }] } : {},
        input.state ? stageWhere(input.state) : {},
        after ? { OR: [{ placedAt: { lt: after.placedAt } }, { placedAt: after.placedAt, id: { lt: after.id } }] } : {},
      ],
    },
    orderBy: [{ placedAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    select: {
      id: true,
      number: true,
      placedAt: true,
      totalMinor: true,
      currency: true,
      ...stageFields,
      customer: { select: { id: true, email: true, name: true } },
      _count: { select: { returns: openCase('return'), claims: openCase('claim'), tickets: openCase('ticket') } },
    },
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      number: row.number,
      placedAt: row.placedAt,
      customer: row.customer,
      totalMinor: row.totalMinor,
      currency: row.currency,
      state: orderStageOf(row),
      fulfilment: row.fulfilment,
      openCases: row._count.returns + row._count.claims + row._count.tickets,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null,
  };
}

const detailSelect = {
  id: true,
  number: true,
  externalId: true,
  placedAt: true,
  ...stageFields,
  currency: true,
  subtotalMinor: true,
  shippingMinor: true,
  totalMinor: true,
  paymentMethod: true,
  promisedDeliveryBy: true,
  customer: { select: { id: true, email: true, name: true } },
  lines: {
    select: { id: true, sku: true, title: true, variant: true, imageUrl: true, quantity: true, unitPriceMinor: true },
    orderBy: { position: 'asc' },
  },
  shipments: {
    select: { ...shipmentFields, events: { select: scanFields, orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }] } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  },
  returns: { select: { id: true, code: true, status: true, requestedAt: true } },
  claims: { select: { id: true, status: true, openedAt: true } },
  tickets: { select: { id: true, status: true, openedAt: true } },
} satisfies Prisma.OrderSelect;

/** A case attached to an order. */
export interface OrderCase {
  type: 'return' | 'claim' | 'ticket';
  id: string;
  reference: string;
  status: string;
  openedAt: Date;
}

/** One order of the shop with its lines, parcels and scans, and its cases, oldest first. */
export async function getAdminOrder(deps: Deps, input: { shopId: string; orderId: string }) {
  const row = await deps.db.order.findFirst({ where: { id: input.orderId, shopId: input.shopId }, select: detailSelect });
  if (!row) throw new DomainError('ORDER_NOT_FOUND');
  const cases: OrderCase[] = [
    ...row.returns.map((r) => ({ type: 'return' as const, id: r.id, reference: caseReference('return', r), status: r.status, openedAt: r.requestedAt })),
    ...row.claims.map((c) => ({ type: 'claim' as const, id: c.id, reference: caseReference('claim', c), status: c.status, openedAt: c.openedAt })),
    ...row.tickets.map((t) => ({ type: 'ticket' as const, id: t.id, reference: caseReference('ticket', t), status: t.status, openedAt: t.openedAt })),
  ].sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime() || a.id.localeCompare(b.id));
  return {
    id: row.id,
    number: row.number,
    externalId: row.externalId,
    placedAt: row.placedAt,
    state: orderStageOf(row),
    fulfilment: row.fulfilment,
    currency: row.currency,
    subtotalMinor: row.subtotalMinor,
    shippingMinor: row.shippingMinor,
    totalMinor: row.totalMinor,
    paymentMethod: row.paymentMethod,
    promisedDeliveryBy: row.promisedDeliveryBy,
    customer: row.customer,
    lines: row.lines,
    shipments: row.shipments,
    cases,
  };
}
