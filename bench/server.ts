/**
 * Server benchmark: for each database (PGlite, PostgreSQL) seeds a fresh database, starts the real
 * server in child process(es), signs shoppers and staff in over HTTP, then runs each scenario with
 * autocannon, and the same SQL through the plain node:http + pg baseline. Prints one JSON object.
 * Options: --databases pglite,postgres --duration 10 --quick --connections 50 --instances 1
 *          --orders-per-shop 5000 --shops 4 --scenarios a,b --cpu-prof <dir> --out <file>
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchRequest, LoadFigures } from './lib/load.js';
import { log, rootDir } from './lib/paths.js';
import { quietly, runTsx, startBaseline, startComptoir, type Child } from './lib/processes.js';
import {
  adminQuery as adminQueryAt,
  dbUrl as dbUrlAt,
  isProcedurePresent,
  measure as measureWith,
  requestBuilders,
  signInShoppers,
  signInStaff,
} from './lib/scenarios.js';
import type { BenchFixture } from './seed.js';
import { checkExactlyOnce, startReceivers, type ExactlyOnceReport, type Receivers } from './lib/exactly-once.js';
import { prepareReturns, returnCreateRequest, returnJobCount } from './lib/returns.js';

const { values: args } = parseArgs({
  options: {
    databases: { type: 'string', default: 'pglite,postgres' },
    duration: { type: 'string' },
    quick: { type: 'boolean', default: false },
    connections: { type: 'string', default: '50' },
    instances: { type: 'string', default: '1' },
    'orders-per-shop': { type: 'string' },
    shops: { type: 'string', default: '4' },
    scenarios: { type: 'string', default: 'sign-in,order-list,order-detail,staff-inbox,return-create' },
    'cpu-prof': { type: 'string' },
    'no-baseline': { type: 'boolean', default: false },
    out: { type: 'string' },
  },
  allowPositionals: true,
});

const durationSeconds = Number(args.duration ?? (args.quick ? 3 : 10));
const connections = Number(args.connections);
const instances = Number(args.instances);
const shopsCount = Number(args.shops);
const ordersPerShop = Number(args['orders-per-shop'] ?? (args.quick ? 1_000 : 5_000));
const scenarioNames = args.scenarios!.split(',');
const pgAdminUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** One scenario's figures on one database, as `pnpm bench server --json` prints them. */
export interface ScenarioResult extends LoadFigures {
  name: string;
  database: 'pglite' | 'postgres';
  instances: number;
  connections: number;
  durationSeconds: number;
  baselineRps: number | null;
  baselineP99Ms: number | null;
  baselineCpuMsPerRequest?: number;
  /** CPU time the server process(es) spent per completed request. */
  serverCpuMsPerRequest?: number;
  loadAverage?: number[];
  /** rps / baselineRps. */
  ratio: number | null;
  missing?: string;
  note?: string;
}

const adminQuery = (sql: string) => adminQueryAt(pgAdminUrl, sql);
const dbUrl = (name: string) => dbUrlAt(pgAdminUrl, name);
const measure = (children: Child[], next: (n: number) => BenchRequest) =>
  measureWith(children, next, { connections, durationSeconds, warmupSeconds: args.quick ? 1 : 2 });

