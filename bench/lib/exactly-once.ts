import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase, type DatabaseConfig } from '../../packages/server/src/db/database.js';
import { webhookIdFor } from '../../packages/server/src/notifications/webhooks/signing.js';
import type { BenchFixture } from '../seed.js';
import { log } from './paths.js';
import { plantedDeadlines } from './returns.js';

/** Local stand-ins for Resend and the shops' webhook endpoints, counting every delivery by its key. */
export interface Receivers {
  emailUrl: string;
  webhookUrl: string;
  /** Deliveries per idempotency key (emails) or webhook-id (webhooks). */
  emails: Map<string, number>;
  webhooks: Map<string, number>;
  close(): Promise<void>;
}

/** Starts the receivers on loopback. */
export async function startReceivers(): Promise<Receivers> {
  const emails = new Map<string, number>();
  const webhooks = new Map<string, number>();
  let sent = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url?.startsWith('/webhooks')) {
        const id = String(req.headers['webhook-id'] ?? req.headers['svix-id'] ?? 'missing');
        webhooks.set(id, (webhooks.get(id) ?? 0) + 1);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      const id = String(req.headers['idempotency-key'] ?? 'missing');
      emails.set(id, (emails.get(id) ?? 0) + 1);
      sent += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `bench-email-${sent}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    emailUrl: `http://127.0.0.1:${port}`,
    webhookUrl: `http://127.0.0.1:${port}/webhooks`,
    emails,
    webhooks,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** What the exactly-once check found after a run. */
export interface ExactlyOnceReport {
  outbox: Record<string, number>;
  emailsReceived: number;
  emailsReceivedTwice: number;
  webhooksReceived: number;
  webhooksReceivedTwice: number;
  sentRowsWithoutReceipt: number;
  deadlinesPlanted: number;
  deadlinesFired: number;
  ticketsEscalatedMoreThanOnce: number;
  returnsCreated: number;
  returnsWithoutRequestedEvent: number;
  drainSeconds: number;
  ok: boolean;
}

/**
 * After the load: waits until the outbox has drained, then checks that every message was delivered
 * once (one receipt per key, none twice, none missing), that every planted deadline fired and its
 * action happened once, and that every return has exactly one "requested" event.
 */
export async function checkExactlyOnce(options: { database: DatabaseConfig; receivers: Receivers; fixture: BenchFixture }): Promise<ExactlyOnceReport> {
  const database = await openDatabase(options.database);
  const started = Date.now();
  try {
    const db = database.prisma;
    let pending = Infinity;
    while (Date.now() - started < 240_000) {
      const [row] = await db.$queryRawUnsafe<Array<{ pending: bigint; due: bigint }>>(
        `SELECT count(*) FILTER (WHERE status = 'pending') AS pending,
                (SELECT count(*) FROM "Deadline" WHERE kind = 'ticket_first_response' AND "firedAt" IS NULL AND "dueAt" <= now()) AS due
         FROM "OutboxMessage"`,
      );
      pending = Number(row!.pending) + Number(row!.due);
      if (pending === 0) break;
      log(`exactly-once: waiting for ${Number(row!.pending)} outbox messages and ${Number(row!.due)} deadlines`);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    }
    const drainSeconds = (Date.now() - started) / 1000;
    const statuses = await db.$queryRawUnsafe<Array<{ status: string; count: bigint }>>(`SELECT status, count(*) AS count FROM "OutboxMessage" GROUP BY status`);
    const sentRows = await db.outboxMessage.findMany({ where: { status: 'sent' }, select: { id: true, channel: true, dedupeKey: true } });
    const received = new Set([...options.receivers.emails.keys(), ...options.receivers.webhooks.keys()]);
    // Emails carry their dedupe key as Idempotency-Key; webhooks `webhookIdFor(outbox id)` as webhook-id.
    const sentRowsWithoutReceipt = sentRows.filter((row) => !received.has(row.channel === 'webhook' ? webhookIdFor(row.id) : row.dedupeKey)).length;
    const [deadlines] = await db.$queryRawUnsafe<Array<{ fired: bigint }>>(
      `SELECT count(*) FILTER (WHERE "firedAt" IS NOT NULL) AS fired FROM "Deadline" WHERE kind = 'ticket_first_response'`,
    );
    const [escalations] = await db.$queryRawUnsafe<Array<{ twice: bigint }>>(
      `SELECT count(*) AS twice FROM (SELECT "subjectId" FROM "Event" WHERE type = 'ticket.escalated' GROUP BY "subjectId" HAVING count(*) > 1) x`,
    );
    const [returns] = await db.$queryRawUnsafe<Array<{ created: bigint; missing: bigint }>>(
      `SELECT count(*) AS created,
              count(*) FILTER (WHERE (SELECT count(*) FROM "Event" e WHERE e."subjectId" = r.id AND e.type = 'return.requested') <> 1) AS missing
       FROM "ReturnCase" r`,
    );
    const twice = (map: Map<string, number>) => [...map.values()].filter((count) => count > 1).length;
    const sum = (map: Map<string, number>) => [...map.values()].reduce((total, count) => total + count, 0);
    const report: ExactlyOnceReport = {
      outbox: Object.fromEntries(statuses.map((row) => [row.status, Number(row.count)])),
      emailsReceived: sum(options.receivers.emails),
      emailsReceivedTwice: twice(options.receivers.emails),
      webhooksReceived: sum(options.receivers.webhooks),
      webhooksReceivedTwice: twice(options.receivers.webhooks),
      sentRowsWithoutReceipt,
      deadlinesPlanted: plantedDeadlines,
      deadlinesFired: Number(deadlines!.fired),
      ticketsEscalatedMoreThanOnce: Number(escalations!.twice),
      returnsCreated: Number(returns!.created),
      returnsWithoutRequestedEvent: Number(returns!.missing),
      drainSeconds,
      ok: false,
    };
    report.ok =
      pending === 0 &&
      report.emailsReceivedTwice === 0 &&
      report.webhooksReceivedTwice === 0 &&
      report.sentRowsWithoutReceipt === 0 &&
      report.deadlinesFired === report.deadlinesPlanted &&
      report.ticketsEscalatedMoreThanOnce === 0 &&
      report.returnsWithoutRequestedEvent === 0;
    return report;
  } finally {
    await database.close();
  }
}
