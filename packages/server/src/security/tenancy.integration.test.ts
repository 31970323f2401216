import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { backendHeaders, createShopWithKeys, widgetHeaders } from '../test/fixtures.js';
import { orderUpsertInput } from '@comptoir/protocol';
import { upsertOrder } from '../orders/upsert-order.js';
import { signShopperToken } from '../auth/shopper-token.js';
import { csrfTokenFor } from '../auth/staff-auth.js';
import { randomBytes } from 'node:crypto';
import { createStaffUser } from '../staff/service.js';
import { sha256 } from '../core/hash.js';
import { ApiKeyKind, generateApiKey } from '../auth/api-keys.js';
import { callByPath, listProcedures, publicProcedures } from './procedure-walker.js';
import { attackInputs, type VictimShop } from './tenancy-attacks.js';

/**
 * Walks EVERY procedure of the router with shop A's credentials (back-end key, widget key with a
 * signed-in shopper, owner session) and inputs that name shop B's data. Whatever answers, nothing of
 * B may come back and nothing of B may change. A new procedure fails this test until it has an entry
 * in tenancy-attacks.ts, so no one has to remember to cover it.
 */
const originA = 'https://boutique-a.test';
const originB = 'https://boutique-b.test';

let app: TestApp;
let victim: VictimShop;
let attacker: { shopId: string; customerId: string; ownerId: string };
let secretsOfB: string[];

function order(externalId: string, number: string, email: string, name: string, title: string) {
  return orderUpsertInput.parse({
    externalId,
    number,
    customer: { email, name },
    currency: 'EUR',
    lines: [{ externalId: `${externalId}-l1`, sku: `${externalId}-SKU`, title, quantity: 2, unitPriceMinor: 2500 }],
    shippingMinor: 490,
    placedAt: '2026-06-01T10:00:00Z',
    shippedAt: '2026-06-02T10:00:00Z',
    deliveredAt: '2026-06-04T10:00:00Z',
  });
}

/** Everything stored for shop B, to prove no call changed it. */
async function snapshotOfB(): Promise<string> {
  const db = app.deps.db;
  const shopId = victim.shopId;
  const rows = {
    shop: await db.shop.findUnique({ where: { id: shopId } }),
    keys: await db.apiKey.findMany({ where: { shopId }, orderBy: { id: 'asc' } }),
    memberships: await db.staffMembership.findMany({ where: { shopId }, orderBy: { id: 'asc' } }),
    staffUsers: await db.staffUser.findMany({ where: { memberships: { some: { shopId } } }, orderBy: { id: 'asc' } }),
    customers: await db.customer.findMany({ where: { shopId }, orderBy: { id: 'asc' } }),
    orders: await db.order.findMany({ where: { shopId }, include: { lines: true, shipments: { include: { events: true } } }, orderBy: { id: 'asc' } }),
    events: await db.event.findMany({ where: { shopId }, orderBy: { id: 'asc' } }),
    policies: await db.servicePolicy.findMany({ where: { shopId }, orderBy: { id: 'asc' } }),
    returns: await db.returnCase.findMany({ where: { shopId }, orderBy: { id: 'asc' } }),
    refunds: await db.refund.findMany({ where: { shopId }, orderBy: { id: 'asc' } }),
    claims: await db.claim.findMany({ where: { shopId }, orderBy: { id: 'asc' } }),
    tickets: await db.ticket.findMany({ where: { shopId }, include: { messages: true }, orderBy: { id: 'asc' } }),
    deadlines: await db.deadline.findMany({ where: { shopId }, orderBy: { id: 'asc' } }),
    outbox: await db.outboxMessage.findMany({ where: { shopId }, orderBy: { id: 'asc' } }),
    webhooks: await db.webhookEndpoint.findMany({ where: { shopId }, orderBy: { id: 'asc' } }),
  };
  return JSON.stringify(rows);
}

/** A fresh set of A's credentials: calls like key rotation or logout must not weaken later calls. */
async function credentialsOfA() {
  const db = app.deps.db;
  const publishable = generateApiKey(ApiKeyKind.publishable);
  const secret = generateApiKey(ApiKeyKind.secret);
  await db.apiKey.createMany({
    data: [publishable, secret].map((key) => ({ shopId: attacker.shopId, kind: key.kind, hash: key.hash, displayPrefix: key.displayPrefix })),
  });
  // A session row as staff.login makes it, without paying scrypt for every call.
  const session = { token: randomBytes(32).toString('base64url') };
  await db.staffSession.create({
    data: {
      staffUserId: attacker.ownerId,
      tokenHash: sha256(session.token),
      activeShopId: attacker.shopId,
      expiresAt: new Date(app.clock.now().getTime() + 3_600_000),
    },
  });
  const shopperToken = signShopperToken(app.deps.secrets.shopperTokenKey, {
    shopId: attacker.shopId,
    customerId: attacker.customerId,
    exp: Math.floor(app.clock.now().getTime() / 1000) + 3600,
  });
  return [
    { name: 'back end of A', request: { headers: backendHeaders(secret.plaintext) } },
    {
      name: 'widget of A with its shopper',
      request: { headers: { ...widgetHeaders(publishable.plaintext, originA), 'x-comptoir-session': shopperToken } },
    },
    {
      name: 'owner of A',
      request: { cookies: { comptoir_staff: session.token }, headers: { 'x-csrf-token': csrfTokenFor(session.token) } },
    },
  ];
}