async function benchDatabase(kind: 'pglite' | 'postgres', results: ScenarioResult[], extras: Record<string, unknown>): Promise<void> {
  const stamp = `${Date.now()}`;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `comptoir-bench-${kind}-`));
  const dbName = `comptoir_bench_${process.pid}_${stamp}`;
  const database = kind === 'postgres' ? { kind, url: dbUrl(dbName), poolSize: 10 } : { kind, dataDir: path.join(workDir, 'data') };
  const dbEnv: NodeJS.ProcessEnv =
    kind === 'postgres' ? { DATABASE_URL: database.kind === 'postgres' ? database.url : '', DATABASE_POOL_SIZE: '10' } : { DATABASE_URL: '', COMPTOIR_DATA_DIR: path.join(workDir, 'data') };
  const instanceCount = kind === 'pglite' ? 1 : instances;
  const servers: Child[] = [];
  let receivers: Receivers | null = null;
  try {
    if (kind === 'postgres') await adminQuery(`CREATE DATABASE ${dbName}`);
    log(`${kind}: seeding ${shopsCount} shops × ${ordersPerShop} orders`);
    const fixturePath = path.join(workDir, 'fixture.json');
    const seedOut = await runTsx(path.join(rootDir, 'bench/seed.ts'), [JSON.stringify({ database, out: fixturePath, shops: shopsCount, ordersPerShop })]);
    extras[`seed:${kind}`] = JSON.parse(seedOut.trim().split('\n').at(-1) ?? '{}');
    const fixture = JSON.parse(fs.readFileSync(fixturePath, 'utf8')) as BenchFixture;

    receivers = await startReceivers();
    await prepareReturns({ database, fixture, receiverUrl: receivers.webhookUrl });
    const serverEnv = {
      ...dbEnv,
      TRUST_PROXY: '1',
      COMPTOIR_ALLOW_PRIVATE_WEBHOOKS: '1',
      RESEND_API_KEY: 're_bench',
      RESEND_BASE_URL: receivers.emailUrl,
      COMPTOIR_PUBLIC_URL: 'http://127.0.0.1:39100',
    };
    for (let i = 0; i < instanceCount; i += 1) {
      servers.push(await startComptoir({ port: 39100 + i, env: serverEnv, cpuProfDir: args['cpu-prof'], name: `${kind}#${i}` }));
    }
    const urls = servers.map((server) => server.url);
    log(`${kind}: ${urls.length} server(s) up; signing shoppers and staff in`);
    const shoppers = await signInShoppers(urls[0]!, fixture, 400);
    const staff = await signInStaff(urls[0]!, fixture);
    const builders = requestBuilders(fixture, shoppers, staff, 1_000_000 + Number(stamp.slice(-5)) * 37);
    const baselinable = ['sign-in', 'order-list', 'order-detail', 'staff-inbox'];

    const own: ScenarioResult[] = [];
    for (const name of scenarioNames) {
      const base = { name, database: kind, instances: urls.length, connections, durationSeconds, baselineRps: null, baselineP99Ms: null, ratio: null };
      if (name === 'return-create') {
        if (!(await isProcedurePresent(urls[0]!, 'returns.widget.create'))) {
          log(`${kind}: returns.widget.create is not in the router: return-create reported as missing`);
          own.push({ ...base, rps: 0, p50Ms: 0, p99Ms: 0, errors: 1, requests: 0, statusCodes: {}, missing: 'returns.widget.create is not in the router yet' });
          continue;
        }
        log(`${kind}: return-create for ${durationSeconds} s`);
        const figures = await measure(servers, returnCreateRequest(fixture, shoppers));
        own.push({ ...base, ...figures, note: `${returnJobCount()} distinct returnable lines prepared; each request returns one of them` });
        continue;
      }
      const next = builders[name];
      if (!next) throw new Error(`unknown scenario ${name}`);
      log(`${kind}: ${name} for ${durationSeconds} s`);
      const figures = await measure(servers, next);
      own.push({
        ...base,
        ...figures,
        ...(name === 'sign-in' ? { note: 'each request from its own address (x-forwarded-for, TRUST_PROXY=1); successes reset the per-order limiter' } : {}),
      });
    }

    if (instanceCount > 1 || process.env.BENCH_EXACTLY_ONCE === '1') {
      extras[`exactlyOnce:${kind}`] = await checkExactlyOnce({ database, receivers, fixture }) satisfies ExactlyOnceReport;
    }
    for (const server of servers.splice(0)) await server.stop();

    if (!args['no-baseline']) {
      const baseline = await startBaseline({ port: 39200, env: { BASELINE_DB: JSON.stringify(database), BASELINE_FIXTURE: fixturePath, DATABASE_POOL_SIZE: '10' } });
      try {
        for (const result of own) {
          if (!baselinable.includes(result.name)) continue;
          log(`${kind}: baseline ${result.name} for ${durationSeconds} s`);
          const figures = await measure([baseline], builders[result.name]!);
          result.baselineRps = figures.rps;
          result.baselineCpuMsPerRequest = figures.serverCpuMsPerRequest;
          result.baselineP99Ms = figures.p99Ms;
          result.ratio = figures.rps ? Math.round((result.rps / figures.rps) * 100) / 100 : null;
          if (figures.errors) result.note = `${result.note ? `${result.note}; ` : ''}baseline errors: ${figures.errors} (${figures.sampleError ?? ''})`;
        }
      } finally {
        await baseline.stop();
      }
    }
    results.push(...own);
  } finally {
    for (const server of servers) await quietly(() => server.stop());
    if (receivers) await quietly(() => receivers!.close());
    if (kind === 'postgres' && process.env.BENCH_KEEP_DB !== '1') await quietly(() => adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
    if (process.env.BENCH_KEEP_DB !== '1') fs.rmSync(workDir, { recursive: true, force: true });
  }
}

const results: ScenarioResult[] = [];
const extras: Record<string, unknown> = {};
for (const kind of args.databases!.split(',') as Array<'pglite' | 'postgres'>) {
  await benchDatabase(kind, results, extras);
}
const output = {
  kind: 'server',
  settings: { durationSeconds, connections, instances, shops: shopsCount, ordersPerShop, quick: args.quick },
  scenarios: results,
  ...extras,
};
const text = JSON.stringify(output, null, 2);
if (args.out) fs.writeFileSync(args.out, text);
else process.stdout.write(`${text}\n`);
