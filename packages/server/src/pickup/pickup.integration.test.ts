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
import { cancelUncollectedOrders } from './no-shows.js';
import { sendPickupReminders } from './reminders.js';

const origin = 'https://epicerie.example';
const everyDay = { opens: '09:00', closes: '19:00' };
const openingHours = {
  monday: [everyDay],
  tuesday: [everyDay],
  wednesday: [everyDay],
  thursday: [everyDay],
  friday: [everyDay],
  saturday: [everyDay],
  sunday: [],
};
/** Tuesday 16 June 2026, 09:00 and 09:30 in Paris. */
const tuesdayNine = '2026-06-16T07:00:00.000Z';
const tuesdayNineThirty = '2026-06-16T07:30:00.000Z';

async function failure(call: Promise<unknown>): Promise<{ trpc: string; domain: string | null }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError) return { trpc: error.code, domain: error.cause instanceof DomainError ? error.cause.code : null };
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe(`click and collect on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let shopA: ShopWithKeys;
  let shopB: ShopWithKeys;
  let locationId: string;
  let orderCount = 0;

  async function staffSession(shop: ShopWithKeys, role: 'owner' | 'staff') {
    const token = randomBytes(24).toString('base64url');
    const user = await app.deps.db.staffUser.create({
      data: { email: `${role}.${shop.shop.slug}.${token.slice(0, 6)}@example.fr`, name: role, memberships: { create: { shopId: shop.shop.id, role } } },
      select: { id: true },
    });
    await app.deps.db.staffSession.create({
      data: { staffUserId: user.id, tokenHash: sha256(token), activeShopId: shop.shop.id, expiresAt: new Date(app.clock.now().getTime() + 30 * 86_400_000) },
    });
    return app.caller({ cookies: { comptoir_staff: token }, headers: { 'x-csrf-token': csrfTokenFor(token) } });
  }

  /** A pickup order of its own customer, ready at `readyAt`, and that shopper's caller. */
  async function readyOrder(shop: ShopWithKeys, readyAt: string, extra: Record<string, unknown> = {}) {
    orderCount += 1;
    const { orderId } = await upsertOrder(app.deps, {
      shopId: shop.shop.id,
      actor: { type: 'system' },
      order: orderUpsertInput.parse({
        externalId: `pickup-${orderCount}`,
        number: `P-${orderCount}`,
        customer: { email: `client${orderCount}@example.fr`, name: `Client ${orderCount}` },
        currency: 'EUR',
        fulfilment: 'pickup',
        lines: [{ sku: 'MIEL', title: 'Miel de lavande', quantity: 2, unitPriceMinor: 1200 }],
        placedAt: '2026-06-12T09:00:00Z',
        readyForPickupAt: readyAt,
        ...extra,
      }),
    });
    const { customerId } = await app.deps.db.order.findUniqueOrThrow({ where: { id: orderId }, select: { customerId: true } });
    const token = signShopperToken(app.deps.secrets.shopperTokenKey, {
      shopId: shop.shop.id,
      customerId,
      exp: Math.floor(app.clock.now().getTime() / 1000) + 30 * 86_400,
    });
    const shopper = app.caller({ headers: { ...widgetHeaders(shop.publishableKey, origin), 'x-comptoir-session': token } });
    return { orderId, shopper };
  }

  async function eventTypes(subjectId: string) {
    const rows = await app.deps.db.event.findMany({ where: { subjectId }, select: { type: true }, orderBy: { occurredAt: 'asc' } });
    return rows.map((row) => row.type);
  }

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-06-15T10:00:00Z' });
    shopA = await createShopWithKeys(app.deps.db, { slug: 'epicerie-a', origins: [origin] });
    shopB = await createShopWithKeys(app.deps.db, { slug: 'epicerie-b', origins: [origin] });
    const owner = await staffSession(shopA, 'owner');
    const location = await owner.pickup.admin.locations.create({
      name: 'Comptoir rue des Martyrs',
      address: '12 rue des Martyrs, 75009 Paris',
      openingHours,
      slotMinutes: 30,
      slotCapacity: 3,
    });
    locationId = location.id;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('never books a slot beyond its capacity under 50 concurrent bookings', async () => {
    const orders = [];
    for (let i = 0; i < 50; i += 1) orders.push(await readyOrder(shopA, '2026-06-15T08:00:00Z'));
    const results = await Promise.allSettled(
      orders.map(({ orderId, shopper }) => shopper.pickup.widget.book({ orderId, locationId, startsAt: tuesdayNine })),
    );
    const booked = results.filter((result) => result.status === 'fulfilled');
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(booked).toHaveLength(3);
    expect(refused).toHaveLength(47);
    expect(refused.every((result) => result.reason instanceof TRPCError && (result.reason.cause as DomainError).code === 'PICKUP_SLOT_FULL')).toBe(true);
    const slot = await app.deps.db.pickupSlot.findFirstOrThrow({ where: { locationId, startsAt: new Date(tuesdayNine) } });
    expect(slot).toMatchObject({ capacity: 3, booked: 3 });
    expect(await app.deps.db.pickupBooking.count({ where: { slotId: slot.id, status: 'booked' } })).toBe(3);

    // The full slot is no longer offered; the next one is.
    const { orderId, shopper } = orders[10]!;
    const availability = await shopper.pickup.widget.slots({ orderId });
    const offered = availability.locations[0]!.slots.map((offer) => offer.startsAt.toISOString());
    expect(offered).not.toContain(tuesdayNine);
    expect(offered).toContain(tuesdayNineThirty);
  });

  it('gives a QR code, keeps it when the booking moves, and frees the old place', async () => {
    const { orderId, shopper } = await readyOrder(shopA, '2026-06-15T08:00:00Z');
    const first = await shopper.pickup.widget.book({ orderId, locationId, startsAt: '2026-06-17T07:00:00Z' });
    expect(first.code).toMatch(/^PU-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(first.qrDataUrl.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(Buffer.from(first.qrDataUrl.split(',')[1]!, 'base64').toString('utf8')).toContain('<svg');

    const again = await shopper.pickup.widget.book({ orderId, locationId, startsAt: '2026-06-17T07:00:00Z' });
    expect(again.bookingId).toBe(first.bookingId);
    const moved = await shopper.pickup.widget.reschedule({ orderId, locationId, startsAt: '2026-06-17T08:00:00Z' });
    expect(moved).toMatchObject({ bookingId: first.bookingId, code: first.code, startsAt: new Date('2026-06-17T08:00:00Z') });
    const slots = await app.deps.db.pickupSlot.findMany({ where: { locationId, startsAt: { in: [new Date('2026-06-17T07:00:00Z'), new Date('2026-06-17T08:00:00Z')] } }, orderBy: { startsAt: 'asc' } });
    expect(slots.map((slot) => slot.booked)).toEqual([0, 1]);
    expect(await eventTypes(first.bookingId)).toEqual(['pickup.booked', 'pickup.rescheduled']);
  });

  it('refuses slots the counter does not offer and orders not ready for pickup', async () => {
    const { orderId, shopper } = await readyOrder(shopA, '2026-06-15T08:00:00Z');
    expect(await failure(shopper.pickup.widget.book({ orderId, locationId, startsAt: '2026-06-16T07:10:00Z' }))).toMatchObject({ domain: 'PICKUP_SLOT_INVALID' });
    expect(await failure(shopper.pickup.widget.book({ orderId, locationId, startsAt: '2026-06-21T08:00:00Z' }))).toMatchObject({ domain: 'PICKUP_SLOT_INVALID' });
    expect(await failure(shopper.pickup.widget.book({ orderId, locationId, startsAt: '2026-06-15T07:00:00Z' }))).toMatchObject({ domain: 'PICKUP_SLOT_INVALID' });
    expect(await failure(shopper.pickup.widget.reschedule({ orderId, locationId, startsAt: tuesdayNineThirty }))).toMatchObject({ domain: 'PICKUP_BOOKING_NOT_FOUND' });

    const notReady = await readyOrder(shopA, '2026-06-15T08:00:00Z', { readyForPickupAt: undefined });
    expect(await failure(notReady.shopper.pickup.widget.slots({ orderId: notReady.orderId }))).toMatchObject({ trpc: 'PRECONDITION_FAILED', domain: 'PICKUP_NOT_AVAILABLE' });
    // Another shopper's order reads as unknown.
    expect(await failure(shopper.pickup.widget.slots({ orderId: notReady.orderId }))).toMatchObject({ domain: 'ORDER_NOT_FOUND' });
  });

  it('marks the order picked up once when its code is scanned', async () => {
    const { orderId, shopper } = await readyOrder(shopA, '2026-06-15T08:00:00Z');
    const booking = await shopper.pickup.widget.book({ orderId, locationId, startsAt: tuesdayNineThirty });
    const counter = await staffSession(shopA, 'staff');

    const first = await counter.pickup.admin.scan({ code: booking.code.toLowerCase().replaceAll('-', '') });
    expect(first).toMatchObject({ orderId, isFirstScan: true });
    const second = await counter.pickup.admin.scan({ code: booking.code });
    expect(second).toMatchObject({ orderId, isFirstScan: false });

    const order = await app.deps.db.order.findUniqueOrThrow({ where: { id: orderId }, select: { pickedUpAt: true } });
    expect(order.pickedUpAt).toEqual(app.clock.now());
    expect((await eventTypes(orderId)).filter((type) => type === 'order.picked_up')).toHaveLength(1);
    expect(await eventTypes(booking.bookingId)).toEqual(['pickup.booked', 'pickup.collected']);
  });

  it('refuses an unknown code and another shop’s code as not found', async () => {
    const { orderId, shopper } = await readyOrder(shopA, '2026-06-15T08:00:00Z');
    const booking = await shopper.pickup.widget.book({ orderId, locationId, startsAt: tuesdayNineThirty });
    const otherShop = await staffSession(shopB, 'owner');
    expect(await failure(otherShop.pickup.admin.scan({ code: booking.code }))).toEqual({ trpc: 'NOT_FOUND', domain: 'PICKUP_CODE_UNKNOWN' });
    expect(await failure(otherShop.pickup.admin.scan({ code: 'PU-2222-2222' }))).toEqual({ trpc: 'NOT_FOUND', domain: 'PICKUP_CODE_UNKNOWN' });
    const untouched = await app.deps.db.order.findUniqueOrThrow({ where: { id: orderId }, select: { pickedUpAt: true } });
    expect(untouched.pickedUpAt).toBeNull();
  });

  it('reminds the shopper once, the day before the slot', async () => {
    const { orderId, shopper } = await readyOrder(shopA, '2026-06-15T08:00:00Z');
    const booking = await shopper.pickup.widget.book({ orderId, locationId, startsAt: '2026-06-18T12:00:00Z' });
    expect(await sendPickupReminders(app.deps, new Date('2026-06-17T10:00:00Z'))).toBe(0);
    const dayBefore = new Date('2026-06-17T12:30:00Z');
    const sent = await sendPickupReminders(app.deps, dayBefore);
    expect(sent).toBeGreaterThanOrEqual(1);
    expect(await sendPickupReminders(app.deps, dayBefore)).toBe(0);
    const outbox = await app.deps.db.outboxMessage.findMany({ where: { dedupeKey: { startsWith: `pickup-reminder:${booking.bookingId}` } } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ channel: 'email', topic: 'order_ready_for_pickup' });
  });

  it('cancels an order not collected after the policy’s days and refunds it in store credit', async () => {
    const { orderId, shopper } = await readyOrder(shopA, '2026-06-15T08:00:00Z');
    const booking = await shopper.pickup.widget.book({ orderId, locationId, startsAt: '2026-06-19T07:00:00Z' });

    app.clock.set('2026-06-25T07:59:00Z');
    const early = await cancelUncollectedOrders(app.deps, app.clock.now());
    expect(early.cancelled).not.toContain(orderId);

    app.clock.set('2026-06-25T08:00:00Z');
    const report = await cancelUncollectedOrders(app.deps, app.clock.now());
    expect(report.cancelled).toContain(orderId);
    expect(report.refunded).toContain(orderId);

    const order = await app.deps.db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, cancelledAt: true, customerId: true } });
    expect(order).toMatchObject({ status: 'cancelled', cancelledAt: new Date('2026-06-25T08:00:00Z') });
    const refunds = await app.deps.db.refund.findMany({ where: { orderId }, select: { provider: true, status: true, amountMinor: true, reason: true, actorType: true } });
    expect(refunds).toEqual([{ provider: 'store_credit', status: 'succeeded', amountMinor: 2400, reason: 'pickup.not_collected', actorType: 'system' }]);
    const credit = await app.deps.db.storeCreditEntry.aggregate({ where: { customerId: order.customerId }, _sum: { amountMinor: true } });
    expect(credit._sum.amountMinor).toBe(2400);
    const cancellation = await app.deps.db.event.findFirstOrThrow({ where: { subjectId: orderId, type: 'order.cancelled' } });
    expect(cancellation).toMatchObject({ actorType: 'system', reason: 'pickup.not_collected', toStatus: 'cancelled' });
    expect(await eventTypes(booking.bookingId)).toEqual(['pickup.booked', 'pickup.no_show']);

    // The next pass changes nothing.
    const again = await cancelUncollectedOrders(app.deps, app.clock.now());
    expect(again.cancelled).not.toContain(orderId);
    expect(await app.deps.db.refund.count({ where: { orderId } })).toBe(1);
  });

  it('follows a shop policy that cancels sooner without refunding', async () => {
    const ownerB = await staffSession(shopB, 'owner');
    await ownerB.pickup.admin.settings.update({ uncollectedDays: 3, uncollectedRefund: 'none' });
    const { orderId } = await readyOrder(shopB, '2026-06-20T08:00:00Z');
    app.clock.set('2026-06-23T07:59:00Z');
    expect((await cancelUncollectedOrders(app.deps, app.clock.now())).cancelled).not.toContain(orderId);
    app.clock.set('2026-06-23T08:00:00Z');
    const report = await cancelUncollectedOrders(app.deps, app.clock.now());
    expect(report.cancelled).toContain(orderId);
    expect(report.refunded).not.toContain(orderId);
    expect(await app.deps.db.refund.count({ where: { orderId } })).toBe(0);
    expect((await app.deps.db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } })).status).toBe('cancelled');
  });
});
