import { z } from 'zod';
import { amountMinor, currency, email, httpUrl, instant, limits, shortText } from './common.js';

/** How an order reaches the shopper. */
export const Fulfilment = { shipping: 'shipping', pickup: 'pickup' } as const;
export type Fulfilment = (typeof Fulfilment)[keyof typeof Fulfilment];

/** A variant the shopper may ask for instead of an order line: its SKU and what the shopper reads ("Taille L"). */
export const exchangeOption = z.object({ sku: shortText(100), label: shortText(200) });
export type ExchangeOption = z.output<typeof exchangeOption>;

/** One line of an order as the shop's back end sends it. */
export const orderLineInput = z.object({
  /** The shop's id for the line; the SKU is used when absent. */
  externalId: shortText().optional(),
  sku: shortText(),
  title: shortText(500),
  variant: shortText().optional(),
  imageUrl: httpUrl.optional(),
  quantity: z.number().int().min(1).max(10_000),
  unitPriceMinor: amountMinor,
  tags: z.array(shortText(64)).max(20).default([]),
  /**
   * Other variants of the same product the shopper may ask for in exchange (another size or
   * colour), as the shop's catalogue has them when it sends the order; send the order again to
   * refresh them. Without any, an exchange is for the same SKU (a replacement).
   */
  exchangeOptions: z.array(exchangeOption).max(30).default([]),
});
export type OrderLineInput = z.input<typeof orderLineInput>;

/** The customer of an order. */
export const orderCustomerInput = z.object({
  email,
  name: shortText().optional(),
  phone: shortText(40).optional(),
  locale: z.enum(['fr', 'en']).optional(),
  externalId: shortText().optional(),
});

/**
 * An order as the shop's back end sends it. Upserted by `externalId`: the same payload twice
 * changes nothing; a changed payload updates the order.
 */
export const orderUpsertInput = z.object({
  externalId: shortText(),
  number: shortText(64),
  customer: orderCustomerInput,
  currency,
  fulfilment: z.enum(['shipping', 'pickup']).default('shipping'),
  lines: z.array(orderLineInput).min(1).max(limits.linesPerOrder),
  shippingMinor: amountMinor.default(0),
  /** Total paid. Defaults to lines plus shipping. */
  totalMinor: amountMinor.optional(),
  paymentMethod: shortText(64).optional(),
  paymentReference: shortText().optional(),
  placedAt: instant,
  shippedAt: instant.optional(),
  deliveredAt: instant.optional(),
  readyForPickupAt: instant.optional(),
  pickedUpAt: instant.optional(),
  cancelledAt: instant.optional(),
  promisedDeliveryBy: instant.optional(),
}).superRefine((order, ctx) => {
  // Lines are matched by their key on every upsert, so a key may appear only once.
  const seen = new Map<string, number>();
  order.lines.forEach((line, index) => {
    const key = orderLineKey(line);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else {
      ctx.addIssue({
        code: 'custom',
        path: ['lines', index, line.externalId === undefined ? 'sku' : 'externalId'],
        message: `duplicate line key "${key}" (already used by line ${first + 1})`,
      });
    }
  });
});
export type OrderUpsertInput = z.input<typeof orderUpsertInput>;
export type OrderUpsert = z.output<typeof orderUpsertInput>;

/** The key an order line is matched by on upserts: its external id, or its SKU when it has none. */
export function orderLineKey(line: { externalId?: string | undefined; sku: string }): string {
  return line.externalId ?? line.sku;
}

/**
 * A batch of up to 500 orders. Each item is an order as `orderUpsertInput` describes it, but items
 * are validated one by one by the server, so one malformed order is reported without refusing the rest.
 */
export const orderBatchInput = z.object({
  orders: z
    .array(z.record(z.string(), z.unknown()).meta({ description: 'An order (see OrderUpsert); validated item by item.' }))
    .min(1)
    .max(limits.ordersPerBatch),
});

/** The normalised statuses every carrier's scans are mapped to. */
export const TrackingStatus = {
  label_created: 'label_created',
  in_transit: 'in_transit',
  out_for_delivery: 'out_for_delivery',
  delivered: 'delivered',
  delivery_failed: 'delivery_failed',
  available_for_pickup: 'available_for_pickup',
  returned_to_sender: 'returned_to_sender',
} as const;
export type TrackingStatus = (typeof TrackingStatus)[keyof typeof TrackingStatus];
export const trackingStatus = z.enum(Object.values(TrackingStatus) as [TrackingStatus, ...TrackingStatus[]]);

/** A carrier scan. */
export const trackingEventInput = z.object({
  occurredAt: instant,
  status: trackingStatus,
  description: shortText(500).optional(),
  location: shortText().optional(),
  /** The delivery date the carrier announced with this scan, if it gives one: it replaces the estimate. */
  estimatedDeliveryAt: instant.optional(),
});

