import { goodwillRefundInput, orderLedgerInput } from '@comptoir/protocol';
import { ActorType } from '../core/actor.js';
import { router, staffProcedure } from '../trpc.js';
import { giveGoodwillRefund, orderLedgerWithRefunds } from './admin.js';

/** Refunds as the staff see them: an order's ledger, and goodwill gestures without a return. */
const refundsAdminRouter = router({
  ledger: staffProcedure.input(orderLedgerInput).query(({ ctx, input }) => orderLedgerWithRefunds(ctx.deps, { shopId: ctx.staff.shopId, orderId: input.orderId })),
  goodwill: staffProcedure
    .input(goodwillRefundInput)
    .mutation(({ ctx, input }) =>
      giveGoodwillRefund(ctx.deps, { ...input, shopId: ctx.staff.shopId, actor: { type: ActorType.staff, id: ctx.staff.userId } }),
    ),
});

/** `refunds.admin.*`. */
export const refundsRouter = router({ admin: refundsAdminRouter });
