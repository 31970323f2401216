import { z } from 'zod';
import {
  fullName,
  looseAmount,
  looseId,
  looseNumber,
  minorOf,
  optionalText,
  parsePayload,
  utcDate,
  type PlatformEvent,
  type PlatformShipment,
} from './platform.js';

const moneySet = z.object({ shop_money: z.object({ amount: looseAmount, currency_code: z.string().max(3).nullish() }) });

/** The fields Comptoir reads of a Shopify Admin REST order, as order webhooks send it. */
const shopifyOrder = z.object({
  id: looseId,
  name: z.string().max(64),
  order_number: looseNumber.nullish(),
  email: optionalText(254),
  contact_email: optionalText(254),
  phone: optionalText(40),
  currency: z.string().max(3),
  created_at: z.string().max(40),
  processed_at: z.string().max(40).nullish(),
  updated_at: z.string().max(40).nullish(),
  cancelled_at: z.string().max(40).nullish(),
  total_price: looseAmount,
  total_shipping_price_set: moneySet.nullish(),
  shipping_lines: z.array(z.object({ price: looseAmount.nullish() })).max(20).nullish(),
  payment_gateway_names: z.array(z.string().max(64)).max(10).nullish(),
  fulfillment_status: z.string().max(32).nullish(),
  customer: z
    .object({
      id: looseId.nullish(),
      email: optionalText(254),
      first_name: optionalText(100),
      last_name: optionalText(100),
      phone: optionalText(40),
    })
    .nullish(),
  line_items: z
    .array(
      z.object({
        id: looseId,
        variant_id: looseId.nullish(),
        product_id: looseId.nullish(),
        sku: optionalText(200),
        title: z.string().max(500),
        variant_title: optionalText(200),
        quantity: looseNumber,
        price: looseAmount,
        total_discount: looseAmount.nullish(),
      }),
    )
    .max(200),
  fulfillments: z
    .array(
      z.object({
        status: z.string().max(32).nullish(),
        created_at: z.string().max(40),
        updated_at: z.string().max(40).nullish(),
        tracking_company: optionalText(100),
        tracking_number: optionalText(64),
        tracking_numbers: z.array(z.string().max(64)).max(20).nullish(),
        tracking_url: optionalText(2_048),
        tracking_urls: z.array(z.string().max(2_048)).max(20).nullish(),
        shipment_status: z.string().max(32).nullish(),
      }),
    )
    .max(50)
    .nullish(),
});

/** Topics whose body is an order. */
const orderTopics = new Set([
  'orders/create',
  'orders/updated',
  'orders/paid',
  'orders/fulfilled',
  'orders/partially_fulfilled',
  'orders/cancelled',
  'orders/edited',
]);

/**
 * Reads a Shopify order webhook. Order topics all carry the whole order; refunds/create carries a
 * refund (the order's own orders/updated follows it) and is acknowledged without change.
 */
export function mapShopifyWebhook(topic: string, body: unknown): PlatformEvent {
  if (!orderTopics.has(topic)) return { kind: 'ignored', reason: `topic ${topic}` };
  const order = parsePayload(shopifyOrder, body);
  const currency = order.currency.toUpperCase();
  const fulfilments = (order.fulfillments ?? []).filter((item) => item.status !== 'cancelled' && item.status !== 'failure' && item.status !== 'error');
  const shipments: PlatformShipment[] = fulfilments.flatMap((item) => {
    const numbers = item.tracking_numbers?.length ? item.tracking_numbers : item.tracking_number ? [item.tracking_number] : [];
    return numbers
      .filter((number) => number.trim())
      .map((number, index) => ({
        carrierName: item.tracking_company ?? null,
        trackingNumber: number.trim(),
        trackingUrl: item.tracking_urls?.[index] ?? (index === 0 ? item.tracking_url ?? null : null),
        shippedAt: utcDate(item.created_at, 'fulfillments.created_at'),
        rawStatus: item.shipment_status ?? null,
      }));
  });
  const shippedAt = fulfilments.map((item) => utcDate(item.created_at, 'fulfillments.created_at')).sort((a, b) => a.getTime() - b.getTime())[0];
  const isDelivered =
    order.fulfillment_status === 'fulfilled' && fulfilments.length > 0 && fulfilments.every((item) => item.shipment_status === 'delivered');
  const deliveredAt = isDelivered
    ? fulfilments.map((item) => utcDate(item.updated_at ?? item.created_at, 'fulfillments.updated_at')).sort((a, b) => b.getTime() - a.getTime())[0]
    : undefined;
  const shippingMinor = order.total_shipping_price_set
    ? minorOf(order.total_shipping_price_set.shop_money.amount, currency, 'total_shipping_price_set')
    : (order.shipping_lines ?? []).reduce((sum, line, index) => sum + minorOf(line.price, currency, `shipping_lines.${index}.price`), 0);
  const email = order.email ?? order.customer?.email ?? order.contact_email ?? '';

  return {
    kind: 'order',
    update: {
      sourceUpdatedAt: utcDate(order.updated_at ?? order.created_at, 'updated_at'),
      shipments,
      order: {
        externalId: order.id,
        number: order.name,
        customer: {
          email,
          name: fullName(order.customer?.first_name, order.customer?.last_name),
          phone: order.customer?.phone ?? order.phone,
          externalId: order.customer?.id ?? undefined,
        },
        currency,
        lines: order.line_items.map((item, index) => {
          const quantity = Math.max(1, Math.trunc(item.quantity));
          const discount = minorOf(item.total_discount, currency, `line_items.${index}.total_discount`);
          return {
            externalId: item.id,
            sku: item.sku ?? (item.variant_id ? `variant-${item.variant_id}` : `line-${item.id}`),
            title: item.title,
            variant: item.variant_title,
            quantity,
            unitPriceMinor: Math.max(0, minorOf(item.price, currency, `line_items.${index}.price`) - Math.round(discount / quantity)),
          };
        }),
        shippingMinor,
        totalMinor: minorOf(order.total_price, currency, 'total_price'),
        paymentMethod: order.payment_gateway_names?.[0]?.slice(0, 64) || undefined,
        placedAt: utcDate(order.processed_at ?? order.created_at, 'created_at').toISOString(),
        shippedAt: shippedAt?.toISOString(),
        deliveredAt: deliveredAt?.toISOString(),
        cancelledAt: order.cancelled_at ? utcDate(order.cancelled_at, 'cancelled_at').toISOString() : undefined,
      },
    },
  };
}
