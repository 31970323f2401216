import { z } from 'zod';
import {
  fullName,
  looseAmount,
  looseId,
  looseNumber,
  minorOf,
  optionalText,
  parsePayload,
  zonedDate,
  type PlatformEvent,
} from './platform.js';

/** PrestaShop's default order state ids, used when the module does not send the state's flags. */
const defaultStates = { shipped: [4], delivered: [5], cancelled: [6, 8] } as const;

/**
 * The body Comptoir's PrestaShop module sends (see docs/integrations/prestashop.md): the webservice
 * `order` resource as it is, with what the webservice leaves out (customer email, currency code,
 * the state's meaning, the shop's time zone) beside it.
 */
const prestashopBody = z.object({
  event: z.string().max(64),
  time_zone: optionalText(64),
  currency: z.string().max(3),
  customer: z.object({ email: z.string().max(254), firstname: optionalText(100), lastname: optionalText(100) }),
  state: z
    .object({ id: looseNumber, shipped: z.boolean().nullish(), delivered: z.boolean().nullish(), cancelled: z.boolean().nullish() })
    .nullish(),
  carrier: z.object({ name: optionalText(100) }).nullish(),
  order: z.object({
    id: looseId,
    reference: z.string().max(64),
    id_customer: looseId.nullish(),
    current_state: looseNumber,
    payment: optionalText(64),
    module: optionalText(64),
    total_paid_tax_incl: looseAmount,
    total_shipping: looseAmount.nullish(),
    total_shipping_tax_incl: looseAmount.nullish(),
    shipping_number: optionalText(64),
    date_add: z.string().max(32),
    date_upd: z.string().max(32).nullish(),
    associations: z.object({
      order_rows: z
        .array(
          z.object({
            id: looseId.nullish(),
            product_id: looseId,
            product_attribute_id: looseId.nullish(),
            product_quantity: looseNumber,
            product_name: z.string().max(500),
            product_reference: optionalText(200),
            unit_price_tax_incl: looseAmount,
          }),
        )
        .max(200),
    }),
  }),
});

/** Events of the module whose body is an order. */
const orderEvents = new Set(['order.created', 'order.updated', 'order.status_changed']);

/**
 * Reads a webhook of Comptoir's PrestaShop module. Dates are wall-clock times in the shop's time
 * zone (`time_zone` of the body, else the Comptoir shop's).
 */
export function mapPrestaShopWebhook(body: unknown, shopTimeZone: string): PlatformEvent {
  const event = z.object({ event: z.string().max(64) }).safeParse(body);
  if (event.success && !orderEvents.has(event.data.event)) return { kind: 'ignored', reason: `event ${event.data.event}` };
  const payload = parsePayload(prestashopBody, body);
  const { order } = payload;
  const currency = payload.currency.toUpperCase();
  const timeZone = payload.time_zone ?? shopTimeZone;
  const updatedAt = zonedDate(order.date_upd ?? order.date_add, timeZone, 'order.date_upd');
  const stateId = payload.state ? Number(payload.state.id) : order.current_state;
  const is = (flag: 'shipped' | 'delivered' | 'cancelled') =>
    payload.state?.[flag] ?? (defaultStates[flag] as readonly number[]).includes(stateId);
  const isDelivered = is('delivered');
  const isShipped = isDelivered || is('shipped');

  return {
    kind: 'order',
    update: {
      sourceUpdatedAt: updatedAt,
      shipments: order.shipping_number
        ? [{ carrierName: payload.carrier?.name ?? null, trackingNumber: order.shipping_number, trackingUrl: null, shippedAt: isShipped ? updatedAt : null, rawStatus: null }]
        : [],
      order: {
        externalId: order.id,
        number: order.reference,
        customer: {
          email: payload.customer.email,
          name: fullName(payload.customer.firstname, payload.customer.lastname),
          externalId: order.id_customer ?? undefined,
        },
        currency,
        lines: order.associations.order_rows.map((row, index) => ({
          externalId: row.id ?? `${row.product_id}-${row.product_attribute_id ?? '0'}`,
          sku: row.product_reference ?? `product-${row.product_id}-${row.product_attribute_id ?? '0'}`,
          title: row.product_name,
          quantity: Math.max(1, Math.trunc(row.product_quantity)),
          unitPriceMinor: minorOf(row.unit_price_tax_incl, currency, `order.associations.order_rows.${index}.unit_price_tax_incl`),
        })),
        shippingMinor: minorOf(order.total_shipping_tax_incl ?? order.total_shipping, currency, 'order.total_shipping'),
        totalMinor: minorOf(order.total_paid_tax_incl, currency, 'order.total_paid_tax_incl'),
        paymentMethod: order.module ?? order.payment,
        placedAt: zonedDate(order.date_add, timeZone, 'order.date_add').toISOString(),
        shippedAt: isShipped ? updatedAt.toISOString() : undefined,
        deliveredAt: isDelivered ? updatedAt.toISOString() : undefined,
        cancelledAt: is('cancelled') ? updatedAt.toISOString() : undefined,
      },
    },
  };
}
