import {
  loyaltyAdjustInput,
  loyaltyGroupAddShopInput,
  loyaltyGroupCreateInput,
  loyaltyGroupOutput,
  loyaltyMemberHistoryInput,
  loyaltyMemberHistoryOutput,
  loyaltyMembersInput,
  loyaltyMembersOutput,
  loyaltyRedeemInput,
  loyaltyRedeemOutput,
  loyaltySettings,
  loyaltyStatementInput,
  loyaltyStatementOutput,
  loyaltySummaryInput,
  loyaltySummaryOutput,
  voucherPoolUploadInput,
  voucherPoolUploadOutput,
  voucherRedeemInput,
  voucherRedeemOutput,
  voucherValidateInput,
  voucherValidateOutput,
} from '@comptoir/protocol';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { z } from 'zod';
import { ActorType, type Actor } from '../core/actor.js';
import { backendProcedure, ownerProcedure, router, shopperProcedure, staffProcedure } from '../trpc.js';
import { adjustPoints } from './service.js';
import { getLoyaltySettings, updateLoyaltySettings } from './settings.js';
import { addShopToGroup, createGroup, getGroup, leaveGroup, requireOwner, shopStatement } from './group.js';
import { exportMembersCsv, findShopperEmail, getLoyaltySummary, getMemberHistory, listMembers } from './queries.js';
import { redeemForVoucher, redeemVoucher, uploadVoucherCodes, validateVoucher } from './vouchers.js';

/** The REST route of a back-end procedure under /api, in the `loyalty` tag. */
function rest(method: 'GET' | 'POST', path: `/loyalty${string}`, summary: string): OpenApiMeta {
  return { openapi: { method, path, protect: true, tags: ['loyalty'], summary } };
}

/** The shop's checkout: validate and use voucher codes with the secret key (also REST under /api/loyalty). */
const loyaltyBackendRouter = router({
  validateVoucher: backendProcedure
    .meta(rest('POST', '/loyalty/vouchers/validate', 'Whether a voucher code can be used at this shop, and its value'))
    .input(voucherValidateInput)
    .output(voucherValidateOutput)
    .mutation(({ ctx, input }) => validateVoucher(ctx.deps, { shopId: ctx.shop.id, code: input.code })),

  redeemVoucher: backendProcedure
    .meta(rest('POST', '/loyalty/vouchers/redeem', 'Use a voucher code once (idempotent by redeemKey)'))
    .input(voucherRedeemInput)
    .output(voucherRedeemOutput)
    .mutation(({ ctx, input }) =>
      redeemVoucher(ctx.deps, {
        shopId: ctx.shop.id,
        code: input.code,
        redeemKey: input.redeemKey,
        orderRef: input.orderRef ?? null,
        actor: { type: ActorType.shopBackend, id: ctx.apiKeyId },
      }),
    ),
});

/** The signed-in shopper in the widget. */
const loyaltyWidgetRouter = router({
  summary: shopperProcedure
    .input(loyaltySummaryInput)
    .output(loyaltySummaryOutput)
    .query(({ ctx, input }) => getLoyaltySummary(ctx.deps, { shopId: ctx.shop.id, customerId: ctx.shopper.customerId, ...input })),

  redeem: shopperProcedure
    .input(loyaltyRedeemInput)
    .output(loyaltyRedeemOutput)
    .mutation(async ({ ctx, input }) =>
      redeemForVoucher(ctx.deps, {
        shopId: ctx.shop.id,
        email: await findShopperEmail(ctx.deps.db, { shopId: ctx.shop.id, customerId: ctx.shopper.customerId }),
        rewardId: input.rewardId,
        idempotencyKey: input.idempotencyKey,
        actor: { type: ActorType.shopper, id: ctx.shopper.customerId },
      }),
    ),
});

function staffActor(ctx: { staff: { userId: string } }): Actor {
  return { type: ActorType.staff, id: ctx.staff.userId };
}

