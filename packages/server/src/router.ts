import { router } from './trpc.js';
import { healthRouter } from './health/router.js';
import { shopsRouter } from './shops/router.js';
import { ordersRouter } from './orders/router.js';
import { sessionsRouter } from './sessions/router.js';
import { staffRouter } from './staff/router.js';

/**
 * The whole API. Each domain owns its sub-router; procedures are named by who calls them:
 * `widget.*` needs a publishable key, `backend.*` a secret key, `admin.*` a staff session.
 */
export const appRouter = router({
  health: healthRouter,
  shops: shopsRouter,
  orders: ordersRouter,
  sessions: sessionsRouter,
  staff: staffRouter,
});

/** The API's type, for typed clients (widget, admin). */
export type AppRouter = typeof appRouter;
