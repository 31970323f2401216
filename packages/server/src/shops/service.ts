import { z } from 'zod';
import { currency as currencySchema, origin, shortText } from '@comptoir/protocol';
import { Prisma } from '../generated/prisma/client.js';
import type { Actor } from '../core/actor.js';
import type { Db, Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { recordEvent } from '../core/events.js';
import { ApiKeyKind, generateApiKey } from '../auth/api-keys.js';
import { clearKeyCache } from '../auth/shop-lookup.js';
import { settingsFrom } from '../loyalty/ledger.js';
import { defaultPolicyRules } from './default-policy.js';
import { shopSlug, slugify } from './slug.js';

/** The origins a shop's widget may run on: 1 to 20 of them. */
export const allowedOriginsInput = z.array(origin).min(1).max(20);

/** What it takes to create a shop. */
export const createShopInput = z.object({
  name: shortText(120),
  /** Derived from the name when absent. */
  slug: shopSlug.optional(),
  origins: allowedOriginsInput,
  locale: z.enum(['fr', 'en']).default('fr'),
  currency: currencySchema.default('EUR'),
  timeZone: z
    .string()
    .trim()
    .max(64)
    .refine(isTimeZone, 'an IANA time zone such as Europe/Paris')
    .default('Europe/Paris'),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code')
    .default('FR'),
});
export type CreateShopInput = z.input<typeof createShopInput>;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** A key as lists show it: never its secret. */
export const apiKeySelect = {
  id: true,
  kind: true,
  displayPrefix: true,
  label: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} satisfies Prisma.ApiKeySelect;
export type ApiKeySummary = Prisma.ApiKeyGetPayload<{ select: typeof apiKeySelect }>;

/** A shop as staff and the CLI see it. */
export const shopSelect = {
  id: true,
  slug: true,
  name: true,
  locale: true,
  currency: true,
  timeZone: true,
  country: true,
  allowedOrigins: true,
  brandColor: true,
  logoUrl: true,
  currentPolicyVersion: true,
  createdAt: true,
} satisfies Prisma.ShopSelect;
export type ShopSummary = Prisma.ShopGetPayload<{ select: typeof shopSelect }>;

/** A new key: its plaintext, shown once and never stored, and what lists show of it. */
export interface IssuedApiKey {
  plaintext: string;
  key: ApiKeySummary;
}

/** A created shop and its two keys, in plaintext for the only time. */
export interface CreatedShop {
  shop: ShopSummary;
  publishableKey: IssuedApiKey;
  secretKey: IssuedApiKey;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

async function issueKey(db: Db, options: { shopId: string; kind: ApiKeyKind; actor: Actor; now: Date }): Promise<IssuedApiKey> {
  const generated = generateApiKey(options.kind);
  const key = await db.apiKey.create({
    data: { shopId: options.shopId, kind: options.kind, hash: generated.hash, displayPrefix: generated.displayPrefix, createdAt: options.now },
    select: apiKeySelect,
  });
  await recordEvent(db, {
    shopId: options.shopId,
    subjectType: 'api_key',
    subjectId: key.id,
    type: 'api_key.created',
    toStatus: 'active',
    actor: options.actor,
    data: { kind: options.kind, displayPrefix: key.displayPrefix },
    occurredAt: options.now,
  });
  return { plaintext: generated.plaintext, key };
}

/**
 * Creates a shop with version 1 of its service policy, a publishable and a secret key. The keys'
 * plaintext is in the result and nowhere else: only their hashes are stored.
 */
export async function createShop(deps: Deps, input: CreateShopInput, actor: Actor = { type: 'system' }): Promise<CreatedShop> {
  const parsed = createShopInput.parse(input);
  const slug = parsed.slug ?? slugify(parsed.name);
  if (!shopSlug.safeParse(slug).success) {
    throw new DomainError('INVALID_INPUT', { issues: 'slug: the name gives no usable identifier, choose a slug' });
  }
  const now = deps.clock.now();
  try {
    return await deps.db.$transaction(async (tx) => {
      const taken = await tx.shop.findUnique({ where: { slug }, select: { id: true } });
      if (taken) throw new DomainError('SHOP_SLUG_TAKEN', { slug });
      const shop = await tx.shop.create({
        data: {
          slug,
          name: parsed.name,
          locale: parsed.locale,
          currency: parsed.currency,
          timeZone: parsed.timeZone,
          country: parsed.country,
          allowedOrigins: [...new Set(parsed.origins)],
          currentPolicyVersion: 1,
          createdAt: now,
        },
        select: shopSelect,
      });
      await tx.servicePolicy.create({ data: { shopId: shop.id, version: 1, rules: defaultPolicyRules(), createdAt: now } });
      await recordEvent(tx, {
        shopId: shop.id,
        subjectType: 'shop',
        subjectId: shop.id,
        type: 'shop.created',
        toStatus: 'active',
        actor,
        data: { slug, origins: shop.allowedOrigins },
        occurredAt: now,
      });
      const publishableKey = await issueKey(tx, { shopId: shop.id, kind: ApiKeyKind.publishable, actor, now });
      const secretKey = await issueKey(tx, { shopId: shop.id, kind: ApiKeyKind.secret, actor, now });
      return { shop, publishableKey, secretKey };
    });
  } catch (error) {
    // Two creations racing for one slug: the loser hits the unique index.
    if (isUniqueViolation(error)) throw new DomainError('SHOP_SLUG_TAKEN', { slug });
    throw error;
  }
}

/** Every shop of this server, oldest first. */
export async function listShops(deps: Deps): Promise<ShopSummary[]> {
  return deps.db.shop.findMany({ select: shopSelect, orderBy: { createdAt: 'asc' } });
}

/** One shop by id, or SHOP_NOT_FOUND. */
export async function getShop(deps: Deps, input: { shopId: string }): Promise<ShopSummary> {
  const shop = await deps.db.shop.findUnique({ where: { id: input.shopId }, select: shopSelect });
  if (!shop) throw new DomainError('SHOP_NOT_FOUND');
  return shop;
}

/** One shop by slug, or SHOP_NOT_FOUND (the CLI names shops by slug). */
export async function findShopBySlug(deps: Deps, input: { slug: string }): Promise<ShopSummary> {
  const shop = await deps.db.shop.findUnique({ where: { slug: input.slug.trim().toLowerCase() }, select: shopSelect });
  if (!shop) throw new DomainError('SHOP_NOT_FOUND');
  return shop;
}

/** A shop's keys, active first then newest first, without their secrets. */
export async function listKeys(deps: Deps, input: { shopId: string }): Promise<ApiKeySummary[]> {
  const keys = await deps.db.apiKey.findMany({
    where: { shopId: input.shopId },
    select: apiKeySelect,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  return [...keys.filter((key) => !key.revokedAt), ...keys.filter((key) => key.revokedAt)];
}

async function revokeInTransaction(tx: Db, options: { shopId: string; keyIds: string[]; actor: Actor; reason: string; now: Date }): Promise<void> {
  for (const keyId of options.keyIds) {
    // Conditional on revokedAt still being null, so two concurrent revocations record one event.
    const { count } = await tx.apiKey.updateMany({
      where: { id: keyId, shopId: options.shopId, revokedAt: null },
      data: { revokedAt: options.now },
    });
    if (count === 0) continue;
    await recordEvent(tx, {
      shopId: options.shopId,
      subjectType: 'api_key',
      subjectId: keyId,
      type: 'api_key.revoked',
      fromStatus: 'active',
      toStatus: 'revoked',
      actor: options.actor,
      reason: options.reason,
      occurredAt: options.now,
    });
  }
}

/** A rotation's new key and the keys it revoked. */
export interface RotatedKey extends IssuedApiKey {
  revokedKeyIds: string[];
}

/**
 * Issues a new key of `kind` and revokes the shop's other active keys of that kind at once, unless
 * `keepOld` (then the owner revokes them with `revokeKey` once the new key is deployed).
 */
export async function rotateKey(
  deps: Deps,
  input: { shopId: string; kind: ApiKeyKind; keepOld?: boolean; actor: Actor },
): Promise<RotatedKey> {
  const now = deps.clock.now();
  const result = await deps.db.$transaction(async (tx) => {
    const shop = await tx.shop.findUnique({ where: { id: input.shopId }, select: { id: true } });
    if (!shop) throw new DomainError('SHOP_NOT_FOUND');
    const old = await tx.apiKey.findMany({
      where: { shopId: input.shopId, kind: input.kind, revokedAt: null },
      select: { id: true },
    });
    const issued = await issueKey(tx, { shopId: input.shopId, kind: input.kind, actor: input.actor, now });
    const revokedKeyIds = input.keepOld ? [] : old.map((key) => key.id);
    await revokeInTransaction(tx, { shopId: input.shopId, keyIds: revokedKeyIds, actor: input.actor, reason: 'rotated', now });
    return { ...issued, revokedKeyIds };
  });
  clearKeyCache();
  return result;
}

/** Revokes one key of the shop (a no-op when it already is). API_KEY_NOT_FOUND for another shop's key. */
export async function revokeKey(
  deps: Deps,
  input: { shopId: string; keyId: string; actor: Actor; reason?: string },
): Promise<ApiKeySummary> {
  const now = deps.clock.now();
  const key = await deps.db.$transaction(async (tx) => {
    const existing = await tx.apiKey.findFirst({ where: { id: input.keyId, shopId: input.shopId }, select: { id: true } });
    if (!existing) throw new DomainError('API_KEY_NOT_FOUND');
    await revokeInTransaction(tx, { shopId: input.shopId, keyIds: [existing.id], actor: input.actor, reason: input.reason ?? 'revoked', now });
    return tx.apiKey.findUniqueOrThrow({ where: { id: existing.id }, select: apiKeySelect });
  });
  clearKeyCache();
  return key;
}

/** Replaces the origins allowed to use the shop's publishable key. */
export async function updateAllowedOrigins(
  deps: Deps,
  input: { shopId: string; origins: readonly string[]; actor: Actor },
): Promise<ShopSummary> {
  const origins = [...new Set(allowedOriginsInput.parse(input.origins))];
  const now = deps.clock.now();
  const shop = await deps.db.$transaction(async (tx) => {
    const before = await tx.shop.findUnique({ where: { id: input.shopId }, select: { allowedOrigins: true } });
    if (!before) throw new DomainError('SHOP_NOT_FOUND');
    const updated = await tx.shop.update({ where: { id: input.shopId }, data: { allowedOrigins: origins }, select: shopSelect });
    await recordEvent(tx, {
      shopId: input.shopId,
      subjectType: 'shop',
      subjectId: input.shopId,
      type: 'shop.origins_updated',
      actor: input.actor,
      data: { from: before.allowedOrigins, to: origins },
      occurredAt: now,
    });
    return updated;
  });
  clearKeyCache();
  return shop;
}

/**
 * What the widget needs to render for a shop: names and looks, no secrets, and which optional
 * screens exist (`loyaltyEnabled`), so the widget offers "My points" only when the programme runs
 * instead of finding out from a call that fails or says "disabled".
 */
export async function getWidgetConfig(deps: Deps, input: { shopId: string }) {
  const shop = await deps.db.shop.findUnique({
    where: { id: input.shopId },
    select: { slug: true, name: true, locale: true, currency: true, timeZone: true, brandColor: true, logoUrl: true, loyaltySettings: true },
  });
  if (!shop) throw new DomainError('SHOP_NOT_FOUND');
  const { loyaltySettings, ...looks } = shop;
  return { ...looks, loyaltyEnabled: settingsFrom(loyaltySettings).enabled };
}
