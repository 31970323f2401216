import fs from 'node:fs';
import os from 'node:os';
import { runLoad, type BenchRequest, type LoadFigures } from './load.js';
import { serverRequire } from './paths.js';
import type { Child } from './processes.js';
import { customerEmail, orderNumbersOf } from './seed-sql.js';
import type { BenchFixture } from '../seed.js';

// What the server and scale benchmarks share: signing in over HTTP, the scenarios' requests, and
// the measured run.

const pg = serverRequire('pg') as typeof import('pg');

/** A signed-in shopper: their token and order numbers. */
export interface Session {
  shopIndex: number;
  customer: number;
  token: string;
  numbers: string[];
}


/** CPU time (user + system, ms) a process has used so far, from /proc (Linux). */
export function cpuMsOf(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
  } catch {
    return Number.NaN;
  }
}

/**
 * Runs one measured scenario: a short warm-up at low concurrency (plans compiled, pools filled, not
 * counted), the measured run, then waits until the servers answer /readyz again (so a slow
 * scenario's backlog does not spill into the next). Adds the servers' CPU time per request, a figure
 * that stays meaningful when other work shares the machine, and the load average.
 */
export async function measure(
  children: Child[],
  next: (n: number) => BenchRequest,
  { connections, durationSeconds, warmupSeconds }: { connections: number; durationSeconds: number; warmupSeconds: number },
): Promise<LoadFigures & { serverCpuMsPerRequest: number; loadAverage: number[] }> {
  const urls = children.map((child) => child.url);
  await runLoad({ urls, connections: Math.min(10, connections), durationSeconds: warmupSeconds, next });
  await settle(urls);
  const cpuBefore = children.reduce((sum, child) => sum + cpuMsOf(child.process.pid), 0);
  const figures = await runLoad({ urls, connections, durationSeconds, next });
  const cpuAfter = children.reduce((sum, child) => sum + cpuMsOf(child.process.pid), 0);
  await settle(urls);
  const completed = Math.max(1, figures.requests);
  return { ...figures, serverCpuMsPerRequest: Math.round(((cpuAfter - cpuBefore) / completed) * 100) / 100, loadAverage: os.loadavg().map((value) => Math.round(value * 10) / 10) };
}

export async function settle(urls: string[]): Promise<void> {
  for (const url of urls) {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(30_000) }).catch(() => null);
      if (response?.ok) break;
    }
  }
}

