import { auditListInput } from '@comptoir/protocol';
import { router, staffProcedure } from '../trpc.js';
import { listAuditActors, listAuditEvents } from './service.js';

/** `audit.admin.*`: who did what in the shop, from its append-only event table. */
export const auditRouter = router({
  admin: router({
    list: staffProcedure.input(auditListInput).query(({ ctx, input }) => listAuditEvents(ctx.deps, { ...input, shopId: ctx.staff.shopId })),
    actors: staffProcedure.query(({ ctx }) => listAuditActors(ctx.deps, { shopId: ctx.staff.shopId })),
  }),
});
