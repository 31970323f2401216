/**
 * How this server reaches Stripe's API. The defaults are Stripe's own; the host, port and protocol
 * can be pointed at a local server that speaks Stripe's API (tests, a staging mock).
 */
export interface StripeApiSettings {
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
  /** Per request, before the SDK gives up and retries. */
  timeoutMs: number;
  /** Retries on network errors, timeouts, 409 and 5xx, with the same idempotency key. */
  maxNetworkRetries: number;
}

/** Stripe answers refunds in well under a second; 20 s leaves room without holding a worker long. */
export const defaultStripeApiSettings: StripeApiSettings = { timeoutMs: 20_000, maxNetworkRetries: 3 };

function intOr(value: string | undefined, fallback: number, min: number, max: number): number {
  const parsed = Number(value);
  return value !== undefined && Number.isInteger(parsed) && parsed >= min && parsed <= max ? parsed : fallback;
}

/**
 * Reads the Stripe API settings from the environment: COMPTOIR_STRIPE_API_HOST, _PORT, _PROTOCOL
 * (only to point the SDK elsewhere), COMPTOIR_STRIPE_TIMEOUT_MS and COMPTOIR_STRIPE_MAX_RETRIES.
 */
export function stripeApiSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): StripeApiSettings {
  const protocol = env.COMPTOIR_STRIPE_API_PROTOCOL;
  return {
    ...(env.COMPTOIR_STRIPE_API_HOST ? { host: env.COMPTOIR_STRIPE_API_HOST } : {}),
    ...(env.COMPTOIR_STRIPE_API_PORT ? { port: intOr(env.COMPTOIR_STRIPE_API_PORT, 443, 1, 65_535) } : {}),
    ...(protocol === 'http' || protocol === 'https' ? { protocol } : {}),
    timeoutMs: intOr(env.COMPTOIR_STRIPE_TIMEOUT_MS, defaultStripeApiSettings.timeoutMs, 100, 120_000),
    maxNetworkRetries: intOr(env.COMPTOIR_STRIPE_MAX_RETRIES, defaultStripeApiSettings.maxNetworkRetries, 0, 10),
  };
}
