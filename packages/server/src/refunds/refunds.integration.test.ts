import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActorType } from '../core/actor.js';
import { createCaseShop, failureCode, type CaseShop } from '../cases/case-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { testDatabaseKind } from '../test/test-database.js';
import { createRefund } from './service.js';

const concurrent = 50;

describe(`refunds on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let shop: CaseShop;
  let seq = 0;

  /** An order of one line: 2 × 15 € (30 € paid on the line) plus 5 € shipping. */
  async function order() {
    seq += 1;
    const placed = await shop.placeOrder({ number: `F-${seq}`, email: `ledger${seq}@example.fr` });
    const line = await app.deps.db.orderLine.findFirstOrThrow({ where: { orderId: placed.orderId }, select: { id: true } });
    return { ...placed, lineId: line.id };
  }

  async function refundedOnLine(lineId: string): Promise<number> {
    const sum = await app.deps.db.refundAllocation.aggregate({
      where: { orderLineId: lineId, refund: { status: { in: ['pending', 'succeeded'] } } },
      _sum: { amountMinor: true },
    });
    return sum._sum.amountMinor ?? 0;
  }

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-06-15T10:00:00Z' });
    shop = await createCaseShop(app, 'refunds-shop');
  });
  afterAll(async () => {
    await app?.close();
  });

  const staffActor = { type: ActorType.staff, id: null };

  it.each([
    ['the same idempotency key', (i: number) => { void i; return 'double-click'; }, 1, 700],
    ['different idempotency keys', (i: number) => `click-${i}`, 4, 2_800],
  ])(`gives ${concurrent} concurrent refunds of 7 € on a 30 € line with %s no more than was paid`, async (_title, keyOf, expectedRefunds, expectedTotal) => {
    const { orderId, lineId } = await order();
    const results = await Promise.allSettled(
      Array.from({ length: concurrent }, (_, i) =>
        createRefund(app.deps, {
          shopId: shop.shop.id,
          orderId,
          idempotencyKey: keyOf(i),
          provider: 'manual',
          reference: `VIR-${i}`,
          allocations: [{ orderLineId: lineId, kind: 'line', amountMinor: 700 }],
          actor: staffActor,
        }),
      ),
    );
    const refused = results.filter((result) => result.status === 'rejected');
    for (const result of refused) expect((result.reason as { code?: string }).code).toBe('REFUND_EXCEEDS_PAID');
    const made = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    expect(made.filter((refund) => refund.isNew)).toHaveLength(expectedRefunds);
    expect(new Set(made.map((refund) => refund.id)).size).toBe(expectedRefunds);
    expect(await app.deps.db.refund.count({ where: { orderId } })).toBe(expectedRefunds);
    expect(await refundedOnLine(lineId)).toBe(expectedTotal);
  });

  it(`makes one refund of a return when staff send ${concurrent} concurrent requests with one key, and refuses a second full refund`, async () => {
    const { orderId, lineId, customerId } = await order();
    const shopper = shop.shopper(customerId);
    const created = await shopper.returns.widget.create({ orderId, lines: [{ orderLineId: lineId, quantity: 2 }], method: 'drop_off', resolution: 'refund', idempotencyKey: `ret-${seq}-0001` });
    await shop.staff.returns.admin.receiveByCode({ code: created.code });
    const results = await Promise.allSettled(
      Array.from({ length: concurrent }, () =>
        shop.staff.returns.admin.refund({ returnId: created.returnId, mode: 'full', provider: 'manual', reference: 'VIR-9', idempotencyKey: 'staff-click' }),
      ),
    );
    const made = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    expect(made).toHaveLength(concurrent);
    expect(new Set(made.map((result) => result.refundId)).size).toBe(1);
    expect(made.filter((result) => result.isNew)).toHaveLength(1);
    expect(await refundedOnLine(lineId)).toBe(3_000);
    expect(await app.deps.db.refund.count({ where: { orderId } })).toBe(1);

    const others = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        shop.staff.returns.admin.refund({ returnId: created.returnId, mode: 'amount', amountMinor: 100, provider: 'manual', reference: 'VIR-10', idempotencyKey: `staff-other-${i}` }),
      ),
    );
    expect(others.every((result) => result.status === 'rejected')).toBe(true);
    expect(await refundedOnLine(lineId)).toBe(3_000);
  });

  it('refunds per line or an amount within what remains, and shows the ledger per line', async () => {
    const { orderId, lineId, customerId } = await order();
    const shopper = shop.shopper(customerId);
    const created = await shopper.returns.widget.create({ orderId, lines: [{ orderLineId: lineId, quantity: 1 }], method: 'drop_off', resolution: 'refund', idempotencyKey: `ret-${seq}-0002` });
    await shop.staff.returns.admin.receiveByCode({ code: created.code });
    const partial = await shop.staff.returns.admin.refund({ returnId: created.returnId, mode: 'lines', lines: [{ orderLineId: lineId, amountMinor: 1_000 }], provider: 'manual', reference: 'VIR-1', idempotencyKey: 'lines-0001' });
    expect(partial).toMatchObject({ amountMinor: 1_000, returnStatus: 'closed' });
    // One cup of two came back: shipping is not refunded, and what is left of the cup is 5 €.
    expect(await failureCode(shop.staff.returns.admin.refund({ returnId: created.returnId, mode: 'amount', amountMinor: 501, provider: 'manual', reference: 'VIR-2', idempotencyKey: 'amount-0001' }))).toBe(
      'REFUND_EXCEEDS_PAID',
    );
    const topUp = await shop.staff.returns.admin.refund({ returnId: created.returnId, mode: 'amount', amountMinor: 500, provider: 'store_credit', idempotencyKey: 'amount-0002' });
    expect(topUp).toMatchObject({ amountMinor: 500, refundStatus: 'succeeded' });
    const ledger = await shop.staff.refunds.admin.ledger({ orderId });
    expect(ledger.lines).toEqual([{ orderLineId: lineId, paidMinor: 3_000, refundedMinor: 1_500, remainingMinor: 1_500 }]);
    expect(ledger.shipping).toEqual({ paidMinor: 500, refundedMinor: 0, remainingMinor: 500 });
    expect(ledger.refunds.map((refund) => refund.provider)).toEqual(['manual', 'store_credit']);
  });

  it('gives a goodwill gesture without a return, once per key, never above what was paid', async () => {
    const { orderId } = await order();
    const gesture = { orderId, amountMinor: 1_000, provider: 'store_credit' as const, reason: 'Colis en retard', idempotencyKey: 'gesture-0001' };
    const first = await shop.staff.refunds.admin.goodwill(gesture);
    const again = await shop.staff.refunds.admin.goodwill(gesture);
    expect(again).toMatchObject({ id: first.id, isNew: false });
    expect(await failureCode(shop.staff.refunds.admin.goodwill({ ...gesture, amountMinor: 2_501, idempotencyKey: 'gesture-0002' }))).toBe('REFUND_EXCEEDS_PAID');
    await shop.staff.refunds.admin.goodwill({ ...gesture, amountMinor: 2_500, provider: 'manual', reference: 'VIR-3', idempotencyKey: 'gesture-0003' });
    expect((await shop.staff.refunds.admin.ledger({ orderId })).totalRemainingMinor).toBe(0);
  });
});
