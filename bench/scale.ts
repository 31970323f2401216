/**
 * Scale benchmark (PostgreSQL, not in CI): 200 shops with 50 orders each (10,000), order-detail and
 * staff-inbox measured; then the same shops grown to 5,000 orders each (1,000,000) by the bulk
 * seeder, which prints its rate, and measured again with the same shoppers and staff. Prints the
 * p99 ratios and the EXPLAIN (ANALYZE, BUFFERS) plans of the hot queries at both sizes.
 * Options: --shops 200 --small 50 --large 5000 --duration 10 --quick --connections 50 --out <file>
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchFixture } from './seed.js';
import { shopperOrderStatement } from '../packages/server/src/orders/shopper-order-query.js';
import { log, rootDir, serverRequire } from './lib/paths.js';
import { quietly, runTsx, startComptoir } from './lib/processes.js';
import { adminQuery, dbUrl, measure, requestBuilders, signInShoppers, signInStaff, type Session, type StaffSession } from './lib/scenarios.js';

const { values: args } = parseArgs({
  options: {
    shops: { type: 'string', default: '200' },
    small: { type: 'string', default: '50' },
    large: { type: 'string', default: '5000' },
    duration: { type: 'string' },
    quick: { type: 'boolean', default: false },
    connections: { type: 'string', default: '50' },
    out: { type: 'string' },
  },
  allowPositionals: true,
});
const durationSeconds = Number(args.duration ?? (args.quick ? 3 : 10));
const connections = Number(args.connections);
const shops = Number(args.shops);
const small = Number(args.small);
const large = Number(args.large);
const pgAdminUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const pg = serverRequire('pg') as typeof import('pg');

const dbName = `comptoir_scale_${process.pid}_${Date.now()}`;
const url = dbUrl(pgAdminUrl, dbName);
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-scale-'));
const fixturePath = path.join(workDir, 'fixture.json');
const database = { kind: 'postgres' as const, url };

/** The hot queries, with the parameters of one real shopper and shop, as the server runs them. */
async function explainHotQueries(fixture: BenchFixture, customerId: string, number: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const shopId = fixture.shops[0]!.id;
    const plan = async (sql: string, values: unknown[]) =>
      (await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, values)).rows.map((row) => row['QUERY PLAN']).join('\n');
    // The server's own one-statement order detail.
    const orderDetail = shopperOrderStatement({ shopId, customerId, number });
    return {
      'order-detail': await plan(orderDetail.text, orderDetail.values),
      'order-list': await plan(
        `SELECT id, number, "placedAt" FROM "Order" WHERE "shopId" = $1 AND "customerId" = $2 ORDER BY "placedAt" DESC, id DESC LIMIT 11`,
        [shopId, customerId],
      ),
      'staff-inbox': await plan(
        `SELECT x.* FROM (
           SELECT 'return'::text AS type, r.id, r.status, r."nextDeadlineAt", o.number AS "orderNumber", c.email FROM "ReturnCase" r
             JOIN "Order" o ON o.id = r."orderId" JOIN "Customer" c ON c.id = r."customerId" WHERE r."shopId" = $1::uuid AND r.status = ANY($2::text[])
           UNION ALL
           SELECT 'claim'::text, cl.id, cl.status, cl."nextDeadlineAt", o.number, c.email FROM "Claim" cl
             JOIN "Order" o ON o.id = cl."orderId" JOIN "Customer" c ON c.id = cl."customerId" WHERE cl."shopId" = $1::uuid AND cl.status = ANY($3::text[])
           UNION ALL
           SELECT 'ticket'::text, t.id, t.status, t."nextDeadlineAt", o.number, c.email FROM "Ticket" t
             LEFT JOIN "Order" o ON o.id = t."orderId" JOIN "Customer" c ON c.id = t."customerId" WHERE t."shopId" = $1::uuid AND t.status = ANY($4::text[])
         ) x ORDER BY x."nextDeadlineAt" ASC NULLS LAST, x.type ASC, x.id ASC LIMIT 26`,
        [shopId, ['requested', 'approved', 'in_transit', 'received'], ['open', 'answered', 'auto_decided', 'escalated'], ['open', 'awaiting_shopper', 'awaiting_shop', 'escalated']],
      ),
    };
  } finally {
    await client.end();
  }
}

