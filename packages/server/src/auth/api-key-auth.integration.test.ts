import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from '../context.js';
import { DomainError } from '../core/domain-error.js';
import { buildHttpServer } from '../http/server.js';
import { createShopWithKeys, type ShopWithKeys } from '../test/fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { authenticatePublishableKey, authenticateSecretKey } from './api-key-auth.js';

/** The test app's publicUrl is http://comptoir.test: its own origin. */
const ownOrigin = 'http://comptoir.test';

let app: TestApp;
let servedHere: ShopWithKeys;
let elsewhere: ShopWithKeys;

beforeAll(async () => {
  app = await createTestApp();
  servedHere = await createShopWithKeys(app.deps.db, { slug: 'served-here', origins: [ownOrigin] });
  elsewhere = await createShopWithKeys(app.deps.db, { slug: 'elsewhere', origins: ['https://shop.example'] });
});

afterAll(() => app.close());

function contextWith(headers: Record<string, string>) {
  return createContextInner({ deps: app.deps, request: { headers } });
}

async function refusalOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('authenticatePublishableKey', () => {
  it('accepts a call from an allowed Origin', async () => {
    const ctx = await authenticatePublishableKey(contextWith({ 'x-comptoir-key': elsewhere.publishableKey, origin: 'https://shop.example' }));
    expect(ctx.shop.id).toBe(elsewhere.shop.id);
  });

  it('takes a same-origin call without Origin as coming from the server’s own public origin', async () => {
    const ctx = await authenticatePublishableKey(
      contextWith({ 'x-comptoir-key': servedHere.publishableKey, host: 'comptoir.test', 'sec-fetch-site': 'same-origin' }),
    );
    expect(ctx.shop.id).toBe(servedHere.shop.id);
  });

  it('still refuses a same-origin call when the shop does not list the server’s own origin', async () => {
    const code = await refusalOf(
      authenticatePublishableKey(contextWith({ 'x-comptoir-key': elsewhere.publishableKey, host: 'comptoir.test', 'sec-fetch-site': 'same-origin' })),
    );
    expect(code).toBe('ORIGIN_NOT_ALLOWED');
  });

  it('grants nothing to a same-origin call that reached the server under another name (DNS rebinding)', async () => {
    const code = await refusalOf(
      authenticatePublishableKey(
        contextWith({ 'x-comptoir-key': servedHere.publishableKey, host: 'attacker.example', 'sec-fetch-site': 'same-origin' }),
      ),
    );
    expect(code).toBe('ORIGIN_NOT_ALLOWED');
  });

  it('refuses a call without Origin that is not same-origin, or that says nothing of where it comes from', async () => {
    const variants: Array<Record<string, string>> = [{ 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, {}];
    for (const headers of variants) {
      const code = await refusalOf(
        authenticatePublishableKey(contextWith({ 'x-comptoir-key': servedHere.publishableKey, host: 'comptoir.test', ...headers })),
      );
      expect(code).toBe('ORIGIN_NOT_ALLOWED');
    }
  });

  it('judges a declared Origin as it is, whatever Sec-Fetch-Site says', async () => {
    const code = await refusalOf(
      authenticatePublishableKey(
        contextWith({
          'x-comptoir-key': servedHere.publishableKey,
          host: 'comptoir.test',
          origin: 'https://other.example',
          'sec-fetch-site': 'same-origin',
        }),
      ),
    );
    expect(code).toBe('ORIGIN_NOT_ALLOWED');
  });

  it('refuses a secret key sent by a browser, same-origin included', async () => {
    const headers = { 'x-comptoir-key': servedHere.secretKey, host: 'comptoir.test', 'sec-fetch-site': 'same-origin' };
    expect(await refusalOf(authenticatePublishableKey(contextWith(headers)))).toBe('SECRET_KEY_FROM_BROWSER');
    expect(await refusalOf(authenticateSecretKey(contextWith(headers)))).toBe('SECRET_KEY_FROM_BROWSER');
  });
});

describe('widget calls over HTTP from a page of this server', () => {
  it('answers a same-origin GET without Origin, and refuses it from another site', async () => {
    const http = await buildHttpServer(app.deps);
    try {
      const url = '/trpc/shops.widget.config';
      const sameOrigin = await http.inject({
        url,
        headers: { host: 'comptoir.test', 'sec-fetch-site': 'same-origin', 'x-comptoir-key': servedHere.publishableKey },
      });
      expect(sameOrigin.statusCode).toBe(200);
      const crossSite = await http.inject({
        url,
        headers: { host: 'comptoir.test', 'sec-fetch-site': 'cross-site', 'x-comptoir-key': servedHere.publishableKey },
      });
      expect(crossSite.statusCode).toBe(403);
    } finally {
      await http.close();
    }
  });
});
