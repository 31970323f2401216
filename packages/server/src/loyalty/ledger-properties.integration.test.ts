import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { testDatabaseKind } from '../test/test-database.js';
import { createShopWithKeys } from '../test/fixtures.js';
import { inLoyaltyTransaction } from './accounts.js';
import { getLoyaltySummary } from './queries.js';
import { adjustPoints, expireInactive, releaseDuePoints, reverseForReturn } from './service.js';
import { placeOrder } from './test-support.js';
import { redeemForVoucher } from './vouchers.js';

const day = 86_400_000;
/** LOYALTY_PBT_RUNS=300 for a longer search; the default keeps CI fast. */
const numRuns = Number(process.env.LOYALTY_PBT_RUNS ?? 20);

type Command =
  | { type: 'order'; prices: number[]; isDelivered: boolean }
  | { type: 'deliver'; order: number }
  | { type: 'return'; order: number; line: number }
  | { type: 'advance'; days: number }
  | { type: 'redeem'; key: number }
  | { type: 'adjust'; points: number }
  | { type: 'expire' };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ type: fc.constant('order' as const), prices: fc.array(fc.integer({ min: 0, max: 30_000 }), { minLength: 1, maxLength: 3 }), isDelivered: fc.boolean() }),
  fc.record({ type: fc.constant('deliver' as const), order: fc.nat(5) }),
  fc.record({ type: fc.constant('return' as const), order: fc.nat(5), line: fc.nat(2) }),
  fc.record({ type: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 45 }) }),
  fc.record({ type: fc.constant('redeem' as const), key: fc.nat(3) }),
  fc.record({ type: fc.constant('adjust' as const), points: fc.integer({ min: -300, max: 300 }).filter((points) => points !== 0) }),
  fc.constant({ type: 'expire' as const }),
);

describe(`loyalty ledger properties on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let run = 0;

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-02-02T09:00:00Z' });
  });
  afterAll(async () => {
    await app?.close();
  });

  async function checkInvariants(shopId: string, email: string, placed: Array<{ orderId: string; deliveredAt: Date | null }>) {
    const account = await app.deps.db.loyaltyAccount.findUnique({ where: { scope_email: { scope: `shop:${shopId}`, email } }, select: { id: true } });
    if (!account) return;
    const entries = await app.deps.db.loyaltyEntry.findMany({
      where: { accountId: account.id },
      select: { id: true, kind: true, bucket: true, points: true, lotId: true, availableAt: true, createdAt: true, sourceType: true, sourceId: true },
    });
    const customer = await app.deps.db.customer.findUniqueOrThrow({ where: { shopId_email: { shopId, email } }, select: { id: true } });
    const summary = await getLoyaltySummary(app.deps, { shopId, customerId: customer.id, limit: 1 });
    const sum = (bucket: string) => entries.filter((entry) => entry.bucket === bucket).reduce((total, entry) => total + entry.points, 0);
    // The balance is the sum of the entries, and never negative.
    expect(summary.available).toBe(sum('available'));
    expect(summary.pending).toBe(sum('pending'));
    expect(summary.available).toBeGreaterThanOrEqual(0);
    expect(summary.pending).toBeGreaterThanOrEqual(0);
    // Pending points never become available before their lot's window closes, which is never
    // before 30 days after delivery.
    const lots = new Map(entries.filter((entry) => entry.kind === 'earn').map((entry) => [entry.id, entry]));
    for (const release of entries.filter((entry) => entry.kind === 'release' && entry.bucket === 'available')) {
      const lot = lots.get(release.lotId!)!;
      expect(lot.availableAt!.getTime()).toBeLessThanOrEqual(release.createdAt.getTime());
      const order = placed.find((candidate) => candidate.orderId === lot.sourceId);
      expect(order?.deliveredAt).toBeTruthy();
      expect(lot.availableAt!.getTime()).toBeGreaterThanOrEqual(order!.deliveredAt!.getTime() + 30 * day);
    }
    // Each voucher was paid once, with exactly its points.
    const vouchers = await app.deps.db.voucher.findMany({ where: { accountId: account.id }, select: { id: true, points: true } });
    const redeems = entries.filter((entry) => entry.kind === 'redeem');
    expect(redeems).toHaveLength(vouchers.length);
    for (const voucher of vouchers) {
      expect(redeems.filter((entry) => entry.sourceId === voucher.id).map((entry) => entry.points)).toEqual([-voucher.points]);
    }
  }

  it('keeps the balance equal to its entries, never negative, never early, never spent twice', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 3, maxLength: 10 }), async (commands) => {
        run += 1;
        const { shop } = await createShopWithKeys(app.deps.db, { slug: `prop-${run}` });
        await app.deps.db.shop.update({ where: { id: shop.id }, data: { loyaltySettings: { expiry: { enabled: true, inactiveMonths: 2 } } } });
        const email = `shopper-${run}@example.com`;
        await app.deps.db.customer.create({ data: { shopId: shop.id, email }, select: { id: true } });
        const placed: Array<{ orderId: string; lineIds: string[]; prices: number[]; externalId: string; placedAt: Date; deliveredAt: Date | null }> = [];
        let returns = 0;
        for (const step of commands) {
          const now = app.clock.now();
          switch (step.type) {
            case 'order': {
              const externalId = `P${run}-${placed.length}`;
              const deliveredAt = step.isDelivered ? now : undefined;
              const made = await placeOrder(app.deps, { shopId: shop.id, email, externalId, prices: step.prices, placedAt: now, ...(deliveredAt ? { deliveredAt } : {}) });
              placed.push({ ...made, prices: step.prices, externalId, placedAt: now, deliveredAt: deliveredAt ?? null });
              break;
            }
            case 'deliver': {
              const order = placed[step.order];
              if (!order || order.deliveredAt) break;
              await placeOrder(app.deps, { shopId: shop.id, email, externalId: order.externalId, prices: order.prices, placedAt: order.placedAt, deliveredAt: now });
              order.deliveredAt = now;
              break;
            }
            case 'return': {
              const order = placed[step.order];
              const lineId = order?.lineIds[step.line];
              if (!order?.deliveredAt || !lineId) break;
              returns += 1;
              const returnId = `00000000-0000-7000-8000-${String(run * 1000 + returns).padStart(12, '0')}`;
              await inLoyaltyTransaction(app.deps, (tx) => reverseForReturn(tx, { shopId: shop.id, orderId: order.orderId, returnId, refundedLines: [{ orderLineId: lineId, quantity: 1 }], now }));
              break;
            }
            case 'advance':
              app.clock.advance(step.days * day);
              await releaseDuePoints(app.deps, app.clock.now());
              break;
            case 'redeem':
              await redeemForVoucher(app.deps, { shopId: shop.id, email, rewardId: 'voucher-5', idempotencyKey: `prop-${run}-key-${step.key}` }).catch((error: { code?: string }) => {
                if (error.code !== 'LOYALTY_INSUFFICIENT_POINTS') throw error;
              });
              break;
            case 'adjust':
              await adjustPoints(app.deps, { shopId: shop.id, staff: { id: '00000000-0000-7000-8000-0000000000aa' }, email, points: step.points, reason: 'property' }).catch(
                (error: { code?: string }) => {
                  if (error.code !== 'LOYALTY_ADJUSTMENT_BELOW_ZERO') throw error;
                },
              );
              break;
            case 'expire':
              await expireInactive(app.deps, now);
              break;
          }
          await checkInvariants(shop.id, email, placed);
        }
      }),
      { numRuns },
    );
  }, 600_000);
});