beforeAll(async () => {
  app = await createTestApp({ now: '2026-06-10T10:00:00Z' });
  const db = app.deps.db;
  const shopA = await createShopWithKeys(db, { slug: 'boutique-a', origins: [originA] });
  const shopB = await createShopWithKeys(db, { slug: 'boutique-b', origins: [originB] });

  const orderA = await upsertOrder(app.deps, {
    shopId: shopA.shop.id,
    order: order('a-1', 'A-1001', 'client@a.test', 'Client A', 'Bougie A'),
    actor: { type: 'shop_backend' },
  });
  const orderB = await upsertOrder(app.deps, {
    shopId: shopB.shop.id,
    order: order('b-1', 'B-1001', 'victime@b.test', 'Victime Secrète', 'PRODUIT-SECRET-DE-B'),
    actor: { type: 'shop_backend' },
  });
  const ownerA = await createStaffUser(app.deps, { email: 'owner@a.test', name: 'Owner A', password: 'attacker-password-1', shopId: shopA.shop.id, role: 'owner' });
  const ownerB = await createStaffUser(app.deps, { email: 'owner@b.test', name: 'Owner B', password: 'victim-password-1', shopId: shopB.shop.id, role: 'owner' });

  const orderRowA = await db.order.findUniqueOrThrow({ where: { id: orderA.orderId }, select: { customerId: true } });
  const orderRowB = await db.order.findUniqueOrThrow({
    where: { id: orderB.orderId },
    select: { customerId: true, lines: { select: { id: true } } },
  });
  const keysB = await db.apiKey.findMany({ where: { shopId: shopB.shop.id }, select: { id: true } });
  attacker = { shopId: shopA.shop.id, customerId: orderRowA.customerId, ownerId: ownerA.staffUserId };
  victim = {
    shopId: shopB.shop.id,
    slug: 'boutique-b',
    orderId: orderB.orderId,
    orderExternalId: 'b-1',
    orderNumber: 'B-1001',
    customerId: orderRowB.customerId,
    customerEmail: 'victime@b.test',
    orderLineIds: orderRowB.lines.map((line) => line.id),
    staffUserId: ownerB.staffUserId,
    apiKeyIds: keysB.map((key) => key.id),
    secretKey: shopB.secretKey,
    publishableKey: shopB.publishableKey,
  };
  secretsOfB = [
    victim.shopId,
    victim.orderId,
    victim.customerId,
    victim.staffUserId,
    ...victim.orderLineIds,
    ...victim.apiKeyIds,
    'PRODUIT-SECRET-DE-B',
    'Victime Secrète',
    'owner@b.test',
  ];
});

afterAll(async () => {
  await app?.close();
});

describe('tenancy across every procedure', () => {
  it('has attack inputs for every procedure of the router', () => {
    const table = attackInputs(victim);
    const missing = listProcedures()
      .map((procedure) => procedure.path)
      .filter((path) => !(path in table));
    expect(missing, 'add these procedures to src/security/tenancy-attacks.ts').toEqual([]);
  });

  it('refuses every non-public procedure to a caller without credentials', async () => {
    const table = attackInputs(victim);
    const answered: string[] = [];
    for (const { path } of listProcedures()) {
      if (publicProcedures.has(path)) continue;
      const [input] = table[path] ?? [undefined];
      try {
        await callByPath(app.caller({ headers: {} }), path, input);
        answered.push(path);
      } catch (error) {
        expect(error, path).toBeInstanceOf(TRPCError);
        expect(['UNAUTHORIZED', 'FORBIDDEN'], path).toContain((error as TRPCError).code);
      }
    }
    expect(answered).toEqual([]);
  });

  it("never returns or changes shop B's data with shop A's keys, tokens or sessions", async () => {
    const before = await snapshotOfB();
    const table = attackInputs(victim);
    const leaks: string[] = [];
    for (const { path } of listProcedures()) {
      for (const input of table[path] ?? []) {
        for (const credentials of await credentialsOfA()) {
          let output: unknown;
          try {
            output = await callByPath(app.caller(credentials.request), path, input);
          } catch (error) {
            expect(error, `${path} as ${credentials.name}`).toBeInstanceOf(TRPCError);
            expect((error as TRPCError).code, `${path} as ${credentials.name}`).not.toBe('INTERNAL_SERVER_ERROR');
            continue;
          }
          const text = JSON.stringify(output) ?? '';
          for (const secret of secretsOfB) {
            if (text.includes(secret)) leaks.push(`${path} as ${credentials.name} returned ${secret}`);
          }
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(await snapshotOfB()).toBe(before);
  });
});
