import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { unknownSavedReplyVariables } from '@comptoir/protocol';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { widgetHeaders } from '../test/fixtures.js';
import { testDatabaseKind } from '../test/test-database.js';
import { DomainError } from '../core/domain-error.js';
import { orderStageOf } from '../orders/state.js';
import { seedDemoShop, type DemoSeedResult } from './demo-seed.js';

const origin = 'http://localhost:3000';

describe(`demo seed on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let first: DemoSeedResult;

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-06-15T10:00:00Z' });
    first = await seedDemoShop(app.deps, { origin });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('creates La Boutique du Marais with a dozen orders in every stage and a signed-in-able shopper', async () => {
    expect(first.isNewShop).toBe(true);
    expect(first.shop).toMatchObject({ slug: 'demo', name: 'La Boutique du Marais', allowedOrigins: [origin] });
    expect(first.secretKey).toMatch(/^sk_/);
    expect(first.orders.length).toBeGreaterThanOrEqual(12);
    expect(first.orders.every((order) => order.outcome === 'created')).toBe(true);

    const widget = app.caller({ headers: widgetHeaders(first.publishableKey, origin) });
    const config = await widget.shops.widget.config();
    expect(config).toMatchObject({ locale: 'fr', currency: 'EUR', timeZone: 'Europe/Paris' });

    const camille = first.orders.find((order) => order.email === 'camille.durand@example.fr');
    const session = await widget.sessions.widget.signIn({ orderNumber: camille?.number ?? '', email: 'camille.durand@example.fr' });
    const list = await app
      .caller({ headers: { ...widgetHeaders(first.publishableKey, origin), 'x-comptoir-session': session.token } })
      .orders.widget.list({ limit: 50 });
    expect(list.orders.length).toBeGreaterThanOrEqual(3);
    expect(list.orders[0]?.imageUrl).toMatch(/^http:\/\/localhost:3000\/demo\/img\/.+\.svg$/);

    const stages = await app.deps.db.order.findMany({
      where: { shopId: first.shop.id },
      select: { status: true, fulfilment: true, shippedAt: true, deliveredAt: true, readyForPickupAt: true, pickedUpAt: true },
    });
    expect(new Set(stages.map(orderStageOf))).toEqual(
      new Set(['open', 'shipped', 'delivered', 'ready_for_pickup', 'picked_up', 'cancelled']),
    );
    const outForDelivery = await app.deps.db.shipment.count({ where: { shopId: first.shop.id, status: 'out_for_delivery' } });
    expect(outForDelivery).toBe(1);
    const oldDelivery = await app.deps.db.order.count({
      where: { shopId: first.shop.id, deliveredAt: { lte: new Date('2026-05-06T10:00:00Z') } },
    });
    expect(oldDelivery).toBe(1);
  });

  it('creates the demo owner, who can sign in with the printed password', async () => {
    expect(first.owner).toEqual({ email: 'owner@demo.comptoir.test', password: 'demo-demo-demo', isNew: true });
    const membership = await app.deps.db.staffMembership.findFirst({
      where: { shopId: first.shop.id, staffUser: { email: 'owner@demo.comptoir.test' } },
      select: { role: true, staffUser: { select: { passwordHash: true } } },
    });
    expect(membership?.role).toBe('owner');
    expect(membership?.staffUser.passwordHash).toBeTruthy();
  });

  it('gives the owner two saved replies in each language, whose variables all fill in', async () => {
    const replies = await app.deps.db.savedReply.findMany({ where: { shopId: first.shop.id }, select: { title: true, locale: true, body: true } });
    expect(replies.filter((reply) => reply.locale === 'fr').map((reply) => reply.title).sort()).toEqual(['Colis en route', 'Remboursement effectué']);
    expect(replies.filter((reply) => reply.locale === 'en').map((reply) => reply.title).sort()).toEqual(['Parcel on its way', 'Refund sent']);
    expect(replies.every((reply) => unknownSavedReplyVariables(reply.body).length === 0 && reply.body.includes('{{customer.name}}'))).toBe(true);
  });

  it('is idempotent: a second run keeps one shop, changes no order, stores no scan twice, and replaces the publishable key', async () => {
    const count = async () => ({
      shops: await app.deps.db.shop.count(),
      orders: await app.deps.db.order.count(),
      shipments: await app.deps.db.shipment.count(),
      scans: await app.deps.db.trackingEvent.count(),
      staff: await app.deps.db.staffMembership.count(),
      savedReplies: await app.deps.db.savedReply.count(),
    });
    const before = await count();
    app.clock.advance(3 * 24 * 60 * 60_000);
    const second = await seedDemoShop(app.deps, { origin });
    expect(await count()).toEqual(before);
    expect(second.isNewShop).toBe(false);
    expect(second.secretKey).toBeNull();
    expect(second.owner.isNew).toBe(false);
    expect(second.orders.every((order) => order.outcome === 'unchanged')).toBe(true);

    const oldKey = app.caller({ headers: widgetHeaders(first.publishableKey, origin) }).shops.widget.config();
    await expect(oldKey).rejects.toSatisfy(
      (error: unknown) => error instanceof TRPCError && error.cause instanceof DomainError && error.cause.code === 'INVALID_API_KEY',
    );
    expect((await app.caller({ headers: widgetHeaders(second.publishableKey, origin) }).shops.widget.config()).name).toBe(
      'La Boutique du Marais',
    );
  });

  it('adds a new origin on a later run rather than replacing the allowed ones', async () => {
    const third = await seedDemoShop(app.deps, { origin: 'http://127.0.0.1:4000' });
    expect(third.shop.allowedOrigins).toEqual([origin, 'http://127.0.0.1:4000']);
  });
});
