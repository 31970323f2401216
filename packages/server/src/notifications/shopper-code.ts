import { randomBytes, randomInt } from 'node:crypto';
import type { Locale } from '@comptoir/protocol';
import type { Db, Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { constantTimeEquals, hmac, sha256 } from '../core/hash.js';
import { hitRateLimit, minutesToWait } from '../core/rate-limit.js';
import { shopperSessionSeconds, signShopperToken } from '../auth/shopper-token.js';
import { maskEmail, normaliseEmail, type ShopperSession } from '../sessions/service.js';
import { enqueue } from './outbox.js';

/** Lifetime of a code or link, and how many wrong codes one request allows. */
export const shopperCodeRules = { ttlMs: 15 * 60_000, maxAttempts: 5 } as const;

const limits = {
  requestsPerEmail: { limit: 5, windowMs: 15 * 60_000 },
  requestsPerIp: { limit: 20, windowMs: 15 * 60_000 },
  verifiesPerIp: { limit: 30, windowMs: 15 * 60_000 },
} as const;

/** Keyed hash of a code: 10⁶ codes cannot be brute-forced from a leaked table without the key. */
function codeHash(deps: Deps, shopId: string, email: string, code: string): string {
  return hmac(deps.secrets.shopperTokenKey, `shopper_code.v1.${shopId}.${email}.${code}`);
}

/** Where the shop's widget lives: its first allowed origin (else this server). */
function widgetOrigin(deps: Pick<Deps, 'config'>, allowedOrigins: string[]): string {
  return allowedOrigins[0] ?? deps.config.publicUrl;
}

/** A link that opens the widget on the shop's site, signed in by a single-use token (in the fragment, never sent to servers). */
export function widgetLinkUrl(origin: string, token: string): string {
  return `${origin}/#comptoir-link=${encodeURIComponent(token)}`;
}

/**
 * Creates a single-use sign-in link for a customer (also used by emails that open a case):
 * returns the URL to put in the email. Call it in the transaction that enqueues the email.
 */
export async function createShopperLink(
  deps: Pick<Deps, 'clock'>,
  db: Db,
  input: { shopId: string; customerId: string; email: string; origin: string; data?: { caseType: string; caseId: string }; ttlMs?: number },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.oneTimeToken.create({
    data: {
      purpose: 'shopper_link',
      tokenHash: sha256(token),
      shopId: input.shopId,
      customerId: input.customerId,
      email: input.email,
      ...(input.data ? { data: input.data } : {}),
      createdAt: deps.clock.now(),
      expiresAt: new Date(deps.clock.now().getTime() + (input.ttlMs ?? shopperCodeRules.ttlMs)),
    },
  });
  return widgetLinkUrl(input.origin, token);
}

/**
 * How long the link in a case email ("your return is approved") signs the shopper in: a week,
 * since such emails are read hours or days later; still single use, hashed at rest, and only in
 * the URL's fragment, which mail scanners that prefetch links never send to a server.
 */
export const caseLinkTtlMs = 7 * 24 * 3_600_000;

/**
 * The link a case email carries: the shop's site with the widget open on that case, signed in by
 * a single-use token. Call it in the transaction that enqueues the email.
 */
export async function createCaseLink(
  deps: Pick<Deps, 'clock' | 'config'>,
  db: Db,
  input: { shopId: string; customerId: string; caseType: 'order' | 'return' | 'claim' | 'ticket' | 'loyalty'; caseId: string },
): Promise<string> {
  const customer = await db.customer.findFirstOrThrow({
    where: { id: input.customerId, shopId: input.shopId },
    select: { email: true, shop: { select: { allowedOrigins: true } } },
  });
  return createShopperLink(deps, db, {
    shopId: input.shopId,
    customerId: input.customerId,
    email: customer.email,
    origin: widgetOrigin(deps, customer.shop.allowedOrigins),
    data: { caseType: input.caseType, caseId: input.caseId },
    ttlMs: caseLinkTtlMs,
  });
}

/**
 * Emails a 6-digit code (and a one-click link) to a shopper of this shop. The answer is the same
 * whether or not the address is known; requests are limited per address and per client.
 */
export async function requestShopperCode(
  deps: Deps,
  input: { shopId: string; email: string; ip: string; locale: Locale },
): Promise<{ sent: true; expiresInSeconds: number }> {
  const now = deps.clock.now();
  const email = normaliseEmail(input.email);
  for (const [key, limit] of [
    [`shopper-code:ip:${input.ip}`, limits.requestsPerIp],
    [`shopper-code:email:${input.shopId}:${sha256(email)}`, limits.requestsPerEmail],
  ] as const) {
    const verdict = await hitRateLimit(deps.db, { key, ...limit, now });
    if (!verdict.allowed) throw new DomainError('TOO_MANY_ATTEMPTS', { minutes: minutesToWait(verdict.retryAfterMs) });
  }
  const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
  const answer = { sent: true as const, expiresInSeconds: shopperCodeRules.ttlMs / 1000 };
  const customer = await deps.db.customer.findFirst({
    where: { shopId: input.shopId, email, erasedAt: null },
    select: { id: true, locale: true, shop: { select: { allowedOrigins: true } } },
  });
  const hash = codeHash(deps, input.shopId, email, code);
  if (!customer) return answer;
  await deps.db.$transaction(async (tx) => {
    // A new code replaces the previous ones.
    await tx.oneTimeToken.updateMany({
      where: { purpose: 'shopper_code', shopId: input.shopId, email, usedAt: null },
      data: { usedAt: now },
    });
    const token = await tx.oneTimeToken.create({
      data: {
        purpose: 'shopper_code',
        tokenHash: hash,
        shopId: input.shopId,
        customerId: customer.id,
        email,
        createdAt: now,
        expiresAt: new Date(now.getTime() + shopperCodeRules.ttlMs),
      },
      select: { id: true },
    });
    const url = await createShopperLink(deps, tx, {
      shopId: input.shopId,
      customerId: customer.id,
      email,
      origin: widgetOrigin(deps, customer.shop.allowedOrigins),
    });
    await enqueue(tx, {
      channel: 'email',
      shopId: input.shopId,
      topic: 'shopper_sign_in_code',
      dedupeKey: `shopper_code:${token.id}`,
      to: email,
      locale: customer.locale === 'en' || customer.locale === 'fr' ? customer.locale : input.locale,
      customerId: customer.id,
      data: { code, url, expiresInMinutes: shopperCodeRules.ttlMs / 60_000 },
      at: now,
    });
  });
  return answer;
}

async function sessionFor(deps: Deps, shopId: string, customerId: string): Promise<ShopperSession> {
  const customer = await deps.db.customer.findFirst({ where: { id: customerId, shopId, erasedAt: null }, select: { id: true, name: true, email: true } });
  if (!customer) throw new DomainError('SHOPPER_CODE_INVALID');
  const exp = Math.floor(deps.clock.now().getTime() / 1000) + shopperSessionSeconds;
  return {
    token: signShopperToken(deps.secrets.shopperTokenKey, { shopId, customerId: customer.id, exp }),
    expiresAt: new Date(exp * 1000),
    customer: { name: customer.name, emailMasked: maskEmail(customer.email) },
  };
}

/**
 * Signs in with the emailed code: the latest unexpired code of that address, at most 5 tries,
 * used once. Every failure gives the same SHOPPER_CODE_INVALID.
 */
export async function verifyShopperCode(deps: Deps, input: { shopId: string; email: string; code: string; ip: string }): Promise<ShopperSession> {
  const now = deps.clock.now();
  const verdict = await hitRateLimit(deps.db, { key: `shopper-code-verify:ip:${input.ip}`, ...limits.verifiesPerIp, now });
  if (!verdict.allowed) throw new DomainError('TOO_MANY_ATTEMPTS', { minutes: minutesToWait(verdict.retryAfterMs) });
  const email = normaliseEmail(input.email);
  const token = await deps.db.oneTimeToken.findFirst({
    where: { purpose: 'shopper_code', shopId: input.shopId, email, usedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: 'desc' },
    select: { id: true, tokenHash: true, customerId: true },
  });
  const expected = codeHash(deps, input.shopId, email, input.code.trim());
  if (!token || !token.customerId) {
    constantTimeEquals(expected, expected);
    throw new DomainError('SHOPPER_CODE_INVALID');
  }
  // Count the try first, atomically: concurrent guesses cannot exceed the limit.
  const counted = await deps.db.oneTimeToken.updateMany({
    where: { id: token.id, usedAt: null, attempts: { lt: shopperCodeRules.maxAttempts } },
    data: { attempts: { increment: 1 } },
  });
  if (!counted.count || !constantTimeEquals(expected, token.tokenHash)) throw new DomainError('SHOPPER_CODE_INVALID');
  const used = await deps.db.oneTimeToken.updateMany({ where: { id: token.id, usedAt: null }, data: { usedAt: now } });
  if (!used.count) throw new DomainError('SHOPPER_CODE_INVALID');
  return sessionFor(deps, input.shopId, token.customerId);
}

/** Signs in with a single-use emailed link; returns the session and the case the link opens, if any. */
export async function verifyShopperLink(
  deps: Deps,
  input: { shopId: string; token: string },
): Promise<ShopperSession & { opens: { caseType: string; caseId: string } | null }> {
  const now = deps.clock.now();
  const token = await deps.db.oneTimeToken.findFirst({
    where: { purpose: 'shopper_link', tokenHash: sha256(input.token), shopId: input.shopId, usedAt: null, expiresAt: { gt: now } },
    select: { id: true, customerId: true, data: true },
  });
  if (!token?.customerId) throw new DomainError('SHOPPER_LINK_INVALID');
  const used = await deps.db.oneTimeToken.updateMany({ where: { id: token.id, usedAt: null }, data: { usedAt: now } });
  if (!used.count) throw new DomainError('SHOPPER_LINK_INVALID');
  const session = await sessionFor(deps, input.shopId, token.customerId);
  const data = token.data as { caseType?: unknown; caseId?: unknown } | null;
  const opens = data && typeof data.caseType === 'string' && typeof data.caseId === 'string' ? { caseType: data.caseType, caseId: data.caseId } : null;
  return { ...session, opens };
}