export async function adminQuery(pgAdminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgAdminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function dbUrl(pgAdminUrl: string, name: string): string {
  const url = new URL(pgAdminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function trpc(url: string, procedure: string, options: { input?: unknown; method?: 'GET' | 'POST'; headers?: Record<string, string> }) {
  const method = options.method ?? 'POST';
  const target = method === 'GET' ? `${url}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(options.input ?? {}))}` : `${url}/trpc/${procedure}`;
  const response = await fetch(target, {
    method,
    headers: { 'content-type': 'application/json', ...options.headers },
    ...(method === 'POST' ? { body: JSON.stringify(options.input ?? {}) } : {}),
  });
  const body = (await response.json()) as { result?: { data: any }; error?: { message: string } };
  if (!response.ok) throw new Error(`${procedure}: ${response.status} ${body.error?.message ?? ''}`);
  return { data: body.result?.data, headers: response.headers };
}

export const ipOf = (n: number, base = 10) => `${base}.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

export function widgetHeaders(fixture: BenchFixture, shopIndex: number): Record<string, string> {
  return { 'x-comptoir-key': fixture.shops[shopIndex]!.publishableKey, origin: fixture.origin, 'content-type': 'application/json' };
}

/** Signs `count` customers in through the real procedure (each from its own address: TRUST_PROXY=1). */
export async function signInShoppers(url: string, fixture: BenchFixture, count: number): Promise<Session[]> {
  const sessions: Session[] = [];
  const perShop = Math.ceil(count / fixture.shops.length);
  const withOrders = Math.min(fixture.customersPerShop, fixture.ordersPerShop);
  const work: Array<() => Promise<void>> = [];
  for (const shop of fixture.shops) {
    for (let j = 0; j < perShop; j += 1) {
      const customer = Math.floor((j * withOrders) / perShop);
      const numbers = orderNumbersOf(customer, fixture.customersPerShop, fixture.ordersPerShop);
      work.push(async () => {
        const { data } = await trpc(url, 'sessions.widget.signIn', {
          input: { orderNumber: numbers[0], email: customerEmail(shop.index, customer) },
          headers: { ...widgetHeaders(fixture, shop.index), 'x-forwarded-for': ipOf(sessions.length + j * 7 + shop.index * 1000, 172) },
        });
        sessions.push({ shopIndex: shop.index, customer, token: data.token, numbers });
      });
    }
  }
  for (let i = 0; i < work.length; i += 10) await Promise.all(work.slice(i, i + 10).map((job) => job()));
  return sessions;
}

/** A signed-in staff member: the session cookie and CSRF token. */
export interface StaffSession {
  shopIndex: number;
  cookie: string;
  csrf: string;
}

export async function signInStaff(url: string, fixture: BenchFixture): Promise<StaffSession[]> {
  const sessions: StaffSession[] = [];
  for (const shop of fixture.shops) {
    if (!shop.staffEmail) continue;
    const { headers } = await trpc(url, 'staff.login', {
      input: { email: shop.staffEmail, password: fixture.staffPassword },
      headers: { 'x-forwarded-for': ipOf(shop.index, 192) },
    });
    const cookie = (headers.getSetCookie?.() ?? []).map((line) => line.split(';')[0]).find((line) => line?.startsWith('comptoir_staff='));
    if (!cookie) throw new Error('staff.login set no comptoir_staff cookie');
    const { data } = await trpc(url, 'staff.me', { method: 'GET', headers: { cookie } });
    sessions.push({ shopIndex: shop.index, cookie, csrf: String(data.csrfToken ?? '') });
  }
  return sessions;
}

const getPath = (procedure: string, input: unknown) => `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;

/** The n-th request of each read scenario (the same for the server and the baseline). */
export function requestBuilders(fixture: BenchFixture, shoppers: Session[], staff: StaffSession[], signInBase: number) {
  const withOrders = Math.min(fixture.customersPerShop, fixture.ordersPerShop);
  return {
    'sign-in': (n: number): BenchRequest => {
      const shop = fixture.shops[n % fixture.shops.length]!;
      const customer = Math.floor(n / fixture.shops.length) % withOrders;
      return {
        method: 'POST',
        path: '/trpc/sessions.widget.signIn',
        headers: { ...widgetHeaders(fixture, shop.index), 'x-forwarded-for': ipOf(signInBase + n) },
        body: JSON.stringify({ orderNumber: `B${customer}`, email: customerEmail(shop.index, customer) }),
      };
    },
    'order-list': (n: number): BenchRequest => {
      const session = shoppers[n % shoppers.length]!;
      return {
        method: 'GET',
        path: getPath('orders.widget.list', { limit: 10 }),
        headers: { ...widgetHeaders(fixture, session.shopIndex), 'x-comptoir-session': session.token },
      };
    },
    'order-detail': (n: number): BenchRequest => {
      const session = shoppers[n % shoppers.length]!;
      const number = session.numbers[Math.floor(n / shoppers.length) % session.numbers.length]!;
      return {
        method: 'GET',
        path: getPath('orders.widget.detail', { number }),
        headers: { ...widgetHeaders(fixture, session.shopIndex), 'x-comptoir-session': session.token },
      };
    },
    'staff-inbox': (n: number): BenchRequest => {
      const session = staff[n % staff.length]!;
      return {
        method: 'GET',
        path: getPath('cases.admin.inbox', { limit: 25 }),
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'x-bench-shop': fixture.shops[session.shopIndex]!.id },
      };
    },
  } as Record<string, (n: number) => BenchRequest>;
}

export async function isProcedurePresent(url: string, procedure: string): Promise<boolean> {
  const response = await fetch(`${url}/trpc/${procedure}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  const body = (await response.json().catch(() => ({}))) as { error?: { data?: { code?: string; comptoirCode?: string } } };
  return !(response.status === 404 && body.error?.data?.comptoirCode === 'NOT_FOUND');
}

