import type { Deps } from '../core/deps.js';
import type { Jobs } from '../jobs/job-queue.js';
import { fireDueDeadlines } from './scheduler.js';

/** The job queue that fires due deadlines. */
export const deadlineQueue = 'deadlines-fire';

/**
 * Runs the deadline scheduler on the PostgreSQL job queue (pg-boss). One "pump" job at a time (a
 * `short` queue with one singleton key) fires what is due, then schedules the next pump
 * `intervalMs` later; a cron job every minute re-seeds the pump if the process holding it died. Any
 * number of instances may run it: each deadline is claimed in its own transaction (see scheduler.ts).
 */
export async function startDeadlineWorker(deps: Deps, jobs: Jobs, options: { intervalMs?: number } = {}): Promise<void> {
  const intervalMs = options.intervalMs ?? 30_000;
  await jobs.createQueue(deadlineQueue, { policy: 'short', retryLimit: 1, expireInSeconds: 600 });
  const pump = (startAfter?: Date) =>
    jobs.queue.send(deadlineQueue, {}, { singletonKey: 'pump', ...(startAfter ? { startAfter } : {}) });
  await jobs.work(
    deadlineQueue,
    async () => {
      try {
        await fireDueDeadlines(deps, deps.clock.now());
      } finally {
        // pg-boss compares start times with the database clock, so this is real time, not deps.clock.
        await pump(new Date(Date.now() + intervalMs));
      }
    },
    { pollingIntervalSeconds: Math.min(30, Math.max(1, intervalMs / 1000)) },
  );
  await jobs.schedule(deadlineQueue, '* * * * *', {}, { singletonKey: 'pump' });
  await pump();
}
