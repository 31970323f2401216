import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyShopperToken } from '../auth/shopper-token.js';
import { DomainError } from '../core/domain-error.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { requestShopperCode, verifyShopperCode, verifyShopperLink } from './shopper-code.js';
import { createWebhookEndpoint } from './webhooks/service.js';

let app: TestApp;
let shopId: string;

beforeAll(async () => {
  app = await createTestApp({ now: '2026-06-15T10:00:00Z' });
  shopId = (await app.deps.db.shop.create({ data: { slug: 'codes', name: 'Codes', allowedOrigins: ['https://codes.example'] } })).id;
  await app.deps.db.customer.create({ data: { shopId, email: 'known@example.fr', name: 'Known' } });
});

afterAll(async () => {
  await app.close();
});

async function lastCodeEmail() {
  // Messages of one instant would tie on createdAt: move on a second after each request.
  app.clock.advance(1000);
  const row = await app.deps.db.outboxMessage.findFirstOrThrow({ where: { topic: 'shopper_sign_in_code' }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  return (row.payload as { data: { code: string; url: string } }).data;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (err) {
    return err instanceof DomainError ? err.code : String(err);
  }
}

describe('shopper sign-in by emailed code', () => {
  it('answers the same for a known and an unknown address, and emails only the known one', async () => {
    const known = await requestShopperCode(app.deps, { shopId, email: ' Known@Example.fr ', ip: '10.0.0.1', locale: 'fr' });
    const unknown = await requestShopperCode(app.deps, { shopId, email: 'nobody@example.fr', ip: '10.0.0.1', locale: 'fr' });
    expect(unknown).toEqual(known);
    expect(await app.deps.db.outboxMessage.count({ where: { topic: 'shopper_sign_in_code' } })).toBe(1);
    const stored = await app.deps.db.oneTimeToken.findFirstOrThrow({ where: { purpose: 'shopper_code' } });
    const { code } = await lastCodeEmail();
    expect(code).toMatch(/^\d{6}$/);
    expect(stored.tokenHash).not.toContain(code);
  });

  it('signs in once with the right code, never twice', async () => {
    await requestShopperCode(app.deps, { shopId, email: 'known@example.fr', ip: '10.0.0.2', locale: 'fr' });
    const { code } = await lastCodeEmail();
    const session = await verifyShopperCode(app.deps, { shopId, email: 'known@example.fr', code, ip: '10.0.0.2' });
    expect(verifyShopperToken(app.deps.secrets.shopperTokenKey, session.token, app.clock.now())?.shopId).toBe(shopId);
    expect(await codeOf(verifyShopperCode(app.deps, { shopId, email: 'known@example.fr', code, ip: '10.0.0.2' }))).toBe('SHOPPER_CODE_INVALID');
  });

  it('refuses the right code after 5 wrong ones, and after 15 minutes', async () => {
    await requestShopperCode(app.deps, { shopId, email: 'known@example.fr', ip: '10.0.0.3', locale: 'fr' });
    const { code } = await lastCodeEmail();
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i += 1) {
      expect(await codeOf(verifyShopperCode(app.deps, { shopId, email: 'known@example.fr', code: wrong, ip: '10.0.0.3' }))).toBe('SHOPPER_CODE_INVALID');
    }
    expect(await codeOf(verifyShopperCode(app.deps, { shopId, email: 'known@example.fr', code, ip: '10.0.0.3' }))).toBe('SHOPPER_CODE_INVALID');

    await requestShopperCode(app.deps, { shopId, email: 'known@example.fr', ip: '10.0.0.3', locale: 'fr' });
    const fresh = await lastCodeEmail();
    app.clock.advance(15 * 60_000 + 1);
    expect(await codeOf(verifyShopperCode(app.deps, { shopId, email: 'known@example.fr', code: fresh.code, ip: '10.0.0.3' }))).toBe('SHOPPER_CODE_INVALID');
  });

  it('signs in once through the emailed link, which opens the widget on the shop site', async () => {
    await requestShopperCode(app.deps, { shopId, email: 'known@example.fr', ip: '10.0.0.4', locale: 'en' });
    const { url } = await lastCodeEmail();
    expect(url.startsWith('https://codes.example/#comptoir-link=')).toBe(true);
    const token = decodeURIComponent(url.split('#comptoir-link=')[1]!);
    const session = await verifyShopperLink(app.deps, { shopId, token });
    expect(session.token).toMatch(/^v1\./);
    expect(await codeOf(verifyShopperLink(app.deps, { shopId, token }))).toBe('SHOPPER_LINK_INVALID');
  });
});

describe('webhook endpoints', () => {
  it('refuses a private target unless the server allows it', async () => {
    const strict = { ...app.deps, config: { ...app.deps.config, allowPrivateWebhookTargets: false } };
    const actor = { type: 'staff' as const, id: null };
    expect(await codeOf(createWebhookEndpoint(strict, { shopId, url: 'http://127.0.0.1:9/hook', eventTypes: ['refund.succeeded'], actor }))).toBe(
      'WEBHOOK_TARGET_REFUSED',
    );
    expect(await codeOf(createWebhookEndpoint(strict, { shopId, url: 'http://169.254.169.254/', eventTypes: ['refund.succeeded'], actor }))).toBe(
      'WEBHOOK_TARGET_REFUSED',
    );
    const created = await createWebhookEndpoint(app.deps, { shopId, url: 'http://127.0.0.1:9/hook', eventTypes: ['refund.succeeded'], actor });
    expect(created.secret).toMatch(/^whsec_/);
  });
});
