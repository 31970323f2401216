/**
 * Seeds a benchmark database: migrates it, creates `shops` shops (keys, one owner for the first
 * few), then bulk-inserts `ordersPerShop` orders per shop with seed-sql.ts, printing the rate.
 * With `extendTo`, an existing fixture's shops grow to that many orders each (the scale run).
 * Usage: tsx bench/seed.ts '<json options>' ; writes the fixture JSON to options.out.
 */
import fs from 'node:fs';
import { startAppCore } from '../packages/server/src/app.js';
import { createLogger } from '../packages/server/src/core/logger.js';
import type { DatabaseConfig } from '../packages/server/src/db/database.js';
import { createShopWithKeys } from '../packages/server/src/test/fixtures.js';
import { createStaffUser } from '../packages/server/src/staff/service.js';
import { log } from './lib/paths.js';
import { seedBatchStatements } from './lib/seed-sql.js';

/** What the benchmark knows about its data. */
export interface BenchFixture {
  origin: string;
  ordersPerShop: number;
  customersPerShop: number;
  staffPassword: string;
  shops: Array<{ index: number; id: string; publishableKey: string; staffEmail: string | null }>;
}

interface SeedOptions {
  database: DatabaseConfig;
  out: string;
  shops?: number;
  ordersPerShop: number;
  customersPerShop?: number;
  staffShops?: number;
  origin?: string;
  /** An existing fixture to grow to `ordersPerShop` orders per shop. */
  extend?: string;
  batchOrders?: number;
}

const options = JSON.parse(process.argv[2] ?? '{}') as SeedOptions;
const core = await startAppCore({ database: options.database, logger: createLogger('warn') });
const db = core.deps.db;
let fixture: BenchFixture;
let fromIndex = 0;
if (options.extend) {
  fixture = JSON.parse(fs.readFileSync(options.extend, 'utf8')) as BenchFixture;
  fromIndex = fixture.ordersPerShop;
} else {
  const origin = options.origin ?? 'https://shop.bench.example';
  const staffPassword = 'bench password long enough 42';
  const shops: BenchFixture['shops'] = [];
  for (let index = 0; index < (options.shops ?? 4); index += 1) {
    const created = await createShopWithKeys(db, { slug: `bench-${index}`, origins: [origin] });
    let staffEmail: string | null = null;
    if (index < (options.staffShops ?? 4)) {
      staffEmail = `owner@s${index}.bench`;
      await createStaffUser(core.deps, { email: staffEmail, name: `Owner ${index}`, password: staffPassword, shopId: created.shop.id, role: 'owner' });
    }
    shops.push({ index, id: created.shop.id, publishableKey: created.publishableKey, staffEmail });
  }
  fixture = { origin, ordersPerShop: 0, customersPerShop: options.customersPerShop ?? Math.max(1, Math.ceil(options.ordersPerShop / 3)), staffPassword, shops };
}

const started = Date.now();
const target = options.ordersPerShop;
const batchOrders = options.batchOrders ?? 20_000;
const total = (target - fromIndex) * fixture.shops.length;
let done = 0;
let lastReport = Date.now();
for (const shop of fixture.shops) {
  for (let from = fromIndex; from < target; from += batchOrders) {
    const to = Math.min(target, from + batchOrders);
    const statements = seedBatchStatements({ shopId: shop.id, shopIndex: shop.index, from, to, customersPerShop: fixture.customersPerShop });
    await db.$transaction(async (tx) => {
      // A bulk load of rows consistent by construction: skip the per-row foreign-key triggers.
      await tx.$executeRawUnsafe('SET LOCAL session_replication_role = replica');
      for (const statement of statements) await tx.$executeRawUnsafe(statement);
    }, { timeout: 600_000, maxWait: 60_000 });
    done += to - from;
    if (Date.now() - lastReport > 5_000 || done === total) {
      const seconds = (Date.now() - started) / 1000;
      log(`seeded ${done.toLocaleString('en')} / ${total.toLocaleString('en')} orders (${Math.round(done / seconds).toLocaleString('en')} orders/s, with lines, parcels and scans)`);
      lastReport = Date.now();
    }
  }
}
await db.$executeRawUnsafe('ANALYZE');
const seconds = (Date.now() - started) / 1000;
fixture.ordersPerShop = target;
fs.writeFileSync(options.out, JSON.stringify(fixture, null, 2));
log(`seed done: ${total.toLocaleString('en')} orders in ${seconds.toFixed(1)} s (${Math.round(total / seconds).toLocaleString('en')} orders/s)`);
process.stdout.write(JSON.stringify({ orders: total, seconds, ordersPerSecond: total / seconds }) + '\n');
await core.close();
