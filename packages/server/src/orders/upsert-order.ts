import { orderLineKey, type ExchangeOption, type OrderUpsert } from '@comptoir/protocol';
import type { Prisma } from '../generated/prisma/client.js';
import type { Actor } from '../core/actor.js';
import type { Deps, Db } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { recordEvent } from '../core/events.js';
import { sha256, stableStringify } from '../core/hash.js';
import { newId } from '../core/ids.js';
import { awardOrderPoints } from '../loyalty/service.js';
import { withOrderLock } from './order-transaction.js';

/** What `upsertOrder` did with a payload. */
export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

/** The input of `upsertOrder`: an order already parsed by `orderUpsertInput`, and who sent it. */
export interface UpsertOrderInput {
  shopId: string;
  order: OrderUpsert;
  actor: Actor;
}

/** The result of `upsertOrder`. */
export interface UpsertOrderResult {
  orderId: string;
  outcome: UpsertOutcome;
}

/** The hash that tells an upsert it has seen this exact payload before. */
export function orderPayloadHash(order: OrderUpsert): string {
  return sha256(stableStringify(order));
}

/**
 * Creates or updates an order from the shop's own system, idempotently by (shopId, externalId):
 * the same payload twice changes nothing; a changed one updates the order, its lines and its
 * customer, and records `order.updated` with what changed. Safe to call concurrently and from any
 * instance (the order's lock serialises the calls).
 */
export async function upsertOrder(deps: Deps, input: UpsertOrderInput): Promise<UpsertOrderResult> {
  return withOrderLock(deps, { shopId: input.shopId, externalId: input.order.externalId }, (tx) =>
    applyOrderUpsert(tx, deps, input),
  );
}

const lineSelect = {
  id: true,
  externalId: true,
  sku: true,
  title: true,
  variant: true,
  imageUrl: true,
  quantity: true,
  unitPriceMinor: true,
  tags: true,
  exchangeOptions: true,
  position: true,
  _count: { select: { returnLines: true, allocations: true } },
} satisfies Prisma.OrderLineSelect;

const existingSelect = {
  id: true,
  number: true,
  customerId: true,
  status: true,
  fulfilment: true,
  subtotalMinor: true,
  shippingMinor: true,
  totalMinor: true,
  paymentMethod: true,
  paymentReference: true,
  placedAt: true,
  shippedAt: true,
  deliveredAt: true,
  readyForPickupAt: true,
  pickedUpAt: true,
  cancelledAt: true,
  promisedDeliveryBy: true,
  payloadHash: true,
  customer: { select: { email: true, name: true, phone: true, locale: true } },
  lines: { select: lineSelect, orderBy: { position: 'asc' } },
} satisfies Prisma.OrderSelect;

/** Order columns compared field by field to describe an update. */
const scalarFields = [
  'number',
  'status',
  'fulfilment',
  'subtotalMinor',
  'shippingMinor',
  'totalMinor',
  'paymentMethod',
  'paymentReference',
  'placedAt',
  'shippedAt',
  'deliveredAt',
  'readyForPickupAt',
  'pickedUpAt',
  'cancelledAt',
  'promisedDeliveryBy',
] as const;
type ScalarField = (typeof scalarFields)[number];
type ScalarValue = string | number | Date | null;

function sameValue(a: ScalarValue, b: ScalarValue): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

