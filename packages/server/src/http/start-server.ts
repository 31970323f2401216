import { startAppCore } from '../app.js';
import { buildHttpServer } from './server.js';
import { defaultStaticAssets, registerStaticAssets } from './static-assets.js';
import { defaultAdminDist, registerAdminAssets } from './admin-assets.js';
import { startJobs } from '../jobs/job-queue.js';
import { notificationDepsFrom, startOutboxWorker } from '../notifications/worker.js';
import { startPeriodicTasks } from '../jobs/periodic-tasks.js';
import { startDeadlineWorker } from '../deadlines/worker.js';

/** Starts the server on PORT/HOST and stops it cleanly on SIGINT/SIGTERM. */
export async function startServer(options: { migrate?: boolean; port?: number; host?: string } = {}) {
  const core = await startAppCore({ migrate: options.migrate ?? true });
  const app = await buildHttpServer(core.deps, {
    extend: async (app) => {
      await registerStaticAssets(app, defaultStaticAssets());
      await registerAdminAssets(app, { adminDist: defaultAdminDist() });
    },
  });
  const port = options.port ?? Number(process.env.PORT ?? 3000);
  const host = options.host ?? process.env.HOST ?? '127.0.0.1';
  await app.listen({ port, host });
  core.deps.logger.info({ port, host, database: core.database.kind }, 'comptoir listening');
  const jobs = await startJobs(core.database, { logger: core.deps.logger });
  await startOutboxWorker(notificationDepsFrom(core.deps), jobs);
  await startPeriodicTasks(core.deps, jobs);
  await startDeadlineWorker(core.deps, jobs);
  const stop = async () => {
    await app.close();
    await jobs.stop();
    await core.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return { app, core, jobs, url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}` };
}
