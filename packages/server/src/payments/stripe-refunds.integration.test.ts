import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import type { FastifyInstance } from 'fastify';
import { orderUpsertInput } from '@comptoir/protocol';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { createShopWithKeys, type ShopWithKeys } from '../test/fixtures.js';
import { testDatabaseKind } from '../test/test-database.js';
import { upsertOrder } from '../orders/upsert-order.js';
import { createRefund } from '../refunds/service.js';
import type { RefundProviderRegistry } from '../refunds/providers.js';
import { buildHttpServer } from '../http/server.js';
import { connectStripe } from './connections.js';
import { refundProvidersWithStripe } from './stripe-provider.js';
import { submitPendingRefund } from './submit-refund.js';
import { FakeStripeServer } from './testing/fake-stripe-server.js';
import { cancelUncollectedOrders } from '../pickup/no-shows.js';
import { savePickupSettings } from '../pickup/service.js';
import { createWebhookEndpoint } from '../notifications/webhooks/service.js';

const webhookSecret = 'whsec_comptoirTestSecret0123456789';
const staff = { type: 'staff', id: 'staff-1' } as const;

describe(`card refunds through Stripe on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let http: FastifyInstance;
  let shop: ShopWithKeys;
  let fake: FakeStripeServer;
  let providers: RefundProviderRegistry;
  let orderCount = 0;

  /** A card-paid order (49.00 €) and a pending Stripe refund of 12.50 € on it. */
  async function pendingStripeRefund(paymentReference = 'pi_3PaidWithCard') {
    orderCount += 1;
    const { orderId } = await upsertOrder(app.deps, {
      shopId: shop.shop.id,
      actor: { type: 'system' },
      order: orderUpsertInput.parse({
        externalId: `card-${orderCount}`,
        number: `C-${orderCount}`,
        customer: { email: 'ines.moreau@example.fr' },
        currency: 'EUR',
        lines: [{ sku: 'LAMPE', title: 'Lampe en laiton', quantity: 1, unitPriceMinor: 4900 }],
        paymentMethod: 'card',
        paymentReference,
        placedAt: '2026-06-10T09:00:00Z',
      }),
    });
    const line = await app.deps.db.orderLine.findFirstOrThrow({ where: { orderId }, select: { id: true } });
    const refund = await createRefund(
      app.deps,
      {
        shopId: shop.shop.id,
        orderId,
        idempotencyKey: `return-${orderCount}`,
        provider: 'stripe',
        allocations: [{ orderLineId: line.id, kind: 'line', amountMinor: 1250 }],
        reason: 'damaged',
        actor: staff,
      },
      providers,
    );
    return { orderId, refundId: refund.id, status: refund.status };
  }

  function stripeEvent(type: string, refund: Record<string, unknown>, id = `evt_${type}_${refund.id}`) {
    return JSON.stringify({ id, object: 'event', type, api_version: '2026-01-01', created: 1_781_517_600, data: { object: refund } });
  }

  function signed(payload: string): string {
    return Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: webhookSecret,
      timestamp: Math.floor(app.clock.now().getTime() / 1000),
    });
  }

  async function postHook(payload: string, signature?: string) {
    return http.inject({
      method: 'POST',
      url: `/hooks/stripe/${shop.shop.slug}`,
      headers: { 'content-type': 'application/json; charset=utf-8', ...(signature ? { 'stripe-signature': signature } : {}) },
      payload,
    });
  }

  async function refundRow(refundId: string) {
    return app.deps.db.refund.findUniqueOrThrow({
      where: { id: refundId },
      select: { status: true, reference: true, failureReason: true },
    });
  }

  async function eventsOf(refundId: string) {
    return app.deps.db.event.findMany({
      where: { subjectType: 'refund', subjectId: refundId },
      select: { type: true, reason: true, actorType: true },
      orderBy: { occurredAt: 'asc' },
    });
  }

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-06-15T10:00:00Z' });
    shop = await createShopWithKeys(app.deps.db, { slug: 'atelier-laiton' });
    await connectStripe(app.deps, { shopId: shop.shop.id, secretKey: 'sk_test_comptoirFake000001', webhookSecret });
    await createWebhookEndpoint(app.deps, {
      shopId: shop.shop.id,
      url: 'https://books.atelier-laiton.example/comptoir',
      eventTypes: ['refund.succeeded', 'refund.failed'],
      actor: staff,
    });
    fake = new FakeStripeServer();
    const address = await fake.start();
    providers = refundProvidersWithStripe(app.deps, { ...address, timeoutMs: 1_000, maxNetworkRetries: 2 });
    http = await buildHttpServer(app.deps);
  });

  afterAll(async () => {
    await http?.close();
    await fake?.stop();
    await app?.close();
  });

  it('leaves a Stripe refund pending until it is submitted', async () => {
    const { refundId, status } = await pendingStripeRefund();
    expect(status).toBe('pending');
    expect(fake.requests.filter((request) => request.form['metadata[comptoir_refund_id]'] === refundId)).toHaveLength(0);
    expect(await refundRow(refundId)).toMatchObject({ status: 'pending', reference: null });
  });

  it('refunds once when the first answer comes after the client timeout and the SDK retries', async () => {
    const { refundId } = await pendingStripeRefund();
    fake.script({ kind: 'delay', ms: 2_500 });
    const result = await submitPendingRefund(app.deps, refundId, providers);

    const attempts = fake.requests.filter((request) => request.form['metadata[comptoir_refund_id]'] === refundId);
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(attempts.map((request) => request.idempotencyKey)).size).toBe(1);
    expect(attempts[0]!.form).toMatchObject({ payment_intent: 'pi_3PaidWithCard', amount: '1250' });
    const made = [...fake.refunds.values()].filter((refund) => refund.metadata.comptoir_refund_id === refundId);
    expect(made).toHaveLength(1);
    expect(result).toMatchObject({ status: 'pending', reference: made[0]!.id, isRetryable: false });

    // Submitting again (a sweep, another instance) sends the same key and refunds nothing more.
    await submitPendingRefund(app.deps, refundId, providers);
    expect([...fake.refunds.values()].filter((refund) => refund.metadata.comptoir_refund_id === refundId)).toHaveLength(1);
  });

  it('retries a 500 once and refunds once', async () => {
    const { refundId } = await pendingStripeRefund();
    fake.refundStatus = 'succeeded';
    fake.script({ kind: 'error500' });
    try {
      const result = await submitPendingRefund(app.deps, refundId, providers);
      const attempts = fake.requests.filter((request) => request.form['metadata[comptoir_refund_id]'] === refundId);
      expect(attempts).toHaveLength(2);
      expect(attempts[0]!.idempotencyKey).toBe(attempts[1]!.idempotencyKey);
      expect([...fake.refunds.values()].filter((refund) => refund.metadata.comptoir_refund_id === refundId)).toHaveLength(1);
      expect(result.status).toBe('succeeded');
      expect(await refundRow(refundId)).toMatchObject({ status: 'succeeded', reference: result.reference });
    } finally {
      fake.refundStatus = 'pending';
    }
  });

  it('settles a pending refund from its signed webhook, once however often it is delivered', async () => {
    const { refundId } = await pendingStripeRefund();
    const submitted = await submitPendingRefund(app.deps, refundId, providers);
    const stripeRefund = fake.refunds.get(submitted.reference!)!;
    const payload = stripeEvent('refund.updated', { ...stripeRefund, status: 'succeeded' });

    const first = await postHook(payload, signed(payload));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ ok: true, status: 'settled', refundId, refundStatus: 'succeeded' });
    const replay = await postHook(payload, signed(payload));
    expect(replay.statusCode).toBe(200);

    expect(await refundRow(refundId)).toMatchObject({ status: 'succeeded', reference: stripeRefund.id });
    const events = await eventsOf(refundId);
    expect(events.filter((event) => event.type === 'refund.succeeded')).toEqual([{ type: 'refund.succeeded', reason: null, actorType: 'system' }]);

    // The shop's books hear of it once, with the platform's order id and the line paid back.
    const announced = await app.deps.db.outboxMessage.findMany({ where: { shopId: shop.shop.id, channel: 'webhook', dedupeKey: { startsWith: `refund:${refundId}:` } } });
    expect(announced.map((message) => message.topic)).toEqual(['refund.succeeded']);
    const body = JSON.parse((announced[0]!.payload as { body: string }).body) as { type: string; data: Record<string, unknown> };
    const order = await app.deps.db.refund.findUniqueOrThrow({ where: { id: refundId }, select: { order: { select: { externalId: true, number: true } } } });
    expect(body).toMatchObject({
      type: 'refund.succeeded',
      data: {
        refundId,
        status: 'succeeded',
        provider: 'stripe',
        reference: stripeRefund.id,
        orderExternalId: order.order.externalId,
        orderNumber: order.order.number,
        failureReason: null,
      },
    });
    const allocations = body.data.allocations as Array<{ kind: string; amountMinor: number; sku: string | null }>;
    expect(allocations.reduce((sum, allocation) => sum + allocation.amountMinor, 0)).toBe(body.data.amountMinor);
    expect(allocations[0]).toMatchObject({ kind: 'line' });
  });

  it('refuses a tampered or unsigned webhook and leaves the refund pending', async () => {
    const { refundId } = await pendingStripeRefund();
    const submitted = await submitPendingRefund(app.deps, refundId, providers);
    const stripeRefund = fake.refunds.get(submitted.reference!)!;
    const genuine = stripeEvent('refund.updated', { ...stripeRefund, status: 'failed', failure_reason: 'lost_or_stolen_card' });
    const tampered = genuine.replace('"failed"', '"succeeded"');

    const refused = await postHook(tampered, signed(genuine));
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ ok: false, code: 'WEBHOOK_SIGNATURE_INVALID' });
    const unsigned = await postHook(genuine);
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.json()).toMatchObject({ code: 'WEBHOOK_SIGNATURE_MISSING' });
    const otherSecret = Stripe.webhooks.generateTestHeaderString({
      payload: genuine,
      secret: 'whsec_someoneElse0000000000',
      timestamp: Math.floor(app.clock.now().getTime() / 1000),
    });
    expect((await postHook(genuine, otherSecret)).statusCode).toBe(401);
    const stale = Stripe.webhooks.generateTestHeaderString({
      payload: genuine,
      secret: webhookSecret,
      timestamp: Math.floor(app.clock.now().getTime() / 1000) - 3_600,
    });
    expect((await postHook(genuine, stale)).statusCode).toBe(401);

    expect((await refundRow(refundId)).status).toBe('pending');
  });

  it('surfaces a refund Stripe reports failed, with its reason, to staff', async () => {
    const { refundId } = await pendingStripeRefund();
    const submitted = await submitPendingRefund(app.deps, refundId, providers);
    const stripeRefund = fake.refunds.get(submitted.reference!)!;
    const payload = stripeEvent('refund.failed', { ...stripeRefund, status: 'failed', failure_reason: 'expired_or_canceled_card' });

    const response = await postHook(payload, signed(payload));
    expect(response.json()).toMatchObject({ status: 'settled', refundStatus: 'failed' });
    expect(await refundRow(refundId)).toMatchObject({ status: 'failed', failureReason: 'stripe:expired_or_canceled_card' });
    const events = await eventsOf(refundId);
    expect(events.at(-1)).toEqual({ type: 'refund.failed', reason: 'stripe:expired_or_canceled_card', actorType: 'system' });

    // A later "succeeded" for a refund already failed changes nothing.
    const late = stripeEvent('charge.refund.updated', { ...stripeRefund, status: 'succeeded' }, 'evt_late');
    await postHook(late, signed(late));
    expect((await refundRow(refundId)).status).toBe('failed');
  });

  it('fails a refund Stripe refuses, with Stripe’s reason, without retrying it', async () => {
    const { refundId } = await pendingStripeRefund();
    fake.script({ kind: 'charge_already_refunded' });
    const result = await submitPendingRefund(app.deps, refundId, providers);
    expect(result).toMatchObject({ status: 'failed', isRetryable: false });
    expect(result.failureReason).toMatch(/^stripe:charge_already_refunded: Charge has already been refunded/);
    expect(fake.requests.filter((request) => request.form['metadata[comptoir_refund_id]'] === refundId)).toHaveLength(1);
    expect((await eventsOf(refundId)).at(-1)).toMatchObject({ type: 'refund.failed', reason: result.failureReason });
  });

  it('fails a card refund on an order paid without a card reference', async () => {
    const { refundId } = await pendingStripeRefund('VIR-2026-0042');
    const result = await submitPendingRefund(app.deps, refundId, providers);
    expect(result).toMatchObject({ status: 'failed', failureReason: 'stripe:no_card_payment_on_order' });
  });

  it('keeps a refund pending, with the reason, while Stripe cannot be reached', async () => {
    const { refundId } = await pendingStripeRefund();
    fake.script({ kind: 'error500' }, { kind: 'error500' }, { kind: 'error500' });
    const result = await submitPendingRefund(app.deps, refundId, providers);
    expect(result).toMatchObject({ status: 'pending', isRetryable: true });
    expect((await eventsOf(refundId)).at(-1)).toMatchObject({ type: 'refund.submission_deferred' });
    expect(fake.refunds.size).toBeGreaterThan(0);
    expect([...fake.refunds.values()].filter((refund) => refund.metadata.comptoir_refund_id === refundId)).toHaveLength(0);
  });

  it('refunds an uncollected pickup order to its card when the shop’s policy says so', async () => {
    await savePickupSettings(app.deps, { shopId: shop.shop.id, settings: { uncollectedDays: 10, uncollectedRefund: 'original_payment' }, actor: staff });
    const { orderId } = await upsertOrder(app.deps, {
      shopId: shop.shop.id,
      actor: { type: 'system' },
      order: orderUpsertInput.parse({
        externalId: 'pickup-card-1',
        number: 'PC-1',
        customer: { email: 'hugo.bernard@example.fr' },
        currency: 'EUR',
        fulfilment: 'pickup',
        lines: [{ sku: 'VASE', title: 'Vase en grès', quantity: 1, unitPriceMinor: 3900 }],
        paymentMethod: 'card',
        paymentReference: 'pi_3PickupPaid',
        placedAt: '2026-06-01T09:00:00Z',
        readyForPickupAt: '2026-06-02T09:00:00Z',
      }),
    });
    fake.refundStatus = 'succeeded';
    try {
      const report = await cancelUncollectedOrders(app.deps, app.clock.now(), { providers });
      expect(report).toMatchObject({ cancelled: [orderId], refunded: [orderId] });
    } finally {
      fake.refundStatus = 'pending';
    }
    const refund = await app.deps.db.refund.findFirstOrThrow({ where: { orderId }, select: { id: true, provider: true, status: true, amountMinor: true } });
    expect(refund).toMatchObject({ provider: 'stripe', status: 'succeeded', amountMinor: 3900 });
    const atStripe = [...fake.refunds.values()].filter((made) => made.metadata.comptoir_refund_id === refund.id);
    expect(atStripe).toMatchObject([{ payment_intent: 'pi_3PickupPaid', amount: 3900 }]);
  });
});
