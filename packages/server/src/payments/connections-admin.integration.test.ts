import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { createShopWithKeys, type ShopWithKeys } from '../test/fixtures.js';
import { testDatabaseKind } from '../test/test-database.js';
import { DomainError } from '../core/domain-error.js';
import { sha256 } from '../core/hash.js';
import { csrfTokenFor } from '../auth/staff-auth.js';
import { buildHttpServer } from '../http/server.js';
import { createStaffUser } from '../staff/service.js';

async function failure(call: Promise<unknown>): Promise<{ trpc: string; domain: string | null }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError) return { trpc: error.code, domain: error.cause instanceof DomainError ? error.cause.code : null };
    throw error;
  }
  throw new Error('expected the call to fail');
}

const stripeKey = 'rk_live_51PqRsT2eZvKYlo2C0XyZabcd';
const stripeWebhookSecret = 'whsec_0123456789abcdefWXYZ';
const wooSecret = 'un secret WooCommerce très long';

describe(`connecting Stripe and the shop platforms from the admin on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let shop: ShopWithKeys;
  let other: ShopWithKeys;

  async function staffCaller(target: ShopWithKeys, role: 'owner' | 'staff') {
    const token = randomBytes(24).toString('base64url');
    const user = await app.deps.db.staffUser.create({
      data: { email: `${role}.${target.shop.slug}.${token.slice(0, 6)}@example.fr`, name: role, memberships: { create: { shopId: target.shop.id, role } } },
      select: { id: true },
    });
    await app.deps.db.staffSession.create({
      data: { staffUserId: user.id, tokenHash: sha256(token), activeShopId: target.shop.id, expiresAt: new Date(app.clock.now().getTime() + 86_400_000) },
    });
    return app.caller({ cookies: { comptoir_staff: token }, headers: { 'x-csrf-token': csrfTokenFor(token) } });
  }

  beforeAll(async () => {
    app = await createTestApp();
    shop = await createShopWithKeys(app.deps.db, { slug: 'droguerie' });
    other = await createShopWithKeys(app.deps.db, { slug: 'droguerie-voisine' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lets the owner save the Stripe keys and never answers them back', async () => {
    const owner = await staffCaller(shop, 'owner');
    expect(await owner.payments.admin.stripe()).toEqual({
      isConfigured: false,
      mode: null,
      secretKeyLast4: null,
      webhookSecretLast4: null,
      updatedAt: null,
      webhookUrl: 'http://comptoir.test/hooks/stripe/droguerie',
    });
    const saved = await owner.payments.admin.connectStripe({ secretKey: ` ${stripeKey} `, webhookSecret: stripeWebhookSecret });
    expect(saved).toMatchObject({ isConfigured: true, mode: 'live', secretKeyLast4: 'abcd', webhookSecretLast4: 'WXYZ' });
    const answers = JSON.stringify([saved, await owner.payments.admin.stripe()]);
    expect(answers).not.toContain(stripeKey);
    expect(answers).not.toContain(stripeWebhookSecret);
    // Saved as typed (trimmed), used by the refund provider and the webhook check.
    expect(await app.deps.db.paymentConnection.findFirstOrThrow({ where: { shopId: shop.shop.id }, select: { secretKey: true, webhookSecret: true } })).toEqual({
      secretKey: stripeKey,
      webhookSecret: stripeWebhookSecret,
    });
    const events = await app.deps.db.event.findMany({ where: { shopId: shop.shop.id, type: 'payments.stripe_connected' }, select: { actorType: true, data: true } });
    expect(events).toEqual([{ actorType: 'staff', data: { mode: 'live', secretKeyLast4: 'abcd', webhookSecretLast4: 'WXYZ' } }]);
    // The other shop sees nothing of it.
    expect((await (await staffCaller(other, 'owner')).payments.admin.stripe()).isConfigured).toBe(false);
  });

  it('refuses what is not a Stripe key, and anyone but the owner', async () => {
    const owner = await staffCaller(shop, 'owner');
    expect(await failure(owner.payments.admin.connectStripe({ secretKey: 'pk_live_publishable00000', webhookSecret: stripeWebhookSecret }))).toEqual({
      trpc: 'BAD_REQUEST',
      domain: 'INVALID_INPUT',
    });
    expect(await failure(owner.payments.admin.connectStripe({ secretKey: stripeKey, webhookSecret: 'not-a-signing-secret' }))).toEqual({ trpc: 'BAD_REQUEST', domain: 'INVALID_INPUT' });
    const staff = await staffCaller(shop, 'staff');
    expect(await failure(staff.payments.admin.stripe())).toEqual({ trpc: 'FORBIDDEN', domain: 'STAFF_ROLE_REQUIRED' });
    expect(await failure(staff.payments.admin.connectStripe({ secretKey: stripeKey, webhookSecret: stripeWebhookSecret }))).toEqual({ trpc: 'FORBIDDEN', domain: 'STAFF_ROLE_REQUIRED' });
    expect(await failure(staff.platforms.admin.connect({ platform: 'shopify', secret: wooSecret }))).toEqual({ trpc: 'FORBIDDEN', domain: 'STAFF_ROLE_REQUIRED' });
  });

  it('lets the owner save a platform secret that the platform’s signed webhooks are then checked with', async () => {
    const owner = await staffCaller(shop, 'owner');
    const before = await owner.platforms.admin.list();
    expect(before.map((entry) => [entry.platform, entry.isConfigured, entry.webhookUrl])).toEqual([
      ['woocommerce', false, 'http://comptoir.test/hooks/woocommerce/droguerie'],
      ['shopify', false, 'http://comptoir.test/hooks/shopify/droguerie'],
      ['prestashop', false, 'http://comptoir.test/hooks/prestashop/droguerie'],
    ]);
    expect(await failure(owner.platforms.admin.connect({ platform: 'woocommerce', secret: 'short' }))).toEqual({ trpc: 'BAD_REQUEST', domain: 'INVALID_INPUT' });
    const after = await owner.platforms.admin.connect({ platform: 'woocommerce', secret: wooSecret });
    expect(after.find((entry) => entry.platform === 'woocommerce')).toMatchObject({ isConfigured: true, secretLast4: 'long', savedAt: expect.any(Date) });
    expect(JSON.stringify(after)).not.toContain(wooSecret);

    // WooCommerce signs with it: the hook accepts its signature and refuses another secret's.
    const http = await buildHttpServer(app.deps);
    try {
      const body = JSON.stringify({ id: 727 });
      const post = (secret: string) =>
        http.inject({
          method: 'POST',
          url: '/hooks/woocommerce/droguerie',
          headers: { 'content-type': 'application/json', 'x-wc-webhook-topic': 'order.deleted', 'x-wc-webhook-signature': createHmac('sha256', secret).update(body).digest('base64') },
          payload: body,
        });
      expect((await post(wooSecret)).statusCode).toBe(200);
      expect((await post('the old secret, now replaced')).statusCode).toBe(401);

      const removed = await owner.platforms.admin.disconnect({ platform: 'woocommerce' });
      expect(removed).toEqual({ removed: true });
      expect(await owner.platforms.admin.disconnect({ platform: 'woocommerce' })).toEqual({ removed: false });
      expect((await post(wooSecret)).statusCode).toBe(404);
    } finally {
      await http.close();
    }
    const types = await app.deps.db.event.findMany({ where: { shopId: shop.shop.id, type: { startsWith: 'platforms.' } }, select: { type: true, data: true }, orderBy: { id: 'asc' } });
    expect(types).toEqual([
      { type: 'platforms.connected', data: { platform: 'woocommerce', secretLast4: 'long' } },
      { type: 'platforms.disconnected', data: { platform: 'woocommerce' } },
    ]);
  });

  it('works over HTTP exactly as docs/payments-stripe.md tells an owner without the admin page: sign in, read the CSRF token, save', async () => {
    const target = await createShopWithKeys(app.deps.db, { slug: 'droguerie-http' });
    await createStaffUser(app.deps, { email: 'odile@droguerie.example', name: 'Odile', password: 'un mot de passe assez long 42', shopId: target.shop.id, role: 'owner' });
    const http = await buildHttpServer(app.deps);
    try {
      const json = { 'content-type': 'application/json' };
      const login = await http.inject({ method: 'POST', url: '/trpc/staff.login', headers: json, payload: { email: 'odile@droguerie.example', password: 'un mot de passe assez long 42' } });
      expect(login.statusCode).toBe(200);
      const cookie = String(login.headers['set-cookie']).split(';')[0]!;
      const me = await http.inject({ method: 'GET', url: '/trpc/staff.me', headers: { cookie } });
      const csrf = me.json<{ result: { data: { csrfToken: string } } }>().result.data.csrfToken;
      const saved = await http.inject({
        method: 'POST',
        url: '/trpc/payments.admin.connectStripe',
        headers: { ...json, cookie, 'x-csrf-token': csrf },
        payload: { secretKey: stripeKey, webhookSecret: stripeWebhookSecret },
      });
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({ result: { data: { isConfigured: true, secretKeyLast4: 'abcd', webhookUrl: 'http://comptoir.test/hooks/stripe/droguerie-http' } } });
      const platform = await http.inject({
        method: 'POST',
        url: '/trpc/platforms.admin.connect',
        headers: { ...json, cookie, 'x-csrf-token': csrf },
        payload: { platform: 'shopify', secret: 'shpss_0123456789abcdef0123' },
      });
      expect(platform.statusCode).toBe(200);
      const listed = await http.inject({ method: 'GET', url: '/trpc/platforms.admin.list', headers: { cookie } });
      expect(listed.body).toContain('"secretLast4":"0123"');
      expect(listed.body).not.toContain('shpss_');
      // Without the CSRF token, nothing is saved.
      const forged = await http.inject({ method: 'POST', url: '/trpc/payments.admin.disconnectStripe', headers: { ...json, cookie }, payload: {} });
      expect(forged.statusCode).toBe(403);
    } finally {
      await http.close();
    }
  });

  it('disconnects Stripe once', async () => {
    const owner = await staffCaller(shop, 'owner');
    expect(await owner.payments.admin.disconnectStripe()).toEqual({ removed: true });
    expect(await owner.payments.admin.disconnectStripe()).toEqual({ removed: false });
    expect((await owner.payments.admin.stripe()).isConfigured).toBe(false);
  });
});
