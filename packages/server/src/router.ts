import { router } from './trpc.js';
import { healthRouter } from './health/router.js';
import { shopsRouter } from './shops/router.js';
import { ordersRouter } from './orders/router.js';
import { sessionsRouter } from './sessions/router.js';
import { staffRouter } from './staff/router.js';
import { loyaltyRouter } from './loyalty/router.js';
import { claimsRouter } from './claims/router.js';
import { ticketsRouter } from './tickets/router.js';
import { casesRouter } from './cases/router.js';
import { pickupRouter } from './pickup/router.js';
import { counterRouter } from './counter/router.js';
import { webhooksRouter } from './notifications/webhooks-router.js';
import { webhooksBackendRouter } from './notifications/webhooks-backend-router.js';
import { paymentsRouter } from './payments/router.js';
import { platformsRouter } from './platforms/router.js';
import { carriersRouter } from './carriers/router.js';
import { emailsRouter } from './notifications/emails-router.js';
import { returnsRouter } from './returns/router.js';
import { refundsRouter } from './refunds/router.js';
import { privacyRouter } from './privacy/router.js';
import { savedRepliesRouter } from './saved-replies/router.js';
import { auditRouter } from './audit/router.js';
import { dashboardRouter } from './dashboard/router.js';
import { customersRouter } from './customers/router.js';

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
  loyalty: loyaltyRouter,
  claims: claimsRouter,
  tickets: ticketsRouter,
  cases: casesRouter,
  pickup: pickupRouter,
  counter: counterRouter,
  returns: returnsRouter,
  refunds: refundsRouter,
  privacy: privacyRouter,
  emails: emailsRouter,
  savedReplies: savedRepliesRouter,
  audit: auditRouter,
  dashboard: dashboardRouter,
  customers: customersRouter,
  /** Webhook endpoints the shop subscribes: from the admin (owner only) or its back end (secret key). */
  webhooks: router({ admin: webhooksRouter, backend: webhooksBackendRouter }),
  /** Stripe keys (owner only, write-only). */
  payments: paymentsRouter,
  /** Shop platforms' webhook secrets (owner only, write-only). */
  platforms: platformsRouter,
  /** Carriers' API keys for polling parcels' scans (owner only, write-only). */
  carriers: carriersRouter,
});

/** The API's type, for typed clients (widget, admin). */
export type AppRouter = typeof appRouter;
