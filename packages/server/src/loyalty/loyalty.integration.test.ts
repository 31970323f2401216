import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signShopperToken } from '../auth/shopper-token.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { testDatabaseKind } from '../test/test-database.js';
import { backendHeaders, createShopWithKeys, widgetHeaders, type ShopWithKeys } from '../test/fixtures.js';
import { inLoyaltyTransaction } from './accounts.js';
import { addShopToGroup, createGroup, shopStatement } from './group.js';
import { adjustPoints, expireInactive, grantGoodwill, releaseDuePoints, remindExpiringPoints, reverseForReturn } from './service.js';
import { ledgerState, placeOrder } from './test-support.js';
import { redeemForVoucher, uploadVoucherCodes } from './vouchers.js';

const day = 86_400_000;
const origin = 'https://shop.example';

function codeOf(error: unknown): string | undefined {
  return error instanceof TRPCError ? (error.cause as { code?: string } | undefined)?.code : (error as { code?: string }).code;
}

describe(`loyalty ledger on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let shop: ShopWithKeys;

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-03-02T10:00:00Z' });
    shop = await createShopWithKeys(app.deps.db, { slug: 'fidele', origins: [origin] });
  });
  afterAll(async () => {
    await app?.close();
  });

  const scope = () => `shop:${shop.shop.id}`;

  it('keeps order points pending until the return window closes, then releases them once', async () => {
    const email = 'window@example.com';
    const deliveredAt = app.clock.now();
    await placeOrder(app.deps, { shopId: shop.shop.id, email, externalId: 'W-1', prices: [4_990], placedAt: new Date(deliveredAt.getTime() - 3 * day), deliveredAt });
    // 49.90 € → 49 points, plus the 50-point first-order bonus.
    expect(await ledgerState(app.deps, { scope: scope(), email })).toMatchObject({ pending: 99, available: 0 });

    await releaseDuePoints(app.deps, new Date(deliveredAt.getTime() + 30 * day));
    expect(await ledgerState(app.deps, { scope: scope(), email })).toMatchObject({ pending: 99, available: 0 });

    const afterWindow = new Date(deliveredAt.getTime() + 32 * day);
    expect(await releaseDuePoints(app.deps, afterWindow)).toMatchObject({ points: 99 });
    expect(await releaseDuePoints(app.deps, afterWindow)).toMatchObject({ points: 0 });
    expect(await ledgerState(app.deps, { scope: scope(), email })).toMatchObject({ pending: 0, available: 99 });
  });

  it('gives nothing before delivery and awards each order once', async () => {
    const email = 'once@example.com';
    const placedAt = app.clock.now();
    await placeOrder(app.deps, { shopId: shop.shop.id, email, externalId: 'O-1', prices: [10_000], placedAt });
    expect((await ledgerState(app.deps, { scope: scope(), email })).entries).toHaveLength(0);
    await placeOrder(app.deps, { shopId: shop.shop.id, email, externalId: 'O-1', prices: [10_000], placedAt, deliveredAt: placedAt });
    await placeOrder(app.deps, { shopId: shop.shop.id, email, externalId: 'O-1', prices: [10_000], placedAt, deliveredAt: placedAt });
    expect(await ledgerState(app.deps, { scope: scope(), email })).toMatchObject({ pending: 150 });
  });

  it('cancels pending points of a return, and takes back available ones down to zero with the shortfall recorded', async () => {
    const email = 'return@example.com';
    const now = app.clock.now();
    const { orderId, lineIds } = await placeOrder(app.deps, { shopId: shop.shop.id, email, externalId: 'R-1', prices: [6_000, 4_000], placedAt: now, deliveredAt: now });
    // 100 points + 50 bonus pending; returning the 40 € line cancels 40 of them.
    await inLoyaltyTransaction(app.deps, (tx) => reverseForReturn(tx, { shopId: shop.shop.id, orderId, returnId: '00000000-0000-7000-8000-000000000001', refundedLines: [{ orderLineId: lineIds[1]!, quantity: 1 }], now }));
    await inLoyaltyTransaction(app.deps, (tx) => reverseForReturn(tx, { shopId: shop.shop.id, orderId, returnId: '00000000-0000-7000-8000-000000000001', refundedLines: [{ orderLineId: lineIds[1]!, quantity: 1 }], now }));
    expect(await ledgerState(app.deps, { scope: scope(), email })).toMatchObject({ pending: 110 });

    await releaseDuePoints(app.deps, new Date(now.getTime() + 40 * day));
    const redeemed = await redeemForVoucher(app.deps, { shopId: shop.shop.id, email, rewardId: 'voucher-5', idempotencyKey: 'spend-before-return' });
    expect(redeemed.available).toBe(10);
    // The rest comes back: 60 points and the 50-point bonus are due, only 10 are left.
    const result = await inLoyaltyTransaction(app.deps, (tx) =>
      reverseForReturn(tx, { shopId: shop.shop.id, orderId, returnId: '00000000-0000-7000-8000-000000000002', refundedLines: [{ orderLineId: lineIds[0]!, quantity: 1 }], now }),
    );
    expect(result).toEqual({ reversed: 10, shortfall: 100 });
    expect(await ledgerState(app.deps, { scope: scope(), email })).toMatchObject({ pending: 0, available: 0 });
    const shortfalls = await app.deps.db.loyaltyShortfall.aggregate({ where: { sourceId: '00000000-0000-7000-8000-000000000002' }, _sum: { points: true } });
    expect(shortfalls._sum.points).toBe(100);
  });

  it('grants goodwill once per source, from the policy amount', async () => {
    const email = 'late@example.com';
    const input = { shopId: shop.shop.id, customerEmail: email, reason: 'claim_answer_missed', sourceType: 'deadline', sourceId: 'd-1', now: app.clock.now() };
    expect(await inLoyaltyTransaction(app.deps, (tx) => grantGoodwill(tx, input))).toEqual({ points: 100, isNew: true });
    expect(await inLoyaltyTransaction(app.deps, (tx) => grantGoodwill(tx, input))).toEqual({ points: 0, isNew: false });
    expect(await ledgerState(app.deps, { scope: scope(), email })).toMatchObject({ available: 100 });
  });

  it('audits adjustments and refuses one that would go below zero', async () => {
    const email = 'adjust@example.com';
    const staff = { id: '00000000-0000-7000-8000-0000000000aa' };
    await adjustPoints(app.deps, { shopId: shop.shop.id, staff, email, points: 30, reason: 'Geste commercial' });
    await expect(adjustPoints(app.deps, { shopId: shop.shop.id, staff, email, points: -31, reason: 'Erreur' })).rejects.toMatchObject({ code: 'LOYALTY_ADJUSTMENT_BELOW_ZERO' });
    expect(await adjustPoints(app.deps, { shopId: shop.shop.id, staff, email, points: -30, reason: 'Erreur de saisie' })).toEqual({ available: 0, pending: 0 });
    const events = await app.deps.db.event.findMany({ where: { type: 'loyalty.adjusted' }, select: { reason: true, actorType: true, actorId: true } });
    expect(events).toEqual([
      { reason: 'Geste commercial', actorType: 'staff', actorId: staff.id },
      { reason: 'Erreur de saisie', actorType: 'staff', actorId: staff.id },
    ]);
  });

  it('never overspends under 50 concurrent redemptions on one account', async () => {
    const email = 'race@example.com';
    await adjustPoints(app.deps, { shopId: shop.shop.id, staff: { id: '00000000-0000-7000-8000-0000000000aa' }, email, points: 730, reason: 'race' });
    const attempts = await Promise.allSettled(
      Array.from({ length: 50 }, (_, index) => redeemForVoucher(app.deps, { shopId: shop.shop.id, email, rewardId: 'voucher-5', idempotencyKey: `race-key-${index}` })),
    );
    const made = attempts.filter((attempt) => attempt.status === 'fulfilled');
    expect(made).toHaveLength(7);
    for (const attempt of attempts) {
      if (attempt.status === 'rejected') expect((attempt.reason as { code?: string }).code).toBe('LOYALTY_INSUFFICIENT_POINTS');
    }
    const state = await ledgerState(app.deps, { scope: scope(), email });
    expect(state.available).toBe(30);
    expect(await app.deps.db.voucher.count({ where: { accountId: state.accountId! } })).toBe(7);
  });

  it('gives the same voucher for the same idempotency key, even concurrently', async () => {
    const email = 'idem@example.com';
    await adjustPoints(app.deps, { shopId: shop.shop.id, staff: { id: '00000000-0000-7000-8000-0000000000aa' }, email, points: 250, reason: 'idem' });
    const results = await Promise.all(
      Array.from({ length: 10 }, () => redeemForVoucher(app.deps, { shopId: shop.shop.id, email, rewardId: 'voucher-5', idempotencyKey: 'same-key-123' })),
    );
    expect(new Set(results.map((result) => result.voucher.id)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect((await ledgerState(app.deps, { scope: scope(), email })).available).toBe(150);
  });

  it('reminds 30 days before expiry once, then expires inactive points', async () => {
    const expiring = await createShopWithKeys(app.deps.db, { slug: 'expiring' });
    await app.deps.db.shop.update({ where: { id: expiring.shop.id }, data: { loyaltySettings: { expiry: { enabled: true, inactiveMonths: 12 } } } });
    const email = 'sleepy@example.com';
    await adjustPoints(app.deps, { shopId: expiring.shop.id, staff: { id: '00000000-0000-7000-8000-0000000000aa' }, email, points: 80, reason: 'welcome' });
    const start = app.clock.now();
    expect(await remindExpiringPoints(app.deps, new Date(start.getTime() + 300 * day))).toEqual({ reminded: 0 });
    expect(await remindExpiringPoints(app.deps, new Date(start.getTime() + 340 * day))).toEqual({ reminded: 1 });
    expect(await remindExpiringPoints(app.deps, new Date(start.getTime() + 341 * day))).toEqual({ reminded: 0 });
    expect(await app.deps.db.outboxMessage.count({ where: { shopId: expiring.shop.id, topic: 'loyalty_points_expiring' } })).toBe(1);
    expect(await expireInactive(app.deps, new Date(start.getTime() + 360 * day))).toMatchObject({ points: 0 });
    expect(await expireInactive(app.deps, new Date(start.getTime() + 366 * day))).toMatchObject({ accounts: 1, points: 80 });
    expect(await expireInactive(app.deps, new Date(start.getTime() + 367 * day))).toMatchObject({ points: 0 });
    expect(await ledgerState(app.deps, { scope: `shop:${expiring.shop.id}`, email })).toMatchObject({ available: 0 });
  });

  it('shows the shopper balance, pending points, tier, history and vouchers, and redeems from the widget', async () => {
    const email = 'widget@example.com';
    const now = app.clock.now();
    await placeOrder(app.deps, { shopId: shop.shop.id, email, externalId: 'WG-1', prices: [35_000], placedAt: now, deliveredAt: now });
    await adjustPoints(app.deps, { shopId: shop.shop.id, staff: { id: '00000000-0000-7000-8000-0000000000aa' }, email, points: 120, reason: 'bienvenue' });
    const customer = await app.deps.db.customer.findUniqueOrThrow({ where: { shopId_email: { shopId: shop.shop.id, email } }, select: { id: true } });
    const token = signShopperToken(app.deps.secrets.shopperTokenKey, { shopId: shop.shop.id, customerId: customer.id, exp: Math.floor(now.getTime() / 1000) + 3600 });
    const caller = app.caller({ headers: { ...widgetHeaders(shop.publishableKey, origin), 'x-comptoir-session': token } });
    const summary = await caller.loyalty.widget.summary({});
    expect(summary).toMatchObject({ available: 120, pending: 400, tier: { current: { id: 'silver' }, next: { id: 'gold' }, spendMinor: 35_000, remainingMinor: 65_000 } });
    expect(summary.pendingLots.map((lot) => lot.points).sort()).toEqual([350, 50]);
    const redeemed = await caller.loyalty.widget.redeem({ rewardId: 'voucher-5', idempotencyKey: 'widget-key-1' });
    expect(redeemed).toMatchObject({ available: 20, created: true, voucher: { valueMinor: 500, currency: 'EUR', status: 'issued' } });
    expect(redeemed.voucher.code).toMatch(/^[ABCDEFGHJKMNPQRTUVWXY346789]{10}$/);
    const after = await caller.loyalty.widget.summary({ limit: 2 });
    expect(after.vouchers).toHaveLength(1);
    expect(after.history).toHaveLength(2);
    expect(after.nextCursor).not.toBeNull();
    expect(await app.deps.db.event.count({ where: { type: 'loyalty.voucher_issued' } })).toBeGreaterThan(0);
  });

  it('validates and redeems a voucher at the checkout once, idempotently by redeem key, and only at its shop', async () => {
    const email = 'checkout@example.com';
    await adjustPoints(app.deps, { shopId: shop.shop.id, staff: { id: '00000000-0000-7000-8000-0000000000aa' }, email, points: 100, reason: 'checkout' });
    const { voucher } = await redeemForVoucher(app.deps, { shopId: shop.shop.id, email, rewardId: 'voucher-5', idempotencyKey: 'checkout-key' });
    const backend = app.caller({ headers: backendHeaders(shop.secretKey) });
    expect(await backend.loyalty.backend.validateVoucher({ code: voucher.code.toLowerCase() })).toEqual({ isValid: true, verdict: 'valid', valueMinor: 500, currency: 'EUR', expiresAt: voucher.expiresAt });
    expect(await backend.loyalty.backend.validateVoucher({ code: voucher.code })).toMatchObject({ isValid: true });

    const other = await createShopWithKeys(app.deps.db, { slug: 'autre-boutique' });
    const otherBackend = app.caller({ headers: backendHeaders(other.secretKey) });
    expect(await otherBackend.loyalty.backend.validateVoucher({ code: voucher.code })).toMatchObject({ isValid: false, verdict: 'unknown' });
    await expect(otherBackend.loyalty.backend.redeemVoucher({ code: voucher.code, redeemKey: 'other-shop-key' })).rejects.toSatisfy((error) => codeOf(error) === 'VOUCHER_NOT_FOUND');

    const tries = await Promise.all(Array.from({ length: 5 }, () => backend.loyalty.backend.redeemVoucher({ code: voucher.code, redeemKey: 'cart-42-key', orderRef: '42' })));
    expect(tries.filter((result) => result.isFirstRedemption)).toHaveLength(1);
    expect(new Set(tries.map((result) => result.redeemedAt)).size).toBe(1);
    await expect(backend.loyalty.backend.redeemVoucher({ code: voucher.code, redeemKey: 'cart-43-key' })).rejects.toSatisfy((error) => codeOf(error) === 'VOUCHER_ALREADY_REDEEMED');
    expect(await backend.loyalty.backend.validateVoucher({ code: voucher.code })).toMatchObject({ isValid: false, verdict: 'redeemed' });
  });

  it('draws pool codes once each and says when the pool is empty', async () => {
    const pooled = await createShopWithKeys(app.deps.db, { slug: 'pool' });
    await app.deps.db.shop.update({
      where: { id: pooled.shop.id },
      data: { loyaltySettings: { rewards: [{ id: 'pool-10', points: 10, valueMinor: 1_000, codeSource: 'pool' }] } },
    });
    await uploadVoucherCodes(app.deps, { shopId: pooled.shop.id, rewardId: 'pool-10', codes: ['promo-a1', 'PROMO-A2', 'promo-a1', 'promo-a3'], actor: { type: 'staff' } });
    const email = 'pool@example.com';
    await adjustPoints(app.deps, { shopId: pooled.shop.id, staff: { id: '00000000-0000-7000-8000-0000000000aa' }, email, points: 50, reason: 'pool' });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, index) => redeemForVoucher(app.deps, { shopId: pooled.shop.id, email, rewardId: 'pool-10', idempotencyKey: `pool-key-${index}` })),
    );
    const codes = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value.voucher.code] : []));
    expect(codes.sort()).toEqual(['PROMO-A1', 'PROMO-A2', 'PROMO-A3']);
    expect(results.filter((result) => result.status === 'rejected').map((result) => (result as PromiseRejectedResult).reason.code)).toEqual(['LOYALTY_POOL_EMPTY', 'LOYALTY_POOL_EMPTY']);
    expect((await ledgerState(app.deps, { scope: `shop:${pooled.shop.id}`, email })).available).toBe(20);
  });

  it('lets a group earn at one shop and spend at another, accounted to each', async () => {
    const a = await createShopWithKeys(app.deps.db, { slug: 'boulangerie' });
    const b = await createShopWithKeys(app.deps.db, { slug: 'librairie' });
    const email = 'town@example.com';
    const staff = { type: 'staff' as const, id: '00000000-0000-7000-8000-0000000000aa' };
    // Points earned at A before the group existed move into the group's account.
    const now = app.clock.now();
    await placeOrder(app.deps, { shopId: a.shop.id, email, externalId: 'G-1', prices: [15_000], placedAt: now, deliveredAt: now });
    const group = await createGroup(app.deps, { shopId: a.shop.id, name: 'Centre-ville', actor: staff });
    await addShopToGroup(app.deps, { shopId: a.shop.id, addedShopId: b.shop.id, actor: staff });
    await releaseDuePoints(app.deps, new Date(now.getTime() + 40 * day));
    expect(await ledgerState(app.deps, { scope: `group:${group!.id}`, email })).toMatchObject({ available: 200, pending: 0 });

    // A voucher bought at B with A's points: B's share is covered by a transfer from A.
    const { voucher } = await redeemForVoucher(app.deps, { shopId: b.shop.id, email, rewardId: 'voucher-5', idempotencyKey: 'group-key-1' });
    // The group's vouchers are accepted at every shop of the group, and nowhere else.
    const atA = app.caller({ headers: backendHeaders(a.secretKey) });
    expect(await atA.loyalty.backend.validateVoucher({ code: voucher.code })).toMatchObject({ isValid: true });
    expect(await app.caller({ headers: backendHeaders(shop.secretKey) }).loyalty.backend.validateVoucher({ code: voucher.code })).toMatchObject({ isValid: false });

    const statementA = await shopStatement(app.deps, { shopId: a.shop.id });
    const statementB = await shopStatement(app.deps, { shopId: b.shop.id });
    expect(statementA).toMatchObject({ issued: 200, redeemed: 0, earnedHereRedeemedElsewhere: 100, outstanding: 100 });
    expect(statementA.counterparts).toEqual([{ shopId: b.shop.id, shopName: 'librairie', pointsIn: 0, pointsOut: 100 }]);
    expect(statementB).toMatchObject({ issued: 0, redeemed: 100, redeemedEarnedElsewhere: 100, outstanding: 0 });
    expect(statementB.counterparts).toEqual([{ shopId: a.shop.id, shopName: 'boulangerie', pointsIn: 100, pointsOut: 0 }]);
    const state = await ledgerState(app.deps, { scope: `group:${group!.id}`, email });
    expect(state.available).toBe(100);
    expect(state.entries.reduce((sum, entry) => sum + entry.points, 0)).toBe(100);
  });
});