function jsonValue(value: ScalarValue): string | number | null {
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * The upsert itself, inside a transaction that already holds the order's lock. Exported for
 * imports that add more writes (a shipment) to the same transaction.
 */
export async function applyOrderUpsert(tx: Db, deps: Deps, input: UpsertOrderInput): Promise<UpsertOrderResult> {
  const { shopId, order, actor } = input;
  const payloadHash = orderPayloadHash(order);
  const now = deps.clock.now();

  const shop = await tx.shop.findUnique({ where: { id: shopId }, select: { currency: true } });
  if (!shop) throw new DomainError('SHOP_NOT_FOUND');
  if (order.currency !== shop.currency) {
    throw new DomainError('ORDER_CURRENCY_MISMATCH', { currency: order.currency, shopCurrency: shop.currency });
  }

  const existing = await tx.order.findUnique({
    where: { shopId_externalId: { shopId, externalId: order.externalId } },
    select: existingSelect,
  });
  if (existing && existing.payloadHash === payloadHash) return { orderId: existing.id, outcome: 'unchanged' };

  const numberOwner = await tx.order.findFirst({
    where: { shopId, number: order.number, NOT: { externalId: order.externalId } },
    select: { id: true },
  });
  if (numberOwner) throw new DomainError('ORDER_NUMBER_TAKEN', { number: order.number });

  const customerId = await upsertCustomer(tx, shopId, order.customer, now);
  const subtotalMinor = order.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor, 0);

  // Dates the payload leaves out keep what Comptoir already knows (a step reported through the
  // fulfilment procedures); a date it carries wins, so the shop can correct one.
  const dates = {
    shippedAt: order.shippedAt ?? existing?.shippedAt ?? null,
    deliveredAt: order.deliveredAt ?? existing?.deliveredAt ?? null,
    readyForPickupAt: order.readyForPickupAt ?? existing?.readyForPickupAt ?? null,
    pickedUpAt: order.pickedUpAt ?? existing?.pickedUpAt ?? null,
    cancelledAt: order.cancelledAt ?? existing?.cancelledAt ?? null,
    promisedDeliveryBy: order.promisedDeliveryBy ?? existing?.promisedDeliveryBy ?? null,
  };
  const columns = {
    number: order.number,
    status: dates.cancelledAt ? 'cancelled' : 'open',
    fulfilment: order.fulfilment,
    subtotalMinor,
    shippingMinor: order.shippingMinor,
    totalMinor: order.totalMinor ?? subtotalMinor + order.shippingMinor,
    paymentMethod: order.paymentMethod ?? null,
    paymentReference: order.paymentReference ?? null,
    placedAt: order.placedAt,
    ...dates,
  } satisfies Record<ScalarField, ScalarValue>;
  const lines = order.lines.map((line, position) => ({
    externalId: orderLineKey(line),
    sku: line.sku,
    title: line.title,
    variant: line.variant ?? null,
    imageUrl: line.imageUrl ?? null,
    quantity: line.quantity,
    unitPriceMinor: line.unitPriceMinor,
    tags: line.tags,
    exchangeOptions: line.exchangeOptions,
    position,
  }));

  if (!existing) {
    const created = await tx.order.create({
      data: {
        shopId,
        externalId: order.externalId,
        customerId,
        currency: order.currency,
        payloadHash,
        ...columns,
        lines: { createMany: { data: lines } },
      },
      select: { id: true },
    });
    await recordEvent(tx, {
      shopId,
      subjectType: 'order',
      subjectId: created.id,
      type: 'order.created',
      toStatus: columns.status,
      actor,
      data: { number: order.number, lines: lines.length, totalMinor: columns.totalMinor, currency: order.currency },
      occurredAt: now,
    });
    // Loyalty points once the order has reached the shopper (idempotent; pending until its return window closes).
    await awardOrderPoints(tx, deps, { shopId, orderId: created.id, now });
    return { orderId: created.id, outcome: 'created' };
  }

  const changes: Record<string, { from: string | number | null; to: string | number | null }> = {};
  for (const field of scalarFields) {
    if (!sameValue(existing[field], columns[field])) {
      changes[field] = { from: jsonValue(existing[field]), to: jsonValue(columns[field]) };
    }
  }
  if (existing.customerId !== customerId) changes.customer = { from: existing.customer.email, to: order.customer.email };
  else {
    for (const field of ['name', 'phone', 'locale'] as const) {
      const next = order.customer[field];
      if (next !== undefined && next !== existing.customer[field]) {
        changes[`customer.${field}`] = { from: existing.customer[field], to: next };
      }
    }
  }

  const lineChanges = await syncLines(tx, existing.id, existing.lines, lines);
  await tx.order.update({ where: { id: existing.id }, data: { customerId, payloadHash, ...columns }, select: { id: true } });
  await recordEvent(tx, {
    shopId,
    subjectType: 'order',
    subjectId: existing.id,
    type: 'order.updated',
    fromStatus: existing.status,
    toStatus: columns.status,
    actor,
    data: { changes, lines: lineChanges },
    occurredAt: now,
  });
  await awardOrderPoints(tx, deps, { shopId, orderId: existing.id, now });
  return { orderId: existing.id, outcome: 'updated' };
}

