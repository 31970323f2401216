// A standalone outbox worker process, used by the kill test: it opens the database named by
// COMPTOIR_WORKER_DB (a DatabaseConfig as JSON), delivers the outbox on the job queue, and with
// COMPTOIR_WORKER_EXIT_WHEN_DRAINED=1 exits once nothing is pending any more.
import { startAppCore } from '../app.js';
import { createLogger } from '../core/logger.js';
import type { DatabaseConfig } from '../db/database.js';
import { startJobs } from '../jobs/job-queue.js';
import { notificationDepsFrom, startOutboxWorker } from './worker.js';

const database = JSON.parse(process.env.COMPTOIR_WORKER_DB ?? '') as DatabaseConfig;
const core = await startAppCore({
  database,
  migrate: false,
  logger: createLogger(process.env.LOG_LEVEL ?? 'warn'),
  config: { publicUrl: 'http://comptoir.test', allowPrivateWebhookTargets: true },
});
const jobs = await startJobs(core.database, { logger: core.deps.logger, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 5 });
await startOutboxWorker(notificationDepsFrom(core.deps), jobs, { intervalMs: 500, leaseMs: 3_000, webhookTimeoutMs: 1_000, emailTimeoutMs: 1_000, limit: 50 });
process.stdout.write('ready\n');

const stop = async (code: number) => {
  await jobs.stop();
  await core.close();
  process.exit(code);
};
process.once('SIGTERM', () => void stop(0));
if (process.env.COMPTOIR_WORKER_EXIT_WHEN_DRAINED === '1') {
  const timer = setInterval(() => {
    void core.deps.db.outboxMessage.count({ where: { status: 'pending' } }).then((pending) => {
      if (pending === 0) {
        clearInterval(timer);
        void stop(0);
      }
    });
  }, 500);
}
