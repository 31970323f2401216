import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { testDatabaseKind } from '../test/test-database.js';
import { checkRateLimit, hitRateLimit, minutesToWait, resetRateLimit } from './rate-limit.js';

describe(`fixed-window rate limit on ${testDatabaseKind}`, () => {
  let app: TestApp;
  const windowMs = 15 * 60_000;

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-06-15T10:00:00Z' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('allows `limit` hits per window, then says how long to wait', async () => {
    const input = { key: 'test:basic', limit: 3, windowMs };
    for (let hit = 0; hit < 3; hit += 1) {
      expect(await hitRateLimit(app.deps.db, { ...input, now: app.clock.now() })).toEqual({ allowed: true, retryAfterMs: 0 });
      app.clock.advance(60_000);
    }
    expect(await hitRateLimit(app.deps.db, { ...input, now: app.clock.now() })).toEqual({ allowed: false, retryAfterMs: windowMs - 3 * 60_000 });
    app.clock.advance(windowMs - 3 * 60_000);
    expect(await hitRateLimit(app.deps.db, { ...input, now: app.clock.now() })).toEqual({ allowed: true, retryAfterMs: 0 });
  });

  it('checks without counting, and forgets a key on reset', async () => {
    const input = { key: 'test:check', limit: 2, windowMs };
    expect((await checkRateLimit(app.deps.db, { ...input, now: app.clock.now() })).allowed).toBe(true);
    await hitRateLimit(app.deps.db, { ...input, now: app.clock.now() });
    expect((await checkRateLimit(app.deps.db, { ...input, now: app.clock.now() })).allowed).toBe(true);
    await hitRateLimit(app.deps.db, { ...input, now: app.clock.now() });
    expect(await checkRateLimit(app.deps.db, { ...input, now: app.clock.now() })).toEqual({ allowed: false, retryAfterMs: windowMs });
    await resetRateLimit(app.deps.db, input.key);
    expect((await checkRateLimit(app.deps.db, { ...input, now: app.clock.now() })).allowed).toBe(true);
  });

  it('counts concurrent hits exactly once each', async () => {
    const input = { key: 'test:concurrent', limit: 10, windowMs, now: app.clock.now() };
    const verdicts = await Promise.all(Array.from({ length: 16 }, () => hitRateLimit(app.deps.db, input)));
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(10);
    const bucket = await app.deps.db.rateLimitBucket.findUnique({ where: { key: input.key }, select: { count: true } });
    expect(bucket?.count).toBe(16);
  });

  it.each([
    [1, 1],
    [60_000, 1],
    [60_001, 2],
    [15 * 60_000, 15],
  ])('rounds %i ms of waiting up to %i minute(s)', (ms, minutes) => {
    expect(minutesToWait(ms)).toBe(minutes);
  });
});
