import { pickLocale } from '@comptoir/protocol';
import type { StaffRole } from '@comptoir/protocol/schemas/staff';
import type { Db } from '../core/deps.js';
import { enqueue } from '../notifications/outbox.js';

const hourMs = 3_600_000;

/**
 * The invitation email, written with the invitation itself: the link (single use, expiring) reaches
 * the person by email; the admin also shows it once to the inviter, for a shop without email set up.
 */
export async function emailInvitation(
  tx: Db,
  input: { shopId: string; email: string; inviterId: string | null; role: StaffRole; url: string; expiresAt: Date; tokenId: string; now: Date },
): Promise<void> {
  const [shop, inviter] = await Promise.all([
    tx.shop.findUniqueOrThrow({ where: { id: input.shopId }, select: { locale: true } }),
    input.inviterId ? tx.staffUser.findUnique({ where: { id: input.inviterId }, select: { name: true } }) : null,
  ]);
  await enqueue(tx, {
    channel: 'email',
    shopId: input.shopId,
    topic: 'staff_invitation',
    dedupeKey: `staff_invite:${input.tokenId}`,
    to: input.email,
    locale: pickLocale(shop.locale),
    data: {
      inviterName: inviter?.name ?? 'Comptoir',
      role: input.role,
      url: input.url,
      expiresInHours: Math.round((input.expiresAt.getTime() - input.now.getTime()) / hourMs),
    },
    at: input.now,
  });
}

/** The password reset email: the link only ever goes to the account's own address. */
export async function emailPasswordReset(
  tx: Db,
  input: { email: string; locale: string | null; url: string; expiresAt: Date; tokenId: string; now: Date },
): Promise<void> {
  await enqueue(tx, {
    channel: 'email',
    shopId: null,
    topic: 'password_reset',
    dedupeKey: `password_reset:${input.tokenId}`,
    to: input.email,
    locale: pickLocale(input.locale),
    data: { url: input.url, expiresInMinutes: Math.round((input.expiresAt.getTime() - input.now.getTime()) / 60_000) },
    at: input.now,
  });
}
