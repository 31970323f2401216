import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseShop } from '../cases/case-fixtures.js';
import { startJobs, type Jobs } from '../jobs/job-queue.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { testDatabaseKind } from '../test/test-database.js';
import { deadlineQueue, startDeadlineWorker } from './worker.js';

describe(`the deadline worker on the job queue (${testDatabaseKind})`, () => {
  let app: TestApp;
  let jobs: Jobs;

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-06-15T10:00:00Z' });
    jobs = await startJobs(app.database, { logger: app.deps.logger, poll: false });
    await startDeadlineWorker(app.deps, jobs);
  }, 180_000);
  afterAll(async () => {
    await jobs?.stop();
    await app?.close();
  });

  it('fires due deadlines when its job runs', { timeout: 60_000 }, async () => {
    const shop = await createCaseShop(app, 'worker-shop');
    const { orderId, customerId } = await shop.placeOrder({ number: 'W-1', email: 'w@example.fr' });
    const { claimId, answerDueAt } = await shop.shopper(customerId).claims.widget.open({ orderId, kind: 'damaged', description: 'Cassé' });
    app.clock.set(new Date(answerDueAt.getTime() + 60_000));
    expect(await jobs.runDueJobs({ names: [deadlineQueue] })).toBeGreaterThanOrEqual(1);
    const claim = await app.deps.db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { status: true } });
    expect(claim.status).toBe('refunded');
  });
});
