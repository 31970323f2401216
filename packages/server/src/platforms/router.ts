import { z } from 'zod';
import { ActorType } from '../core/actor.js';
import { ownerProcedure, router } from '../trpc.js';
import { connectPlatform, disconnectPlatform, listPlatformConnections } from './connections.js';
import { Platform } from './platform.js';

const platform = z.enum([Platform.woocommerce, Platform.shopify, Platform.prestashop]);

/**
 * `platforms.admin.*`: the owner saves the secret each shop platform signs its order webhooks with,
 * from the admin. Secrets are write-only: never answered back (only whether one is set and its last
 * 4 characters), with the delivery URL to enter in the platform.
 */
export const platformsRouter = router({
  admin: router({
    /** WooCommerce, Shopify and PrestaShop, each connected or not, with its webhook URL. */
    list: ownerProcedure.query(({ ctx }) => listPlatformConnections(ctx.deps, { shopId: ctx.staff.shopId })),

    /** Saves (or replaces) a platform's webhook secret; answers the statuses, not the secret. */
    connect: ownerProcedure.input(z.object({ platform, secret: z.string().trim().min(1).max(500) })).mutation(async ({ ctx, input }) => {
      await connectPlatform(ctx.deps, { shopId: ctx.staff.shopId, ...input, actor: { type: ActorType.staff, id: ctx.staff.userId } });
      return listPlatformConnections(ctx.deps, { shopId: ctx.staff.shopId });
    }),

    /** Forgets a platform's secret: its webhooks are refused until a new one is saved. */
    disconnect: ownerProcedure
      .input(z.object({ platform }))
      .mutation(({ ctx, input }) =>
        disconnectPlatform(ctx.deps, { shopId: ctx.staff.shopId, platform: input.platform, actor: { type: ActorType.staff, id: ctx.staff.userId } }),
      ),
  }),
});
