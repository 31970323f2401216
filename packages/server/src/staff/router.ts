import { z } from 'zod';
import {
  staffInviteInput,
  staffJoinShopInput,
  staffLoginInput,
  staffRemoveInput,
  staffRequestPasswordResetInput,
  staffSetPasswordInput,
  staffSwitchShopInput,
} from '@comptoir/protocol/schemas/staff';
import { staffSessionCookie } from '../auth/staff-auth.js';
import { ownerProcedure, publicProcedure, router, staffProcedure } from '../trpc.js';
import {
  acceptInvitation,
  describeStaff,
  inviteStaff,
  joinShop,
  listStaff,
  login,
  logout,
  removeStaff,
  requestPasswordReset,
  resetPassword,
  switchShop,
} from './service.js';

const okOutput = z.object({ ok: z.literal(true) });

/**
 * Procedures of the staff domain. Sign-in and the two links are public (no session yet, so no CSRF
 * token; they are rate limited instead); everything else needs a session, and mutations its CSRF token.
 */
export const staffRouter = router({
  login: publicProcedure.input(staffLoginInput).mutation(async ({ ctx, input }) => {
    const signIn = await login(ctx.deps, { ...input, ip: ctx.request.ip });
    ctx.request.setCookie(staffSessionCookie, signIn.token, { maxAgeSeconds: signIn.cookieMaxAgeSeconds });
    return { ok: true as const };
  }),

  acceptInvitation: publicProcedure.input(staffSetPasswordInput).mutation(async ({ ctx, input }) => {
    const result = await acceptInvitation(ctx.deps, { ...input, ip: ctx.request.ip });
    return { email: result.email };
  }),

  requestPasswordReset: publicProcedure
    .input(staffRequestPasswordResetInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await requestPasswordReset(ctx.deps, { email: input.email, ip: ctx.request.ip });
      return { ok: true as const };
    }),

  resetPassword: publicProcedure.input(staffSetPasswordInput).mutation(async ({ ctx, input }) => {
    const result = await resetPassword(ctx.deps, { ...input, ip: ctx.request.ip });
    return { email: result.email };
  }),

  me: staffProcedure.query(({ ctx }) => describeStaff(ctx.deps, ctx.staff)),

  logout: staffProcedure.mutation(async ({ ctx }) => {
    await logout(ctx.deps, { sessionId: ctx.staff.sessionId });
    ctx.request.setCookie(staffSessionCookie, '', { maxAgeSeconds: 0 });
    return { ok: true as const };
  }),

  switchShop: staffProcedure
    .input(staffSwitchShopInput)
    .mutation(({ ctx, input }) => switchShop(ctx.deps, { staff: ctx.staff, shopId: input.shopId })),

  /** Accepts, signed in, an invitation from another shop (listed in `me().invitations`). */
  joinShop: staffProcedure
    .input(staffJoinShopInput)
    .mutation(({ ctx, input }) => joinShop(ctx.deps, { staffUserId: ctx.staff.userId, invitationId: input.invitationId })),

  invite: ownerProcedure.input(staffInviteInput).mutation(async ({ ctx, input }) => {
    const invitation = await inviteStaff(ctx.deps, {
      ...input,
      shopId: ctx.staff.shopId,
      actor: { type: 'staff', id: ctx.staff.userId },
    });
    return {
      staffUserId: invitation.staffUserId,
      invitationUrl: invitation.invitationUrl,
      expiresAt: invitation.expiresAt?.toISOString() ?? null,
    };
  }),

  list: ownerProcedure.query(async ({ ctx }) => {
    const rows = await listStaff(ctx.deps, { shopId: ctx.staff.shopId });
    return rows.map((row) => ({ ...row, addedAt: row.addedAt.toISOString(), isYou: row.staffUserId === ctx.staff.userId }));
  }),

  remove: ownerProcedure.input(staffRemoveInput).mutation(async ({ ctx, input }) => {
    await removeStaff(ctx.deps, {
      shopId: ctx.staff.shopId,
      staffUserId: input.staffUserId,
      actor: { type: 'staff', id: ctx.staff.userId },
    });
    return { ok: true as const };
  }),
});
