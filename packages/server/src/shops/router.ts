import { router } from '../trpc.js';

/** Procedures of the shops domain. */
export const shopsRouter = router({});
