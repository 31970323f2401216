import { randomUUID } from 'node:crypto';
import { openDatabase, type DatabaseConfig } from '../../packages/server/src/db/database.js';
import { signShopperToken } from '../../packages/server/src/auth/shopper-token.js';
import { webhookEventTypes } from '../../packages/server/src/notifications/webhooks/event-types.js';
import type { BenchFixture } from '../seed.js';
import type { BenchRequest } from './load.js';

/** One return the load generator may create: a returnable line and its customer's token. */
interface ReturnJob {
  shopIndex: number;
  token: string;
  orderId: string;
  orderLineId: string;
}

let jobs: ReturnJob[] = [];
/** How many due ticket deadlines were planted for the exactly-once check. */
export let plantedDeadlines = 0;

/**
 * Before the servers start: subscribes a webhook endpoint of every shop to the local receiver, plants
 * due first-response deadlines on some open tickets (so the schedulers of every instance compete for
 * them), and lists returnable lines of recently delivered orders with a token for their customer
 * (minted with the server's key: signing thousands of shoppers in would only measure sign-in again).
 */
export async function prepareReturns(options: { database: DatabaseConfig; fixture: BenchFixture; receiverUrl: string; maxJobs?: number }): Promise<void> {
  const database = await openDatabase(options.database);
  try {
    const db = database.prisma;
    const secret = await db.serverSecret.findUniqueOrThrow({ where: { name: 'shopper_token_key' } });
    const key = Buffer.from(secret.value, 'base64');
    const exp = Math.floor(Date.now() / 1000) + 6 * 3600;
    for (const shop of options.fixture.shops) {
      await db.webhookEndpoint.create({
        data: { shopId: shop.id, url: `${options.receiverUrl}/${shop.index}`, secret: `whsec_${Buffer.from(randomUUID()).toString('base64')}`, eventTypes: [...webhookEventTypes] },
      });
    }
    const planted = await db.$executeRawUnsafe(`
      INSERT INTO "Deadline" (id, "shopId", "caseType", "caseId", kind, "startsAt", "dueAt")
      SELECT gen_random_uuid(), t."shopId", 'ticket', t.id, 'ticket_first_response', now() - interval '2 days', now() - interval '1 hour'
      FROM "Ticket" t WHERE t.status = 'open' AND t."firstRespondedAt" IS NULL
      ORDER BY t.id LIMIT 200 ON CONFLICT DO NOTHING`);
    plantedDeadlines = planted;
    const perShop = Math.ceil((options.maxJobs ?? 40_000) / options.fixture.shops.length);
    const rows = await db.$queryRawUnsafe<Array<{ shopId: string; customerId: string; orderId: string; lineId: string }>>(`
      SELECT x."shopId", x."customerId", x."orderId", x."lineId" FROM (
        SELECT o."shopId", o."customerId", o.id AS "orderId", l.id AS "lineId",
          row_number() OVER (PARTITION BY o."shopId" ORDER BY o."deliveredAt" DESC, l.id) AS rank
        FROM "Order" o JOIN "OrderLine" l ON l."orderId" = o.id
        WHERE o."deliveredAt" > now() - interval '20 days' AND o.status = 'open'
      ) x WHERE x.rank <= ${perShop}`);
    const indexOf = new Map(options.fixture.shops.map((shop) => [shop.id, shop.index]));
    const tokens = new Map<string, string>();
    const byShop = new Map<number, ReturnJob[]>();
    for (const row of rows) {
      let token = tokens.get(row.customerId);
      if (!token) tokens.set(row.customerId, (token = signShopperToken(key, { shopId: row.shopId, customerId: row.customerId, exp })));
      const shopIndex = indexOf.get(row.shopId)!;
      const list = byShop.get(shopIndex) ?? [];
      list.push({ shopIndex, token, orderId: row.orderId, orderLineId: row.lineId });
      byShop.set(shopIndex, list);
    }
    // Interleave the shops, so concurrent requests rarely lock the same order.
    const lists = [...byShop.values()];
    jobs = [];
    for (let i = 0; lists.some((list) => i < list.length); i += 1) for (const list of lists) if (list[i]) jobs.push(list[i]!);
  } finally {
    await database.close();
  }
}

/** The n-th return request: each one a different order line, so every request can succeed. */
export function returnCreateRequest(fixture: BenchFixture, _shoppers: unknown[]): (n: number) => BenchRequest {
  const runId = Date.now().toString(36);
  // Its own counter: the warm-up and the measured run must not return the same line twice.
  let used = 0;
  return () => {
    const n = used++;
    const job = jobs[n % Math.max(1, jobs.length)]!;
    return {
      method: 'POST',
      path: '/trpc/returns.widget.create',
      headers: {
        'x-comptoir-key': fixture.shops[job.shopIndex]!.publishableKey,
        origin: fixture.origin,
        'x-comptoir-session': job.token,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        orderId: job.orderId,
        lines: [{ orderLineId: job.orderLineId, quantity: 1, reason: 'changed_mind' }],
        method: 'post_own_cost',
        resolution: 'refund',
        idempotencyKey: `bench-${runId}-${n}`,
      }),
    };
  };
}

/** How many distinct returns the prepared jobs allow. */
export function returnJobCount(): number {
  return jobs.length;
}
