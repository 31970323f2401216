import net from 'node:net';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { orderUpsertInput } from '@comptoir/protocol';

// A short headers timeout, read by the server's limits when they are imported below.
vi.hoisted(() => {
  process.env.COMPTOIR_HEADERS_TIMEOUT_MS = '1000';
});

import { createTestApp, type TestApp } from '../test/test-app.js';
import { backendHeaders, createShopWithKeys, widgetHeaders, type ShopWithKeys } from '../test/fixtures.js';
import { testDatabaseKind } from '../test/test-database.js';
import { buildHttpServer, httpLimits } from '../http/server.js';
import { upsertOrder } from '../orders/upsert-order.js';
import { shopperSignInLimits } from '../sessions/service.js';

/**
 * Hostile input at the HTTP layer, through the real Fastify server: malformed JSON, wrong content
 * types, oversized bodies, broken query strings, brute-forced sign-in, and a slowloris client.
 * Never a 500; always a JSON answer a client can read.
 * (The per-order and per-address sign-in lockouts themselves are tested in
 * src/sessions/sign-in.integration.test.ts; staff login lockouts in src/staff/staff.integration.test.ts.)
 */
const origin = 'https://abuse.test';
let app: TestApp;
let http: FastifyInstance;
let shop: ShopWithKeys;

beforeAll(async () => {
  app = await createTestApp({ now: '2026-06-10T10:00:00Z' });
  shop = await createShopWithKeys(app.deps.db, { slug: 'abuse', origins: [origin] });
  await upsertOrder(app.deps, {
    shopId: shop.shop.id,
    actor: { type: 'system' },
    order: orderUpsertInput.parse({
      externalId: 'ab-1',
      number: 'AB-1',
      customer: { email: 'abuse@example.fr' },
      currency: 'EUR',
      lines: [{ sku: 'A', title: 'Article', quantity: 1, unitPriceMinor: 1000 }],
      placedAt: '2026-06-01T10:00:00Z',
    }),
  });
  http = await buildHttpServer(app.deps);
  await http.ready();
});

afterAll(async () => {
  await http?.close();
  await app?.close();
});

/** Parses a JSON body, failing the test with the raw body if it is not JSON. */
function json(body: string): Record<string, unknown> {
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    throw new Error(`not a JSON answer: ${body.slice(0, 200)}`);
  }
}

/** Reports a failure by its own message: the counterexamples hold megabytes and would drown the log. */
function shortReport<T>(details: fc.RunDetails<T>): void {
  if (details.failed) throw new Error(`after ${details.numRuns} runs (seed ${details.seed}): ${String(details.errorInstance)}`);
}

