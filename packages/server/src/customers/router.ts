import { customerHistoryInput } from '@comptoir/protocol';
import { router, staffProcedure } from '../trpc.js';
import { getCustomerHistory } from './service.js';

/** `customers.admin.*`: a customer's whole history with the shop. */
export const customersRouter = router({
  admin: router({
    history: staffProcedure.input(customerHistoryInput).query(({ ctx, input }) => getCustomerHistory(ctx.deps, { ...input, shopId: ctx.staff.shopId })),
  }),
});
