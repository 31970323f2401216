import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseConfig } from '../db/database.js';
import { applyMigrations } from '../db/migrations.js';
import { createTestDatabaseConfig, testDatabaseKind } from '../test/test-database.js';
import type { Prisma } from '../generated/prisma/client.js';
import { enqueue, type WebhookPayload } from './outbox.js';
import { generateWebhookSecret } from './webhooks/signing.js';
import { verifyStandardWebhook } from './webhooks/test-verifier.js';

const total = 1000;
const here = path.dirname(fileURLToPath(import.meta.url));
const serverRoot = path.resolve(here, '../..');

/** The receiver: deduplicates by webhook-id as the specification recommends, and counts everything. */
const receiver = { deliveries: 0, accepted: new Set<string>(), duplicates: 0, badSignatures: 0 };
let secret = '';
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    receiver.deliveries += 1;
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    if (!verifyStandardWebhook(secret, headers, body, Math.floor(Date.now() / 1000))) {
      receiver.badSignatures += 1;
      res.statusCode = 400;
      res.end();
      return;
    }
    const id = headers['webhook-id']!;
    if (receiver.accepted.has(id)) receiver.duplicates += 1;
    else receiver.accepted.add(id);
    // A little latency, so the kill lands in the middle of the run.
    setTimeout(() => res.end(), 2);
  });
});

let config: DatabaseConfig;
let drop: () => Promise<void> = async () => {};
let dataDir: string | null = null;
const children: ChildProcess[] = [];

function startWorker(exitWhenDrained: boolean): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'outbox-worker-process.ts')], {
    cwd: serverRoot,
    env: { ...process.env, COMPTOIR_WORKER_DB: JSON.stringify(config), COMPTOIR_WORKER_EXIT_WHEN_DRAINED: exitWhenDrained ? '1' : '0', VITEST: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return child;
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

async function until(condition: () => boolean, what: string, timeoutMs = 40_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  if (testDatabaseKind === 'postgres') {
    const made = await createTestDatabaseConfig();
    config = made.config;
    drop = made.drop;
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-kill-'));
    config = { kind: 'pglite', dataDir };
  }
  const database = await openDatabase(config);
  try {
    if (testDatabaseKind !== 'postgres') await applyMigrations(database.adapterFactory);
    secret = generateWebhookSecret();
    const { port } = server.address() as AddressInfo;
    const shop = await database.prisma.shop.create({ data: { slug: 'kill', name: 'Kill test', allowedOrigins: [] } });
    await database.prisma.webhookEndpoint.create({
      data: { shopId: shop.id, url: `http://127.0.0.1:${port}/hooks`, secret, eventTypes: ['refund.succeeded'] },
    });
    const at = new Date();
    // The first hundred through enqueue (the real path), the rest in one statement to keep the test short.
    await database.prisma.$transaction(async (tx) => {
      for (let i = 0; i < 100; i += 1) {
        await enqueue(tx, { channel: 'webhook', shopId: shop.id, type: 'refund.succeeded', dedupeKey: `refund:${i}`, data: { n: i }, at });
      }
    });
    const template = await database.prisma.outboxMessage.findFirstOrThrow({ select: { payload: true } });
    const endpointId = (template.payload as unknown as WebhookPayload).endpointId;
    await database.prisma.outboxMessage.createMany({
      data: Array.from({ length: total - 100 }, (_, k) => {
        const payload: WebhookPayload = { endpointId, body: JSON.stringify({ type: 'refund.succeeded', timestamp: at.toISOString(), data: { n: k + 100 } }) };
        return { shopId: shop.id, channel: 'webhook', dedupeKey: `refund:${k + 100}`, topic: 'refund.succeeded', payload: payload as unknown as Prisma.InputJsonValue, nextAttemptAt: at };
      }),
    });
  } finally {
    await database.close();
  }
}, 120_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  server.close();
  await drop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('outbox worker killed mid-run', () => {
  it('delivers every one of 1,000 webhooks after a SIGKILL and a restart, none accepted twice', async () => {
    const first = startWorker(false);
    await until(() => receiver.accepted.size >= total * 0.3, '30% delivered by the first worker');
    first.kill('SIGKILL');
    await exited(first);
    const acceptedAtKill = receiver.accepted.size;
    expect(acceptedAtKill).toBeLessThan(total);

    const second = startWorker(true);
    const code = await exited(second);
    expect(code).toBe(0);

    expect(receiver.badSignatures).toBe(0);
    expect(receiver.accepted.size).toBe(total);
    const redeliveries = receiver.deliveries - total;
    expect(receiver.duplicates).toBe(redeliveries);
    console.info(`kill test (${testDatabaseKind}): killed at ${acceptedAtKill}/${total} accepted; ${receiver.deliveries} deliveries, ${redeliveries} redelivered and dropped by id`);

    const database = await openDatabase(config);
    try {
      const byStatus = await database.prisma.outboxMessage.groupBy({ by: ['status'], _count: true });
      expect(byStatus).toEqual([{ status: 'sent', _count: total }]);
    } finally {
      await database.close();
    }
  }, 90_000);
});
