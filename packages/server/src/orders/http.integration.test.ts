import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { appRouter } from '../router.js';
import { buildHttpServer } from '../http/server.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { backendHeaders, createShopWithKeys, type ShopWithKeys } from '../test/fixtures.js';
import { testDatabaseKind } from '../test/test-database.js';

describe(`orders REST API on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let http: FastifyInstance;
  let shop: ShopWithKeys;

  beforeAll(async () => {
    app = await createTestApp();
    shop = await createShopWithKeys(app.deps.db, { slug: 'rest-shop', origins: ['https://rest-shop.test'] });
    http = await buildHttpServer(app.deps);
  });
  afterAll(async () => {
    await http?.close();
    await app?.close();
  });

  const order = {
    externalId: 'web-1',
    number: 'W-1',
    customer: { email: 'bob@example.com' },
    currency: 'EUR',
    lines: [{ sku: 'CAP', title: 'Cap', quantity: 1, unitPriceMinor: 1900 }],
    placedAt: '2026-06-10T12:00:00+02:00',
  };

  it('upserts an order through POST /api/orders/upsert with a secret key', async () => {
    const first = await http.inject({ method: 'POST', url: '/api/orders/upsert', headers: backendHeaders(shop.secretKey), payload: order });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ outcome: 'created' });
    const again = await http.inject({ method: 'POST', url: '/api/orders/upsert', headers: backendHeaders(shop.secretKey), payload: order });
    expect(again.json()).toMatchObject({ orderId: first.json().orderId, outcome: 'unchanged' });

    const read = await http.inject({ method: 'GET', url: '/api/orders/web-1', headers: backendHeaders(shop.secretKey) });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ number: 'W-1', totalMinor: 1900, placedAt: '2026-06-10T10:00:00.000Z' });
  });

  it('reports a batch item by item through POST /api/orders/upsert-batch', async () => {
    const response = await http.inject({
      method: 'POST',
      url: '/api/orders/upsert-batch',
      headers: backendHeaders(shop.secretKey),
      payload: { orders: [{ ...order, externalId: 'web-3', number: 'W-3' }, { externalId: 'web-4' }] },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      created: 1,
      failed: 1,
      results: [
        { index: 0, externalId: 'web-3', ok: true, outcome: 'created' },
        { index: 1, externalId: 'web-4', ok: false, error: { code: 'INVALID_INPUT' } },
      ],
    });
  });

  it('answers REST errors with their status and stable code', async () => {
    const noKey = await http.inject({ method: 'POST', url: '/api/orders/upsert', payload: order });
    expect(noKey.statusCode).toBe(401);
    const mismatch = await http.inject({
      method: 'POST',
      url: '/api/orders/upsert',
      headers: backendHeaders(shop.secretKey),
      payload: { ...order, externalId: 'web-2', number: 'W-2', currency: 'CHF' },
    });
    expect(mismatch.statusCode).toBe(400);
    expect(JSON.stringify(mismatch.json())).toContain('ORDER_CURRENCY_MISMATCH');
    const fromBrowser = await http.inject({
      method: 'POST',
      url: '/api/orders/upsert',
      headers: { ...backendHeaders(shop.secretKey), origin: 'https://rest-shop.test' },
      payload: order,
    });
    expect(fromBrowser.statusCode).toBe(403);
  });

  it('serves a valid OpenAPI 3.1 document listing every orders route', async () => {
    const response = await http.inject({ method: 'GET', url: '/openapi.json' });
    const doc = response.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    const result = await new Validator().validate(doc);
    expect(result.valid, JSON.stringify(result.errors)).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
    const routes = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    // Every procedure with a REST route (whoever wrote it) is in the document.
    const declared = Object.values(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: OpenApiMeta } }>)
      .map((procedure) => procedure._def.meta?.openapi)
      .filter((openapi) => openapi !== undefined)
      .map((openapi) => `${openapi.method} ${openapi.path}`)
      .sort();
    expect(routes).toEqual(declared);
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /orders/upsert',
        'POST /orders/upsert-batch',
        'GET /orders/{externalId}',
        'POST /orders/shipments',
        'POST /orders/shipments/events',
        'POST /orders/mark-shipped',
        'POST /orders/mark-delivered',
        'POST /orders/mark-ready-for-pickup',
        'POST /orders/mark-picked-up',
        'POST /orders/cancel',
      ]),
    );
  });
});
