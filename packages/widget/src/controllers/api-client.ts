/**
 * A tiny client for the widget's tRPC procedures, speaking tRPC's HTTP protocol directly (queries
 * as GET with `?input=`, mutations as POST with a JSON body, non-batched responses) so that the
 * widget ships no client library. Queries are retried on network failure; mutations are not, since
 * the server may have applied them.
 */

/** Why a call failed: the network, no connection at all, or an answer of the server. */
export const ApiFailure = { network: 'network', offline: 'offline', server: 'server' } as const;
export type ApiFailure = (typeof ApiFailure)[keyof typeof ApiFailure];

/** A failed call. `code` is the server's stable `comptoirCode` when it answered. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly failure: ApiFailure,
    readonly code: string,
    readonly httpStatus = 0,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Whether trying again may help (the network, or the server being unavailable). */
  get isRetryable(): boolean {
    return this.failure !== 'server' || this.httpStatus >= 500;
  }
}

/** Where and as whom the widget calls. */
export interface ApiClientOptions {
  /** The server's origin, e.g. `https://comptoir.example` (no trailing slash). */
  baseUrl: string;
  publishableKey: string;
  locale: () => string;
  session: () => string | null;
  fetch?: typeof fetch;
  /** Delays between attempts of a query; its length is the number of retries. */
  retryDelaysMs?: readonly number[];
}

interface TrpcEnvelope {
  result?: { data?: unknown };
  error?: { message?: string; data?: { comptoirCode?: string; httpStatus?: number } };
}

/** The widget's API client. */
export interface ApiClient {
  query<T>(path: string, input?: unknown): Promise<T>;
  mutation<T>(path: string, input?: unknown): Promise<T>;
}

/** Creates the API client for one shop. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const retryDelaysMs = options.retryDelaysMs ?? [400, 1_500];

  function headers(): Record<string, string> {
    const result: Record<string, string> = {
      'x-comptoir-key': options.publishableKey,
      'x-comptoir-locale': options.locale(),
    };
    const session = options.session();
    if (session) result['x-comptoir-session'] = session;
    return result;
  }

  async function call<T>(method: 'GET' | 'POST', path: string, input: unknown): Promise<T> {
    let url = `${options.baseUrl}/trpc/${path}`;
    const init: RequestInit = { method, headers: headers(), credentials: 'omit' };
    if (method === 'GET') {
      if (input !== undefined) url += `?input=${encodeURIComponent(JSON.stringify(input))}`;
    } else {
      init.headers = { ...init.headers, 'content-type': 'application/json' };
      init.body = JSON.stringify(input ?? null);
    }
    let response: Response;
    try {
      response = await doFetch(url, init);
    } catch {
      const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
      throw new ApiError(offline ? 'offline' : 'network', offline ? 'offline' : 'network', 'NETWORK');
    }
    let body: TrpcEnvelope | null = null;
    try {
      body = (await response.json()) as TrpcEnvelope;
    } catch {
      body = null;
    }
    if (response.ok && body?.result) return body.result.data as T;
    const error = body?.error;
    if (!error) throw new ApiError('network', 'network', 'BAD_RESPONSE', response.status);
    throw new ApiError(
      error.message ?? '',
      'server',
      error.data?.comptoirCode ?? 'UNKNOWN',
      error.data?.httpStatus ?? response.status,
    );
  }

  return {
    async query<T>(path: string, input?: unknown): Promise<T> {
      for (let attempt = 0; ; attempt++) {
        try {
          return await call<T>('GET', path, input);
        } catch (error) {
          const delay = retryDelaysMs[attempt];
          const isWorthRetrying = error instanceof ApiError && error.failure === 'network';
          if (!isWorthRetrying || delay === undefined) throw error;
          await new Promise((resolve) => setTimeout(resolve, delay));
        }
      }
    },
    mutation: <T>(path: string, input?: unknown) => call<T>('POST', path, input),
  };
}
