import { serverRequire } from './paths.js';

type Autocannon = typeof import('autocannon');
const autocannon = serverRequire('autocannon') as Autocannon;

/** One request as the load generator sends it. */
export interface BenchRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Throughput and latency of one scenario against one or more servers. */
export interface LoadFigures {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  requests: number;
  /** Answers by HTTP status class, to tell rate limiting (4xx) from failures (5xx). */
  statusCodes: Record<string, number>;
  sampleError?: string;
}

/**
 * Runs autocannon against every url at once (connections split evenly), with `next(n)` building the
 * n-th request, so every request can carry a different order, token or client address. Across
 * several servers: throughputs add up, p50 is the mean and p99 the worst of the per-server figures.
 */
export async function runLoad(options: {
  urls: string[];
  connections: number;
  durationSeconds: number;
  next: (n: number) => BenchRequest;
}): Promise<LoadFigures> {
  let counter = 0;
  const perUrl = Math.max(1, Math.floor(options.connections / options.urls.length));
  let sampleError: string | undefined;
  const runs = options.urls.map(
    (url) =>
      new Promise<import('autocannon').Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url,
            connections: perUrl,
            duration: options.durationSeconds,
            requests: [
              {
                setupRequest: (request: Record<string, unknown>) => {
                  const next = options.next(counter++);
                  return { ...request, method: next.method, path: next.path, headers: next.headers, body: next.body };
                },
                onResponse: (status: number, body: string) => {
                  if (status >= 400 && !sampleError) sampleError = `${status} ${body.slice(0, 300)}`;
                },
              },
            ],
          } as unknown as import('autocannon').Options,
          (error, result) => (error ? reject(error) : resolve(result)),
        );
        void instance;
      }),
  );
  const results = await Promise.all(runs);
  const statusCodes: Record<string, number> = {};
  for (const result of results) {
    for (const key of ['1xx', '2xx', '3xx', '4xx', '5xx'] as const) statusCodes[key] = (statusCodes[key] ?? 0) + Number(result[key] ?? 0);
  }
  const sum = (pick: (result: import('autocannon').Result) => number) => results.reduce((total, result) => total + pick(result), 0);
  return {
    rps: Math.round(sum((result) => result.requests.average)),
    p50Ms: Math.round((sum((result) => result.latency.p50) / results.length) * 10) / 10,
    p99Ms: Math.max(...results.map((result) => result.latency.p99)),
    errors: sum((result) => result.errors + result.timeouts + result.non2xx),
    requests: sum((result) => result.requests.total),
    statusCodes,
    ...(sampleError ? { sampleError } : {}),
  };
}
