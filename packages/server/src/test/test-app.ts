import { ManualClock } from '../core/clock.js';
import { createLogger } from '../core/logger.js';
import { startAppCore, type AppCore } from '../app.js';
import { createContextInner, type RequestInfo } from '../context.js';
import { appRouter } from '../router.js';
import { createCallerFactory } from '../trpc.js';
import { createTestDatabaseConfig } from './test-database.js';

const createCaller = createCallerFactory(appRouter);

/** A migrated, empty database with the app's dependencies on a manual clock, for one test file. */
export interface TestApp extends AppCore {
  clock: ManualClock;
  /** A tRPC caller as a client with these headers, cookies and address would be. */
  caller(request?: Partial<RequestInfo>): ReturnType<typeof createCaller>;
}

/** Starts a test app on the database of this run (PGlite or PostgreSQL). Close it in afterAll. */
export async function createTestApp(options: { now?: string } = {}): Promise<TestApp> {
  const { config, needsMigration, drop } = await createTestDatabaseConfig();
  const clock = new ManualClock(options.now);
  const core = await startAppCore({
    database: config,
    migrate: needsMigration,
    clock,
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    config: { publicUrl: 'http://comptoir.test', allowPrivateWebhookTargets: true },
  });
  return {
    ...core,
    clock,
    caller: (request = {}) => createCaller(createContextInner({ deps: core.deps, request })),
    close: async () => {
      await core.close();
      await drop();
    },
  };
}
