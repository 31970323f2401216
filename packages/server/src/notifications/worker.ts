import type { Deps } from '../core/deps.js';
import type { Jobs } from '../jobs/job-queue.js';
import { dispatchAllDue, type DispatchOptions, type NotificationDeps } from './dispatcher.js';
import { emailTransportFromEnv, type EmailTransport } from './email/transport.js';
import { createHttpWebhookSender, type WebhookSender } from './webhooks/sender.js';

/** The job queue that delivers the outbox. */
export const outboxDispatchQueue = 'outbox-dispatch';

/** The dependencies of delivery: the server's, plus Resend (or the development transport) and HTTP webhooks. */
export function notificationDepsFrom(deps: Deps, overrides: { email?: EmailTransport; webhooks?: WebhookSender } = {}): NotificationDeps {
  return {
    ...deps,
    email: overrides.email ?? emailTransportFromEnv(deps.logger),
    webhooks: overrides.webhooks ?? createHttpWebhookSender({ allowPrivateTargets: deps.config.allowPrivateWebhookTargets }),
  };
}

/**
 * Delivers the outbox on the job queue. One "pump" job at a time (a `short` queue with one
 * singleton key) drains what is due, then schedules the next pump `intervalMs` later; a cron job
 * every minute re-seeds the pump if a process died holding it. Any number of instances may run
 * this: claims use SKIP LOCKED and leases, so each message is handled by one of them at a time.
 */
export async function startOutboxWorker(
  deps: NotificationDeps,
  jobs: Jobs,
  options: DispatchOptions & { intervalMs?: number } = {},
): Promise<void> {
  const intervalMs = options.intervalMs ?? 1_000;
  await jobs.createQueue(outboxDispatchQueue, { policy: 'short', retryLimit: 1, expireInSeconds: 300 });
  const pump = (startAfter?: Date) =>
    jobs.queue.send(outboxDispatchQueue, {}, { singletonKey: 'pump', ...(startAfter ? { startAfter } : {}) });
  await jobs.work(outboxDispatchQueue, async () => {
    try {
      await dispatchAllDue(deps, options);
    } finally {
      // pg-boss compares start times with the database clock, so this is real time, not deps.clock.
      await pump(new Date(Date.now() + intervalMs));
    }
  }, { pollingIntervalSeconds: Math.max(0.5, intervalMs / 1000) });
  await jobs.schedule(outboxDispatchQueue, '* * * * *', {}, { singletonKey: 'pump' });
  await pump();
}
