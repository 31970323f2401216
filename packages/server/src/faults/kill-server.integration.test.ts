import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseConfig } from '../db/database.js';
import { applyMigrations } from '../db/migrations.js';
import { createShopWithKeys } from '../test/fixtures.js';
import { createTestDatabaseConfig, testDatabaseKind } from '../test/test-database.js';
import { startServerChild, trpcGet, trpcPost, type ServerChild } from './fault-harness.js';

/**
 * SIGKILL of the real server (a child process running startServer) in the middle of writes under
 * load: order upserts over HTTP from several concurrent clients, and refunds with their allocations
 * written by the server itself. After a restart on the same database (a fresh PostgreSQL database,
 * or a PGlite data directory for the embedded case), every acknowledged write is there and every
 * case is whole: no order without its lines or its event, no refund without allocations adding up
 * to its amount, no event without its subject. FAULTS_LOAD_MS sets how long the load runs before
 * the kill (default 3 s for CI; try 30000).
 */
const loadMs = Number(process.env.FAULTS_LOAD_MS ?? 3_000);
const clients = 6;

let config: DatabaseConfig;
let drop: () => Promise<void> = async () => {};
let dataDir: string | null = null;
let shopId = '';
let secretKey = '';
const children: ServerChild[] = [];

beforeAll(async () => {
  if (testDatabaseKind === 'postgres') {
    const made = await createTestDatabaseConfig();
    config = made.config;
    drop = made.drop;
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-fault-'));
    config = { kind: 'pglite', dataDir };
  }
  // The shop is made before the server starts: PGlite's directory takes one process at a time.
  const database = await openDatabase(config);
  try {
    if (config.kind === 'pglite') await applyMigrations(database.adapterFactory);
    const shop = await createShopWithKeys(database.prisma, { slug: 'fault' });
    shopId = shop.shop.id;
    secretKey = shop.secretKey;
  } finally {
    await database.close();
  }
}, 120_000);

