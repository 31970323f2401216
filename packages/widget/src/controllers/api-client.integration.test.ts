import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { startAppCore, type AppCore } from '../../../server/src/app.js';
import { createLogger } from '../../../server/src/core/logger.js';
import { buildHttpServer } from '../../../server/src/http/server.js';
import { seedDemoShop, type DemoSeedResult } from '../../../server/src/shops/demo-seed.js';
import { ApiError, createApiClient } from './api-client.js';
import type { OrderPage, SignInResult } from './api-types.js';

let core: AppCore;
let close: () => Promise<void>;
let baseUrl: string;
let seeded: DemoSeedResult;

/** The browser's part: the Origin header a page on the shop's site sends. */
function fetchFrom(origin: string): typeof fetch {
  return (input, init = {}) => fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), origin } });
}

beforeAll(async () => {
  core = await startAppCore({ database: { kind: 'pglite', dataDir: null }, logger: createLogger('silent') });
  const app = await buildHttpServer(core.deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  seeded = await seedDemoShop(core.deps, { origin: 'https://boutique.example' });
  close = async () => {
    await app.close();
    await core.close();
  };
}, 120_000);

afterAll(async () => close?.());

describe('createApiClient against the real tRPC server', () => {
  it('signs in with a mutation, then reads orders with the session token', async () => {
    let session: string | null = null;
    const client = createApiClient({
      baseUrl,
      publishableKey: seeded.publishableKey,
      locale: () => 'fr',
      session: () => session,
      fetch: fetchFrom('https://boutique.example'),
    });
    const demo = seeded.orders.find((order) => order.number === '1006')!;
    const result = await client.mutation<SignInResult>('sessions.widget.signIn', { orderNumber: '1006', email: demo.email });
    session = result.token;
    const page = await client.query<OrderPage>('orders.widget.list', { limit: 50 });
    expect(page.orders.map((order) => order.number)).toContain('1006');
    expect(typeof page.orders[0]?.placedAt).toBe('string');
  });

  it('carries the server code and its message in the requested language', async () => {
    const client = createApiClient({
      baseUrl,
      publishableKey: seeded.publishableKey,
      locale: () => 'en',
      session: () => null,
      fetch: fetchFrom('https://elsewhere.example'),
    });
    const error = await client.query('shops.widget.config').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ failure: 'server', code: 'ORIGIN_NOT_ALLOWED', httpStatus: 403 });
    expect((error as ApiError).message).toBe('This site is not allowed to use this shop’s widget.');
    expect((error as ApiError).isRetryable).toBe(false);
  });

  it('retries a query when the network fails, then reports a network failure', async () => {
    let attempts = 0;
    const client = createApiClient({
      baseUrl: 'http://127.0.0.1:9',
      publishableKey: 'pk_x',
      locale: () => 'fr',
      session: () => null,
      retryDelaysMs: [0, 0],
      fetch: (input, init) => {
        attempts++;
        return fetch(input, init);
      },
    });
    const error = await client.query('shops.widget.config').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ failure: 'network', isRetryable: true });
    expect(attempts).toBe(3);
  });

  it('never retries a mutation', async () => {
    let attempts = 0;
    const client = createApiClient({
      baseUrl: 'http://127.0.0.1:9',
      publishableKey: 'pk_x',
      locale: () => 'fr',
      session: () => null,
      retryDelaysMs: [0, 0],
      fetch: (input, init) => {
        attempts++;
        return fetch(input, init);
      },
    });
    await expect(client.mutation('sessions.widget.signIn', {})).rejects.toBeInstanceOf(ApiError);
    expect(attempts).toBe(1);
  });
});
