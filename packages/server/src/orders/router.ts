import { router } from '../trpc.js';

/** Procedures of the orders domain. */
export const ordersRouter = router({});
