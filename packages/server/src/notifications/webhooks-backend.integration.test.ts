import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { backendHeaders, createShopWithKeys, widgetHeaders, type ShopWithKeys } from '../test/fixtures.js';
import { testDatabaseKind } from '../test/test-database.js';
import { DomainError } from '../core/domain-error.js';
import { buildHttpServer } from '../http/server.js';

async function failure(call: Promise<unknown>): Promise<{ trpc: string; domain: string | null }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError) return { trpc: error.code, domain: error.cause instanceof DomainError ? error.cause.code : null };
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe(`webhook endpoints managed by the shop's back end on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let shop: ShopWithKeys;
  let other: ShopWithKeys;

  beforeAll(async () => {
    app = await createTestApp();
    shop = await createShopWithKeys(app.deps.db, { slug: 'librairie', origins: ['https://librairie.test'] });
    other = await createShopWithKeys(app.deps.db, { slug: 'librairie-voisine' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('creates an endpoint with its secret shown once, lists it without, and deletes it', async () => {
    const backend = app.caller({ headers: backendHeaders(shop.secretKey) });
    const created = await backend.webhooks.backend.create({ url: 'http://127.0.0.1:9/comptable', eventTypes: ['refund.succeeded', 'refund.succeeded', 'return.received'] });
    expect(created).toMatchObject({ url: 'http://127.0.0.1:9/comptable', eventTypes: ['refund.succeeded', 'return.received'], enabled: true, disabledAt: null });
    expect(created.secret).toMatch(/^whsec_/);
    const { endpoints } = await backend.webhooks.backend.list({});
    expect(endpoints.map((endpoint) => endpoint.id)).toEqual([created.id]);
    expect(JSON.stringify(endpoints)).not.toContain(created.secret);
    const events = await app.deps.db.event.findMany({ where: { shopId: shop.shop.id, type: 'webhook.endpoint_created' }, select: { actorType: true } });
    expect(events).toEqual([{ actorType: 'shop_backend' }]);

    // Another shop's back end neither sees nor deletes it.
    const otherBackend = app.caller({ headers: backendHeaders(other.secretKey) });
    expect((await otherBackend.webhooks.backend.list({})).endpoints).toEqual([]);
    expect(await failure(otherBackend.webhooks.backend.delete({ id: created.id }))).toEqual({ trpc: 'NOT_FOUND', domain: 'WEBHOOK_ENDPOINT_NOT_FOUND' });

    expect(await backend.webhooks.backend.delete({ id: created.id })).toEqual({ deleted: true });
    expect((await backend.webhooks.backend.list({})).endpoints).toEqual([]);
  });

  it('refuses the publishable key and URLs that are not web addresses', async () => {
    const widget = app.caller({ headers: widgetHeaders(shop.publishableKey, 'https://librairie.test') });
    expect((await failure(widget.webhooks.backend.list({}))).trpc).toBe('FORBIDDEN');
    const backend = app.caller({ headers: backendHeaders(shop.secretKey) });
    expect((await failure(backend.webhooks.backend.create({ url: 'javascript:alert(1)', eventTypes: ['refund.succeeded'] }))).trpc).toBe('BAD_REQUEST');
  });

  it('answers over REST under /api/webhooks', async () => {
    const http = await buildHttpServer(app.deps);
    try {
      const authorization = `Bearer ${shop.secretKey}`;
      const created = await http.inject({
        method: 'POST',
        url: '/api/webhooks/endpoints',
        headers: { authorization, 'content-type': 'application/json' },
        payload: { url: 'http://127.0.0.1:9/erp', eventTypes: ['refund.succeeded'] },
      });
      expect(created.statusCode).toBe(200);
      const endpoint = created.json<{ id: string; secret: string }>();
      const listed = await http.inject({ method: 'GET', url: '/api/webhooks/endpoints', headers: { authorization } });
      expect(listed.statusCode).toBe(200);
      expect(listed.json<{ endpoints: Array<{ id: string }> }>().endpoints.map((row) => row.id)).toEqual([endpoint.id]);
      expect(listed.body).not.toContain(endpoint.secret);
      const deleted = await http.inject({ method: 'POST', url: '/api/webhooks/endpoints/delete', headers: { authorization, 'content-type': 'application/json' }, payload: { id: endpoint.id } });
      expect(deleted.json()).toEqual({ deleted: true });
      expect((await http.inject({ method: 'GET', url: '/api/webhooks/endpoints' })).statusCode).toBe(401);
    } finally {
      await http.close();
    }
  });
});
