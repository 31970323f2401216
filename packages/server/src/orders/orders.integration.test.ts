import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderUpsertInput, type OrderUpsertInput } from '@comptoir/protocol';
import { TRPCError } from '@trpc/server';
import { ActorType } from '../core/actor.js';
import { DomainError } from '../core/domain-error.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { backendHeaders, createShopWithKeys, type ShopWithKeys } from '../test/fixtures.js';
import { testDatabaseKind } from '../test/test-database.js';
import { upsertOrder } from './upsert-order.js';

const actor = { type: ActorType.shopBackend };

function orderPayload(overrides: Partial<OrderUpsertInput> = {}): OrderUpsertInput {
  return {
    externalId: 'ext-1',
    number: '1001',
    customer: { email: 'Alice@Example.com', name: 'Alice' },
    currency: 'EUR',
    lines: [
      { externalId: 'l1', sku: 'MUG-RED', title: 'Red mug', quantity: 2, unitPriceMinor: 1250 },
      { sku: 'TEA-50', title: 'Green tea', quantity: 1, unitPriceMinor: 800 },
    ],
    shippingMinor: 490,
    placedAt: '2026-06-01T09:00:00Z',
    ...overrides,
  };
}

async function expectDomainError(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  const cause = error instanceof TRPCError ? error.cause : error;
  expect(cause).toBeInstanceOf(DomainError);
  expect((cause as DomainError).code).toBe(code);
}

