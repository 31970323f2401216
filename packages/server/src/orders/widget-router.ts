import { z } from 'zod';
import { shortText, type OrderStage } from '@comptoir/protocol';
import type { Prisma } from '../generated/prisma/client.js';
import type { Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { router, shopperProcedure } from '../trpc.js';
import { orderStageOf } from './state.js';
import { isShipmentLate } from '../carriers/delivery-promise.js';
import { findShopperOrder } from './shopper-order-query.js';

// The shopper's reads live beside their procedures: this file is the widget's whole view of orders.
// Every query is scoped by BOTH the shop of the key and the customer of the session token, so no
// id, number or cursor can reach another customer's order or another shop's.

/** Who is reading: the shop of the publishable key and the customer of the session token. */
export interface ShopperScope {
  shopId: string;
  customerId: string;
}

const stageFields = {
  status: true,
  fulfilment: true,
  shippedAt: true,
  deliveredAt: true,
  readyForPickupAt: true,
  pickedUpAt: true,
} satisfies Prisma.OrderSelect;

const orderSummarySelect = {
  id: true,
  number: true,
  currency: true,
  totalMinor: true,
  placedAt: true,
  ...stageFields,
  lines: { select: { quantity: true, imageUrl: true }, orderBy: { position: 'asc' } },
  shipments: { select: { status: true }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 1 },
} satisfies Prisma.OrderSelect;

/** One order in the shopper's list. */
export interface ShopperOrderSummary {
  id: string;
  number: string;
  stage: OrderStage;
  fulfilment: string;
  placedAt: Date;
  total: { amountMinor: number; currency: string };
  itemCount: number;
  imageUrl: string | null;
  /** The latest parcel's tracking status ("out_for_delivery"…), null before shipping or for pickup. */
  trackingStatus: string | null;
}

/** A page of the shopper's orders; `nextCursor` is null on the last page. */
export interface ShopperOrderPage {
  orders: ShopperOrderSummary[];
  nextCursor: string | null;
}

/** Input of `orders.widget.list`. */
export const shopperOrderListInput = z.object({
  limit: z.number().int().min(1).max(50).default(10),
  cursor: z.string().max(200).nullish(),
});

/** The keyset position after an order, opaque to the widget: newest first, ties by id. */
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

/** The signed-in customer's orders at this shop, newest first, a page at a time. */
export async function listShopperOrders(
  deps: Deps,
  input: ShopperScope & { limit: number; cursor?: string | null | undefined },
): Promise<ShopperOrderPage> {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await deps.db.order.findMany({
    where: {
      shopId: input.shopId,
      customerId: input.customerId,
      ...(after
        ? { OR: [{ placedAt: { lt: after.placedAt } }, { placedAt: after.placedAt, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ placedAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    select: orderSummarySelect,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    orders: page.map((order) => ({
      id: order.id,
      number: order.number,
      stage: orderStageOf(order),
      fulfilment: order.fulfilment,
      placedAt: order.placedAt,
      total: { amountMinor: order.totalMinor, currency: order.currency },
      itemCount: order.lines.reduce((sum, line) => sum + line.quantity, 0),
      imageUrl: order.lines.find((line) => line.imageUrl)?.imageUrl ?? null,
      trackingStatus: order.shipments[0]?.status ?? null,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null,
  };
}

/** Input of `orders.widget.detail`: the order's number (as the shopper knows it) or its id. */
export const shopperOrderDetailInput = z.union([z.object({ number: shortText(64) }), z.object({ id: z.uuid() })]);

/** One order of the signed-in customer with its lines, parcels and scans; ORDER_NOT_FOUND otherwise. */
export async function getShopperOrder(deps: Deps, input: ShopperScope & { number?: string; id?: string }) {
  const order = await findShopperOrder(deps.db, input);
  if (!order) throw new DomainError('ORDER_NOT_FOUND');
  const money = (amountMinor: number) => ({ amountMinor, currency: order.currency });
  return {
    id: order.id,
    number: order.number,
    stage: orderStageOf(order),
    fulfilment: order.fulfilment,
    placedAt: order.placedAt,
    shippedAt: order.shippedAt,
    deliveredAt: order.deliveredAt,
    cancelledAt: order.cancelledAt,
    promisedDeliveryBy: order.promisedDeliveryBy,
    pickup:
      order.fulfilment === 'pickup'
        ? { readyAt: order.readyForPickupAt, pickedUpAt: order.pickedUpAt, isReady: Boolean(order.readyForPickupAt && !order.pickedUpAt) }
        : null,
    subtotal: money(order.subtotalMinor),
    shipping: money(order.shippingMinor),
    total: money(order.totalMinor),
    lines: order.lines.map((line) => ({
      id: line.id,
      sku: line.sku,
      title: line.title,
      variant: line.variant,
      imageUrl: line.imageUrl,
      quantity: line.quantity,
      unitPrice: money(line.unitPriceMinor),
      lineTotal: money(line.unitPriceMinor * line.quantity),
    })),
    // Late: due by the promise (or the carrier's estimate) and not arrived; the widget says so.
    shipments: order.shipments.map((shipment) => ({ ...shipment, isLate: isShipmentLate(shipment, order, deps.clock.now()) })),
  };
}

/** Shopper-facing order procedures (list and detail in the widget). */
export const ordersWidgetRouter = router({
  /** The signed-in customer's orders at this shop, newest first. */
  list: shopperProcedure
    .input(shopperOrderListInput)
    .query(({ ctx, input }) =>
      listShopperOrders(ctx.deps, { shopId: ctx.shop.id, customerId: ctx.shopper.customerId, limit: input.limit, cursor: input.cursor }),
    ),

  /** One of the signed-in customer's orders, by number or id. */
  detail: shopperProcedure
    .input(shopperOrderDetailInput)
    .query(({ ctx, input }) => getShopperOrder(ctx.deps, { shopId: ctx.shop.id, customerId: ctx.shopper.customerId, ...input })),
});