/** A shipment and, optionally, its first scans. */
export const shipmentInput = z.object({
  orderExternalId: shortText(),
  /**
   * The carrier's code (colissimo, chronopost, mondial_relay, dpd, gls, colis_prive, ups, dhl, fedex),
   * `other` for one Comptoir does not know, or `auto` to detect it from the tracking number and the
   * shop's country: a number several carriers use is refused (CARRIER_AMBIGUOUS, with the candidates)
   * so the shop names it. Sending a known parcel again with a carrier names one that was `other`.
   */
  carrier: shortText(32),
  trackingNumber: shortText(64),
  trackingUrl: httpUrl.optional(),
  shippedAt: instant.optional(),
  promisedBy: instant.optional(),
  events: z.array(trackingEventInput).max(200).default([]),
});

/** New scans for a shipment already known (by its order and tracking number). */
export const trackingEventsInput = z.object({
  orderExternalId: shortText(),
  trackingNumber: shortText(64),
  events: z.array(trackingEventInput).min(1).max(200),
});

/** Where an order stands, derived from its status and fulfilment dates. */
export const OrderStage = {
  open: 'open',
  shipped: 'shipped',
  delivered: 'delivered',
  ready_for_pickup: 'ready_for_pickup',
  picked_up: 'picked_up',
  cancelled: 'cancelled',
} as const;
export type OrderStage = (typeof OrderStage)[keyof typeof OrderStage];
export const orderStage = z.enum(Object.values(OrderStage) as [OrderStage, ...OrderStage[]]);

/** An order named by the shop's id for it. */
export const orderRefInput = z.object({ externalId: shortText() });

/** A fulfilment step reported by the shop's back end; `at` defaults to now. */
export const orderMarkInput = z.object({
  externalId: shortText(),
  at: instant.optional(),
});

/** A cancellation by the shop's back end, with an optional reason. */
export const orderCancelInput = orderMarkInput.extend({
  reason: shortText(500).optional(),
});

// ───────────── Outputs of the back-end API (dates are ISO 8601 strings in UTC) ─────────────

const isoDate = z.iso.datetime();

/** What an upsert did. */
export const orderUpsertResult = z.object({
  orderId: z.uuid(),
  outcome: z.enum(['created', 'updated', 'unchanged']),
});

/** The result of one item of a batch. */
export const orderBatchItemResult = z.object({
  index: z.number().int(),
  externalId: z.string().nullable(),
  ok: z.boolean(),
  orderId: z.uuid().optional(),
  outcome: z.enum(['created', 'updated', 'unchanged']).optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

/** The result of a batch, item by item, in the order sent. */
export const orderBatchResult = z.object({
  results: z.array(orderBatchItemResult),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
});

/** A carrier scan as stored. */
export const trackingEventOutput = z.object({
  occurredAt: isoDate,
  status: z.string(),
  description: z.string().nullable(),
  location: z.string().nullable(),
});

/** A shipment as the back-end API shows it. */
export const shipmentOutput = z.object({
  id: z.uuid(),
  carrier: z.string(),
  trackingNumber: z.string(),
  trackingUrl: z.string().nullable(),
  status: z.string(),
  promisedBy: isoDate.nullable(),
  /** When it should arrive: the carrier's last announced date, else its usual transit time from shipping. */
  estimatedAt: isoDate.nullable(),
  /** The date it was due by (promise, else estimate) has passed and it has not arrived. */
  isLate: z.boolean(),
  shippedAt: isoDate.nullable(),
  deliveredAt: isoDate.nullable(),
  events: z.array(trackingEventOutput),
});

/** An order as the back-end API shows it. */
export const orderOutput = z.object({
  id: z.uuid(),
  externalId: z.string(),
  number: z.string(),
  status: z.string(),
  stage: orderStage,
  fulfilment: z.string(),
  currency: z.string(),
  subtotalMinor: z.number().int(),
  shippingMinor: z.number().int(),
  totalMinor: z.number().int(),
  paymentMethod: z.string().nullable(),
  paymentReference: z.string().nullable(),
  placedAt: isoDate,
  shippedAt: isoDate.nullable(),
  deliveredAt: isoDate.nullable(),
  readyForPickupAt: isoDate.nullable(),
  pickedUpAt: isoDate.nullable(),
  cancelledAt: isoDate.nullable(),
  promisedDeliveryBy: isoDate.nullable(),
  customer: z.object({ email: z.string(), name: z.string().nullable() }),
  lines: z.array(
    z.object({
      externalId: z.string(),
      sku: z.string(),
      title: z.string(),
      variant: z.string().nullable(),
      imageUrl: z.string().nullable(),
      quantity: z.number().int(),
      unitPriceMinor: z.number().int(),
      tags: z.array(z.string()),
    }),
  ),
  shipments: z.array(shipmentOutput),
  createdAt: isoDate,
  updatedAt: isoDate,
});

/** What a fulfilment step did: `changed` is false when the order was already there. */
export const orderMarkResult = z.object({
  orderId: z.uuid(),
  stage: orderStage,
  changed: z.boolean(),
});

/** What adding a shipment did: `created` is false when that tracking number was already known. */
export const shipmentAddResult = z.object({
  shipmentId: z.uuid(),
  created: z.boolean(),
  eventsAdded: z.number().int(),
  status: z.string(),
});

/** What adding scans did: scans already stored are skipped. */
export const trackingEventsResult = z.object({
  shipmentId: z.uuid(),
  eventsAdded: z.number().int(),
  status: z.string(),
  deliveredAt: isoDate.nullable(),
});
