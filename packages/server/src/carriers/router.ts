import { z } from 'zod';
import { ActorType } from '../core/actor.js';
import { ownerProcedure, router } from '../trpc.js';
import { PollableCarrier } from './carrier-apis.js';
import { connectCarrier, disconnectCarrier, listCarrierConnections } from './carrier-connections.js';

const carrier = z.enum(Object.values(PollableCarrier) as [PollableCarrier, ...PollableCarrier[]]);

/**
 * `carriers.admin.*`: the owner saves the API key of a carrier the shop has an account with, so
 * Comptoir polls its parcels' scans. Keys are write-only: never answered back (only whether one is
 * set, its last 4 characters, and how the last polling went).
 */
export const carriersRouter = router({
  admin: router({
    /** Every carrier API Comptoir can poll, connected or not, with the last poll and its error. */
    list: ownerProcedure.query(({ ctx }) => listCarrierConnections(ctx.deps, { shopId: ctx.staff.shopId })),

    /** Saves (or replaces) a carrier's API key; answers the statuses, not the key. */
    connect: ownerProcedure.input(z.object({ carrier, apiKey: z.string().trim().min(1).max(300) })).mutation(async ({ ctx, input }) => {
      await connectCarrier(ctx.deps, { shopId: ctx.staff.shopId, ...input, actor: { type: ActorType.staff, id: ctx.staff.userId } });
      return listCarrierConnections(ctx.deps, { shopId: ctx.staff.shopId });
    }),

    /** Forgets a carrier's key: its parcels are no longer polled. */
    disconnect: ownerProcedure
      .input(z.object({ carrier }))
      .mutation(({ ctx, input }) =>
        disconnectCarrier(ctx.deps, { shopId: ctx.staff.shopId, carrier: input.carrier, actor: { type: ActorType.staff, id: ctx.staff.userId } }),
      ),
  }),
});
