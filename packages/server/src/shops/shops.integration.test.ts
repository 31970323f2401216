import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultServicePolicyRules, loyaltySettings } from '@comptoir/protocol';
import { TRPCError } from '@trpc/server';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { createShopWithKeys, widgetHeaders } from '../test/fixtures.js';
import { testDatabaseKind } from '../test/test-database.js';
import { DomainError } from '../core/domain-error.js';
import { sha256 } from '../core/hash.js';
import { createContextInner } from '../context.js';
import { authenticateSecretKey } from '../auth/api-key-auth.js';
import { csrfTokenFor, staffSessionCookie } from '../auth/staff-auth.js';
import { updateLoyaltySettings } from '../loyalty/settings.js';
import { createShop, rotateKey, updateAllowedOrigins } from './service.js';

/** The domain code a call failed with. */
async function failureCode(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError && error.cause instanceof DomainError) return error.cause.code;
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const shopOrigin = 'https://boutique.example';

describe(`shops and keys on ${testDatabaseKind}`, () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  /** A staff session cookie and CSRF header for a new person with `role` at `shopId`. */
  async function staffHeaders(shopId: string, role: 'owner' | 'staff') {
    const token = `staff-token-${role}-${shopId}`;
    const user = await app.deps.db.staffUser.create({
      data: { email: `${role}-${shopId}@example.fr`, name: role, memberships: { create: { shopId, role } } },
      select: { id: true },
    });
    await app.deps.db.staffSession.create({
      data: {
        staffUserId: user.id,
        tokenHash: sha256(token),
        activeShopId: shopId,
        expiresAt: new Date(app.clock.now().getTime() + 60 * 60_000),
      },
    });
    return { cookies: { [staffSessionCookie]: token }, headers: { 'x-csrf-token': csrfTokenFor(token) } };
  }

  it('creates a shop whose keys work, storing only their hashes, with policy v1 and an event', async () => {
    const created = await createShop(app.deps, { name: 'Crêperie Œuvre', origins: [shopOrigin, `${shopOrigin}/`] });
    expect(created.shop).toMatchObject({ slug: 'creperie-oeuvre', locale: 'fr', currency: 'EUR', timeZone: 'Europe/Paris' });
    expect(created.shop.allowedOrigins).toEqual([shopOrigin]);
    expect(created.publishableKey.plaintext).toMatch(/^pk_/);
    expect(created.secretKey.plaintext).toMatch(/^sk_/);

    const keys = await app.deps.db.apiKey.findMany({ where: { shopId: created.shop.id }, select: { kind: true, hash: true, displayPrefix: true } });
    expect(keys.map((key) => key.hash).sort()).toEqual(
      [sha256(created.publishableKey.plaintext), sha256(created.secretKey.plaintext)].sort(),
    );
    const stored = JSON.stringify(keys);
    expect(stored).not.toContain(created.publishableKey.plaintext);
    expect(stored).not.toContain(created.secretKey.plaintext);

    const config = await app.caller({ headers: widgetHeaders(created.publishableKey.plaintext, shopOrigin) }).shops.widget.config();
    expect(config).toEqual({
      slug: 'creperie-oeuvre',
      name: 'Crêperie Œuvre',
      locale: 'fr',
      currency: 'EUR',
      timeZone: 'Europe/Paris',
      brandColor: null,
      logoUrl: null,
      loyaltyEnabled: true,
    });
    const backend = await authenticateSecretKey(
      createContextInner({ deps: app.deps, request: { headers: { authorization: `Bearer ${created.secretKey.plaintext}` } } }),
    );
    expect(backend.shop.id).toBe(created.shop.id);

    const policy = await app.deps.db.servicePolicy.findUnique({
      where: { shopId_version: { shopId: created.shop.id, version: 1 } },
      select: { rules: true },
    });
    expect(policy?.rules).toEqual(defaultServicePolicyRules());
    const events = await app.deps.db.event.findMany({ where: { shopId: created.shop.id }, select: { type: true } });
    expect(events.map((event) => event.type).sort()).toEqual(['api_key.created', 'api_key.created', 'shop.created']);
  });

  it('refuses a slug already taken, and a name that gives no slug', async () => {
    await createShop(app.deps, { name: 'Épicerie Fine', origins: [shopOrigin] });
    expect(await failureCode(createShop(app.deps, { name: 'Epicerie fine', origins: [shopOrigin] }))).toBe('SHOP_SLUG_TAKEN');
    expect(await failureCode(createShop(app.deps, { name: '東京', origins: [shopOrigin] }))).toBe('INVALID_INPUT');
    const withSlug = await createShop(app.deps, { name: '東京', slug: 'tokyo', origins: [shopOrigin] });
    expect(withSlug.shop.slug).toBe('tokyo');
  });

  it('refuses a publishable key from an origin the shop did not allow, or without an origin', async () => {
    const { publishableKey } = await createShopWithKeys(app.deps.db, { slug: 'origins', origins: [shopOrigin] });
    expect(await failureCode(app.caller({ headers: widgetHeaders(publishableKey, 'https://evil.example') }).shops.widget.config())).toBe(
      'ORIGIN_NOT_ALLOWED',
    );
    expect(await failureCode(app.caller({ headers: { 'x-comptoir-key': publishableKey } }).shops.widget.config())).toBe('ORIGIN_NOT_ALLOWED');
  });

  it('never accepts a secret key on widget procedures, and flags one sent from a browser', async () => {
    const { secretKey } = await createShopWithKeys(app.deps.db, { slug: 'secret-browser', origins: [shopOrigin] });
    expect(await failureCode(app.caller({ headers: widgetHeaders(secretKey, shopOrigin) }).shops.widget.config())).toBe('SECRET_KEY_FROM_BROWSER');
    expect(await failureCode(app.caller({ headers: { 'x-comptoir-key': secretKey } }).shops.widget.config())).toBe('WRONG_KEY_KIND');
    const fromBrowser = createContextInner({
      deps: app.deps,
      request: { headers: { authorization: `Bearer ${secretKey}`, 'sec-fetch-mode': 'cors' } },
    });
    expect(await failureCode(authenticateSecretKey(fromBrowser))).toBe('SECRET_KEY_FROM_BROWSER');
  });

  it('revokes the old key on rotation, or keeps it when asked', async () => {
    const created = await createShop(app.deps, { name: 'Rotation', origins: [shopOrigin] });
    const shopId = created.shop.id;
    const oldKey = created.publishableKey.plaintext;
    const kept = await rotateKey(app.deps, { shopId, kind: 'publishable', keepOld: true, actor: { type: 'system' } });
    expect(kept.revokedKeyIds).toEqual([]);
    await app.caller({ headers: widgetHeaders(oldKey, shopOrigin) }).shops.widget.config();

    const rotated = await rotateKey(app.deps, { shopId, kind: 'publishable', actor: { type: 'system' } });
    expect(rotated.revokedKeyIds).toHaveLength(2);
    expect(await failureCode(app.caller({ headers: widgetHeaders(oldKey, shopOrigin) }).shops.widget.config())).toBe('INVALID_API_KEY');
    expect(await failureCode(app.caller({ headers: widgetHeaders(kept.plaintext, shopOrigin) }).shops.widget.config())).toBe('INVALID_API_KEY');
    expect((await app.caller({ headers: widgetHeaders(rotated.plaintext, shopOrigin) }).shops.widget.config()).name).toBe('Rotation');
    // The secret key is another kind: untouched.
    const secret = await app.deps.db.apiKey.findUnique({ where: { hash: sha256(created.secretKey.plaintext) }, select: { revokedAt: true } });
    expect(secret?.revokedAt).toBeNull();
  });

  it('applies a change of allowed origins at once', async () => {
    const created = await createShop(app.deps, { name: 'Origines', origins: [shopOrigin] });
    const key = created.publishableKey.plaintext;
    await app.caller({ headers: widgetHeaders(key, shopOrigin) }).shops.widget.config();
    await updateAllowedOrigins(app.deps, { shopId: created.shop.id, origins: ['https://nouveau.example'], actor: { type: 'system' } });
    expect(await failureCode(app.caller({ headers: widgetHeaders(key, shopOrigin) }).shops.widget.config())).toBe('ORIGIN_NOT_ALLOWED');
    await app.caller({ headers: widgetHeaders(key, 'https://nouveau.example') }).shops.widget.config();
  });

  it('tells the widget whether the loyalty programme runs, following the shop’s settings', async () => {
    const created = await createShop(app.deps, { name: 'Fidélité', origins: [shopOrigin] });
    const widget = app.caller({ headers: widgetHeaders(created.publishableKey.plaintext, shopOrigin) });
    expect((await widget.shops.widget.config()).loyaltyEnabled).toBe(true);
    const actor = { type: 'system' } as const;
    await updateLoyaltySettings(app.deps, { shopId: created.shop.id, settings: loyaltySettings.parse({ enabled: false }), actor });
    expect((await widget.shops.widget.config()).loyaltyEnabled).toBe(false);
    // Settings stored before a field existed, or unreadable, fall back to the defaults (programme on).
    await app.deps.db.shop.update({ where: { id: created.shop.id }, data: { loyaltySettings: { enabled: 'yes' } } });
    expect((await widget.shops.widget.config()).loyaltyEnabled).toBe(true);
  });

  it('lets the owner list, rotate and revoke keys through the admin API, never showing hashes', async () => {
    const created = await createShop(app.deps, { name: 'Admin', origins: [shopOrigin] });
    const owner = app.caller(await staffHeaders(created.shop.id, 'owner'));

    const keys = await owner.shops.admin.listKeys();
    expect(keys).toHaveLength(2);
    expect(Object.keys(keys[0] ?? {}).sort()).toEqual(['createdAt', 'displayPrefix', 'id', 'kind', 'label', 'lastUsedAt', 'revokedAt']);

    const rotated = await owner.shops.admin.rotateKey({ kind: 'secret' });
    expect(rotated.plaintext).toMatch(/^sk_/);
    const revoked = await owner.shops.admin.revokeKey({ keyId: rotated.key.id });
    expect(revoked.revokedAt).not.toBeNull();
    expect((await owner.shops.admin.listKeys()).filter((key) => !key.revokedAt).map((key) => key.kind)).toEqual(['publishable']);

    const other = await createShopWithKeys(app.deps.db, { slug: 'admin-other' });
    const foreignKey = await app.deps.db.apiKey.findFirstOrThrow({ where: { shopId: other.shop.id }, select: { id: true } });
    expect(await failureCode(owner.shops.admin.revokeKey({ keyId: foreignKey.id }))).toBe('API_KEY_NOT_FOUND');

    const updated = await owner.shops.admin.updateAllowedOrigins({ origins: ['https://www.admin.example'] });
    expect(updated.allowedOrigins).toEqual(['https://www.admin.example']);
    expect((await owner.shops.admin.get()).slug).toBe('admin');
  });

  it('keeps keys and origins to owners: other staff only read the shop', async () => {
    const created = await createShop(app.deps, { name: 'Équipe', origins: [shopOrigin] });
    const staff = app.caller(await staffHeaders(created.shop.id, 'staff'));
    expect((await staff.shops.admin.get()).name).toBe('Équipe');
    expect(await failureCode(staff.shops.admin.listKeys())).toBe('STAFF_ROLE_REQUIRED');
    expect(await failureCode(staff.shops.admin.rotateKey({ kind: 'publishable' }))).toBe('STAFF_ROLE_REQUIRED');
  });
});
