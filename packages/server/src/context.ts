import { pickLocale, type Locale } from '@comptoir/protocol';
import type { Deps } from './core/deps.js';

/** Options for the staff session cookie, as the HTTP layer sets it. */
export interface CookieOptions {
  maxAgeSeconds: number;
}

/** What the transport tells procedures about the request; nothing else of HTTP reaches them. */
export interface RequestInfo {
  requestId: string;
  /** The client's address (behind a proxy, from X-Forwarded-For when TRUST_PROXY is set). */
  ip: string;
  /** Request headers, lower-case names. */
  headers: Readonly<Record<string, string | undefined>>;
  /** Cookies of the request. */
  cookies: Readonly<Record<string, string | undefined>>;
  /** Sets (or, with an empty value and maxAge 0, clears) a cookie on the response. */
  setCookie(name: string, value: string, options: CookieOptions): void;
}

/** The context every procedure starts from. */
export interface Context {
  deps: Deps;
  request: RequestInfo;
  /** The caller's language, from `x-comptoir-locale` then Accept-Language. */
  locale: Locale;
}

/**
 * Builds a context from plain values. The HTTP adapter calls it for each request, and tests call it
 * directly through `createCaller`, with any headers they like.
 */
export function createContextInner(options: { deps: Deps; request?: Partial<RequestInfo> }): Context {
  const headers = options.request?.headers ?? {};
  const request: RequestInfo = {
    requestId: options.request?.requestId ?? crypto.randomUUID(),
    ip: options.request?.ip ?? '127.0.0.1',
    headers,
    cookies: options.request?.cookies ?? {},
    setCookie: options.request?.setCookie ?? (() => {}),
  };
  return {
    deps: options.deps,
    request,
    locale: pickLocale(headers['x-comptoir-locale'], headers['accept-language']),
  };
}
