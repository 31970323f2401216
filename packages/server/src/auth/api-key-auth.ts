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

/** Checks the widget's publishable key (header `x-comptoir-key`) and that the Origin is allowed. */
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
  const origin = ctx.request.headers.origin;
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
