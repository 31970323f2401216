import type { Db } from './deps.js';

/** One fixed-window limit: at most `limit` hits per `windowMs` under `key`. */
export interface RateLimitInput {
  /** What is counted, namespaced by its caller ("shopper-sign-in:ip:203.0.113.7"). */
  key: string;
  limit: number;
  windowMs: number;
  now: Date;
}

/** The verdict of a limiter: whether to go on and, if not, when the window ends. */
export interface RateLimitVerdict {
  allowed: boolean;
  /** 0 when allowed; otherwise milliseconds until the window resets. */
  retryAfterMs: number;
}

interface BucketRow {
  count: number;
  windowStart: Date;
}

function verdictOf(row: BucketRow | undefined, input: RateLimitInput, allowedWhile: (count: number) => boolean): RateLimitVerdict {
  if (!row) return { allowed: true, retryAfterMs: 0 };
  const windowEnds = new Date(row.windowStart).getTime() + input.windowMs;
  if (windowEnds <= input.now.getTime() || allowedWhile(row.count)) return { allowed: true, retryAfterMs: 0 };
  return { allowed: false, retryAfterMs: windowEnds - input.now.getTime() };
}

/**
 * Counts one hit and says whether it is within the limit. A single `INSERT … ON CONFLICT DO UPDATE`
 * makes the increment atomic, so every server instance shares the same count; a window that has
 * ended restarts at 1 in that same statement.
 */
export async function hitRateLimit(db: Db, input: RateLimitInput): Promise<RateLimitVerdict> {
  const windowStartedBefore = new Date(input.now.getTime() - input.windowMs);
  const rows = await db.$queryRaw<BucketRow[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "windowStart")
    VALUES (${input.key}, 1, ${input.now}::timestamptz)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= ${windowStartedBefore}::timestamptz
                THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= ${windowStartedBefore}::timestamptz
                THEN ${input.now}::timestamptz ELSE "RateLimitBucket"."windowStart" END
    RETURNING "count", "windowStart"`;
  return verdictOf(rows[0], input, (count) => count <= input.limit);
}

/**
 * Says whether one more hit would be within the limit, without counting one: for limits on
 * failures, checked before the attempt and hit only when it fails.
 */
export async function checkRateLimit(db: Db, input: RateLimitInput): Promise<RateLimitVerdict> {
  const row = await db.rateLimitBucket.findUnique({
    where: { key: input.key },
    select: { count: true, windowStart: true },
  });
  return verdictOf(row ?? undefined, input, (count) => count < input.limit);
}

/** Forgets a key's count (after a successful sign-in, for instance). */
export async function resetRateLimit(db: Db, key: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key } });
}

/** Whole minutes to show a person who must wait `retryAfterMs` (at least 1). */
export function minutesToWait(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 60_000));
}