describe(`HTTP abuse on ${testDatabaseKind}`, () => {
  it('answers malformed JSON bodies with a 4xx JSON error, on tRPC and REST routes', async () => {
    const bodies = ['{', '{"externalId":', 'null', '[]', '"x"', '{"a":1}}', '\u0000', '{"__proto__":{"polluted":1}}', 'nan', '1e99999'];
    for (const url of ['/trpc/orders.backend.upsert', '/api/orders/upsert']) {
      for (const payload of bodies) {
        const response = await http.inject({
          method: 'POST',
          url,
          headers: { ...backendHeaders(shop.secretKey), 'content-type': 'application/json' },
          payload,
        });
        expect(response.statusCode, `${url} ${payload}`).toBeGreaterThanOrEqual(400);
        expect(response.statusCode, `${url} ${payload}`).toBeLessThan(500);
        json(response.body);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never answers 500 to generated bodies and content types', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('application/json', 'text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'image/png', ''),
        fc.oneof(fc.string({ unit: 'binary', maxLength: 500 }), fc.json({ maxDepth: 4 }), fc.constantFrom('{"a":' .repeat(5000))),
        fc.constantFrom('/trpc/orders.backend.upsert', '/trpc/sessions.widget.signIn', '/api/orders/upsert', '/trpc/staff.login'),
        async (contentType, payload, url) => {
          const response = await http.inject({
            method: 'POST',
            url,
            headers: { ...backendHeaders(shop.secretKey), ...widgetHeaders(shop.publishableKey, origin), ...(contentType ? { 'content-type': contentType } : {}) },
            payload,
          });
          if (response.statusCode >= 500) throw new Error(`${response.statusCode} for ${url} (${contentType}): ${response.body.slice(0, 300)}`);
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 6) * 10, reporter: shortReport },
    );
  });

  it('refuses a 2 MB body with 413 and a clear JSON error', async () => {
    const big = JSON.stringify({ externalId: 'x'.repeat(2 * 1024 * 1024) });
    expect(big.length).toBeGreaterThan(httpLimits.bodyBytes);
    for (const url of ['/trpc/orders.backend.upsert', '/api/orders/upsert']) {
      const response = await http.inject({
        method: 'POST',
        url,
        headers: { ...backendHeaders(shop.secretKey), 'content-type': 'application/json', 'x-comptoir-locale': 'en' },
        payload: big,
      });
      expect(response.statusCode, url).toBe(413);
      expect(response.headers['content-type']).toMatch(/application\/json/);
      expect(response.body).toMatch(/too large/i);
    }
  });

  it('answers broken query strings on GET /trpc with a 4xx JSON error', async () => {
    const path = '/trpc/orders.backend.get';
    const queries = [
      '?input=%E0%A4%A',
      '?input={',
      '?input=%7B%22externalId%22%3A',
      '?input=' + encodeURIComponent(JSON.stringify({ externalId: 'x'.repeat(100_000) })),
      '?batch=1&input=%5B1%2C2%5D',
      '?batch=1&input=' + encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [i, {}])))),
      '?input=null&input=1',
      '?input[__proto__][polluted]=1',
      '?' + 'a=1&'.repeat(5000),
    ];
    for (const query of queries) {
      const response = await http.inject({ method: 'GET', url: path + query, headers: backendHeaders(shop.secretKey) });
      expect(response.statusCode, query.slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, query.slice(0, 80)).toBeLessThan(500);
      json(response.body);
    }
    const batch = Array.from({ length: 50 }, () => 'health.ping').join(',');
    const tooMany = await http.inject({ method: 'GET', url: `/trpc/${batch}?batch=1&input={}` });
    expect(tooMany.statusCode).toBeGreaterThanOrEqual(400);
    expect(tooMany.statusCode).toBeLessThan(500);
    const unknown = await http.inject({ method: 'GET', url: '/trpc/nope.nothing.here' });
    expect(unknown.statusCode).toBe(404);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('throttles the 31st shopper sign-in attempt from one address with 429 and a wait in fr and en', async () => {
    const ip = '203.0.113.77';
    const { limit } = shopperSignInLimits.attemptsPerIp;
    expect(limit).toBe(30);
    const attempt = (n: number, locale: string) =>
      http.inject({
        method: 'POST',
        url: '/trpc/sessions.widget.signIn',
        remoteAddress: ip,
        headers: { ...widgetHeaders(shop.publishableKey, origin), 'content-type': 'application/json', 'accept-language': locale },
        payload: JSON.stringify({ orderNumber: `NOPE-${n}`, email: 'guess@example.fr' }),
      });
    for (let n = 1; n <= limit; n += 1) {
      const response = await attempt(n, 'fr');
      expect(response.statusCode, `attempt ${n}`).toBe(401);
    }
    const blockedFr = await attempt(limit + 1, 'fr-FR,fr;q=0.9');
    expect(blockedFr.statusCode).toBe(429);
    const error = (json(blockedFr.body).error ?? {}) as { message: string; data: { code: string; comptoirCode: string; messages: { fr: string; en: string } } };
    expect(error.data.code).toBe('TOO_MANY_REQUESTS');
    expect(error.data.comptoirCode).toBe('TOO_MANY_ATTEMPTS');
    expect(error.message).toMatch(/^Trop de tentatives\. Réessayez dans \d+ minute\(s\)\.$/);
    expect(error.data.messages.en).toMatch(/^Too many attempts\. Try again in \d+ minute\(s\)\.$/);
    const blockedEn = await attempt(limit + 2, 'en-GB,en;q=0.9');
    expect(blockedEn.statusCode).toBe(429);
    expect((json(blockedEn.body).error as { message: string }).message).toMatch(/^Too many attempts\. Try again in \d+ minute\(s\)\.$/);
    // Another address is not affected.
    const other = await http.inject({
      method: 'POST',
      url: '/trpc/sessions.widget.signIn',
      remoteAddress: '203.0.113.78',
      headers: { ...widgetHeaders(shop.publishableKey, origin), 'content-type': 'application/json' },
      payload: JSON.stringify({ orderNumber: 'AB-1', email: 'abuse@example.fr' }),
    });
    expect(other.statusCode).toBe(200);
  });

  it('cuts off a client that sends its headers slower than the headers timeout', async () => {
    expect(httpLimits.headersTimeoutMs).toBe(1000);
    const server = await buildHttpServer(app.deps);
    await server.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = server.server.address() as AddressInfo;
      const socket = net.connect(port, '127.0.0.1');
      const received: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => received.push(chunk));
      const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(performance.now())));
      socket.on('error', () => {});
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      const started = performance.now();
      const request = 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ' + 'a'.repeat(200) + '\r\n\r\n';
      // One byte every 100 ms: the full headers would take about 23 s.
      let index = 0;
      const drip = setInterval(() => {
        if (socket.destroyed || index >= request.length) return clearInterval(drip);
        socket.write(request[index]!);
        index += 1;
      }, 100);
      const closedAt = await Promise.race([closed, new Promise<number>((resolve) => setTimeout(() => resolve(-1), 15_000))]);
      clearInterval(drip);
      socket.destroy();
      expect(closedAt, 'the server never closed the slow connection').toBeGreaterThan(0);
      expect(index).toBeLessThan(request.length);
      expect(closedAt - started).toBeLessThan(10_000);
      // Node answers 408 before closing, or just closes; either way no 200.
      expect(Buffer.concat(received).toString()).not.toMatch(/200 OK/);
    } finally {
      await server.close();
    }
  }, 30_000);
});
