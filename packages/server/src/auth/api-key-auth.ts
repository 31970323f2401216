import type { Context } from '../context.js';
import { DomainError } from '../core/domain-error.js';
import { apiKeyKindOf } from './api-keys.js';
import { findKey, type AuthenticatedShop } from './shop-lookup.js';

/** Context of a call made with an API key. */
export interface KeyContext {
  shop: AuthenticatedShop;
  apiKeyId: string;
}

function bearerToken(ctx: Context): string | undefined {
  const header = ctx.request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

/**
 * Browsers announce themselves: they send Origin on cross-site and on every non-GET request, and
 * Sec-Fetch-* on every request. A secret key arriving with any of them has leaked into a web page.
 */
function isFromBrowser(ctx: Context): boolean {
  const { headers } = ctx.request;
  return Boolean(headers.origin || headers['sec-fetch-mode'] || headers['sec-fetch-site']);
}

/**
 * The origin of the page that made the call. Browsers send no Origin header on same-origin GETs
 * (the widget's queries from a page this server serves itself, such as the demo shop), but they
 * do send `Sec-Fetch-Site: same-origin`, which no script can set: such a caller is a page of this
 * very server, and its origin is the one `publicUrl` declares.
 *
 * Why `publicUrl` and not an origin rebuilt from `Host`: behind a TLS-terminating proxy the scheme
 * seen here is http, and many proxies rewrite `Host` to an internal name, so a rebuilt origin is
 * often wrong; and `Host` is chosen by whoever controls DNS (a DNS-rebinding page on
 * attacker.example reaches this server "same-origin"). `publicUrl` is what the operator declared,
 * so this rule can only ever grant the server's own origin (which the shop's allowed origins must
 * still list). `Host` (which scripts cannot set either) is only compared with it, so a rebound
 * name gets nothing; a proxy that rewrites `Host` makes this rule fail closed, never open.
 * Callers outside a browser can claim any Origin anyway: the check keeps other web pages from
 * using a shop's key, it does not authenticate scripts.
 */
function callerOrigin(ctx: Context): string | undefined {
  const { headers } = ctx.request;
  if (headers.origin) return headers.origin;
  if (headers['sec-fetch-site'] !== 'same-origin') return undefined;
  const own = new URL(ctx.deps.config.publicUrl);
  return headers.host?.toLowerCase() === own.host ? own.origin : undefined;
}

/** Checks the widget's publishable key (header `x-comptoir-key`) and that the caller's origin is allowed. */
export async function authenticatePublishableKey<C extends Context>(ctx: C): Promise<C & KeyContext> {
  const key = ctx.request.headers['x-comptoir-key'] ?? bearerToken(ctx);
  if (!key) throw new DomainError('MISSING_API_KEY');
  const kind = apiKeyKindOf(key);
  if (kind === 'secret') {
    if (isFromBrowser(ctx)) throw new DomainError('SECRET_KEY_FROM_BROWSER');
    throw new DomainError('WRONG_KEY_KIND', { expected: 'publishable (pk_…)' });
  }
  const match = kind ? await findKey(ctx.deps, key) : null;
  if (!match) throw new DomainError('INVALID_API_KEY');
  const origin = callerOrigin(ctx);
  if (!origin || !match.shop.allowedOrigins.includes(origin)) throw new DomainError('ORIGIN_NOT_ALLOWED');
  return { ...ctx, shop: match.shop, apiKeyId: match.keyId };
}

/** Checks the back end's secret key (`Authorization: Bearer sk_…`) and that no browser sent it. */
export async function authenticateSecretKey<C extends Context>(ctx: C): Promise<C & KeyContext> {
  const key = bearerToken(ctx) ?? ctx.request.headers['x-comptoir-key'];
  if (!key) throw new DomainError('MISSING_API_KEY');
  const kind = apiKeyKindOf(key);
  if (kind === 'secret' && isFromBrowser(ctx)) throw new DomainError('SECRET_KEY_FROM_BROWSER');
  if (kind === 'publishable') throw new DomainError('WRONG_KEY_KIND', { expected: 'secret (sk_…)' });
  const match = kind ? await findKey(ctx.deps, key) : null;
  if (!match) throw new DomainError('INVALID_API_KEY');
  return { ...ctx, shop: match.shop, apiKeyId: match.keyId };
}
