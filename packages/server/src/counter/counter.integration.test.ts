import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { orderUpsertInput } from '@comptoir/protocol';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { createShopWithKeys, widgetHeaders, type ShopWithKeys } from '../test/fixtures.js';
import { testDatabaseKind } from '../test/test-database.js';
import { DomainError } from '../core/domain-error.js';
import { sha256 } from '../core/hash.js';
import { csrfTokenFor } from '../auth/staff-auth.js';
import { signShopperToken } from '../auth/shopper-token.js';
import { upsertOrder } from '../orders/upsert-order.js';

const origin = 'https://quincaillerie.example';
const morning = { opens: '09:00', closes: '12:30' };
const afternoon = { opens: '14:00', closes: '19:00' };
const openingHours = {
  monday: [],
  tuesday: [morning, afternoon],
  wednesday: [morning, afternoon],
  thursday: [morning, afternoon],
  friday: [morning, afternoon],
  saturday: [morning],
  sunday: [],
};

async function failure(call: Promise<unknown>): Promise<{ trpc: string; domain: string | null }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError) return { trpc: error.code, domain: error.cause instanceof DomainError ? error.cause.code : null };
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe(`the shop counter (pickups and returns dropped off) on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let shopA: ShopWithKeys;
  let shopB: ShopWithKeys;
  let count = 0;

  async function staffCaller(shop: ShopWithKeys, role: 'owner' | 'staff') {
    const token = randomBytes(24).toString('base64url');
    const user = await app.deps.db.staffUser.create({
      data: { email: `${role}.${shop.shop.slug}.${token.slice(0, 6)}@example.fr`, name: role, memberships: { create: { shopId: shop.shop.id, role } } },
      select: { id: true },
    });
    await app.deps.db.staffSession.create({
      data: { staffUserId: user.id, tokenHash: sha256(token), activeShopId: shop.shop.id, expiresAt: new Date(app.clock.now().getTime() + 90 * 86_400_000) },
    });
    return app.caller({ cookies: { comptoir_staff: token }, headers: { 'x-csrf-token': csrfTokenFor(token) } });
  }

  /** An order of its own customer (delivered, or ready for pickup) and that shopper's caller. */
  async function placeOrder(shop: ShopWithKeys, fulfilment: 'shipping' | 'pickup') {
    count += 1;
    const { orderId } = await upsertOrder(app.deps, {
      shopId: shop.shop.id,
      actor: { type: 'system' },
      order: orderUpsertInput.parse({
        externalId: `counter-${count}`,
        number: `C-${count}`,
        customer: { email: `client${count}@example.fr`, name: `Client ${count}` },
        currency: 'EUR',
        fulfilment,
        lines: [{ sku: 'MARTEAU', title: 'Marteau de menuisier', quantity: 2, unitPriceMinor: 1800 }],
        placedAt: '2026-06-08T09:00:00Z',
        ...(fulfilment === 'shipping'
          ? { shippedAt: '2026-06-09T09:00:00Z', deliveredAt: '2026-06-11T09:00:00Z' }
          : { readyForPickupAt: '2026-06-15T08:00:00Z' }),
      }),
    });
    const row = await app.deps.db.order.findUniqueOrThrow({ where: { id: orderId }, select: { customerId: true, lines: { select: { id: true } } } });
    const token = signShopperToken(app.deps.secrets.shopperTokenKey, {
      shopId: shop.shop.id,
      customerId: row.customerId,
      exp: Math.floor(app.clock.now().getTime() / 1000) + 90 * 86_400,
    });
    const shopper = app.caller({ headers: { ...widgetHeaders(shop.publishableKey, origin), 'x-comptoir-session': token } });
    return { orderId, lineId: row.lines[0]!.id, shopper };
  }

  beforeAll(async () => {
    // Monday 15 June 2026, noon in Paris.
    app = await createTestApp({ now: '2026-06-15T10:00:00Z' });
    shopA = await createShopWithKeys(app.deps.db, { slug: 'quincaillerie-a', origins: [origin] });
    shopB = await createShopWithKeys(app.deps.db, { slug: 'quincaillerie-b', origins: [origin] });
    const owner = await staffCaller(shopA, 'owner');
    await owner.pickup.admin.locations.create({ name: 'Comptoir Bastille', address: '4 rue de la Roquette, 75011 Paris', openingHours, slotMinutes: 30, slotCapacity: 2 });
    await owner.pickup.admin.locations.create({ name: 'Atelier Oberkampf', address: '80 rue Oberkampf, 75011 Paris', openingHours, active: false });
    // The shop closes on Wednesday 17 June besides the public holidays.
    await app.deps.db.servicePolicy.update({
      where: { shopId_version: { shopId: shopA.shop.id, version: 1 } },
      data: { rules: { schedule: { holidays: ['2026-06-17'] } } },
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('tells the shopper which counters take a drop-off return, with address, hours and the coming holidays', async () => {
    const { orderId, lineId, shopper } = await placeOrder(shopA, 'shipping');
    const created = await shopper.returns.widget.create({ orderId, lines: [{ orderLineId: lineId, quantity: 1 }], method: 'drop_off', resolution: 'refund', idempotencyKey: 'drop-0001' });
    expect(created.dropOff?.points).toEqual([
      { id: expect.any(String), name: 'Comptoir Bastille', address: '4 rue de la Roquette, 75011 Paris', openingHours },
    ]);
    expect(created.dropOff?.timeZone).toBe('Europe/Paris');
    // 17 June (the shop's own) and 14 July (public), within the next 30 days.
    expect(created.dropOff?.closedDates).toEqual(['2026-06-17', '2026-07-14']);
    const detail = await shopper.returns.widget.detail({ returnId: created.returnId });
    expect(detail.dropOff?.points.map((point) => point.name)).toEqual(['Comptoir Bastille']);

    const byPost = await shopper.returns.widget.create({ orderId, lines: [{ orderLineId: lineId, quantity: 1 }], method: 'post_own_cost', resolution: 'refund', idempotencyKey: 'post-0001' });
    expect(byPost.dropOff).toBeNull();
    expect((await shopper.returns.widget.detail({ returnId: byPost.returnId })).dropOff).toBeNull();
  });

  it('takes pickup codes and return codes in one input, deciding by the code’s shape', async () => {
    const counter = await staffCaller(shopA, 'staff');
    const pickup = await placeOrder(shopA, 'pickup');
    const slots = await pickup.shopper.pickup.widget.slots({ orderId: pickup.orderId });
    const booking = await pickup.shopper.pickup.widget.book({ orderId: pickup.orderId, locationId: slots.locations[0]!.id, startsAt: slots.locations[0]!.slots[0]!.startsAt.toISOString() });

    const handedOver = await counter.counter.admin.scan({ code: ` ${booking.code.toLowerCase()} ` });
    expect(handedOver).toMatchObject({ kind: 'pickup', code: booking.code, orderId: pickup.orderId, orderNumber: `C-${count}`, isFirstScan: true });
    expect(await counter.counter.admin.scan({ code: booking.code.replace(/^PU-/, '').replace('-', '') })).toMatchObject({ kind: 'pickup', isFirstScan: false });
    expect((await app.deps.db.order.findUniqueOrThrow({ where: { id: pickup.orderId }, select: { pickedUpAt: true } })).pickedUpAt).not.toBeNull();

    const returning = await placeOrder(shopA, 'shipping');
    const created = await returning.shopper.returns.widget.create({
      orderId: returning.orderId,
      lines: [{ orderLineId: returning.lineId, quantity: 2 }],
      method: 'drop_off',
      resolution: 'refund',
      idempotencyKey: 'drop-0002',
    });
    const received = await counter.counter.admin.scan({ code: created.code.toLowerCase().replace('-', ' ') });
    expect(received).toMatchObject({ kind: 'return', code: created.code, returnId: created.returnId, status: 'received', changed: true });
    expect(received.kind === 'return' && received.refundDueAt).toBeInstanceOf(Date);
    expect(await counter.counter.admin.scan({ code: `https://quincaillerie.example/retour/${created.code}` })).toMatchObject({ kind: 'return', changed: false });
    // Received: the return case no longer says where to bring it.
    expect((await returning.shopper.returns.widget.detail({ returnId: created.returnId })).dropOff).toBeNull();
    const events = await app.deps.db.event.findMany({ where: { subjectId: created.returnId }, select: { type: true, reason: true } });
    expect(events).toContainEqual({ type: 'return.approved', reason: 'received_at_counter' });
    expect(events.filter((event) => event.type === 'return.received')).toHaveLength(1);
  });

  it('reads another shop’s codes as unknown and refuses what is neither shape', async () => {
    const pickup = await placeOrder(shopA, 'pickup');
    const slots = await pickup.shopper.pickup.widget.slots({ orderId: pickup.orderId });
    const booking = await pickup.shopper.pickup.widget.book({ orderId: pickup.orderId, locationId: slots.locations[0]!.id, startsAt: slots.locations[0]!.slots[1]!.startsAt.toISOString() });
    const returning = await placeOrder(shopA, 'shipping');
    const created = await returning.shopper.returns.widget.create({
      orderId: returning.orderId,
      lines: [{ orderLineId: returning.lineId, quantity: 1 }],
      method: 'drop_off',
      resolution: 'refund',
      idempotencyKey: 'drop-0003',
    });
    const otherShop = await staffCaller(shopB, 'owner');
    expect(await failure(otherShop.counter.admin.scan({ code: booking.code }))).toEqual({ trpc: 'NOT_FOUND', domain: 'PICKUP_CODE_UNKNOWN' });
    expect(await failure(otherShop.counter.admin.scan({ code: created.code }))).toEqual({ trpc: 'NOT_FOUND', domain: 'RETURN_CODE_UNKNOWN' });
    expect(await failure(otherShop.counter.admin.scan({ code: 'bonjour !' }))).toEqual({ trpc: 'BAD_REQUEST', domain: 'COUNTER_CODE_INVALID' });
    const unchanged = await app.deps.db.returnCase.findUniqueOrThrow({ where: { id: created.returnId }, select: { status: true } });
    expect(unchanged.status).toBe('requested');
    expect((await app.deps.db.pickupBooking.findFirstOrThrow({ where: { code: booking.code } })).status).toBe('booked');
  });

  it('offers no pickup slot on the shop’s holidays or public holidays', async () => {
    const pickup = await placeOrder(shopA, 'pickup');
    const { locations } = await pickup.shopper.pickup.widget.slots({ orderId: pickup.orderId });
    const days = new Set(locations[0]!.slots.map((slot) => slot.startsAt.toISOString().slice(0, 10)));
    // Ready Monday 15 June, collected within 10 days: Tuesday 16 to Thursday 25, but not Wednesday 17.
    expect([...days]).toEqual(['2026-06-16', '2026-06-18', '2026-06-19', '2026-06-20', '2026-06-23', '2026-06-24', '2026-06-25']);
    const wednesdayNine = '2026-06-17T07:00:00.000Z';
    expect(await failure(pickup.shopper.pickup.widget.book({ orderId: pickup.orderId, locationId: locations[0]!.id, startsAt: wednesdayNine }))).toEqual({
      trpc: 'BAD_REQUEST',
      domain: 'PICKUP_SLOT_INVALID',
    });
  });
});
