import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { orderUpsertInput, shipmentInput, type OrderUpsertInput } from '@comptoir/protocol';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { createShopWithKeys, widgetHeaders, type ShopWithKeys } from '../test/fixtures.js';
import { testDatabaseKind } from '../test/test-database.js';
import { DomainError } from '../core/domain-error.js';
import { upsertOrder } from './upsert-order.js';
import { addShipment } from './service.js';
import { findShopperOrder } from './shopper-order-query.js';

async function failureCode(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError && error.cause instanceof DomainError) return error.cause.code;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const origin = 'https://marais.example';
const system = { type: 'system' } as const;

describe(`shopper order reads on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let shopA: ShopWithKeys;
  let shopB: ShopWithKeys;
  let camilleAtA: string;
  const orderIds = new Map<string, string>();

  async function place(shop: ShopWithKeys, order: Partial<OrderUpsertInput> & { number: string; email: string }) {
    const { email, ...rest } = order;
    const result = await upsertOrder(app.deps, {
      shopId: shop.shop.id,
      actor: system,
      order: orderUpsertInput.parse({
        externalId: `ext-${order.number}`,
        customer: { email },
        currency: 'EUR',
        lines: [{ sku: 'TAS', title: 'Tasse en grès', quantity: 1, unitPriceMinor: 1890 }],
        placedAt: '2026-06-01T09:00:00Z',
        ...rest,
      }),
    });
    orderIds.set(`${shop.shop.slug}/${order.number}`, result.orderId);
    return result.orderId;
  }

  async function signIn(shop: ShopWithKeys, orderNumber: string, email: string): Promise<string> {
    const session = await app.caller({ headers: widgetHeaders(shop.publishableKey, origin) }).sessions.widget.signIn({ orderNumber, email });
    return session.token;
  }

  function shopper(shop: ShopWithKeys, token: string) {
    return app.caller({ headers: { ...widgetHeaders(shop.publishableKey, origin), 'x-comptoir-session': token } });
  }

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-06-15T10:00:00Z' });
    shopA = await createShopWithKeys(app.deps.db, { slug: 'shop-a', origins: [origin] });
    shopB = await createShopWithKeys(app.deps.db, { slug: 'shop-b', origins: [origin] });
    const camille = 'camille.durand@example.fr';
    await place(shopA, {
      number: 'A-1',
      email: camille,
      placedAt: '2026-06-01T09:00:00Z',
      lines: [
        { sku: 'BOU', title: 'Bougie parfumée', quantity: 2, unitPriceMinor: 2490 },
        { sku: 'PLA', title: 'Plaid en laine', imageUrl: 'https://cdn.example/plaid.svg', quantity: 1, unitPriceMinor: 8900 },
      ],
      shippingMinor: 490,
    });
    await place(shopA, { number: 'A-2', email: camille, placedAt: '2026-06-05T09:00:00Z', cancelledAt: '2026-06-05T12:00:00Z' });
    await place(shopA, {
      number: 'A-3',
      email: camille,
      placedAt: '2026-06-10T09:00:00Z',
      fulfilment: 'pickup',
      readyForPickupAt: '2026-06-11T09:00:00Z',
    });
    await place(shopA, { number: 'A-4', email: camille, placedAt: '2026-06-10T09:00:00Z' });
    await place(shopA, { number: 'L-1', email: 'lucas.martin@example.fr', placedAt: '2026-06-12T09:00:00Z' });
    await place(shopB, { number: 'B-1', email: camille, placedAt: '2026-06-13T09:00:00Z' });
    await addShipment(app.deps, {
      shopId: shopA.shop.id,
      actor: system,
      shipment: shipmentInput.parse({
        orderExternalId: 'ext-A-1',
        carrier: 'colissimo',
        trackingNumber: '6A12345678901',
        shippedAt: '2026-06-02T08:00:00Z',
        events: [
          { occurredAt: '2026-06-02T08:00:00Z', status: 'label_created' },
          { occurredAt: '2026-06-03T07:00:00Z', status: 'out_for_delivery', location: 'Paris' },
          { occurredAt: '2026-06-02T20:00:00Z', status: 'in_transit' },
        ],
      }),
    });
    camilleAtA = await signIn(shopA, 'A-1', camille);
  });
  afterAll(async () => {
    await app?.close();
  });

  it("lists the signed-in customer's orders at this shop only, newest first, page by page", async () => {
    const client = shopper(shopA, camilleAtA);
    const first = await client.orders.widget.list({ limit: 3 });
    expect(first.orders.map((order) => order.number)).toEqual(
      // share a placing time: the later id (A-4, created after) comes first.
      ['A-4', 'A-3', 'A-2'],
    );
    expect(first.nextCursor).not.toBeNull();
    const second = await client.orders.widget.list({ limit: 3, cursor: first.nextCursor });
    expect(second.orders.map((order) => order.number)).toEqual(['A-1']);
    expect(second.nextCursor).toBeNull();

    const byNumber = new Map([...first.orders, ...second.orders].map((order) => [order.number, order]));
    expect(byNumber.get('A-1')).toMatchObject({
      stage: 'shipped',
      total: { amountMinor: 2 * 2490 + 8900 + 490, currency: 'EUR' },
      itemCount: 3,
      imageUrl: 'https://cdn.example/plaid.svg',
      trackingStatus: 'out_for_delivery',
    });
    expect(byNumber.get('A-2')?.stage).toBe('cancelled');
    expect(byNumber.get('A-3')).toMatchObject({ stage: 'ready_for_pickup', fulfilment: 'pickup', imageUrl: null });
    expect(byNumber.get('A-4')).toMatchObject({ stage: 'open', trackingStatus: null });
  });

  it('reads an order in one statement exactly as the query builder reads it (values, types, order of lines, parcels and scans)', async () => {
    const viaQueryBuilder = await app.deps.db.order.findFirst({
      where: { shopId: shopA.shop.id, number: 'A-1' },
      select: {
        id: true, number: true, currency: true, subtotalMinor: true, shippingMinor: true, totalMinor: true, placedAt: true,
        cancelledAt: true, promisedDeliveryBy: true, status: true, fulfilment: true, shippedAt: true, deliveredAt: true,
        readyForPickupAt: true, pickedUpAt: true,
        lines: { select: { id: true, sku: true, title: true, variant: true, imageUrl: true, quantity: true, unitPriceMinor: true }, orderBy: [{ position: 'asc' }, { id: 'asc' }] },
        shipments: {
          select: {
            id: true, carrier: true, trackingNumber: true, trackingUrl: true, status: true, promisedBy: true, estimatedAt: true,
            shippedAt: true, deliveredAt: true,
            events: { select: { occurredAt: true, status: true, description: true, location: true }, orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }] },
          },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        },
      },
    });
    expect(viaQueryBuilder?.lines.length).toBeGreaterThan(1);
    expect(viaQueryBuilder?.shipments[0]?.events.length).toBe(3);
    const customerId = (await app.deps.db.order.findFirstOrThrow({ where: { id: viaQueryBuilder!.id }, select: { customerId: true } })).customerId;
    const viaOneStatement = await findShopperOrder(app.deps.db, { shopId: shopA.shop.id, customerId, number: 'A-1' });
    expect(viaOneStatement).toEqual(viaQueryBuilder);
    expect(viaOneStatement?.shipments[0]?.shippedAt).toBeInstanceOf(Date);
    // Another customer, or another shop, finds nothing with the same number or id.
    expect(await findShopperOrder(app.deps.db, { shopId: shopB.shop.id, customerId, number: 'A-1' })).toBeNull();
    expect(await findShopperOrder(app.deps.db, { shopId: shopA.shop.id, customerId: shopA.shop.id, id: viaQueryBuilder!.id })).toBeNull();
  });

  it('refuses a cursor it did not make', async () => {
    expect(await failureCode(shopper(shopA, camilleAtA).orders.widget.list({ cursor: 'bm9wZQ' }))).toBe('INVALID_INPUT');
  });

  it('shows one order with its lines, prices, parcels and scans newest first', async () => {
    const detail = await shopper(shopA, camilleAtA).orders.widget.detail({ number: 'A-1' });
    expect(detail.lines.map((line) => [line.title, line.quantity, line.unitPrice.amountMinor, line.lineTotal.amountMinor])).toEqual([
      ['Bougie parfumée', 2, 2490, 4980],
      ['Plaid en laine', 1, 8900, 8900],
    ]);
    expect(detail.total).toEqual({ amountMinor: 14370, currency: 'EUR' });
    expect(detail.pickup).toBeNull();
    expect(detail.shipments).toHaveLength(1);
    expect(detail.shipments[0]?.events.map((event) => event.status)).toEqual(['out_for_delivery', 'in_transit', 'label_created']);

    const pickup = await shopper(shopA, camilleAtA).orders.widget.detail({ id: orderIds.get('shop-a/A-3') ?? '' });
    expect(pickup.pickup).toEqual({ readyAt: new Date('2026-06-11T09:00:00Z'), pickedUpAt: null, isReady: true });
  });

  it("never shows another customer's order, nor an order of another shop", async () => {
    const client = shopper(shopA, camilleAtA);
    expect(await failureCode(client.orders.widget.detail({ number: 'L-1' }))).toBe('ORDER_NOT_FOUND');
    expect(await failureCode(client.orders.widget.detail({ id: orderIds.get('shop-a/L-1') ?? '' }))).toBe('ORDER_NOT_FOUND');
    expect(await failureCode(client.orders.widget.detail({ id: orderIds.get('shop-b/B-1') ?? '' }))).toBe('ORDER_NOT_FOUND');
    expect(await failureCode(client.orders.widget.detail({ number: 'B-1' }))).toBe('ORDER_NOT_FOUND');

    // The same person at shop B is another customer with another session.
    const camilleAtB = await signIn(shopB, 'B-1', 'camille.durand@example.fr');
    const atB = await shopper(shopB, camilleAtB).orders.widget.list({});
    expect(atB.orders.map((order) => order.number)).toEqual(['B-1']);
    expect(await failureCode(shopper(shopB, camilleAtB).orders.widget.detail({ number: 'A-1' }))).toBe('ORDER_NOT_FOUND');
  });

  it('needs a valid session, and stops answering once it has expired', async () => {
    expect(await failureCode(app.caller({ headers: widgetHeaders(shopA.publishableKey, origin) }).orders.widget.list({}))).toBe(
      'SHOPPER_SESSION_REQUIRED',
    );
    const token = await signIn(shopA, 'L-1', 'lucas.martin@example.fr');
    expect((await shopper(shopA, token).orders.widget.list({})).orders).toHaveLength(1);
    app.clock.advance(2 * 60 * 60_000);
    expect(await failureCode(shopper(shopA, token).orders.widget.detail({ number: 'L-1' }))).toBe('SHOPPER_SESSION_REQUIRED');
  });
});
