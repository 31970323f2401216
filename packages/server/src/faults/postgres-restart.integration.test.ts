import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { orderUpsertInput } from '@comptoir/protocol';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { backendHeaders, createShopWithKeys } from '../test/fixtures.js';
import { testDatabaseKind } from '../test/test-database.js';
import { buildHttpServer } from '../http/server.js';
import { upsertOrder } from '../orders/upsert-order.js';

/**
 * PostgreSQL stopped and started again under a running server: while it is down, requests fail
 * fast with 503 DATABASE_UNAVAILABLE (not a hang, not a 500); once it is back the same server
 * answers again without a restart. It stops the machine's PostgreSQL cluster, which breaks every
 * other test running at the time, so it only runs with FAULTS_PG_RESTART=1 and COMPTOIR_TEST_DB=postgres:
 *   FAULTS_PG_RESTART=1 COMPTOIR_TEST_DB=postgres npx vitest run src/faults/postgres-restart
 * FAULTS_PG_CLUSTER overrides the cluster ("15 main"). To leave the shared cluster alone, run it on a
 * private one:
 *   pg_createcluster 15 faults -p 5499 -- --auth=trust && pg_ctlcluster --skip-systemctl-redirect 15 faults start
 *   FAULTS_PG_RESTART=1 FAULTS_PG_CLUSTER="15 faults" COMPTOIR_TEST_DB=postgres \
 *     COMPTOIR_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5499/postgres npx vitest run src/faults/postgres-restart
 */
const enabled = process.env.FAULTS_PG_RESTART === '1' && testDatabaseKind === 'postgres';
const cluster = (process.env.FAULTS_PG_CLUSTER ?? '15 main').split(' ');

function pgctl(action: 'stop' | 'start'): void {
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', ...cluster, action], { stdio: 'inherit' });
}

describe.skipIf(!enabled)('PostgreSQL restarted under load', () => {
  let app: TestApp;
  let http: FastifyInstance;
  let secretKey = '';

  beforeAll(async () => {
    app = await createTestApp();
    const shop = await createShopWithKeys(app.deps.db, { slug: 'pg-restart' });
    secretKey = shop.secretKey;
    await upsertOrder(app.deps, {
      shopId: shop.shop.id,
      actor: { type: 'system' },
      order: orderUpsertInput.parse({
        externalId: 'pr-1',
        number: 'PR-1',
        customer: { email: 'restart@example.fr' },
        currency: 'EUR',
        lines: [{ sku: 'A', title: 'Article', quantity: 1, unitPriceMinor: 1000 }],
        placedAt: '2026-06-01T10:00:00Z',
      }),
    });
    http = await buildHttpServer(app.deps);
    await http.ready();
  }, 120_000);

  afterAll(async () => {
    // Whatever happened, leave PostgreSQL running for everything else.
    try {
      pgctl('start');
    } catch {
      // Already running.
    }
    await http?.close();
    await app?.close();
  });

  const readOrder = () =>
    http.inject({
      method: 'GET',
      url: `/trpc/orders.backend.get?input=${encodeURIComponent(JSON.stringify({ externalId: 'pr-1' }))}`,
      headers: backendHeaders(secretKey),
    });

  it('fails fast with DATABASE_UNAVAILABLE while PostgreSQL is down, and recovers on its own', async () => {
    expect((await readOrder()).statusCode).toBe(200);
    pgctl('stop');
    try {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const started = performance.now();
        const response = await readOrder();
        const elapsed = performance.now() - started;
        expect(response.statusCode, response.body.slice(0, 300)).toBe(503);
        const error = (JSON.parse(response.body) as { error: { data: { comptoirCode: string }; message: string } }).error;
        expect(error.data.comptoirCode).toBe('DATABASE_UNAVAILABLE');
        expect(elapsed, 'a request to a stopped database must not hang').toBeLessThan(5_000);
      }
      expect((await http.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(503);
    } finally {
      pgctl('start');
    }
    const deadline = performance.now() + 30_000;
    let status = 0;
    while (performance.now() < deadline) {
      status = (await readOrder()).statusCode;
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status, 'the server did not recover after PostgreSQL came back').toBe(200);
    expect((await http.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  }, 120_000);
});
