import {
  answerClaimInput,
  claimEligibilityInput,
  claimListInput,
  claimRef,
  openClaimInput,
  rateClaimInput,
  resolveClaimInput,
} from '@comptoir/protocol';
import { ActorType, type Actor } from '../core/actor.js';
import { router, shopperProcedure, staffProcedure } from '../trpc.js';
import {
  answerClaim,
  claimEligibility,
  closeClaim,
  escalateClaim,
  listShopperClaims,
  openClaim,
  rateClaim,
  resolveClaim,
  shopperClaimDetail,
  staffClaimDetail,
  withdrawClaim,
} from './service.js';

const staffActor = (userId: string): Actor => ({ type: ActorType.staff, id: userId });

/** Claims as the signed-in shopper sees them in the widget. */
const claimsWidgetRouter = router({
  eligibility: shopperProcedure
    .input(claimEligibilityInput)
    .query(({ ctx, input }) => claimEligibility(ctx.deps, { shopId: ctx.shop.id, customerId: ctx.shopper.customerId, orderId: input.orderId })),
  open: shopperProcedure
    .input(openClaimInput)
    .mutation(({ ctx, input }) =>
      openClaim(ctx.deps, { ...input, shopId: ctx.shop.id, customerId: ctx.shopper.customerId, locale: ctx.locale }),
    ),
  list: shopperProcedure
    .input(claimListInput)
    .query(({ ctx, input }) => listShopperClaims(ctx.deps, { ...input, shopId: ctx.shop.id, customerId: ctx.shopper.customerId })),
  detail: shopperProcedure
    .input(claimRef)
    .query(({ ctx, input }) => shopperClaimDetail(ctx.deps, { ...input, shopId: ctx.shop.id, customerId: ctx.shopper.customerId })),
  withdraw: shopperProcedure
    .input(claimRef)
    .mutation(({ ctx, input }) => withdrawClaim(ctx.deps, { ...input, shopId: ctx.shop.id, customerId: ctx.shopper.customerId })),
  appeal: shopperProcedure.input(claimRef).mutation(({ ctx, input }) =>
    escalateClaim(ctx.deps, {
      ...input,
      shopId: ctx.shop.id,
      customerId: ctx.shopper.customerId,
      actor: { type: ActorType.shopper, id: ctx.shopper.customerId },
      reason: 'appeal',
    }),
  ),
  rate: shopperProcedure
    .input(rateClaimInput)
    .mutation(({ ctx, input }) => rateClaim(ctx.deps, { ...input, shopId: ctx.shop.id, customerId: ctx.shopper.customerId })),
});

/** Claims as the staff handle them. */
const claimsAdminRouter = router({
  detail: staffProcedure.input(claimRef).query(({ ctx, input }) => staffClaimDetail(ctx.deps, { ...input, shopId: ctx.staff.shopId })),
  answer: staffProcedure
    .input(answerClaimInput)
    .mutation(({ ctx, input }) => answerClaim(ctx.deps, { ...input, shopId: ctx.staff.shopId, actor: staffActor(ctx.staff.userId) })),
  resolve: staffProcedure
    .input(resolveClaimInput)
    .mutation(({ ctx, input }) => resolveClaim(ctx.deps, { ...input, shopId: ctx.staff.shopId, actor: staffActor(ctx.staff.userId) })),
  close: staffProcedure
    .input(claimRef)
    .mutation(({ ctx, input }) => closeClaim(ctx.deps, { ...input, shopId: ctx.staff.shopId, actor: staffActor(ctx.staff.userId) })),
});

/** `claims.widget.*` for shoppers, `claims.admin.*` for staff. */
export const claimsRouter = router({ widget: claimsWidgetRouter, admin: claimsAdminRouter });
