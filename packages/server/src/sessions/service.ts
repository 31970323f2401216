import { z } from 'zod';
import { shortText } from '@comptoir/protocol';
import type { Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { constantTimeEquals, sha256 } from '../core/hash.js';
import { checkRateLimit, hitRateLimit, minutesToWait, resetRateLimit } from '../core/rate-limit.js';
import { shopperSessionSeconds, signShopperToken } from '../auth/shopper-token.js';

/** What a shopper types to sign in: the order number and the email used for it. */
export const shopperSignInInput = z.object({
  orderNumber: shortText(64),
  // Deliberately not validated as an email: a malformed one fails like any wrong one.
  email: z.string().max(254),
});
export type ShopperSignInInput = z.input<typeof shopperSignInInput>;

/** Sign-in limits: failures per order number (guessing emails) and attempts per address (guessing numbers). */
export const shopperSignInLimits = {
  failuresPerOrder: { limit: 10, windowMs: 15 * 60_000 },
  attemptsPerIp: { limit: 30, windowMs: 15 * 60_000 },
} as const;

/** Compared against when the order does not exist, so the answer takes as long either way. */
const absentEmailHash = sha256('absent-order@comptoir.invalid');

/** An email as stored on customers: trimmed and lower-cased. */
export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}

/** "camille.durand@example.fr" → "c•••@example.fr": enough to recognise, not to harvest (not even its length). */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return '•••';
  const local = value.slice(0, at);
  return `${local[0]}•••${value.slice(at)}`;
}

/** A signed-in shopper's session, as the widget keeps it. */
export interface ShopperSession {
  token: string;
  expiresAt: Date;
  customer: { name: string | null; emailMasked: string };
}

function tooManyAttempts(retryAfterMs: number): DomainError {
  return new DomainError('TOO_MANY_ATTEMPTS', { minutes: minutesToWait(retryAfterMs) });
}

/**
 * Signs a shopper in with an order number and its email. Whatever is wrong (no such order, another
 * email, an erased customer) the answer is the same SHOPPER_SIGN_IN_FAILED, after the same work.
 * Attempts are limited per client address and failures per order number, across all instances.
 * The session covers every order of that customer at this shop.
 */
export async function signInShopper(
  deps: Deps,
  input: { shopId: string; ip: string; orderNumber: string; email: string },
): Promise<ShopperSession> {
  const now = deps.clock.now();
  const ipVerdict = await hitRateLimit(deps.db, {
    key: `shopper-sign-in:ip:${input.ip}`,
    ...shopperSignInLimits.attemptsPerIp,
    now,
  });
  if (!ipVerdict.allowed) throw tooManyAttempts(ipVerdict.retryAfterMs);

  const orderKey = `shopper-sign-in:order:${input.shopId}:${input.orderNumber.trim().toLowerCase()}`;
  const orderLimit = { key: orderKey, ...shopperSignInLimits.failuresPerOrder, now };
  const orderVerdict = await checkRateLimit(deps.db, orderLimit);
  if (!orderVerdict.allowed) throw tooManyAttempts(orderVerdict.retryAfterMs);

  const order = await deps.db.order.findUnique({
    where: { shopId_number: { shopId: input.shopId, number: input.orderNumber.trim() } },
    select: { customer: { select: { id: true, email: true, name: true, erasedAt: true } } },
  });
  const customer = order?.customer ?? null;
  const emailMatches = constantTimeEquals(sha256(normaliseEmail(input.email)), customer ? sha256(customer.email) : absentEmailHash);
  if (!customer || !emailMatches || customer.erasedAt) {
    await hitRateLimit(deps.db, orderLimit);
    throw new DomainError('SHOPPER_SIGN_IN_FAILED');
  }

  await resetRateLimit(deps.db, orderKey);
  const exp = Math.floor(now.getTime() / 1000) + shopperSessionSeconds;
  return {
    token: signShopperToken(deps.secrets.shopperTokenKey, { shopId: input.shopId, customerId: customer.id, exp }),
    expiresAt: new Date(exp * 1000),
    customer: { name: customer.name, emailMasked: maskEmail(customer.email) },
  };
}

/** The signed-in shopper, as the widget shows them. */
export async function getShopper(deps: Deps, input: { shopId: string; customerId: string }) {
  const customer = await deps.db.customer.findFirst({
    where: { id: input.customerId, shopId: input.shopId, erasedAt: null },
    select: { name: true, email: true, locale: true },
  });
  if (!customer) throw new DomainError('SHOPPER_SESSION_REQUIRED');
  return { name: customer.name, emailMasked: maskEmail(customer.email), locale: customer.locale };
}
