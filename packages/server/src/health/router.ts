import { z } from 'zod';
import { publicProcedure, router } from '../trpc.js';

/** Liveness and readiness, for load balancers (also served as /healthz and /readyz). */
export const healthRouter = router({
  ping: publicProcedure.input(z.void()).query(() => ({ ok: true as const })),
});
