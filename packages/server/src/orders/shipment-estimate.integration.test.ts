import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { backendHeaders, createShopWithKeys, widgetHeaders, type ShopWithKeys } from '../test/fixtures.js';
import { testDatabaseKind } from '../test/test-database.js';
import { signShopperToken } from '../auth/shopper-token.js';
import { TRPCError } from '@trpc/server';
import { DomainError } from '../core/domain-error.js';

const origin = 'https://mercerie.example';

describe(`estimated delivery dates and late parcels on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let shop: ShopWithKeys;
  let backend: ReturnType<TestApp['caller']>;
  let count = 0;

  /** An order placed and shipped with Colissimo on Tuesday 16 June 2026 at 16:00 in Paris, and its shopper's caller. */
  async function shippedOrder(extra: { promisedDeliveryBy?: string } = {}) {
    count += 1;
    const externalId = `est-${count}`;
    const { orderId } = await backend.orders.backend.upsert({
      externalId,
      number: `E-${count}`,
      customer: { email: `client${count}@example.fr`, name: `Client ${count}` },
      currency: 'EUR',
      lines: [{ sku: 'FIL', title: 'Fil de lin', quantity: 1, unitPriceMinor: 900 }],
      placedAt: '2026-06-15T09:00:00Z',
      ...extra,
    });
    const trackingNumber = `6A1234567890${count}`;
    await backend.orders.backend.addShipment({ orderExternalId: externalId, carrier: 'colissimo', trackingNumber, shippedAt: '2026-06-16T14:00:00Z' });
    const { customerId } = await app.deps.db.order.findUniqueOrThrow({ where: { id: orderId }, select: { customerId: true } });
    const token = signShopperToken(app.deps.secrets.shopperTokenKey, { shopId: shop.shop.id, customerId, exp: Math.floor(app.clock.now().getTime() / 1000) + 90 * 86_400 });
    const shopper = app.caller({ headers: { ...widgetHeaders(shop.publishableKey, origin), 'x-comptoir-session': token } });
    return { orderId, externalId, trackingNumber, shopper };
  }

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-06-16T14:00:00Z' });
    shop = await createShopWithKeys(app.deps.db, { slug: 'mercerie', origins: [origin] });
    backend = app.caller({ headers: backendHeaders(shop.secretKey) });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('estimates from the carrier’s usual transit time, then takes the date the carrier announces', async () => {
    app.clock.set('2026-06-16T14:00:00Z');
    const { externalId, trackingNumber, shopper } = await shippedOrder();
    // Colissimo, 2 business days from Tuesday: Thursday 18 June, end of day in Paris.
    const first = await backend.orders.backend.get({ externalId });
    expect(first.shipments[0]).toMatchObject({ estimatedAt: '2026-06-18T21:59:59.999Z', isLate: false });

    await backend.orders.backend.addTrackingEvents({
      orderExternalId: externalId,
      trackingNumber,
      events: [{ occurredAt: '2026-06-17T06:00:00Z', status: 'in_transit', description: 'Retard d’acheminement', estimatedDeliveryAt: '2026-06-20T10:00:00Z' }],
    });
    expect((await backend.orders.backend.get({ externalId })).shipments[0]!.estimatedAt).toBe('2026-06-20T10:00:00.000Z');
    // An older scan arriving late, with an older estimate, does not overwrite the newer word.
    await backend.orders.backend.addTrackingEvents({
      orderExternalId: externalId,
      trackingNumber,
      events: [{ occurredAt: '2026-06-16T18:00:00Z', status: 'in_transit', estimatedDeliveryAt: '2026-06-18T10:00:00Z' }],
    });
    const detail = await shopper.orders.widget.detail({ number: `E-${count}` });
    expect(detail.shipments[0]).toMatchObject({ estimatedAt: new Date('2026-06-20T10:00:00Z'), isLate: false });
    const changes = await app.deps.db.event.findMany({ where: { type: 'shipment.estimate_changed' }, select: { data: true } });
    expect(changes.map((change) => change.data)).toEqual([expect.objectContaining({ from: '2026-06-18T21:59:59.999Z', to: '2026-06-20T10:00:00.000Z' })]);
  });

  it('flags a parcel late once its date passes, and opens the "not received" claim from it', async () => {
    app.clock.set('2026-06-16T14:00:00Z');
    const { orderId, externalId, trackingNumber, shopper } = await shippedOrder();
    const notReceived = async () => (await shopper.claims.widget.eligibility({ orderId })).find((entry) => entry.kind === 'not_received')!;
    // No promise from the shop: the claim opens 3 days (the policy's default) after the estimate, not 30 after the order.
    expect(await notReceived()).toMatchObject({ eligible: false, code: 'claim_not_yet_open', opensAt: new Date('2026-06-21T21:59:59.999Z') });

    app.clock.set('2026-06-19T08:00:00Z');
    expect((await backend.orders.backend.get({ externalId })).shipments[0]!.isLate).toBe(true);
    expect((await shopper.orders.widget.detail({ id: orderId })).shipments[0]!.isLate).toBe(true);

    app.clock.set('2026-06-22T08:00:00Z');
    expect(await notReceived()).toMatchObject({ eligible: true, code: 'claim_open' });

    // Delivered: no longer late.
    await backend.orders.backend.addTrackingEvents({ orderExternalId: externalId, trackingNumber, events: [{ occurredAt: '2026-06-22T07:00:00Z', status: 'delivered' }] });
    expect((await shopper.orders.widget.detail({ id: orderId })).shipments[0]!.isLate).toBe(false);
  });

  it('detects the carrier when asked to, and asks the shop to name it when the number is ambiguous', async () => {
    app.clock.set('2026-06-16T14:00:00Z');
    count += 1;
    const externalId = `est-${count}`;
    await backend.orders.backend.upsert({
      externalId,
      number: `E-${count}`,
      customer: { email: `client${count}@example.fr` },
      currency: 'EUR',
      lines: [{ sku: 'FIL', title: 'Fil de lin', quantity: 1, unitPriceMinor: 900 }],
      placedAt: '2026-06-15T09:00:00Z',
    });
    const ups = await backend.orders.backend.addShipment({ orderExternalId: externalId, carrier: 'auto', trackingNumber: '1Z999AA10123456784', shippedAt: '2026-06-16T14:00:00Z' });
    const stored = await app.deps.db.shipment.findUniqueOrThrow({ where: { id: ups.shipmentId }, select: { carrier: true, estimatedAt: true } });
    expect(stored).toEqual({ carrier: 'ups', estimatedAt: new Date('2026-06-18T21:59:59.999Z') });

    // 12 digits in France: FedEx, GLS or Mondial Relay. Comptoir does not guess.
    const ambiguous = await backend.orders.backend.addShipment({ orderExternalId: externalId, carrier: 'auto', trackingNumber: '797806677146' }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(ambiguous).toBeInstanceOf(TRPCError);
    expect((ambiguous as TRPCError).code).toBe('BAD_REQUEST');
    expect(((ambiguous as TRPCError).cause as DomainError).code).toBe('CARRIER_AMBIGUOUS');
    expect(((ambiguous as TRPCError).cause as DomainError).params).toMatchObject({ candidates: 'FedEx, GLS, Mondial Relay' });
    const unknown = await backend.orders.backend.addShipment({ orderExternalId: externalId, carrier: 'auto', trackingNumber: 'NOT-A-NUMBER' }).then(() => null, (error: unknown) => error);
    expect(((unknown as TRPCError).cause as DomainError).code).toBe('CARRIER_UNRECOGNISED');

    // A parcel known as "other" (no carrier named) gets its carrier when the shop names it.
    const other = await backend.orders.backend.addShipment({ orderExternalId: externalId, carrier: 'other', trackingNumber: '797806677146' });
    expect((await app.deps.db.shipment.findUniqueOrThrow({ where: { id: other.shipmentId }, select: { estimatedAt: true } })).estimatedAt).toBeNull();
    const named = await backend.orders.backend.addShipment({ orderExternalId: externalId, carrier: 'GLS', trackingNumber: '797806677146' });
    expect(named).toMatchObject({ shipmentId: other.shipmentId, created: false });
    expect((await app.deps.db.shipment.findUniqueOrThrow({ where: { id: other.shipmentId }, select: { carrier: true } })).carrier).toBe('gls');
    expect(await app.deps.db.event.count({ where: { subjectId: other.shipmentId, type: 'shipment.carrier_named' } })).toBe(1);
  });

  it('keeps the shop’s own promise as the date the parcel is late after and the claim runs from', async () => {
    app.clock.set('2026-06-16T14:00:00Z');
    const { orderId, shopper } = await shippedOrder({ promisedDeliveryBy: '2026-06-24T21:59:59Z' });
    app.clock.set('2026-06-22T08:00:00Z');
    expect((await shopper.orders.widget.detail({ id: orderId })).shipments[0]).toMatchObject({ estimatedAt: new Date('2026-06-18T21:59:59.999Z'), isLate: false });
    const verdict = (await shopper.claims.widget.eligibility({ orderId })).find((entry) => entry.kind === 'not_received')!;
    expect(verdict.opensAt).toEqual(new Date('2026-06-27T21:59:59.000Z'));
  });
});
