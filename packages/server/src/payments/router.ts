import { z } from 'zod';
import { ActorType } from '../core/actor.js';
import { ownerProcedure, router } from '../trpc.js';
import { connectStripe, disconnectStripe, stripeConnectionStatus } from './connections.js';

/**
 * `payments.admin.*`: the owner connects the shop's Stripe account from the admin, without an
 * operator. The keys are write-only: saved, never answered back (only whether they are set and
 * their last 4 characters).
 */
export const paymentsRouter = router({
  admin: router({
    /** Whether Stripe is connected, the keys' last characters, and the webhook URL to enter in Stripe. */
    stripe: ownerProcedure.query(({ ctx }) => stripeConnectionStatus(ctx.deps, { shopId: ctx.staff.shopId })),

    /** Saves (or replaces) the API key and the webhook signing secret; answers the status, not the keys. */
    connectStripe: ownerProcedure
      .input(z.object({ secretKey: z.string().trim().min(1).max(300), webhookSecret: z.string().trim().min(1).max(300) }))
      .mutation(async ({ ctx, input }) => {
        await connectStripe(ctx.deps, { shopId: ctx.staff.shopId, ...input, actor: { type: ActorType.staff, id: ctx.staff.userId } });
        return stripeConnectionStatus(ctx.deps, { shopId: ctx.staff.shopId });
      }),

    /** Forgets the keys: card refunds stop until new ones are saved. */
    disconnectStripe: ownerProcedure.mutation(({ ctx }) =>
      disconnectStripe(ctx.deps, { shopId: ctx.staff.shopId, actor: { type: ActorType.staff, id: ctx.staff.userId } }),
    ),
  }),
});
