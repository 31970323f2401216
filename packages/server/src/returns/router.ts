import {
  bulkApproveReturnsInput,
  createReturnInput,
  rateReturnInput,
  receiveReturnInput,
  refundReturnInput,
  refuseReturnInput,
  returnEligibilityInput,
  returnListInput,
  returnParcelEventInput,
  returnParcelEventResult,
  returnRef,
  updateExchangeInput,
} from '@comptoir/protocol';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { ActorType, type Actor } from '../core/actor.js';
import type { KeyContext } from '../auth/api-key-auth.js';
import { backendProcedure, router, shopperProcedure, staffProcedure } from '../trpc.js';
import { refundReturn } from './refund.js';
import {
  approveReturn,
  bulkApproveReturns,
  cancelReturn,
  createReturn,
  listShopperReturns,
  rateReturn,
  receiveReturnByCode,
  recordParcelDelivered,
  recordParcelScan,
  refuseReturn,
  returnEligibility,
  shopperReturnDetail,
  staffReturnDetail,
  updateExchange,
  type ReturnItemEvent,
} from './service.js';

const staffActor = (userId: string): Actor => ({ type: ActorType.staff, id: userId });
const backendActor = (ctx: KeyContext): Actor => ({ type: ActorType.shopBackend, id: ctx.apiKeyId });

/** The REST route of a back-end procedure under /api, in the `returns` tag. */
function rest(path: `/returns${string}`, summary: string): OpenApiMeta {
  return { openapi: { method: 'POST', path, protect: true, tags: ['returns'], summary } };
}

const toRest = (event: ReturnItemEvent) => ({ ...event, refundDueAt: event.refundDueAt?.toISOString() ?? null });

/** Returns as the signed-in shopper sees them in the widget. */
const returnsWidgetRouter = router({
  eligibility: shopperProcedure
    .input(returnEligibilityInput)
    .query(({ ctx, input }) => returnEligibility(ctx.deps, { shopId: ctx.shop.id, customerId: ctx.shopper.customerId, orderNumber: input.orderNumber })),
  create: shopperProcedure
    .input(createReturnInput)
    .mutation(({ ctx, input }) => createReturn(ctx.deps, { ...input, shopId: ctx.shop.id, customerId: ctx.shopper.customerId, locale: ctx.locale })),
  cancel: shopperProcedure
    .input(returnRef)
    .mutation(({ ctx, input }) => cancelReturn(ctx.deps, { ...input, shopId: ctx.shop.id, customerId: ctx.shopper.customerId })),
  list: shopperProcedure
    .input(returnListInput)
    .query(({ ctx, input }) => listShopperReturns(ctx.deps, { ...input, shopId: ctx.shop.id, customerId: ctx.shopper.customerId })),
  detail: shopperProcedure
    .input(returnRef)
    .query(({ ctx, input }) => shopperReturnDetail(ctx.deps, { ...input, shopId: ctx.shop.id, customerId: ctx.shopper.customerId })),
  rate: shopperProcedure
    .input(rateReturnInput)
    .mutation(({ ctx, input }) => rateReturn(ctx.deps, { ...input, shopId: ctx.shop.id, customerId: ctx.shopper.customerId })),
});

/** Returns as the staff handle them. */
const returnsAdminRouter = router({
  detail: staffProcedure.input(returnRef).query(({ ctx, input }) => staffReturnDetail(ctx.deps, { ...input, shopId: ctx.staff.shopId })),
  approve: staffProcedure
    .input(returnRef)
    .mutation(({ ctx, input }) => approveReturn(ctx.deps, { ...input, shopId: ctx.staff.shopId, actor: staffActor(ctx.staff.userId) })),
  bulkApprove: staffProcedure
    .input(bulkApproveReturnsInput)
    .mutation(({ ctx, input }) => bulkApproveReturns(ctx.deps, { ...input, shopId: ctx.staff.shopId, actor: staffActor(ctx.staff.userId) })),
  refuse: staffProcedure
    .input(refuseReturnInput)
    .mutation(({ ctx, input }) => refuseReturn(ctx.deps, { ...input, shopId: ctx.staff.shopId, actor: staffActor(ctx.staff.userId) })),
  receiveByCode: staffProcedure
    .input(receiveReturnInput)
    .mutation(({ ctx, input }) => receiveReturnByCode(ctx.deps, { code: input.code, shopId: ctx.staff.shopId, actor: staffActor(ctx.staff.userId) })),
  refund: staffProcedure
    .input(refundReturnInput)
    .mutation(({ ctx, input }) => refundReturn(ctx.deps, { ...input, shopId: ctx.staff.shopId, actor: staffActor(ctx.staff.userId) })),
  updateExchange: staffProcedure
    .input(updateExchangeInput)
    .mutation(({ ctx, input }) => updateExchange(ctx.deps, { ...input, shopId: ctx.staff.shopId, actor: staffActor(ctx.staff.userId) })),
});

/** The shop's back end reports the return parcel's carrier events (also REST under /api/returns). */
const returnsBackendRouter = router({
  recordParcelScan: backendProcedure
    .meta(rest('/returns/parcel-scanned', "Record the carrier's first scan of a return parcel (starts the refund clock)"))
    .input(returnParcelEventInput)
    .output(returnParcelEventResult)
    .mutation(async ({ ctx, input }) => toRest(await recordParcelScan(ctx.deps, { shopId: ctx.shop.id, code: input.code, at: input.at, actor: backendActor(ctx) }))),
  recordParcelDelivered: backendProcedure
    .meta(rest('/returns/parcel-delivered', 'Record a return parcel delivered to the shop (the item is received)'))
    .input(returnParcelEventInput)
    .output(returnParcelEventResult)
    .mutation(async ({ ctx, input }) => toRest(await recordParcelDelivered(ctx.deps, { shopId: ctx.shop.id, code: input.code, at: input.at, actor: backendActor(ctx) }))),
});

/** `returns.widget.*` for shoppers, `returns.admin.*` for staff, `returns.backend.*` for the shop's back end. */
export const returnsRouter = router({ widget: returnsWidgetRouter, admin: returnsAdminRouter, backend: returnsBackendRouter });
