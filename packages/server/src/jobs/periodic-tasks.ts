import type { Deps } from '../core/deps.js';
import type { Jobs } from './job-queue.js';
import { expireInactive, releaseDuePoints, remindExpiringPoints } from '../loyalty/service.js';
import { cancelUncollectedOrders } from '../pickup/no-shows.js';
import { sendPickupReminders } from '../pickup/reminders.js';
import { refundProvidersWithStripe } from '../payments/stripe-provider.js';
import { submitPendingRefunds } from '../payments/submit-refund.js';
import { sendDailyDigests } from '../notifications/daily-digest.js';
import { pollCarrierTracking } from '../carriers/poll-carrier-tracking.js';

/** A piece of upkeep run on a schedule by whichever instance's worker picks it up first. */
interface PeriodicTask {
  name: string;
  /** Cron expression, in UTC. */
  cron: string;
  run(deps: Deps, now: Date): Promise<unknown>;
}

/**
 * The server's scheduled upkeep. Each task is idempotent, so a job retried after a crash, or two
 * instances racing (pg-boss hands a scheduled job to one worker), never does the work twice.
 */
export const periodicTasks: readonly PeriodicTask[] = [
  { name: 'loyalty-release-points', cron: '7 * * * *', run: (deps, now) => releaseDuePoints(deps, now) },
  { name: 'pickup-reminders', cron: '*/15 * * * *', run: (deps, now) => sendPickupReminders(deps, now) },
  {
    name: 'pickup-no-shows',
    cron: '41 * * * *',
    run: (deps, now) => cancelUncollectedOrders(deps, now, { providers: refundProvidersWithStripe(deps) }),
  },
  {
    // Card refunds whose provider could not be reached are submitted again, with the same idempotency key.
    name: 'refunds-resubmit',
    cron: '*/5 * * * *',
    run: (deps, now) =>
      submitPendingRefunds(deps, { olderThan: new Date(now.getTime() - 5 * 60_000), providers: refundProvidersWithStripe(deps) }),
  },
  // Every 10 minutes, each run taking the parcels asked least recently (each at most hourly): the
  // requests spread over the hour instead of one burst per shop. Each parcel is claimed before it is asked.
  { name: 'carriers-poll-tracking', cron: '*/10 * * * *', run: (deps, now) => pollCarrierTracking(deps, now) },
  // Hourly, as shops live in different time zones: each gets its digest at 8:00 its own time.
  { name: 'staff-daily-digest', cron: '2 * * * *', run: (deps, now) => sendDailyDigests(deps, now) },
  {
    name: 'loyalty-expiry',
    cron: '23 3 * * *',
    run: async (deps, now) => {
      await remindExpiringPoints(deps, now);
      await expireInactive(deps, now);
    },
  },
];

/** Registers every periodic task on the job queue, with its schedule and its worker. */
export async function startPeriodicTasks(deps: Deps, jobs: Jobs, tasks: readonly PeriodicTask[] = periodicTasks): Promise<void> {
  for (const task of tasks) {
    await jobs.work(task.name, async () => {
      await task.run(deps, deps.clock.now());
    });
    await jobs.schedule(task.name, task.cron, {}, { singletonKey: task.name });
  }
}
