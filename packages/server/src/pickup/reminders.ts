import type { Locale } from '@comptoir/protocol';
import type { Db, Deps } from '../core/deps.js';
import { recordEvent } from '../core/events.js';
import { enqueue } from '../notifications/outbox.js';
import { PickupBookingStatus, pickupSystemActor } from './service.js';

/** How long before a slot its reminder goes out (the scheduler runs often; each booking is reminded once). */
export const reminderLeadMs = 24 * 3_600_000;

/** One reminder to send, in the transaction that marks the booking reminded. */
export interface PickupReminder {
  shopId: string;
  bookingId: string;
  orderNumber: string;
  customerId: string;
  email: string;
  locale: Locale;
  locationName: string;
  address: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  /** Where the shopper finds the order and its QR code (the shop's site, where the widget lives). */
  url: string;
  /** When the reminder is written (the injected clock): the outbox sends it from then. */
  at: Date;
}

/**
 * How a reminder reaches the shopper. The default writes an email to the outbox with the
 * `order_ready_for_pickup` template, the slot and address in its details. HOOK: when the
 * notifications templates gain a dedicated `pickup_reminder` topic, swap it in here.
 */
export type PickupReminderSender = (tx: Db, reminder: PickupReminder) => Promise<void>;

/** The default sender: an email through the outbox, once per booking and slot. */
export const enqueuePickupReminderEmail: PickupReminderSender = async (tx, reminder) => {
  const when = new Intl.DateTimeFormat(reminder.locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: reminder.timeZone,
  }).format(reminder.startsAt);
  await enqueue(tx, {
    channel: 'email',
    shopId: reminder.shopId,
    topic: 'order_ready_for_pickup',
    dedupeKey: `pickup-reminder:${reminder.bookingId}:${reminder.startsAt.toISOString()}`,
    to: reminder.email,
    locale: reminder.locale,
    customerId: reminder.customerId,
    data: { orderNumber: reminder.orderNumber, pickupAddress: `${when} — ${reminder.locationName}, ${reminder.address}`, url: reminder.url },
    at: reminder.at,
  });
};

/**
 * Reminds shoppers of their pickup slot the day before: every booking whose slot starts within the
 * next 24 hours and that was not reminded for it yet. Each booking is claimed with a conditional
 * update in the transaction that sends it, so concurrent schedulers remind once. Returns how many
 * reminders were sent.
 */
export async function sendPickupReminders(
  deps: Deps,
  now: Date,
  options: { send?: PickupReminderSender; limit?: number } = {},
): Promise<number> {
  const send = options.send ?? enqueuePickupReminderEmail;
  const due = await deps.db.pickupBooking.findMany({
    where: { status: PickupBookingStatus.booked, remindedAt: null, slotStartsAt: { gt: now, lte: new Date(now.getTime() + reminderLeadMs) } },
    select: {
      id: true,
      shopId: true,
      orderId: true,
      slotStartsAt: true,
      slotEndsAt: true,
      location: { select: { name: true, address: true } },
    },
    orderBy: { slotStartsAt: 'asc' },
    take: options.limit ?? 500,
  });
  let sent = 0;
  for (const booking of due) {
    const order = await deps.db.order.findFirst({
      where: { id: booking.orderId, shopId: booking.shopId },
      select: {
        number: true,
        customer: { select: { id: true, email: true, locale: true, erasedAt: true } },
        shop: { select: { locale: true, timeZone: true, allowedOrigins: true } },
      },
    });
    if (!order || order.customer.erasedAt) continue;
    const isSent = await deps.db.$transaction(async (tx) => {
      const { count } = await tx.pickupBooking.updateMany({ where: { id: booking.id, remindedAt: null }, data: { remindedAt: now } });
      if (count === 0) return false;
      const locale = (order.customer.locale ?? order.shop.locale) === 'en' ? 'en' : 'fr';
      const at = deps.clock.now();
      await send(tx, {
        shopId: booking.shopId,
        bookingId: booking.id,
        orderNumber: order.number,
        customerId: order.customer.id,
        email: order.customer.email,
        locale,
        locationName: booking.location.name,
        address: booking.location.address,
        startsAt: booking.slotStartsAt,
        endsAt: booking.slotEndsAt,
        timeZone: order.shop.timeZone,
        url: order.shop.allowedOrigins[0] ?? deps.config.publicUrl,
        at,
      });
      await recordEvent(tx, {
        shopId: booking.shopId,
        subjectType: 'pickup',
        subjectId: booking.id,
        type: 'pickup.reminded',
        actor: pickupSystemActor,
        reason: 'pickup.day_before',
        data: { orderId: booking.orderId, startsAt: booking.slotStartsAt.toISOString() },
        occurredAt: at,
      });
      return true;
    });
    if (isSent) sent += 1;
  }
  return sent;
}
