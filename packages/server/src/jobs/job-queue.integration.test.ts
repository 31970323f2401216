import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { startJobs, type Jobs } from './job-queue.js';

let app: TestApp;
let jobs: Jobs;
const seen: Array<{ id: string; data: { n: number } }> = [];

beforeAll(async () => {
  app = await createTestApp({ now: '2026-06-15T10:00:00Z' });
  jobs = await startJobs(app.database, { logger: app.deps.logger, poll: false });
  await jobs.work<{ n: number }>('test-echo', async (job) => {
    seen.push({ id: job.id, data: job.data });
  });
  await jobs.work<{ n: number }>('test-failing', async () => {
    throw new Error('boom');
  });
});

afterAll(async () => {
  await jobs.stop();
  await app.close();
});

describe('job queue (pg-boss on this database)', () => {
  it('runs a job scheduled for later only once the clock has reached it', async () => {
    const startAfter = new Date('2027-01-10T09:00:00Z');
    const id = await jobs.queue.send('test-echo', { n: 1 }, { startAfter });
    expect(await jobs.runDueJobs({ now: new Date('2027-01-10T08:59:59Z'), names: ['test-echo'] })).toBe(0);
    expect(seen.find((job) => job.id === id)).toBeUndefined();
    expect(await jobs.runDueJobs({ now: new Date('2027-01-10T09:00:01Z'), names: ['test-echo'] })).toBe(1);
    expect(seen.find((job) => job.id === id)?.data).toEqual({ n: 1 });
    // Completed: never again.
    expect(await jobs.runDueJobs({ now: new Date('2027-02-01T00:00:00Z'), names: ['test-echo'] })).toBe(0);
  });

  it('creates a job sent inside a transaction only when the transaction commits', async () => {
    const startAfter = new Date('2027-03-01T00:00:00Z');
    await expect(
      app.deps.db.$transaction(async (tx) => {
        await jobs.queue.send('test-echo', { n: 2 }, { startAfter, tx });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const committedId = await app.deps.db.$transaction(async (tx) => jobs.queue.send('test-echo', { n: 3 }, { startAfter, tx }));
    expect(committedId).toMatch(/^[0-9a-f-]{36}$/);
    await jobs.runDueJobs({ now: new Date('2027-03-01T00:00:01Z'), names: ['test-echo'] });
    const ran = seen.map((job) => job.data.n);
    expect(ran).toContain(3);
    expect(ran).not.toContain(2);
  });

  it('keeps one waiting job per singleton key on a short queue', async () => {
    await jobs.createQueue('test-short', { policy: 'short' });
    const first = await jobs.queue.send('test-short', { n: 1 }, { singletonKey: 'only' });
    const second = await jobs.queue.send('test-short', { n: 2 }, { singletonKey: 'only' });
    expect(first).not.toBeNull();
    expect(second).toBeNull();
  });

  it('marks a job whose handler throws as failed for pg-boss to retry', async () => {
    const id = await jobs.queue.send('test-failing', { n: 9 }, { retryLimit: 0 });
    await jobs.runDueJobs({ names: ['test-failing'] });
    const row = await app.deps.db.$queryRawUnsafe<Array<{ state: string }>>(
      `SELECT state::text AS state FROM pgboss.job WHERE id = $1::uuid`,
      id,
    );
    expect(row[0]?.state).toBe('failed');
  });
});

describe('job queue polling (the server mode)', () => {
  it('runs a job by itself when polling', async () => {
    const polling = await startJobs(app.database, { logger: app.deps.logger, poll: true, pollingIntervalSeconds: 0.5 });
    try {
      const done = new Promise<number>((resolve) => {
        void polling.work<{ n: number }>('test-polled', async (job) => resolve(job.data.n), { pollingIntervalSeconds: 0.5 });
      });
      await polling.queue.send('test-polled', { n: 42 });
      expect(await done).toBe(42);
    } finally {
      await polling.stop();
    }
  });
});