async function tableSizes(): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT relname, n_live_tup FROM pg_stat_user_tables WHERE relname IN ('Order', 'OrderLine', 'Shipment', 'TrackingEvent', 'Customer', 'Ticket', 'Claim') ORDER BY relname`,
    );
    return Object.fromEntries(rows.map((row) => [row.relname, Number(row.n_live_tup)]));
  } finally {
    await client.end();
  }
}

interface Phase {
  orders: number;
  seed: unknown;
  tables: Record<string, number>;
  orderDetail: unknown;
  staffInbox: unknown;
  plans: Record<string, string>;
}

async function measurePhase(fixture: BenchFixture, sessions: { shoppers: Session[]; staff: StaffSession[] } | null) {
  const server = await startComptoir({ port: 39400, env: { DATABASE_URL: url, TRUST_PROXY: '1', COMPTOIR_PUBLIC_URL: 'http://127.0.0.1:39400' }, name: 'scale' });
  try {
    // The same shoppers and staff at both sizes: sign in once, on the small database.
    const shoppers = sessions?.shoppers ?? (await signInShoppers(server.url, { ...fixture, shops: fixture.shops.slice(0, 20) }, 200));
    const staff = sessions?.staff ?? (await signInStaff(server.url, fixture));
    const builders = requestBuilders(fixture, shoppers, staff, 3_000_000);
    const options = { connections, durationSeconds, warmupSeconds: args.quick ? 1 : 2 };
    log(`scale: order-detail for ${durationSeconds} s`);
    const orderDetail = await measure([server], builders['order-detail']!, options);
    log(`scale: staff-inbox for ${durationSeconds} s`);
    const staffInbox = await measure([server], builders['staff-inbox']!, options);
    return { shoppers, staff, orderDetail, staffInbox };
  } finally {
    await server.stop();
  }
}

const phases: Phase[] = [];
try {
  await adminQuery(pgAdminUrl, `CREATE DATABASE ${dbName}`);
  log(`scale: seeding ${shops} shops × ${small} orders`);
  const seedSmall = JSON.parse(
    (await runTsx(path.join(rootDir, 'bench/seed.ts'), [JSON.stringify({ database, out: fixturePath, shops, ordersPerShop: small, customersPerShop: Math.ceil(large / 3), staffShops: 1 })])).trim().split('\n').at(-1)!,
  );
  let fixture = JSON.parse(fs.readFileSync(fixturePath, 'utf8')) as BenchFixture;
  const first = await measurePhase(fixture, null);
  const [sample] = first.shoppers;
  const number = sample!.numbers[0]!;
  const customerId = JSON.parse(Buffer.from(sample!.token.split('.')[1]!, 'base64url').toString('utf8'))[1] as string;
  phases.push({ orders: shops * small, seed: seedSmall, tables: await tableSizes(), orderDetail: first.orderDetail, staffInbox: first.staffInbox, plans: await explainHotQueries(fixture, customerId, number) });

  log(`scale: growing to ${shops} shops × ${large} orders (${(shops * large).toLocaleString('en')})`);
  const seedLarge = JSON.parse(
    (await runTsx(path.join(rootDir, 'bench/seed.ts'), [JSON.stringify({ database, out: fixturePath, ordersPerShop: large, extend: fixturePath })])).trim().split('\n').at(-1)!,
  );
  fixture = JSON.parse(fs.readFileSync(fixturePath, 'utf8')) as BenchFixture;
  // The sessions hold the numbers of the small phase: the same orders are read at both sizes.
  const second = await measurePhase({ ...fixture, ordersPerShop: small }, { shoppers: first.shoppers, staff: first.staff });
  phases.push({ orders: shops * large, seed: seedLarge, tables: await tableSizes(), orderDetail: second.orderDetail, staffInbox: second.staffInbox, plans: await explainHotQueries(fixture, customerId, number) });
} finally {
  if (process.env.BENCH_KEEP_DB !== '1') await quietly(() => adminQuery(pgAdminUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
  fs.rmSync(workDir, { recursive: true, force: true });
}

const p99 = (phase: Phase, key: 'orderDetail' | 'staffInbox') => (phase[key] as { p99Ms: number }).p99Ms;
const [a, b] = phases as [Phase, Phase];
const summary = {
  orders: [a.orders, b.orders],
  seedOrdersPerSecond: Math.round((b.seed as { ordersPerSecond: number }).ordersPerSecond),
  orderDetailP99Ms: [p99(a, 'orderDetail'), p99(b, 'orderDetail')],
  orderDetailP99Ratio: Math.round((p99(b, 'orderDetail') / p99(a, 'orderDetail')) * 100) / 100,
  staffInboxP99Ms: [p99(a, 'staffInbox'), p99(b, 'staffInbox')],
  staffInboxP99Ratio: Math.round((p99(b, 'staffInbox') / p99(a, 'staffInbox')) * 100) / 100,
  target: 'p99 at 1,000,000 orders within 2× of the p99 at 10,000',
};
log(`scale: ${JSON.stringify(summary)}`);
for (const phase of phases) for (const [name, plan] of Object.entries(phase.plans)) log(`plan at ${phase.orders} orders, ${name}:\n${plan}`);
const text = JSON.stringify({ kind: 'scale', summary, phases }, null, 2);
if (args.out) fs.writeFileSync(args.out, text);
else process.stdout.write(`${text}\n`);
