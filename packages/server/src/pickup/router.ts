import { z } from 'zod';
import { id, instant, shortText } from '@comptoir/protocol';
import type { Actor } from '../core/actor.js';
import { ownerProcedure, router, shopperProcedure, staffProcedure } from '../trpc.js';
import { pickupSettingsInput, weeklyHours } from './policy.js';
import {
  bookPickupSlot,
  createPickupLocation,
  deletePickupLocation,
  getPickupBooking,
  getPickupSettings,
  listPickupLocations,
  listPickupSlots,
  savePickupSettings,
  scanPickupCode,
  updatePickupLocation,
} from './service.js';

const staffActor = (staff: { userId: string }): Actor => ({ type: 'staff', id: staff.userId });
const shopperActor = (shopper: { customerId: string }): Actor => ({ type: 'shopper', id: shopper.customerId });

/** A pickup counter as the admin sends it. */
export const pickupLocationInput = z.object({
  name: shortText(120),
  address: shortText(300),
  openingHours: weeklyHours,
  slotMinutes: z.number().int().min(5).max(240).default(30),
  slotCapacity: z.number().int().min(1).max(500).default(4),
  active: z.boolean().default(true),
});

const slotChoice = z.object({ orderId: id, locationId: id, startsAt: instant });

/** Click and collect: the shopper's slots and QR code, the counter's scan, the owner's settings. */
export const pickupRouter = router({
  widget: router({
    /** Free slots per counter for an order ready for pickup, and its current booking. */
    slots: shopperProcedure
      .input(z.object({ orderId: id }))
      .query(({ ctx, input }) => listPickupSlots(ctx.deps, { shopId: ctx.shop.id, customerId: ctx.shopper.customerId, orderId: input.orderId })),

    /** The order's booking with its QR code, or null. */
    booking: shopperProcedure
      .input(z.object({ orderId: id }))
      .query(({ ctx, input }) => getPickupBooking(ctx.deps, { shopId: ctx.shop.id, customerId: ctx.shopper.customerId, orderId: input.orderId })),

    /** Books a slot (or moves the booking there); answers the QR code to show at the counter. */
    book: shopperProcedure.input(slotChoice).mutation(({ ctx, input }) =>
      bookPickupSlot(ctx.deps, {
        shopId: ctx.shop.id,
        customerId: ctx.shopper.customerId,
        ...input,
        mode: 'book',
        actor: shopperActor(ctx.shopper),
      }),
    ),

    /** Moves an existing booking to another slot; the QR code stays the same. */
    reschedule: shopperProcedure.input(slotChoice).mutation(({ ctx, input }) =>
      bookPickupSlot(ctx.deps, {
        shopId: ctx.shop.id,
        customerId: ctx.shopper.customerId,
        ...input,
        mode: 'reschedule',
        actor: shopperActor(ctx.shopper),
      }),
    ),
  }),

  admin: router({
    /** Hands an order over: the code scanned from the shopper's QR code (or typed). */
    scan: staffProcedure
      .input(z.object({ code: z.string().trim().min(4).max(64) }))
      .mutation(({ ctx, input }) => scanPickupCode(ctx.deps, { shopId: ctx.staff.shopId, code: input.code, actor: staffActor(ctx.staff) })),

    locations: router({
      list: staffProcedure.query(({ ctx }) => listPickupLocations(ctx.deps, ctx.staff.shopId)),
      create: ownerProcedure
        .input(pickupLocationInput)
        .mutation(({ ctx, input }) => createPickupLocation(ctx.deps, { shopId: ctx.staff.shopId, location: input, actor: staffActor(ctx.staff) })),
      update: ownerProcedure
        .input(pickupLocationInput.extend({ locationId: id }))
        .mutation(({ ctx, input: { locationId, ...location } }) =>
          updatePickupLocation(ctx.deps, { shopId: ctx.staff.shopId, locationId, location, actor: staffActor(ctx.staff) }),
        ),
      delete: ownerProcedure
        .input(z.object({ locationId: id }))
        .mutation(({ ctx, input }) => deletePickupLocation(ctx.deps, { shopId: ctx.staff.shopId, locationId: input.locationId, actor: staffActor(ctx.staff) })),
    }),

    settings: router({
      get: staffProcedure.query(({ ctx }) => getPickupSettings(ctx.deps.db, ctx.staff.shopId)),
      update: ownerProcedure
        .input(pickupSettingsInput)
        .mutation(({ ctx, input }) => savePickupSettings(ctx.deps, { shopId: ctx.staff.shopId, settings: input, actor: staffActor(ctx.staff) })),
    }),
  }),
});
