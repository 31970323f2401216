import { router } from '../trpc.js';

/** Procedures of the staff domain. */
export const staffRouter = router({});
