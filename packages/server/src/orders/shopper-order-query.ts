import { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../core/deps.js';

// The widget's order detail is the hottest read of the API (every shopper opens it, often several
// times while a parcel moves). Through the query builder it costs four round trips (order, lines,
// parcels, scans) and Prisma's result mapping of each; this one statement lets PostgreSQL nest the
// lines, parcels and scans as JSON, on the same indexes, in one round trip.
// Scoped by shop AND customer like every shopper read, so no number or id reaches another's order.

/** A line as the detail shows it. */
export interface ShopperOrderLineRow {
  id: string;
  sku: string;
  title: string;
  variant: string | null;
  imageUrl: string | null;
  quantity: number;
  unitPriceMinor: number;
}

/** A tracking scan, newest first in its parcel. */
export interface ShopperTrackingEventRow {
  occurredAt: Date;
  status: string;
  description: string | null;
  location: string | null;
}

/** A parcel with its scans, oldest parcel first. */
export interface ShopperShipmentRow {
  id: string;
  carrier: string;
  trackingNumber: string;
  trackingUrl: string | null;
  status: string;
  promisedBy: Date | null;
  estimatedAt: Date | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  events: ShopperTrackingEventRow[];
}

/** The order row with its nested lines and parcels. */
export interface ShopperOrderRow {
  id: string;
  number: string;
  currency: string;
  subtotalMinor: number;
  shippingMinor: number;
  totalMinor: number;
  placedAt: Date;
  cancelledAt: Date | null;
  promisedDeliveryBy: Date | null;
  status: string;
  fulfilment: string;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  readyForPickupAt: Date | null;
  pickedUpAt: Date | null;
  lines: ShopperOrderLineRow[];
  shipments: ShopperShipmentRow[];
}

/** JSON carries timestamps as text; the API answers Dates like every other read. */
type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
type RawShipment = Omit<Json<ShopperShipmentRow>, 'events'> & { events: Json<ShopperTrackingEventRow>[] };
type RawOrder = Omit<ShopperOrderRow, 'lines' | 'shipments'> & { lines: ShopperOrderLineRow[] | string; shipments: RawShipment[] | string };

const dateOrNull = (value: string | null): Date | null => (value === null ? null : new Date(value));

/** Drivers differ on whether a json column arrives parsed; both forms are accepted. */
function parsed<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

type OrderKey = { shopId: string; customerId: string; number?: string | undefined; id?: string | undefined };

/** The statement, by number or id (also run as is by the benchmark's plain-`pg` baseline). */
export function shopperOrderStatement(input: OrderKey): Prisma.Sql {
  const match = input.id ? Prisma.sql`o."id" = ${input.id}::uuid` : Prisma.sql`o."number" = ${input.number ?? ''}`;
  return Prisma.sql`
    SELECT o."id", o."number", o."currency", o."subtotalMinor", o."shippingMinor", o."totalMinor",
           o."placedAt", o."cancelledAt", o."promisedDeliveryBy", o."status", o."fulfilment",
           o."shippedAt", o."deliveredAt", o."readyForPickupAt", o."pickedUpAt",
           COALESCE((
             SELECT json_agg(json_build_object(
                      'id', l."id", 'sku', l."sku", 'title', l."title", 'variant', l."variant",
                      'imageUrl', l."imageUrl", 'quantity', l."quantity", 'unitPriceMinor', l."unitPriceMinor")
                    ORDER BY l."position", l."id")
             FROM "OrderLine" l WHERE l."orderId" = o."id"), '[]'::json) AS "lines",
           COALESCE((
             SELECT json_agg(json_build_object(
                      'id', s."id", 'carrier', s."carrier", 'trackingNumber', s."trackingNumber",
                      'trackingUrl', s."trackingUrl", 'status', s."status", 'promisedBy', s."promisedBy",
                      'estimatedAt', s."estimatedAt", 'shippedAt', s."shippedAt", 'deliveredAt', s."deliveredAt",
                      'events', COALESCE((
                        SELECT json_agg(json_build_object(
                                 'occurredAt', e."occurredAt", 'status', e."status",
                                 'description', e."description", 'location', e."location")
                               ORDER BY e."occurredAt" DESC, e."id" DESC)
                        FROM "TrackingEvent" e WHERE e."shipmentId" = s."id"), '[]'::json))
                    ORDER BY s."createdAt", s."id")
             FROM "Shipment" s WHERE s."orderId" = o."id"), '[]'::json) AS "shipments"
    FROM "Order" o
    WHERE o."shopId" = ${input.shopId}::uuid AND o."customerId" = ${input.customerId}::uuid AND ${match}
    LIMIT 1`;
}

/** One order of one customer of one shop with its lines, parcels and scans, or null. */
export async function findShopperOrder(db: Db, input: OrderKey): Promise<ShopperOrderRow | null> {
  const [row] = await db.$queryRaw<RawOrder[]>(shopperOrderStatement(input));
  if (!row) return null;
  return {
    ...row,
    lines: parsed(row.lines),
    shipments: parsed(row.shipments).map((shipment) => ({
      ...shipment,
      promisedBy: dateOrNull(shipment.promisedBy),
      estimatedAt: dateOrNull(shipment.estimatedAt),
      shippedAt: dateOrNull(shipment.shippedAt),
      deliveredAt: dateOrNull(shipment.deliveredAt),
      events: shipment.events.map((event) => ({ ...event, occurredAt: new Date(event.occurredAt) })),
    })),
  };
}
