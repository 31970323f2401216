import { dashboardInput } from '@comptoir/protocol';
import { router, staffProcedure } from '../trpc.js';
import { dashboardSummary, exportCases } from './service.js';

/** `dashboard.admin.*`: the shop's service figures over the last 7, 30 or 90 days, and the cases as CSV. */
export const dashboardRouter = router({
  admin: router({
    summary: staffProcedure.input(dashboardInput).query(({ ctx, input }) => dashboardSummary(ctx.deps, { ...input, shopId: ctx.staff.shopId })),
    exportCases: staffProcedure.input(dashboardInput).query(({ ctx, input }) => exportCases(ctx.deps, { ...input, shopId: ctx.staff.shopId })),
  }),
});
