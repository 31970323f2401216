import { z } from 'zod';
import { amountMinor, currency, email, httpUrl, instant, limits, shortText } from './common.js';

/** How an order reaches the shopper. */
export const Fulfilment = { shipping: 'shipping', pickup: 'pickup' } as const;
export type Fulfilment = (typeof Fulfilment)[keyof typeof Fulfilment];

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
});
export type OrderUpsertInput = z.input<typeof orderUpsertInput>;
export type OrderUpsert = z.output<typeof orderUpsertInput>;

/** A batch of up to 500 orders. */
export const orderBatchInput = z.object({
  orders: z.array(orderUpsertInput).min(1).max(limits.ordersPerBatch),
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
});

/** A shipment and, optionally, its first scans. */
export const shipmentInput = z.object({
  orderExternalId: shortText(),
  carrier: shortText(32),
  trackingNumber: shortText(64),
  trackingUrl: httpUrl.optional(),
  shippedAt: instant.optional(),
  promisedBy: instant.optional(),
  events: z.array(trackingEventInput).max(200).default([]),
});
