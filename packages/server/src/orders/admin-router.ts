import { adminOrderListInput, adminOrderRef } from '@comptoir/protocol';
import { router, staffProcedure } from '../trpc.js';
import { getAdminOrder, listAdminOrders } from './admin-service.js';

/** `orders.admin.*`: the shop's orders as its staff browse them. */
export const ordersAdminRouter = router({
  list: staffProcedure.input(adminOrderListInput).query(({ ctx, input }) => listAdminOrders(ctx.deps, { ...input, shopId: ctx.staff.shopId })),
  detail: staffProcedure.input(adminOrderRef).query(({ ctx, input }) => getAdminOrder(ctx.deps, { ...input, shopId: ctx.staff.shopId })),
});
