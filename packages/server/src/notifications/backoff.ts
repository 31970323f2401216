/** How a channel retries: exponential from `baseMs`, capped, with jitter, then dead. */
export interface RetryPolicy {
  baseMs: number;
  factor: number;
  maxDelayMs: number;
  /** Attempts in all, the first included. */
  maxAttempts: number;
}

/** Emails: 30 s, 1 min, 2 min… capped at 1 h; 8 attempts (about 2 hours). */
export const emailRetryPolicy: RetryPolicy = { baseMs: 30_000, factor: 2, maxDelayMs: 3_600_000, maxAttempts: 8 };

/** Webhooks: 10 s, 30 s, 90 s… capped at 6 h; 11 attempts spread over about a day. */
export const webhookRetryPolicy: RetryPolicy = { baseMs: 10_000, factor: 3, maxDelayMs: 6 * 3_600_000, maxAttempts: 11 };

/**
 * The wait before the next attempt after `attemptsMade` attempts: half fixed, half random ("equal
 * jitter"), so receivers that failed together are not hit again all at the same instant.
 */
export function retryDelayMs(policy: RetryPolicy, attemptsMade: number, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseMs * policy.factor ** Math.max(0, attemptsMade - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}