type LineRow = Prisma.OrderLineGetPayload<{ select: typeof lineSelect }>;
type LineData = Omit<LineRow, 'id' | '_count' | 'exchangeOptions'> & { exchangeOptions: ExchangeOption[] };

/** Brings the stored lines in line with the payload, by line key; returns the keys touched. */
async function syncLines(
  tx: Db,
  orderId: string,
  stored: LineRow[],
  wanted: LineData[],
): Promise<{ added: string[]; removed: string[]; changed: string[] }> {
  const byKey = new Map(stored.map((line) => [line.externalId, line]));
  const wantedKeys = new Set(wanted.map((line) => line.externalId));
  const removed = stored.filter((line) => !wantedKeys.has(line.externalId));
  const inUse = removed.find((line) => line._count.returnLines > 0 || line._count.allocations > 0);
  if (inUse) throw new DomainError('ORDER_LINE_IN_USE', { line: inUse.externalId });
  if (removed.length) await tx.orderLine.deleteMany({ where: { id: { in: removed.map((line) => line.id) } } });

  const added: LineData[] = [];
  const changed: string[] = [];
  for (const line of wanted) {
    const current = byKey.get(line.externalId);
    if (!current) {
      added.push(line);
      continue;
    }
    const isSame =
      current.sku === line.sku &&
      current.title === line.title &&
      current.variant === line.variant &&
      current.imageUrl === line.imageUrl &&
      current.quantity === line.quantity &&
      current.unitPriceMinor === line.unitPriceMinor &&
      current.position === line.position &&
      current.tags.join('\u0000') === line.tags.join('\u0000') &&
      JSON.stringify(current.exchangeOptions) === JSON.stringify(line.exchangeOptions);
    if (isSame) continue;
    await tx.orderLine.update({ where: { id: current.id }, data: line, select: { id: true } });
    changed.push(line.externalId);
  }
  if (added.length) await tx.orderLine.createMany({ data: added.map((line) => ({ ...line, orderId })) });
  return { added: added.map((line) => line.externalId), removed: removed.map((line) => line.externalId), changed };
}

/**
 * Finds or creates the shop's customer with this email in one statement, so two orders of a new
 * customer arriving together still make one customer. Details the payload carries are refreshed.
 */
async function upsertCustomer(tx: Db, shopId: string, customer: OrderUpsert['customer'], now: Date): Promise<string> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "Customer" ("id", "shopId", "email", "name", "phone", "locale", "externalId", "createdAt", "updatedAt")
    VALUES (${newId()}::uuid, ${shopId}::uuid, ${customer.email}, ${customer.name ?? null}, ${customer.phone ?? null},
            ${customer.locale ?? null}, ${customer.externalId ?? null}, ${now}, ${now})
    ON CONFLICT ("shopId", "email") DO UPDATE SET
      "name" = COALESCE(EXCLUDED."name", "Customer"."name"),
      "phone" = COALESCE(EXCLUDED."phone", "Customer"."phone"),
      "locale" = COALESCE(EXCLUDED."locale", "Customer"."locale"),
      "externalId" = COALESCE(EXCLUDED."externalId", "Customer"."externalId"),
      "updatedAt" = EXCLUDED."updatedAt"
    RETURNING "id"::text AS "id"`;
  const row = rows[0];
  if (!row) throw new Error('customer upsert returned no row');
  return row.id;
}
