import { z } from 'zod';
import { ActorType } from '../core/actor.js';
import { router, staffProcedure } from '../trpc.js';
import { scanCounterCode } from './service.js';

/** `counter.admin.*`: the shop counter, where pickup orders are handed over and returns dropped. */
export const counterRouter = router({
  admin: router({
    /** One input for both: a pickup code (PU-…) hands the order over, a return code (R-…) receives the return. */
    scan: staffProcedure
      .input(z.object({ code: z.string().trim().min(4).max(300) }))
      .mutation(({ ctx, input }) =>
        scanCounterCode(ctx.deps, { shopId: ctx.staff.shopId, code: input.code, actor: { type: ActorType.staff, id: ctx.staff.userId } }),
      ),
  }),
});
