import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseShop, failureCode, tinyPng, type CaseShop } from '../cases/case-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { testDatabaseKind } from '../test/test-database.js';

describe(`a customer's history as the staff see it on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let shop: CaseShop;
  let other: CaseShop;
  let customerId: string;
  let returnId: string;
  let claimId: string;
  let ticketId: string;

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-06-15T10:00:00Z' });
    shop = await createCaseShop(app, 'customers-shop');
    other = await createCaseShop(app, 'customers-other');
    // 3 500 + 6 500 spent (shipping included), a cancelled order of 9 900 that does not count, a 700 refund.
    const first = await shop.placeOrder({ number: 'CU-1', email: 'ines@example.fr', placedAt: '2026-06-01T09:00:00Z' });
    await shop.placeOrder({
      number: 'CU-2',
      email: 'ines@example.fr',
      placedAt: '2026-06-03T09:00:00Z',
      lines: [{ sku: 'BOL', title: 'Bol', quantity: 4, unitPriceMinor: 1_500 }],
    });
    await shop.placeOrder({
      number: 'CU-3',
      email: 'ines@example.fr',
      placedAt: '2026-06-05T09:00:00Z',
      lines: [{ sku: 'VASE', title: 'Vase', quantity: 1, unitPriceMinor: 9_400 }],
      cancelledAt: '2026-06-05T10:00:00Z',
      deliveredAt: undefined,
    });
    await shop.placeOrder({ number: 'CU-4', email: 'someone.else@example.fr' });
    // The same email at another shop is another customer.
    await other.placeOrder({ number: 'CU-9', email: 'ines@example.fr' });
    customerId = first.customerId;
    await app.deps.db.customer.update({ where: { id: customerId }, data: { name: 'Inès Moreau' } });

    const shopper = shop.shopper(customerId);
    const eligibility = await shopper.returns.widget.eligibility({ orderNumber: 'CU-1' });
    returnId = (
      await shopper.returns.widget.create({
        orderId: first.orderId,
        lines: [{ orderLineId: eligibility.lines[0]!.orderLineId, quantity: 1 }],
        method: 'drop_off',
        resolution: 'refund',
        idempotencyKey: 'customers-return-1',
      })
    ).returnId;
    claimId = (
      await shopper.claims.widget.open({
        orderId: first.orderId,
        kind: 'damaged',
        description: 'Fêlé',
        photos: [{ filename: 'f.png', contentType: 'image/png', dataBase64: tinyPng }],
      })
    ).claimId;
    ticketId = (await shopper.tickets.widget.open({ subject: 'Une question', body: 'Bonjour', orderId: first.orderId })).ticketId;
    await shop.staff.refunds.admin.goodwill({ orderId: first.orderId, amountMinor: 700, provider: 'store_credit', reason: 'geste', idempotencyKey: 'customers-goodwill-1' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('gathers orders, cases, lifetime spend net of refunds and loyalty standing', async () => {
    const history = await shop.staff.customers.admin.history({ customerId });
    expect(history.customer).toMatchObject({ id: customerId, email: 'ines@example.fr', name: 'Inès Moreau', blocked: false, locale: 'fr' });
    expect(history.orders.map((order) => [order.number, order.status, order.totalMinor])).toEqual([
      ['CU-3', 'cancelled', 9_900],
      ['CU-2', 'open', 6_500],
      ['CU-1', 'open', 3_500],
    ]);
    expect(history.returns).toEqual([expect.objectContaining({ id: returnId, status: 'requested' })]);
    expect(history.claims).toEqual([expect.objectContaining({ id: claimId, kind: 'damaged' })]);
    expect(history.tickets).toEqual([expect.objectContaining({ id: ticketId, subject: 'Une question' })]);
    expect(history.lifetimeSpend).toEqual({ amountMinor: 3_500 + 6_500 - 700, currency: 'EUR' });
    // Points were earned on both orders (pending until their return windows close), tier by spend.
    expect(history.loyalty).toMatchObject({ tier: 'Membre' });
    expect(history.loyalty!.pending + history.loyalty!.balance).toBeGreaterThan(0);
  });

  it('answers null loyalty when the programme is off', async () => {
    await shop.staff.loyalty.admin.updateSettings({ enabled: false });
    expect((await shop.staff.customers.admin.history({ customerId })).loyalty).toBeNull();
    await shop.staff.loyalty.admin.updateSettings({ enabled: true });
  });

  it('gives the customer id in the staff case screens, to open this history', async () => {
    expect((await shop.staff.returns.admin.detail({ returnId })).customerId).toBe(customerId);
    expect((await shop.staff.claims.admin.detail({ claimId })).customerId).toBe(customerId);
    expect((await shop.staff.tickets.admin.thread({ ticketId })).customerId).toBe(customerId);
  });

  it("answers CUSTOMER_NOT_FOUND for another shop's customer", async () => {
    expect(await failureCode(other.staff.customers.admin.history({ customerId }))).toBe('CUSTOMER_NOT_FOUND');
    expect(await failureCode(shop.staff.customers.admin.history({ customerId: '00000000-0000-4000-8000-000000000000' }))).toBe('CUSTOMER_NOT_FOUND');
  });
});
