import { z } from 'zod';
import { openingInterval, weekdays, type OpeningInterval, type Weekday } from '@comptoir/protocol';
import { addCalendarDays } from '../guarantees/zoned-time.js';

/** How an order nobody collected is refunded. */
export const UncollectedRefund = {
  /** Store credit for what remains refundable (in Comptoir's ledger, at once). */
  storeCredit: 'store_credit',
  /** Back to the card it was paid with, through Stripe (the shop must have connected Stripe). */
  originalPayment: 'original_payment',
  /** Cancel only: the shop refunds by hand (cash on collection, bank transfer). */
  none: 'none',
} as const;
export type UncollectedRefund = (typeof UncollectedRefund)[keyof typeof UncollectedRefund];

/** A shop's click-and-collect rules, with their defaults. */
export const pickupSettingsInput = z.object({
  /** Days after "ready for pickup" an uncollected order is cancelled. */
  uncollectedDays: z.number().int().min(1).max(90).default(10),
  uncollectedRefund: z.enum([UncollectedRefund.storeCredit, UncollectedRefund.originalPayment, UncollectedRefund.none]).default('store_credit'),
});
export type PickupSettings = z.output<typeof pickupSettingsInput>;

/** The rules of a shop that never saved its own. */
export const defaultPickupSettings: PickupSettings = pickupSettingsInput.parse({});

/** A counter's opening intervals per weekday, in the shop's time zone (a lunch break makes two). */
export const weeklyHours = z.object(
  Object.fromEntries(weekdays.map((day) => [day, z.array(openingInterval).max(4).default([])])) as Record<
    Weekday,
    z.ZodDefault<z.ZodArray<typeof openingInterval>>
  >,
);
export type WeeklyHours = Record<Weekday, OpeningInterval[]>;

/** When an order ready for pickup at `readyAt` is cancelled if nobody collected it. */
export function uncollectedDeadline(readyAt: Date, settings: PickupSettings, timeZone: string): Date {
  return addCalendarDays(readyAt, settings.uncollectedDays, timeZone);
}

/** How far ahead a shopper may book. */
export const bookingHorizonDays = 14;
