import { z } from 'zod';
import {
  fullName,
  looseAmount,
  looseId,
  looseNumber,
  minorOf,
  optionalText,
  parsePayload,
  unitFromTotal,
  utcDate,
  type PlatformEvent,
  type PlatformShipment,
} from './platform.js';

/** The Shipment Tracking extension's meta entry, the usual way WooCommerce shops record parcels. */
const shipmentTrackingItem = z.object({
  tracking_provider: optionalText(100),
  custom_tracking_provider: optionalText(100),
  custom_tracking_link: optionalText(2_048),
  tracking_number: optionalText(64),
  date_shipped: z.union([z.string().max(32), z.number()]).nullish(),
});

/** The fields Comptoir reads of a WooCommerce REST API v3 order object. */
const wooOrder = z.object({
  id: looseId,
  number: optionalText(64),
  status: z.string().max(32),
  currency: z.string().max(3),
  date_created_gmt: z.string().max(40),
  date_modified_gmt: z.string().max(40).nullish(),
  date_completed_gmt: z.string().max(40).nullish(),
  total: looseAmount,
  shipping_total: looseAmount.nullish(),
  shipping_tax: looseAmount.nullish(),
  customer_id: looseNumber.nullish(),
  payment_method: optionalText(64),
  transaction_id: optionalText(200),
  billing: z.object({
    email: z.string().max(254),
    first_name: optionalText(100),
    last_name: optionalText(100),
    phone: optionalText(40),
  }),
  line_items: z
    .array(
      z.object({
        id: looseId,
        name: z.string().max(500),
        product_id: looseNumber.nullish(),
        variation_id: looseNumber.nullish(),
        quantity: looseNumber,
        sku: optionalText(200),
        price: looseAmount.nullish(),
        total: looseAmount,
        total_tax: looseAmount.nullish(),
        image: z.object({ src: optionalText(2_048) }).nullish(),
        meta_data: z
          .array(z.object({ display_key: optionalText(100), display_value: z.unknown() }))
          .max(50)
          .nullish(),
      }),
    )
    .max(200),
  shipping_lines: z.array(z.object({ method_id: optionalText(64) })).max(20).nullish(),
  meta_data: z.array(z.object({ key: z.string().max(200), value: z.unknown() })).max(500).nullish(),
});

/** WooCommerce shipping methods that mean the shopper collects the order. */
const pickupMethods = new Set(['local_pickup', 'pickup_location', 'local_pickup_plus']);

/** WooCommerce statuses after which the order will not be fulfilled. */
const cancelledStatuses = new Set(['cancelled', 'failed']);

/** Variation attributes WooCommerce lists as the line's visible meta ("Taille : M, Couleur : Bleu"). */
function variantOf(meta: Array<{ display_key?: string | undefined; display_value: unknown }> | null | undefined): string | undefined {
  const shown = (meta ?? [])
    .filter((entry) => entry.display_key && !entry.display_key.startsWith('_') && typeof entry.display_value === 'string')
    .map((entry) => `${entry.display_key} : ${String(entry.display_value).replace(/<[^>]*>/g, '').trim()}`);
  return shown.length ? shown.join(', ').slice(0, 200) : undefined;
}

function shipmentsOf(meta: Array<{ key: string; value: unknown }> | null | undefined): PlatformShipment[] {
  const entry = meta?.find((item) => item.key === '_wc_shipment_tracking_items');
  const items = z.array(shipmentTrackingItem).max(20).safeParse(entry?.value);
  if (!items.success) return [];
  return items.data
    .filter((item) => item.tracking_number)
    .map((item) => ({
      carrierName: item.tracking_provider ?? item.custom_tracking_provider ?? null,
      trackingNumber: item.tracking_number!,
      trackingUrl: item.custom_tracking_link ?? null,
      shippedAt: /^\d{9,11}$/.test(String(item.date_shipped ?? '')) ? new Date(Number(item.date_shipped) * 1000) : null,
      rawStatus: null,
    }));
}

/**
 * Reads a WooCommerce order webhook (topics order.created, order.updated, order.restored; body is
 * the v3 order object). order.deleted carries only the id and is acknowledged without change.
 */
export function mapWooCommerceWebhook(topic: string, body: unknown): PlatformEvent {
  if (topic === 'order.deleted') return { kind: 'ignored', reason: 'order.deleted carries no order' };
  if (!['order.created', 'order.updated', 'order.restored'].includes(topic)) return { kind: 'ignored', reason: `topic ${topic}` };
  const order = parsePayload(wooOrder, body);
  const currency = order.currency.toUpperCase();
  const modifiedAt = utcDate(order.date_modified_gmt ?? order.date_created_gmt, 'date_modified_gmt');
  const lines = order.line_items.map((item, index) => {
    const quantity = Math.max(1, Math.trunc(item.quantity));
    const lineTotal = minorOf(item.total, currency, `line_items.${index}.total`) + minorOf(item.total_tax, currency, `line_items.${index}.total_tax`);
    const productKey = [item.product_id, item.variation_id].filter((part) => part).join('-');
    return {
      externalId: item.id,
      sku: item.sku ?? (productKey ? `product-${productKey}` : `line-${item.id}`),
      title: item.name,
      variant: variantOf(item.meta_data),
      imageUrl: item.image?.src,
      quantity,
      unitPriceMinor: unitFromTotal(lineTotal, quantity),
    };
  });
  const isCancelled = cancelledStatuses.has(order.status);
  const isPickup = (order.shipping_lines ?? []).some((line) => line.method_id && pickupMethods.has(line.method_id));
  const completedAt =
    order.status === 'completed' ? utcDate(order.date_completed_gmt ?? order.date_modified_gmt ?? order.date_created_gmt, 'date_completed_gmt').toISOString() : undefined;
  return {
    kind: 'order',
    update: {
      sourceUpdatedAt: modifiedAt,
      shipments: shipmentsOf(order.meta_data),
      order: {
        externalId: order.id,
        number: order.number ?? order.id,
        customer: {
          email: order.billing.email,
          name: fullName(order.billing.first_name, order.billing.last_name),
          phone: order.billing.phone,
          externalId: order.customer_id ? String(order.customer_id) : undefined,
        },
        currency,
        fulfilment: isPickup ? 'pickup' : 'shipping',
        lines,
        shippingMinor: minorOf(order.shipping_total, currency, 'shipping_total') + minorOf(order.shipping_tax, currency, 'shipping_tax'),
        totalMinor: minorOf(order.total, currency, 'total'),
        paymentMethod: order.payment_method,
        paymentReference: order.transaction_id,
        placedAt: utcDate(order.date_created_gmt, 'date_created_gmt').toISOString(),
        shippedAt: isPickup ? undefined : completedAt,
        pickedUpAt: isPickup ? completedAt : undefined,
        cancelledAt: isCancelled ? modifiedAt.toISOString() : undefined,
      },
    },
  };
}
