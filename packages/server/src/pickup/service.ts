import type { Prisma } from '../generated/prisma/client.js';
import { ActorType, type Actor } from '../core/actor.js';
import type { Db, Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { recordEvent } from '../core/events.js';
import { isUniqueViolation } from '../orders/order-transaction.js';
import { markOrderStep } from '../orders/service.js';
import { bookingHorizonDays, defaultPickupSettings, pickupSettingsInput, uncollectedDeadline, weeklyHours, type PickupSettings, type WeeklyHours } from './policy.js';
import { newPickupCode, normalisePickupCode, pickupQrDataUrl } from './qr.js';
import { loadCasePolicy } from '../cases/case-policy.js';
import { findSlot, generateSlots, type ClosedDays } from './slots.js';

/** Statuses of a pickup booking. */
export const PickupBookingStatus = {
  booked: 'booked',
  pickedUp: 'picked_up',
  cancelled: 'cancelled',
  noShow: 'no_show',
} as const;
export type PickupBookingStatus = (typeof PickupBookingStatus)[keyof typeof PickupBookingStatus];

// ───────────────────────────── Locations and settings ─────────────────────────────

const locationSelect = {
  id: true,
  name: true,
  address: true,
  openingHours: true,
  slotMinutes: true,
  slotCapacity: true,
  active: true,
} satisfies Prisma.PickupLocationSelect;

/** A pickup counter as the admin edits it. */
export interface PickupLocationView {
  id: string;
  name: string;
  address: string;
  openingHours: WeeklyHours;
  slotMinutes: number;
  slotCapacity: number;
  active: boolean;
}

/** What the admin sends to create or change a counter. */
export interface PickupLocationInput {
  name: string;
  address: string;
  openingHours: WeeklyHours;
  slotMinutes: number;
  slotCapacity: number;
  active?: boolean;
}

function toLocationView(row: Prisma.PickupLocationGetPayload<{ select: typeof locationSelect }>): PickupLocationView {
  return { ...row, openingHours: weeklyHours.parse(row.openingHours) };
}

/** The shop's pickup counters, active first. */
export async function listPickupLocations(deps: Deps, shopId: string): Promise<PickupLocationView[]> {
  const rows = await deps.db.pickupLocation.findMany({ where: { shopId }, select: locationSelect, orderBy: [{ active: 'desc' }, { name: 'asc' }] });
  return rows.map(toLocationView);
}

/** Adds a pickup counter. */
export async function createPickupLocation(deps: Deps, input: { shopId: string; location: PickupLocationInput; actor: Actor }): Promise<PickupLocationView> {
  return deps.db.$transaction(async (tx) => {
    const row = await tx.pickupLocation.create({
      data: { shopId: input.shopId, ...input.location, openingHours: input.location.openingHours },
      select: locationSelect,
    });
    await recordEvent(tx, {
      shopId: input.shopId,
      subjectType: 'pickup_location',
      subjectId: row.id,
      type: 'pickup_location.created',
      actor: input.actor,
      occurredAt: deps.clock.now(),
    });
    return toLocationView(row);
  });
}

/**
 * Changes a pickup counter. A new capacity applies to the slots not yet past (existing bookings are
 * kept even when the capacity shrinks below them).
 */
export async function updatePickupLocation(
  deps: Deps,
  input: { shopId: string; locationId: string; location: PickupLocationInput; actor: Actor },
): Promise<PickupLocationView> {
  return deps.db.$transaction(async (tx) => {
    const { count } = await tx.pickupLocation.updateMany({
      where: { id: input.locationId, shopId: input.shopId },
      data: { ...input.location, openingHours: input.location.openingHours },
    });
    if (count === 0) throw new DomainError('PICKUP_LOCATION_NOT_FOUND');
    await tx.pickupSlot.updateMany({
      where: { locationId: input.locationId, endsAt: { gt: deps.clock.now() } },
      data: { capacity: input.location.slotCapacity },
    });
    await recordEvent(tx, {
      shopId: input.shopId,
      subjectType: 'pickup_location',
      subjectId: input.locationId,
      type: 'pickup_location.updated',
      actor: input.actor,
      occurredAt: deps.clock.now(),
    });
    return toLocationView(await tx.pickupLocation.findUniqueOrThrow({ where: { id: input.locationId }, select: locationSelect }));
  });
}

/** Deletes a counter nobody is booked at any more; one with upcoming bookings is refused (deactivate it). */
export async function deletePickupLocation(deps: Deps, input: { shopId: string; locationId: string; actor: Actor }): Promise<void> {
  await deps.db.$transaction(async (tx) => {
    const location = await tx.pickupLocation.findFirst({ where: { id: input.locationId, shopId: input.shopId }, select: { id: true } });
    if (!location) throw new DomainError('PICKUP_LOCATION_NOT_FOUND');
    const upcoming = await tx.pickupBooking.count({ where: { locationId: location.id, status: PickupBookingStatus.booked } });
    if (upcoming > 0) throw new DomainError('PICKUP_LOCATION_IN_USE');
    await tx.pickupLocation.delete({ where: { id: location.id } });
    await recordEvent(tx, {
      shopId: input.shopId,
      subjectType: 'pickup_location',
      subjectId: location.id,
      type: 'pickup_location.deleted',
      actor: input.actor,
      occurredAt: deps.clock.now(),
    });
  });
}

/** The days the shop's policy closes it (its holidays and public holidays): its counters too. */
export async function loadClosedDays(db: Db, shopId: string): Promise<ClosedDays> {
  const { schedule } = await loadCasePolicy(db, shopId);
  return { holidays: schedule.holidays, publicHolidays: schedule.publicHolidays };
}

/** The shop's click-and-collect rules (the defaults until it saves its own). */
export async function getPickupSettings(db: Db, shopId: string): Promise<PickupSettings> {
  const row = await db.pickupSettings.findUnique({ where: { shopId }, select: { uncollectedDays: true, uncollectedRefund: true } });
  return row ? pickupSettingsInput.parse(row) : defaultPickupSettings;
}

/** Saves the shop's click-and-collect rules. */
export async function savePickupSettings(deps: Deps, input: { shopId: string; settings: PickupSettings; actor: Actor }): Promise<PickupSettings> {
  return deps.db.$transaction(async (tx) => {
    await tx.pickupSettings.upsert({
      where: { shopId: input.shopId },
      create: { shopId: input.shopId, ...input.settings },
      update: input.settings,
    });
    await recordEvent(tx, {
      shopId: input.shopId,
      subjectType: 'shop',
      subjectId: input.shopId,
      type: 'pickup_settings.updated',
      actor: input.actor,
      data: { ...input.settings },
      occurredAt: deps.clock.now(),
    });
    return input.settings;
  });
}

// ───────────────────────────── Shopper: slots and bookings ─────────────────────────────

/** Who is booking: the shop of the publishable key and the customer of the session token. */
export interface ShopperOrderRef {
  shopId: string;
  customerId: string;
  orderId: string;
}

/** A booking as the shopper sees it, with the QR code to show at the counter. */
export interface PickupBookingView {
  bookingId: string;
  orderId: string;
  status: string;
  location: { id: string; name: string; address: string };
  startsAt: Date;
  endsAt: Date;
  code: string;
  qrDataUrl: string;
}

const bookingSelect = {
  id: true,
  orderId: true,
  status: true,
  slotId: true,
  slotStartsAt: true,
  slotEndsAt: true,
  code: true,
  location: { select: { id: true, name: true, address: true } },
} satisfies Prisma.PickupBookingSelect;

async function toBookingView(row: Prisma.PickupBookingGetPayload<{ select: typeof bookingSelect }>): Promise<PickupBookingView> {
  return {
    bookingId: row.id,
    orderId: row.orderId,
    status: row.status,
    location: row.location,
    startsAt: row.slotStartsAt,
    endsAt: row.slotEndsAt,
    code: row.code,
    qrDataUrl: await pickupQrDataUrl(row.code),
  };
}

/** The shopper's order if it can be booked now, with the end of its booking window. */
async function loadBookableOrder(db: Db, ref: ShopperOrderRef, now: Date) {
  const order = await db.order.findFirst({
    where: { id: ref.orderId, shopId: ref.shopId, customerId: ref.customerId },
    select: { id: true, number: true, status: true, fulfilment: true, readyForPickupAt: true, pickedUpAt: true, shop: { select: { timeZone: true } } },
  });
  if (!order) throw new DomainError('ORDER_NOT_FOUND');
  if (order.fulfilment !== 'pickup' || order.status !== 'open' || !order.readyForPickupAt || order.pickedUpAt) {
    throw new DomainError('PICKUP_NOT_AVAILABLE');
  }
  const settings = await getPickupSettings(db, ref.shopId);
  const deadline = uncollectedDeadline(order.readyForPickupAt, settings, order.shop.timeZone);
  const horizon = new Date(now.getTime() + bookingHorizonDays * 86_400_000);
  return { order, timeZone: order.shop.timeZone, windowEnd: deadline < horizon ? deadline : horizon, deadline };
}

/** The slots a shopper can book for an order, per counter. */
export interface PickupAvailability {
  orderId: string;
  /** When the order is cancelled if nobody collected it. */
  collectBy: Date;
  booking: PickupBookingView | null;
  locations: Array<{ id: string; name: string; address: string; slots: Array<{ startsAt: Date; endsAt: Date; remaining: number }> }>;
}

/**
 * The free slots for an order ready for pickup: from now to the earlier of the booking horizon
 * and the day it would be cancelled as uncollected, at every active counter of the shop.
 */
export async function listPickupSlots(deps: Deps, ref: ShopperOrderRef): Promise<PickupAvailability> {
  const now = deps.clock.now();
  const { timeZone, windowEnd, deadline } = await loadBookableOrder(deps.db, ref, now);
  const closedDays = await loadClosedDays(deps.db, ref.shopId);
  const locations = await deps.db.pickupLocation.findMany({ where: { shopId: ref.shopId, active: true }, select: locationSelect, orderBy: { name: 'asc' } });
  const booking = await deps.db.pickupBooking.findFirst({
    where: { orderId: ref.orderId, shopId: ref.shopId, status: PickupBookingStatus.booked },
    select: bookingSelect,
  });
  const result: PickupAvailability['locations'] = [];
  for (const row of locations) {
    const location = toLocationView(row);
    const slots = generateSlots({ openingHours: location.openingHours, timeZone, slotMinutes: location.slotMinutes, closedDays, from: now, to: windowEnd });
    const counters = await deps.db.pickupSlot.findMany({
      where: { locationId: location.id, startsAt: { gte: now, lte: windowEnd } },
      select: { startsAt: true, capacity: true, booked: true },
    });
    const taken = new Map(counters.map((counter) => [counter.startsAt.getTime(), counter.capacity - counter.booked]));
    result.push({
      id: location.id,
      name: location.name,
      address: location.address,
      slots: slots
        .map((slot) => ({ ...slot, remaining: Math.max(0, taken.get(slot.startsAt.getTime()) ?? location.slotCapacity) }))
        .filter((slot) => slot.remaining > 0),
    });
  }
  return { orderId: ref.orderId, collectBy: deadline, booking: booking ? await toBookingView(booking) : null, locations: result };
}

/** Gives a place back to a slot (a booking moved away or cancelled). */
async function releaseSlot(tx: Db, slotId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "PickupSlot" SET "booked" = "booked" - 1 WHERE "id" = ${slotId}::uuid AND "booked" > 0`;
}

/**
 * Books a slot for an order ready for pickup, or moves its booking there (`mode: 'reschedule'`
 * requires one). The place is taken with a conditional update of the slot's counter
 * (`booked < capacity`): the row lock makes concurrent bookings wait for each other, so a slot never
 * holds more than its capacity, on PostgreSQL and PGlite alike. Booking the slot already held
 * changes nothing. The code stays the same across moves, so a QR code already saved still works.
 */
export async function bookPickupSlot(
  deps: Deps,
  input: ShopperOrderRef & { locationId: string; startsAt: Date; mode: 'book' | 'reschedule'; actor: Actor },
): Promise<PickupBookingView> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const row = await deps.db.$transaction(
        async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`pickup:${input.orderId}`}, 0))`;
          const now = deps.clock.now();
          const { timeZone, windowEnd } = await loadBookableOrder(tx, input, now);
          const existing = await tx.pickupBooking.findUnique({ where: { orderId: input.orderId }, select: bookingSelect });
          const isHeld = existing?.status === PickupBookingStatus.booked;
          if (input.mode === 'reschedule' && !isHeld) throw new DomainError('PICKUP_BOOKING_NOT_FOUND');
          if (isHeld && existing.location.id === input.locationId && existing.slotStartsAt.getTime() === input.startsAt.getTime()) return existing;

          const locationRow = await tx.pickupLocation.findFirst({
            where: { id: input.locationId, shopId: input.shopId, active: true },
            select: locationSelect,
          });
          if (!locationRow) throw new DomainError('PICKUP_LOCATION_NOT_FOUND');
          const location = toLocationView(locationRow);
          const closedDays = await loadClosedDays(tx, input.shopId);
          const slot = findSlot({ openingHours: location.openingHours, timeZone, slotMinutes: location.slotMinutes, closedDays, startsAt: input.startsAt });
          if (!slot || slot.startsAt < now || slot.endsAt > windowEnd) throw new DomainError('PICKUP_SLOT_INVALID');

          await tx.pickupSlot.createMany({
            data: [{ locationId: location.id, startsAt: slot.startsAt, endsAt: slot.endsAt, capacity: location.slotCapacity }],
            skipDuplicates: true,
          });
          const counter = await tx.pickupSlot.findUniqueOrThrow({
            where: { locationId_startsAt: { locationId: location.id, startsAt: slot.startsAt } },
            select: { id: true },
          });
          const taken = await tx.$executeRaw`UPDATE "PickupSlot" SET "booked" = "booked" + 1 WHERE "id" = ${counter.id}::uuid AND "booked" < "capacity"`;
          if (taken !== 1) throw new DomainError('PICKUP_SLOT_FULL');
          if (isHeld) await releaseSlot(tx, existing.slotId);

          const data = { locationId: location.id, slotId: counter.id, slotStartsAt: slot.startsAt, slotEndsAt: slot.endsAt, status: PickupBookingStatus.booked };
          const saved = existing
            ? await tx.pickupBooking.update({ where: { id: existing.id }, data: { ...data, remindedAt: null, cancelledAt: null }, select: bookingSelect })
            : await tx.pickupBooking.create({ data: { ...data, shopId: input.shopId, orderId: input.orderId, code: newPickupCode() }, select: bookingSelect });
          await recordEvent(tx, {
            shopId: input.shopId,
            subjectType: 'pickup',
            subjectId: saved.id,
            type: isHeld ? 'pickup.rescheduled' : 'pickup.booked',
            fromStatus: existing?.status ?? null,
            toStatus: PickupBookingStatus.booked,
            actor: input.actor,
            data: {
              orderId: input.orderId,
              locationId: location.id,
              startsAt: slot.startsAt.toISOString(),
              ...(isHeld ? { previousStartsAt: existing.slotStartsAt.toISOString() } : {}),
            },
            occurredAt: now,
          });
          return saved;
        },
        { maxWait: 30_000, timeout: 30_000 },
      );
      return toBookingView(row);
    } catch (error) {
      // Two first bookings of one order racing past the advisory lock cannot happen, but a code
      // drawn twice (1 in 8.5e11) can: draw again.
      if (attempt < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

/** The shopper's current booking of an order, with its QR code. */
export async function getPickupBooking(deps: Deps, ref: ShopperOrderRef): Promise<PickupBookingView | null> {
  const row = await deps.db.pickupBooking.findFirst({
    where: { orderId: ref.orderId, shopId: ref.shopId, status: { in: [PickupBookingStatus.booked, PickupBookingStatus.pickedUp] } },
    select: { ...bookingSelect, shopId: true },
  });
  if (!row) return null;
  const order = await deps.db.order.findFirst({ where: { id: ref.orderId, shopId: ref.shopId, customerId: ref.customerId }, select: { id: true } });
  return order ? toBookingView(row) : null;
}

// ───────────────────────────── Staff: the counter ─────────────────────────────

/** What scanning a pickup code did. */
export interface PickupScanResult {
  orderId: string;
  orderNumber: string;
  customerName: string | null;
  /** False when the order had already been handed over (a second scan changes nothing). */
  isFirstScan: boolean;
  slotStartsAt: Date;
}

/**
 * Hands an order over at the counter: the code scanned (or typed) must be one of this shop's
 * bookings, otherwise PICKUP_CODE_UNKNOWN, so another shop's code reads as unknown. The order is
 * marked picked up through the orders service (its transition table and event), then the booking
 * is closed with a `pickup.collected` event; scanning again reports it and changes nothing.
 */
export async function scanPickupCode(deps: Deps, input: { shopId: string; code: string; actor: Actor }): Promise<PickupScanResult> {
  const code = normalisePickupCode(input.code);
  const booking = await deps.db.pickupBooking.findUnique({
    where: { shopId_code: { shopId: input.shopId, code } },
    select: { id: true, orderId: true, status: true, slotStartsAt: true },
  });
  if (!booking) throw new DomainError('PICKUP_CODE_UNKNOWN');
  const order = await deps.db.order.findFirstOrThrow({
    where: { id: booking.orderId, shopId: input.shopId },
    select: { externalId: true, number: true, customer: { select: { name: true } } },
  });
  const step = await markOrderStep(deps, {
    shopId: input.shopId,
    externalId: order.externalId,
    step: 'picked_up',
    reason: 'pickup.scanned',
    actor: input.actor,
  });
  const isFirstScan = await deps.db.$transaction(async (tx) => {
    const now = deps.clock.now();
    const { count } = await tx.pickupBooking.updateMany({
      where: { id: booking.id, status: PickupBookingStatus.booked },
      data: { status: PickupBookingStatus.pickedUp, pickedUpAt: now },
    });
    if (count === 0) return false;
    await recordEvent(tx, {
      shopId: input.shopId,
      subjectType: 'pickup',
      subjectId: booking.id,
      type: 'pickup.collected',
      fromStatus: PickupBookingStatus.booked,
      toStatus: PickupBookingStatus.pickedUp,
      actor: input.actor,
      data: { orderId: booking.orderId },
      occurredAt: now,
    });
    return true;
  });
  return {
    orderId: booking.orderId,
    orderNumber: order.number,
    customerName: order.customer.name,
    isFirstScan: isFirstScan || step.changed,
    slotStartsAt: booking.slotStartsAt,
  };
}

/** The actor of the scheduler's pickup work. */
export const pickupSystemActor: Actor = { type: ActorType.system, id: 'pickup' };