describe(`orders back-end API on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let shop: ShopWithKeys;
  let backend: ReturnType<TestApp['caller']>;

  beforeAll(async () => {
    app = await createTestApp();
    shop = await createShopWithKeys(app.deps.db, { slug: 'boutique', origins: ['https://boutique.test'] });
    backend = app.caller({ headers: backendHeaders(shop.secretKey) });
  });
  afterAll(async () => {
    await app?.close();
  });

  async function eventsOf(orderId: string) {
    return app.deps.db.event.findMany({
      where: { subjectType: 'order', subjectId: orderId },
      orderBy: { id: 'asc' },
      select: { type: true, fromStatus: true, toStatus: true, actorType: true, data: true },
    });
  }

  it('stores the same payload sent twice as one order with one event', async () => {
    const first = await backend.orders.backend.upsert(orderPayload());
    const second = await backend.orders.backend.upsert(orderPayload());
    expect(first.outcome).toBe('created');
    expect(second).toEqual({ orderId: first.orderId, outcome: 'unchanged' });
    expect(await app.deps.db.order.count({ where: { shopId: shop.shop.id, externalId: 'ext-1' } })).toBe(1);
    const events = await eventsOf(first.orderId);
    expect(events.map((event) => event.type)).toEqual(['order.created']);
    expect(events[0]?.actorType).toBe('shop_backend');

    const order = await backend.orders.backend.get({ externalId: 'ext-1' });
    expect(order).toMatchObject({
      number: '1001',
      stage: 'open',
      subtotalMinor: 3300,
      shippingMinor: 490,
      totalMinor: 3790,
      customer: { email: 'alice@example.com', name: 'Alice' },
    });
    expect(order.lines.map((line) => line.externalId)).toEqual(['l1', 'TEA-50']);
  });

  it('updates lines, customer and dates from a changed payload and records what changed', async () => {
    const changed = orderPayload({
      customer: { email: 'alice@example.com', name: 'Alice Martin' },
      lines: [
        { externalId: 'l1', sku: 'MUG-RED', title: 'Red mug', quantity: 3, unitPriceMinor: 1250 },
        { sku: 'SPOON', title: 'Spoon', quantity: 1, unitPriceMinor: 300 },
      ],
      shippedAt: '2026-06-02T08:00:00Z',
    });
    const result = await backend.orders.backend.upsert(changed);
    expect(result.outcome).toBe('updated');

    const order = await backend.orders.backend.get({ externalId: 'ext-1' });
    expect(order.lines.map((line) => [line.externalId, line.quantity])).toEqual([
      ['l1', 3],
      ['SPOON', 1],
    ]);
    expect(order).toMatchObject({ stage: 'shipped', shippedAt: '2026-06-02T08:00:00.000Z', subtotalMinor: 4050 });
    expect(order.customer.name).toBe('Alice Martin');
    expect(await app.deps.db.customer.count({ where: { shopId: shop.shop.id } })).toBe(1);

    const events = await eventsOf(result.orderId);
    expect(events.map((event) => event.type)).toEqual(['order.created', 'order.updated']);
    expect(events[1]?.data).toMatchObject({
      changes: {
        subtotalMinor: { from: 3300, to: 4050 },
        shippedAt: { from: null, to: '2026-06-02T08:00:00.000Z' },
        'customer.name': { from: 'Alice', to: 'Alice Martin' },
      },
      lines: { added: ['SPOON'], removed: ['TEA-50'], changed: ['l1'] },
    });
  });

  it('keeps the exchange variants sent with a line, and refreshes them when they change', async () => {
    const withOptions = (labels: string[]) =>
      orderPayload({
        externalId: 'ext-variants',
        number: 'V-1',
        lines: [{ externalId: 'v1', sku: 'TEE-M', title: 'T-shirt', variant: 'M', quantity: 1, unitPriceMinor: 2000, exchangeOptions: labels.map((label) => ({ sku: `TEE-${label}`, label })) }],
      });
    const first = await backend.orders.backend.upsert(withOptions(['S', 'L']));
    const stored = () => app.deps.db.orderLine.findFirstOrThrow({ where: { orderId: first.orderId }, select: { exchangeOptions: true } });
    expect((await stored()).exchangeOptions).toEqual([{ sku: 'TEE-S', label: 'S' }, { sku: 'TEE-L', label: 'L' }]);
    expect((await backend.orders.backend.upsert(withOptions(['S', 'L']))).outcome).toBe('unchanged');
    const changed = await backend.orders.backend.upsert(withOptions(['L']));
    expect(changed.outcome).toBe('updated');
    expect((await stored()).exchangeOptions).toEqual([{ sku: 'TEE-L', label: 'L' }]);
    expect((await eventsOf(first.orderId)).at(-1)?.data).toMatchObject({ lines: { changed: ['v1'] } });
  });

  it('cancels an order whose payload carries cancelledAt', async () => {
    const result = await backend.orders.backend.upsert(
      orderPayload({ externalId: 'ext-cancel', number: '1002', cancelledAt: '2026-06-03T10:00:00Z' }),
    );
    const order = await backend.orders.backend.get({ externalId: 'ext-cancel' });
    expect(order).toMatchObject({ status: 'cancelled', stage: 'cancelled', cancelledAt: '2026-06-03T10:00:00.000Z' });
    expect(result.outcome).toBe('created');
  });

  it('keeps one order and one event when 20 identical upserts race', async () => {
    const order = orderUpsertInput.parse(orderPayload({ externalId: 'ext-race', number: '2001', customer: { email: 'race@example.com' } }));
    const results = await Promise.all(
      Array.from({ length: 20 }, () => upsertOrder(app.deps, { shopId: shop.shop.id, order, actor })),
    );
    expect(new Set(results.map((result) => result.orderId)).size).toBe(1);
    expect(results.filter((result) => result.outcome === 'created')).toHaveLength(1);
    expect(results.filter((result) => result.outcome === 'unchanged')).toHaveLength(19);
    expect(await app.deps.db.order.count({ where: { shopId: shop.shop.id, externalId: 'ext-race' } })).toBe(1);
    expect(await eventsOf(results[0]!.orderId)).toHaveLength(1);
    expect(await app.deps.db.customer.count({ where: { shopId: shop.shop.id, email: 'race@example.com' } })).toBe(1);
  });

  it('makes one customer when orders of a new customer race', async () => {
    const orders = Array.from({ length: 8 }, (_, index) =>
      orderUpsertInput.parse(
        orderPayload({ externalId: `ext-cust-${index}`, number: `3${index}`, customer: { email: 'new@example.com' } }),
      ),
    );
    await Promise.all(orders.map((order) => upsertOrder(app.deps, { shopId: shop.shop.id, order, actor })));
    const customers = await app.deps.db.customer.findMany({ where: { shopId: shop.shop.id, email: 'new@example.com' }, select: { id: true } });
    expect(customers).toHaveLength(1);
    expect(await app.deps.db.order.count({ where: { customerId: customers[0]!.id } })).toBe(8);
  });

  it('refuses an order in another currency than the shop’s', async () => {
    await expectDomainError(
      backend.orders.backend.upsert(orderPayload({ externalId: 'ext-usd', number: '4001', currency: 'usd' })),
      'ORDER_CURRENCY_MISMATCH',
    );
    expect(await app.deps.db.order.count({ where: { externalId: 'ext-usd' } })).toBe(0);
  });

  it('refuses an order number already used by another order', async () => {
    await expectDomainError(backend.orders.backend.upsert(orderPayload({ externalId: 'ext-other' })), 'ORDER_NUMBER_TAKEN');
  });

  it('refuses two order numbers racing for one number, keeping one', async () => {
    const orders = ['ext-a', 'ext-b'].map((externalId) => orderUpsertInput.parse(orderPayload({ externalId, number: '5001' })));
    const settled = await Promise.allSettled(orders.map((order) => upsertOrder(app.deps, { shopId: shop.shop.id, order, actor })));
    expect(settled.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = settled.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(DomainError);
    expect((refused.reason as DomainError).code).toBe('ORDER_NUMBER_TAKEN');
  });

  it('refuses a payload with two lines of the same key at the edge', async () => {
    const line = { sku: 'DUP', title: 'Dup', quantity: 1, unitPriceMinor: 100 };
    const error = await backend.orders.backend
      .upsert(orderPayload({ externalId: 'ext-dup', number: '6001', lines: [line, line] }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    expect((error as TRPCError).message).toMatch(/duplicate line key/);
  });

  it('stores the good orders of a batch and reports the bad ones item by item', async () => {
    const result = await backend.orders.backend.upsertBatch({
      orders: [
        orderPayload({ externalId: 'b-1', number: 'B1' }),
        { externalId: 'b-2', number: 'B2' },
        orderPayload({ externalId: 'b-3', number: 'B3', currency: 'GBP' }),
        orderPayload({ externalId: 'b-4', number: 'B4' }),
        orderPayload({ externalId: 'b-5', number: '1001' }),
        orderPayload({ externalId: 'b-1', number: 'B1' }),
      ],
    });
    expect(result).toMatchObject({ created: 2, updated: 0, unchanged: 1, failed: 3 });
    expect(result.results.map((item) => [item.index, item.externalId, item.ok, item.outcome ?? item.error?.code])).toEqual([
      [0, 'b-1', true, 'created'],
      [1, 'b-2', false, 'INVALID_INPUT'],
      [2, 'b-3', false, 'ORDER_CURRENCY_MISMATCH'],
      [3, 'b-4', true, 'created'],
      [4, 'b-5', false, 'ORDER_NUMBER_TAKEN'],
      [5, 'b-1', true, 'unchanged'],
    ]);
    expect(result.results[1]?.error?.message).toMatch(/customer/);
    const stored = await app.deps.db.order.findMany({ where: { externalId: { startsWith: 'b-' } }, select: { externalId: true } });
    expect(stored.map((order) => order.externalId).sort()).toEqual(['b-1', 'b-4']);
  });

  describe('shipments and tracking', () => {
    beforeAll(async () => {
      await backend.orders.backend.upsert(orderPayload({ externalId: 'ship-1', number: 'S1' }));
    });

    it('adds a shipment once per tracking number and marks the order shipped', async () => {
      const shipment = {
        orderExternalId: 'ship-1',
        carrier: 'Colissimo',
        trackingNumber: '6A123',
        events: [{ occurredAt: '2026-06-02T08:00:00Z', status: 'in_transit' as const }],
      };
      const first = await backend.orders.backend.addShipment(shipment);
      const again = await backend.orders.backend.addShipment(shipment);
      expect(first).toMatchObject({ created: true, eventsAdded: 1, status: 'in_transit' });
      expect(again).toMatchObject({ shipmentId: first.shipmentId, created: false, eventsAdded: 0, status: 'in_transit' });
      const order = await backend.orders.backend.get({ externalId: 'ship-1' });
      expect(order.stage).toBe('shipped');
      expect(order.shipments).toHaveLength(1);
      expect(order.shipments[0]?.carrier).toBe('colissimo');
      expect((await eventsOf(order.id)).map((event) => event.type)).toEqual(['order.created', 'order.shipped']);
    });

    it('stores each scan once and delivers the order on a delivered scan', async () => {
      const scans = {
        orderExternalId: 'ship-1',
        trackingNumber: '6A123',
        events: [
          { occurredAt: '2026-06-02T08:00:00Z', status: 'in_transit' as const },
          { occurredAt: '2026-06-03T07:00:00Z', status: 'out_for_delivery' as const },
          { occurredAt: '2026-06-03T12:30:00Z', status: 'delivered' as const, location: 'Lyon' },
        ],
      };
      const first = await backend.orders.backend.addTrackingEvents(scans);
      const again = await backend.orders.backend.addTrackingEvents(scans);
      expect(first).toMatchObject({ eventsAdded: 2, status: 'delivered', deliveredAt: '2026-06-03T12:30:00.000Z' });
      expect(again).toMatchObject({ eventsAdded: 0, status: 'delivered' });
      const order = await backend.orders.backend.get({ externalId: 'ship-1' });
      expect(order).toMatchObject({ stage: 'delivered', deliveredAt: '2026-06-03T12:30:00.000Z' });
      expect(order.shipments[0]?.events.map((event) => event.status)).toEqual(['in_transit', 'out_for_delivery', 'delivered']);
      const types = (await eventsOf(order.id)).map((event) => event.type);
      expect(types.filter((type) => type === 'order.delivered')).toHaveLength(1);

      // The shopper heard of each step once: no "out for delivery" for a parcel already delivered.
      const emails = await app.deps.db.outboxMessage.findMany({
        where: { channel: 'email', dedupeKey: { startsWith: `order:${order.id}:` } },
        orderBy: { createdAt: 'asc' },
        select: { topic: true, payload: true },
      });
      expect(emails.map((email) => email.topic).sort()).toEqual(['order_delivered', 'order_shipped']);
      const shipped = (emails.find((email) => email.topic === 'order_shipped')!.payload as { data: { carrier: string; trackingNumber: string; trackingUrl: string | null; url: string } }).data;
      expect(shipped).toMatchObject({ carrier: 'colissimo', trackingNumber: '6A123' });
      expect(shipped.trackingUrl).toContain('6A123');
      expect(shipped.url).toMatch(/#comptoir-link=/);
    });

    it('refuses scans for an unknown parcel', async () => {
      await expectDomainError(
        backend.orders.backend.addTrackingEvents({
          orderExternalId: 'ship-1',
          trackingNumber: 'NOPE',
          events: [{ occurredAt: '2026-06-02T08:00:00Z', status: 'in_transit' }],
        }),
        'SHIPMENT_NOT_FOUND',
      );
    });
  });

  describe('fulfilment steps', () => {
    it('marks a pickup order ready then collected, once each', async () => {
      await backend.orders.backend.upsert(orderPayload({ externalId: 'pick-1', number: 'P1', fulfilment: 'pickup' }));
      expect(await backend.orders.backend.markReadyForPickup({ externalId: 'pick-1' })).toMatchObject({ stage: 'ready_for_pickup', changed: true });
      expect(await backend.orders.backend.markPickedUp({ externalId: 'pick-1', at: '2026-06-16T09:00:00Z' })).toMatchObject({
        stage: 'picked_up',
        changed: true,
      });
      expect(await backend.orders.backend.markPickedUp({ externalId: 'pick-1' })).toMatchObject({ changed: false });
      const order = await backend.orders.backend.get({ externalId: 'pick-1' });
      expect(order.pickedUpAt).toBe('2026-06-16T09:00:00.000Z');
      const events = await eventsOf(order.id);
      expect(events.map((event) => [event.type, event.fromStatus, event.toStatus, event.actorType])).toEqual([
        ['order.created', null, 'open', 'shop_backend'],
        ['order.ready_for_pickup', 'open', 'ready_for_pickup', 'shop_backend'],
        ['order.picked_up', 'ready_for_pickup', 'picked_up', 'shop_backend'],
      ]);
    });

    it('marks a shipping order shipped then delivered', async () => {
      await backend.orders.backend.upsert(orderPayload({ externalId: 'mark-1', number: 'M1' }));
      expect(await backend.orders.backend.markShipped({ externalId: 'mark-1' })).toMatchObject({ stage: 'shipped', changed: true });
      expect(await backend.orders.backend.markDelivered({ externalId: 'mark-1' })).toMatchObject({ stage: 'delivered', changed: true });
      const order = await backend.orders.backend.get({ externalId: 'mark-1' });
      expect(order.deliveredAt).toBe(app.clock.now().toISOString());
    });

    it('refuses nonsense steps', async () => {
      await backend.orders.backend.upsert(orderPayload({ externalId: 'bad-1', number: 'X1' }));
      await expectDomainError(backend.orders.backend.markPickedUp({ externalId: 'bad-1' }), 'INVALID_TRANSITION');
      expect(await backend.orders.backend.cancel({ externalId: 'bad-1', reason: 'out of stock' })).toMatchObject({ stage: 'cancelled' });
      await expectDomainError(backend.orders.backend.markDelivered({ externalId: 'bad-1' }), 'ORDER_CANCELLED');
      await expectDomainError(
        backend.orders.backend.addShipment({ orderExternalId: 'bad-1', carrier: 'dpd', trackingNumber: 'T1' }),
        'ORDER_CANCELLED',
      );
      await expectDomainError(backend.orders.backend.cancel({ externalId: 'mark-1' }), 'INVALID_TRANSITION');
      await expectDomainError(backend.orders.backend.markShipped({ externalId: 'missing' }), 'ORDER_NOT_FOUND');
      const cancelEvent = await app.deps.db.event.findFirst({ where: { type: 'order.cancelled' }, select: { reason: true } });
      expect(cancelEvent?.reason).toBe('out of stock');
    });

    it('keeps a step reported by the back end when the same order is upserted again without it', async () => {
      const result = await backend.orders.backend.upsert(orderPayload({ externalId: 'bad-1', number: 'X1', paymentMethod: 'card' }));
      expect(result.outcome).toBe('updated');
      expect((await backend.orders.backend.get({ externalId: 'bad-1' })).stage).toBe('cancelled');
    });
  });

  it('refuses the back-end procedures without a secret key', async () => {
    await expectDomainError(app.caller().orders.backend.get({ externalId: 'ext-1' }), 'MISSING_API_KEY');
    await expectDomainError(
      app.caller({ headers: { 'x-comptoir-key': shop.publishableKey } }).orders.backend.get({ externalId: 'ext-1' }),
      'WRONG_KEY_KIND',
    );
  });
});
