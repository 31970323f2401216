import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseShop, failureCode, type CaseShop } from '../cases/case-fixtures.js';
import { backendHeaders } from '../test/fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { testDatabaseKind } from '../test/test-database.js';

describe(`orders as the staff browse them on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let shop: CaseShop;
  let other: CaseShop;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-06-15T10:00:00Z' });
    shop = await createCaseShop(app, 'orders-admin');
    other = await createCaseShop(app, 'orders-admin-other');
    const day = (n: number) => `2026-06-${String(n).padStart(2, '0')}T09:00:00Z`;
    // One order per stage, placed a day apart (ADM-1 oldest), two customers.
    const orders = [
      { number: 'ADM-1', email: 'alice@example.fr', placedAt: day(1), deliveredAt: undefined, cancelledAt: day(2) },
      { number: 'ADM-2', email: 'alice@example.fr', placedAt: day(2), deliveredAt: undefined },
      { number: 'ADM-3', email: 'bruno@example.fr', placedAt: day(3), deliveredAt: undefined, shippedAt: day(4) },
      { number: 'ADM-4', email: 'bruno@example.fr', placedAt: day(4), shippedAt: day(5), deliveredAt: day(6), paymentMethod: 'card', promisedDeliveryBy: day(7) },
      { number: 'ADM-5', email: 'alice@example.fr', placedAt: day(5), deliveredAt: undefined, fulfilment: 'pickup' as const, readyForPickupAt: day(6) },
      { number: 'ADM-6', email: 'alice@example.fr', placedAt: day(6), deliveredAt: undefined, fulfilment: 'pickup' as const, readyForPickupAt: day(6), pickedUpAt: day(7) },
    ];
    for (const order of orders) ids[order.number] = (await shop.placeOrder(order)).orderId;
    await app.deps.db.customer.updateMany({ where: { shopId: shop.shop.id, email: 'bruno@example.fr' }, data: { name: 'Bruno Lefèvre' } });
    await other.placeOrder({ number: 'ADM-9', email: 'alice@example.fr', placedAt: day(8) });

    const backEnd = app.caller({ headers: backendHeaders(shop.secretKey) });
    await backEnd.orders.backend.addShipment({
      orderExternalId: 'ext-ADM-4',
      carrier: 'colissimo',
      trackingNumber: '6A12345678901',
      events: [
        { occurredAt: day(5), status: 'in_transit', description: 'Pris en charge', location: 'Paris' },
        { occurredAt: day(6), status: 'delivered', description: 'Livré', location: 'Lyon' },
      ],
    });
    const bruno = (await app.deps.db.order.findUniqueOrThrow({ where: { id: ids['ADM-4']! }, select: { customerId: true } })).customerId;
    const shopper = shop.shopper(bruno);
    const eligibility = await shopper.returns.widget.eligibility({ orderNumber: 'ADM-4' });
    await shopper.returns.widget.create({
      orderId: ids['ADM-4']!,
      lines: [{ orderLineId: eligibility.lines[0]!.orderLineId, quantity: 1 }],
      method: 'drop_off',
      resolution: 'refund',
      idempotencyKey: 'orders-admin-return-1',
    });
    app.clock.advance(60_000);
    const ticket = await shopper.tickets.widget.open({ subject: 'Question', body: 'Bonjour', orderId: ids['ADM-4']! });
    await shopper.tickets.widget.open({ subject: 'Autre', body: 'Bonjour', orderId: ids['ADM-3']! });
    await shop.staff.tickets.admin.resolve({ ticketId: ticket.ticketId, reason: 'répondu' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists the shop’s orders newest first with their derived stage, customer and open cases', async () => {
    const { items, nextCursor } = await shop.staff.orders.admin.list({});
    expect(nextCursor).toBeNull();
    expect(items.map((order) => [order.number, order.state, order.fulfilment])).toEqual([
      ['ADM-6', 'picked_up', 'pickup'],
      ['ADM-5', 'ready_for_pickup', 'pickup'],
      ['ADM-4', 'delivered', 'shipping'],
      ['ADM-3', 'shipped', 'shipping'],
      ['ADM-2', 'open', 'shipping'],
      ['ADM-1', 'cancelled', 'shipping'],
    ]);
    const adm4 = items.find((order) => order.number === 'ADM-4')!;
    // Open as the inbox counts it: not in a final status. A resolved ticket may still be reopened.
    expect(adm4).toMatchObject({ openCases: 2, totalMinor: 3_500, currency: 'EUR', customer: { email: 'bruno@example.fr', name: 'Bruno Lefèvre' } });
    expect(items.find((order) => order.number === 'ADM-3')!.openCases).toBe(1);
    expect(items.find((order) => order.number === 'ADM-2')!.openCases).toBe(0);
  });

  it('filters by stage and searches number, email and name, case-insensitively', async () => {
    for (const [state, numbers] of [
      ['open', ['ADM-2']],
      ['shipped', ['ADM-3']],
      ['delivered', ['ADM-4']],
      ['ready_for_pickup', ['ADM-5']],
      ['picked_up', ['ADM-6']],
      ['cancelled', ['ADM-1']],
    ] as const) {
      expect((await shop.staff.orders.admin.list({ state })).items.map((order) => order.number), state).toEqual(numbers);
    }
    expect((await shop.staff.orders.admin.list({ query: 'adm-4' })).items.map((order) => order.number)).toEqual(['ADM-4']);
    expect((await shop.staff.orders.admin.list({ query: 'BRUNO@' })).items.map((order) => order.number)).toEqual(['ADM-4', 'ADM-3']);
    expect((await shop.staff.orders.admin.list({ query: 'lefèvre' })).items.map((order) => order.number)).toEqual(['ADM-4', 'ADM-3']);
    expect((await shop.staff.orders.admin.list({ query: 'alice', state: 'open' })).items.map((order) => order.number)).toEqual(['ADM-2']);
    // Another shop's order with the same customer email never shows.
    expect((await shop.staff.orders.admin.list({ query: 'ADM-9' })).items).toEqual([]);
  });

  it('pages with a cursor without repeating or skipping, and refuses a forged cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof shop.staff.orders.admin.list>> = await shop.staff.orders.admin.list({ limit: 4, cursor });
      seen.push(...page.items.map((order) => order.number));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['ADM-6', 'ADM-5', 'ADM-4', 'ADM-3', 'ADM-2', 'ADM-1']);
    expect(await failureCode(shop.staff.orders.admin.list({ cursor: 'bm90LWEtY3Vyc29y' }))).toBe('INVALID_INPUT');
  });

  it('details an order with lines, parcels and scans newest first, and its cases', async () => {
    const detail = await shop.staff.orders.admin.detail({ orderId: ids['ADM-4']! });
    expect(detail).toMatchObject({
      number: 'ADM-4',
      externalId: 'ext-ADM-4',
      state: 'delivered',
      paymentMethod: 'card',
      subtotalMinor: 3_000,
      shippingMinor: 500,
      totalMinor: 3_500,
      customer: { email: 'bruno@example.fr', name: 'Bruno Lefèvre' },
      lines: [{ sku: 'TAS', title: 'Tasse en grès', quantity: 2, unitPriceMinor: 1_500 }],
    });
    expect(detail.promisedDeliveryBy?.toISOString()).toBe('2026-06-07T09:00:00.000Z');
    expect(detail.shipments).toHaveLength(1);
    expect(detail.shipments[0]!.events.map((event) => [event.status, event.location])).toEqual([
      ['delivered', 'Lyon'],
      ['in_transit', 'Paris'],
    ]);
    expect(detail.cases.map((item) => [item.type, item.status])).toEqual([
      ['return', 'requested'],
      ['ticket', 'resolved'],
    ]);
    const returnRow = await app.deps.db.returnCase.findFirstOrThrow({ where: { orderId: ids['ADM-4']! }, select: { code: true } });
    expect(detail.cases[0]!.reference).toBe(returnRow.code);
    expect(detail.cases[1]!.reference).toMatch(/^T-[0-9A-F]{8}$/);
  });

  it("answers ORDER_NOT_FOUND for another shop's order", async () => {
    expect(await failureCode(other.staff.orders.admin.detail({ orderId: ids['ADM-4']! }))).toBe('ORDER_NOT_FOUND');
    expect((await other.staff.orders.admin.list({})).items.map((order) => order.number)).toEqual(['ADM-9']);
  });
});
