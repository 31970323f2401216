import { router } from '../trpc.js';

/** Procedures of the sessions domain. */
export const sessionsRouter = router({});