afterAll(async () => {
  for (const child of children) if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
  await drop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** One order payload; each has two lines and shipping, so a half-written one would show. */
function orderInput(externalId: string) {
  return {
    externalId,
    number: externalId.toUpperCase(),
    customer: { email: `${externalId}@fault.test`, name: 'Client' },
    currency: 'EUR',
    lines: [
      { externalId: `${externalId}-1`, sku: 'A', title: 'Article A', quantity: 1, unitPriceMinor: 1200 },
      { externalId: `${externalId}-2`, sku: 'B', title: 'Article B', quantity: 2, unitPriceMinor: 800 },
    ],
    shippingMinor: 490,
    placedAt: '2026-06-01T10:00:00Z',
  };
}

describe(`server killed during writes on ${testDatabaseKind}`, () => {
  it('keeps every acknowledged order and refund, and every case whole, after SIGKILL and restart', async () => {
    const first = await startServerChild(config, { refundShopId: shopId });
    children.push(first);
    const acknowledgedOrders = new Map<string, string>();
    const headers = { authorization: `Bearer ${secretKey}` };
    let killed = false;
    let sequence = 0;
    const failures: string[] = [];

    const client = async (n: number) => {
      while (!killed) {
        sequence += 1;
        const externalId = `k${n}-${sequence}`;
        try {
          const answer = await trpcPost(first.url, 'orders.backend.upsert', orderInput(externalId), headers);
          const orderId = (answer.body as { result?: { data?: { orderId?: string } } } | null)?.result?.data?.orderId;
          if (answer.status === 200 && orderId) acknowledgedOrders.set(externalId, orderId);
          else if (!killed) failures.push(`upsert answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
        } catch (error) {
          if (!killed) failures.push(String(error));
        }
        if (failures.length > 0) return;
      }
    };
    // A first write warms the server up (PGlite compiles its WebAssembly lazily), then the load runs.
    const warmUp = await trpcPost(first.url, 'orders.backend.upsert', orderInput('warm-up'), headers);
    expect(warmUp.status).toBe(200);
    acknowledgedOrders.set('warm-up', (warmUp.body as { result: { data: { orderId: string } } }).result.data.orderId);
    const load = Promise.all(Array.from({ length: clients }, (_, n) => client(n)));
    // Run for loadMs, and on a slow machine until enough writes were acknowledged to mean something.
    const started = performance.now();
    while (
      failures.length === 0 &&
      performance.now() - started < 60_000 &&
      (performance.now() - started < loadMs || acknowledgedOrders.size < 12 || first.acknowledgedRefunds.length < 2)
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    killed = true;
    first.process.kill('SIGKILL');
    await load;
    expect((await first.exited).signal).toBe('SIGKILL');
    expect(failures).toEqual([]);
    expect(acknowledgedOrders.size).toBeGreaterThan(10);
    expect(first.acknowledgedRefunds.length).toBeGreaterThan(0);

    // Restart on the same database: it must come up and answer for an acknowledged order.
    const second = await startServerChild(config);
    children.push(second);
    const [someExternalId] = [...acknowledgedOrders.keys()];
    const read = await trpcGet(second.url, 'orders.backend.get', { externalId: someExternalId }, headers);
    expect(read.status).toBe(200);
    second.process.kill('SIGTERM');
    await second.exited;

    const database = await openDatabase(config);
    try {
      const db = database.prisma;
      const orders = await db.order.findMany({
        where: { shopId },
        select: { id: true, externalId: true, totalMinor: true, _count: { select: { lines: true } } },
      });
      const byExternalId = new Map(orders.map((order) => [order.externalId, order]));
      const lost = [...acknowledgedOrders].filter(([externalId, id]) => byExternalId.get(externalId)?.id !== id);
      expect(lost, 'acknowledged orders missing after the kill').toEqual([]);
      expect(orders.filter((order) => order._count.lines !== 2).map((order) => order.externalId), 'orders without their two lines').toEqual([]);
      expect(orders.filter((order) => order.totalMinor !== 1200 + 1600 + 490).map((order) => order.externalId)).toEqual([]);

      const refunds = await db.refund.findMany({ where: { shopId }, select: { id: true, amountMinor: true, allocations: { select: { amountMinor: true } } } });
      const refundIds = new Set(refunds.map((refund) => refund.id));
      expect(first.acknowledgedRefunds.filter((id) => !refundIds.has(id)), 'acknowledged refunds missing').toEqual([]);
      const unbalanced = refunds.filter(
        (refund) => refund.allocations.length === 0 || refund.allocations.reduce((sum, a) => sum + a.amountMinor, 0) !== refund.amountMinor,
      );
      expect(unbalanced, 'refunds whose allocations do not add up to their amount').toEqual([]);

      const orphanEvents = await db.$queryRaw<Array<{ id: string }>>`
        SELECT e."id"::text AS "id" FROM "Event" e
         WHERE e."shopId" = ${shopId}::uuid
           AND ((e."subjectType" = 'order' AND NOT EXISTS (SELECT 1 FROM "Order" o WHERE o."id" = e."subjectId"))
             OR (e."subjectType" = 'refund' AND NOT EXISTS (SELECT 1 FROM "Refund" r WHERE r."id" = e."subjectId")))`;
      expect(orphanEvents, 'events whose subject is missing').toEqual([]);
      const silentCases = await db.$queryRaw<Array<{ id: string }>>`
        SELECT o."id"::text AS "id" FROM "Order" o
         WHERE o."shopId" = ${shopId}::uuid AND NOT EXISTS (SELECT 1 FROM "Event" e WHERE e."subjectId" = o."id" AND e."type" = 'order.created')
        UNION ALL
        SELECT r."id"::text FROM "Refund" r
         WHERE r."shopId" = ${shopId}::uuid AND NOT EXISTS (SELECT 1 FROM "Event" e WHERE e."subjectId" = r."id" AND e."type" = 'refund.created')`;
      expect(silentCases, 'orders or refunds without their creation event').toEqual([]);
      const orphanRows = await db.$queryRaw<Array<{ n: bigint }>>`
        SELECT (SELECT count(*) FROM "OrderLine" l WHERE NOT EXISTS (SELECT 1 FROM "Order" o WHERE o."id" = l."orderId"))
             + (SELECT count(*) FROM "RefundAllocation" a WHERE NOT EXISTS (SELECT 1 FROM "Refund" r WHERE r."id" = a."refundId"))
             + (SELECT count(*) FROM "Order" o WHERE NOT EXISTS (SELECT 1 FROM "Customer" c WHERE c."id" = o."customerId")) AS "n"`;
      expect(Number(orphanRows[0]!.n)).toBe(0);
    } finally {
      await database.close();
    }
  }, 240_000);
});