/** Staff of the active shop: programme, members, adjustments, group, exports. */
const loyaltyAdminRouter = router({
  settings: staffProcedure.output(loyaltySettings).query(({ ctx }) => getLoyaltySettings(ctx.deps, { shopId: ctx.staff.shopId })),

  updateSettings: ownerProcedure
    .input(loyaltySettings)
    .output(loyaltySettings)
    .mutation(({ ctx, input }) => updateLoyaltySettings(ctx.deps, { shopId: ctx.staff.shopId, settings: input, actor: staffActor(ctx) })),

  members: staffProcedure
    .input(loyaltyMembersInput)
    .output(loyaltyMembersOutput)
    .query(({ ctx, input }) => listMembers(ctx.deps, { shopId: ctx.staff.shopId, ...input })),

  memberHistory: staffProcedure
    .input(loyaltyMemberHistoryInput)
    .output(loyaltyMemberHistoryOutput)
    .query(({ ctx, input }) => getMemberHistory(ctx.deps, { shopId: ctx.staff.shopId, ...input })),

  adjust: staffProcedure
    .input(loyaltyAdjustInput)
    .output(z.object({ available: z.number().int(), pending: z.number().int() }))
    .mutation(({ ctx, input }) =>
      adjustPoints(ctx.deps, { shopId: ctx.staff.shopId, staff: { id: ctx.staff.userId }, email: input.email, points: input.points, reason: input.reason }),
    ),

  exportCsv: staffProcedure
    .output(z.object({ filename: z.string(), csv: z.string() }))
    .query(async ({ ctx }) => ({ filename: 'loyalty-members.csv', csv: await exportMembersCsv(ctx.deps, { shopId: ctx.staff.shopId }) })),

  statement: staffProcedure
    .input(loyaltyStatementInput)
    .output(loyaltyStatementOutput)
    .query(({ ctx, input }) =>
      shopStatement(ctx.deps, {
        shopId: ctx.staff.shopId,
        ...(input.from ? { from: new Date(input.from) } : {}),
        ...(input.to ? { to: new Date(input.to) } : {}),
      }),
    ),

  uploadCodes: ownerProcedure
    .input(voucherPoolUploadInput)
    .output(voucherPoolUploadOutput)
    .mutation(({ ctx, input }) => uploadVoucherCodes(ctx.deps, { shopId: ctx.staff.shopId, rewardId: input.rewardId, codes: input.codes, actor: staffActor(ctx) })),

  group: staffProcedure.output(loyaltyGroupOutput).query(({ ctx }) => getGroup(ctx.deps.db, ctx.staff.shopId)),

  createGroup: ownerProcedure
    .input(loyaltyGroupCreateInput)
    .output(loyaltyGroupOutput)
    .mutation(({ ctx, input }) => createGroup(ctx.deps, { shopId: ctx.staff.shopId, name: input.name, actor: staffActor(ctx) })),

  addShopToGroup: ownerProcedure
    .input(loyaltyGroupAddShopInput)
    .output(loyaltyGroupOutput)
    .mutation(async ({ ctx, input }) => {
      // Joining a group shares members and points: only someone who owns both shops may decide it.
      await requireOwner(ctx.deps.db, { shopId: input.shopId, staffUserId: ctx.staff.userId });
      return addShopToGroup(ctx.deps, { shopId: ctx.staff.shopId, addedShopId: input.shopId, actor: staffActor(ctx) });
    }),

  leaveGroup: ownerProcedure
    .output(z.object({ accounts: z.number().int() }))
    .mutation(({ ctx }) => leaveGroup(ctx.deps, { shopId: ctx.staff.shopId, actor: staffActor(ctx) })),
});

/** Procedures of the loyalty domain: `widget.*` for shoppers, `backend.*` for checkouts, `admin.*` for staff. */
export const loyaltyRouter = router({
  widget: loyaltyWidgetRouter,
  backend: loyaltyBackendRouter,
  admin: loyaltyAdminRouter,
});
