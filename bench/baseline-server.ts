/**
 * The baseline: plain `node:http` and plain `pg` (or the PGlite instance itself) running the same
 * SQL the real server's procedures run for sign-in, order list, order detail and the staff inbox,
 * with the same key and token checks done in memory. It shows what the framework layers (Fastify,
 * tRPC, zod, Prisma) cost. Env: BASELINE_DB (JSON DatabaseConfig), PORT, BASELINE_FIXTURE (path).
 */
import http from 'node:http';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { hashApiKey } from '../packages/server/src/auth/api-keys.js';
import { verifyShopperToken } from '../packages/server/src/auth/shopper-token.js';
import { constantTimeEquals, sha256 } from '../packages/server/src/core/hash.js';
import type { DatabaseConfig } from '../packages/server/src/db/database.js';
import { shopperOrderStatement } from '../packages/server/src/orders/shopper-order-query.js';
import { serverRequire } from './lib/paths.js';
import type { BenchFixture } from './seed.js';

type Query = (text: string, values: unknown[]) => Promise<Array<Record<string, any>>>;

const config = JSON.parse(process.env.BASELINE_DB ?? '') as DatabaseConfig;
const fixture = JSON.parse(fs.readFileSync(process.env.BASELINE_FIXTURE ?? '', 'utf8')) as BenchFixture;
let query: Query;
let close: () => Promise<void>;
if (config.kind === 'postgres') {
  const pg = serverRequire('pg') as typeof import('pg');
  const pool = new pg.Pool({ connectionString: config.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  query = async (text, values) => (await pool.query(text, values)).rows;
  close = () => pool.end();
} else {
  // Resolved from packages/server, where it is installed.
  const { PGlite } = (await import(pathToFileURL(serverRequire.resolve('@electric-sql/pglite')).href)) as typeof import('../packages/server/node_modules/@electric-sql/pglite/dist/index.js');
  const db = await PGlite.create(`${config.dataDir}/pgdata`);
  query = async (text, values) => (await db.query(text, values)).rows as Array<Record<string, any>>;
  close = () => db.close();
}

const secret = (await query(`SELECT value FROM "ServerSecret" WHERE name = 'shopper_token_key'`, []).catch(() => []))[0];
const tokenKey = secret ? Buffer.from(String(secret.value), 'base64') : null;
const shopByKey = new Map(fixture.shops.map((shop) => [hashApiKey(shop.publishableKey), shop]));

class HttpError extends Error {
  constructor(readonly status: number) {
    super(String(status));
  }
}

function shopOf(req: http.IncomingMessage) {
  const key = req.headers['x-comptoir-key'];
  const shop = typeof key === 'string' ? shopByKey.get(hashApiKey(key)) : undefined;
  if (!shop || req.headers.origin !== fixture.origin) throw new HttpError(401);
  return shop;
}

function customerOf(req: http.IncomingMessage, shopId: string): string {
  const token = req.headers['x-comptoir-session'];
  const claims = typeof token === 'string' && tokenKey ? verifyShopperToken(tokenKey, token, new Date()) : null;
  if (!claims || claims.shopId !== shopId) throw new HttpError(401);
  return claims.customerId;
}

async function orderDetail(shopId: string, customerId: string, number: string) {
  // The server's own statement (one round trip with the lines, parcels and scans nested as JSON).
  const statement = shopperOrderStatement({ shopId, customerId, number });
  const [order] = await query(statement.text, statement.values);
  if (!order) throw new HttpError(404);
  return order;
}

async function orderList(shopId: string, customerId: string, limit: number) {
  const orders = await query(
    `SELECT id, number, currency, "totalMinor", "placedAt", status, fulfilment, "shippedAt", "deliveredAt", "readyForPickupAt", "pickedUpAt"
     FROM "Order" WHERE "shopId" = $1 AND "customerId" = $2 ORDER BY "placedAt" DESC, id DESC LIMIT $3`,
    [shopId, customerId, limit + 1],
  );
  const ids = orders.map((order) => order.id);
  const lines = ids.length ? await query(`SELECT quantity, "imageUrl", "orderId" FROM "OrderLine" WHERE "orderId" = ANY($1::uuid[]) ORDER BY position ASC`, [ids]) : [];
  const shipments = ids.length
    ? await query(`SELECT status, "orderId" FROM "Shipment" WHERE "orderId" = ANY($1::uuid[]) ORDER BY "createdAt" DESC, id DESC`, [ids])
    : [];
  return {
    orders: orders.slice(0, limit).map((order) => ({
      ...order,
      itemCount: lines.filter((line) => line.orderId === order.id).reduce((sum, line) => sum + Number(line.quantity), 0),
      trackingStatus: shipments.find((shipment) => shipment.orderId === order.id)?.status ?? null,
    })),
  };
}

const hitBucket = `INSERT INTO "RateLimitBucket" ("key", "count", "windowStart") VALUES ($1, 1, $2::timestamptz)
  ON CONFLICT ("key") DO UPDATE SET
    "count" = CASE WHEN "RateLimitBucket"."windowStart" <= $3::timestamptz THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
    "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= $3::timestamptz THEN $2::timestamptz ELSE "RateLimitBucket"."windowStart" END
  RETURNING "count", "windowStart"`;

async function signIn(shopId: string, ip: string, orderNumber: string, email: string) {
  const now = new Date();
  const before = new Date(now.getTime() - 15 * 60_000);
  const [ipBucket] = await query(hitBucket, [`baseline:ip:${ip}`, now, before]);
  if (ipBucket && Number(ipBucket.count) > 30) throw new HttpError(429);
  const orderKey = `baseline:order:${shopId}:${orderNumber.toLowerCase()}`;
  await query(`SELECT count, "windowStart" FROM "RateLimitBucket" WHERE key = $1 LIMIT 1`, [orderKey]);
  const [row] = await query(
    `SELECT c.id, c.email, c.name, c."erasedAt" FROM "Order" o JOIN "Customer" c ON c.id = o."customerId" WHERE o."shopId" = $1 AND o.number = $2 LIMIT 1`,
    [shopId, orderNumber],
  );
  if (!row || !constantTimeEquals(sha256(email.trim().toLowerCase()), sha256(String(row.email)))) {
    await query(hitBucket, [orderKey, now, before]);
    throw new HttpError(401);
  }
  await query(`DELETE FROM "RateLimitBucket" WHERE key = $1`, [orderKey]);
  return { customerId: row.id };
}

async function inbox(shopId: string) {
  return query(
    `SELECT x.* FROM (
       SELECT 'return'::text AS type, r.id, r.status, r."nextDeadlineAt", r."requestedAt" AS "openedAt", o.number AS "orderNumber", c.email AS "customerEmail", c.name AS "customerName"
         FROM "ReturnCase" r JOIN "Order" o ON o.id = r."orderId" JOIN "Customer" c ON c.id = r."customerId"
         WHERE r."shopId" = $1::uuid AND r.status = ANY($2::text[])
       UNION ALL
       SELECT 'claim'::text, cl.id, cl.status, cl."nextDeadlineAt", cl."openedAt", o.number, c.email, c.name
         FROM "Claim" cl JOIN "Order" o ON o.id = cl."orderId" JOIN "Customer" c ON c.id = cl."customerId"
         WHERE cl."shopId" = $1::uuid AND cl.status = ANY($3::text[])
       UNION ALL
       SELECT 'ticket'::text, t.id, t.status, t."nextDeadlineAt", t."openedAt", o.number, c.email, c.name
         FROM "Ticket" t LEFT JOIN "Order" o ON o.id = t."orderId" JOIN "Customer" c ON c.id = t."customerId"
         WHERE t."shopId" = $1::uuid AND t.status = ANY($4::text[])
     ) x ORDER BY x."nextDeadlineAt" ASC NULLS LAST, x.type ASC, x.id ASC LIMIT 26`,
    [shopId, ['requested', 'approved', 'in_transit', 'received'], ['open', 'answered', 'auto_decided', 'escalated'], ['open', 'awaiting_shopper', 'awaiting_shop', 'escalated']],
  );
}

async function readBody(req: http.IncomingMessage): Promise<any> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text ? JSON.parse(text) : {};
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://baseline');
    const input = req.method === 'GET' ? JSON.parse(url.searchParams.get('input') ?? '{}') : await readBody(req);
    let result: unknown;
    if (url.pathname === '/healthz') result = { ok: true };
    else if (url.pathname === '/readyz') result = await query('SELECT 1', []);
    else if (url.pathname === '/trpc/orders.widget.detail') {
      const shop = shopOf(req);
      result = await orderDetail(shop.id, customerOf(req, shop.id), String(input.number));
    } else if (url.pathname === '/trpc/orders.widget.list') {
      const shop = shopOf(req);
      result = await orderList(shop.id, customerOf(req, shop.id), Number(input.limit ?? 10));
    } else if (url.pathname === '/trpc/sessions.widget.signIn') {
      const shop = shopOf(req);
      const ip = String(req.headers['x-forwarded-for'] ?? req.socket.remoteAddress);
      result = await signIn(shop.id, ip, String(input.orderNumber), String(input.email));
    } else if (url.pathname === '/trpc/cases.admin.inbox') {
      // The staff session lookup of the real server is one indexed read: do the same.
      const shopId = String(req.headers['x-bench-shop'] ?? '');
      await query(`SELECT id FROM "StaffSession" WHERE "tokenHash" = $1 LIMIT 1`, [sha256(String(req.headers.cookie ?? ''))]);
      result = await inbox(shopId);
    } else throw new HttpError(404);
    const body = JSON.stringify({ result: { data: result } });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  } catch (error) {
    res.writeHead(error instanceof HttpError ? error.status : 500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: error instanceof HttpError ? error.status : String(error) }));
  }
});
server.listen(Number(process.env.PORT ?? 3900), '127.0.0.1', () => process.stderr.write(`baseline listening\n`));
process.once('SIGTERM', () => server.close(() => void close().then(() => process.exit(0))));
