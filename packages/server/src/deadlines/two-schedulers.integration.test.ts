import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseShop, type CaseShop } from '../cases/case-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { testDatabaseKind } from '../test/test-database.js';
import { fireDueDeadlines } from './scheduler.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const claimsCount = 60;
const ticketsCount = 60;

/** A scheduler process on the test's PostgreSQL database, with its stdout lines. */
function startScheduler(databaseConfig: unknown, now: Date): { child: ChildProcess; lines: string[]; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'fire-deadlines-process.ts')], {
    env: { ...process.env, COMPTOIR_DEADLINES_DB: JSON.stringify(databaseConfig), COMPTOIR_NOW: now.toISOString(), LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => lines.push(...chunk.split('\n').filter(Boolean)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, lines, exited };
}

describe(`two schedulers on one ${testDatabaseKind} database, one killed mid-run`, () => {
  let app: TestApp;
  let shop: CaseShop;
  const claimIds: string[] = [];
  const ticketIds: string[] = [];
  let dueAt: Date;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-06-15T10:00:00Z' });
    shop = await createCaseShop(app, 'two-schedulers');
    for (let i = 0; i < Math.max(claimsCount, ticketsCount); i += 1) {
      const { orderId, customerId } = await shop.placeOrder({ number: `K-${i}`, email: `k${i}@example.fr` });
      const shopper = shop.shopper(customerId);
      if (i < claimsCount) claimIds.push((await shopper.claims.widget.open({ orderId, kind: 'damaged', description: 'Cassé' })).claimId);
      if (i < ticketsCount) ticketIds.push((await shopper.tickets.widget.open({ subject: 'Aide', body: 'Bonjour', orderId })).ticketId);
    }
    const last = await app.deps.db.deadline.findFirstOrThrow({ orderBy: { dueAt: 'desc' } });
    dueAt = new Date(last.dueAt.getTime() + 60_000);
  }, 240_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await app?.close();
  });

  async function expectEachDecisionOnce(): Promise<void> {
    expect(await app.deps.db.deadline.count({ where: { firedAt: null, metAt: null, cancelledAt: null } })).toBe(0);
    const decided = await app.deps.db.event.groupBy({ by: ['subjectId'], where: { type: 'claim.auto_decided' }, _count: { _all: true } });
    expect(decided).toHaveLength(claimsCount);
    expect(decided.every((row) => row._count._all === 1)).toBe(true);
    const refunds = await app.deps.db.refund.groupBy({ by: ['claimId'], where: { claimId: { in: claimIds } }, _count: { _all: true } });
    expect(refunds).toHaveLength(claimsCount);
    expect(refunds.every((row) => row._count._all === 1)).toBe(true);
    expect(await app.deps.db.claim.count({ where: { id: { in: claimIds }, status: 'refunded' } })).toBe(claimsCount);
    const escalated = await app.deps.db.event.groupBy({ by: ['subjectId'], where: { type: 'ticket.escalated' }, _count: { _all: true } });
    expect(escalated).toHaveLength(ticketsCount);
    expect(escalated.every((row) => row._count._all === 1)).toBe(true);
    expect(await app.deps.db.ticketMessage.count({ where: { ticketId: { in: ticketIds }, authorType: 'system' } })).toBe(ticketsCount);
  }

  it.runIf(testDatabaseKind === 'postgres')(
    'fires every deadline exactly once when one of two processes is killed',
    async () => {
      const first = startScheduler(app.database.config, dueAt);
      const second = startScheduler(app.database.config, dueAt);
      children.push(first.child, second.child);
      // Kill the first one once it has really started firing.
      const started = Date.now();
      while (first.lines.filter((line) => line.startsWith('fired ')).length < 3 && first.child.exitCode === null && Date.now() - started < 60_000) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      first.child.kill('SIGKILL');
      await first.exited;
      expect(await second.exited).toBe(0);
      const firedBy = (lines: string[]) => lines.reduce((sum, line) => sum + (line.startsWith('fired ') ? Number(line.slice(6)) : 0), 0);
      const firstFired = firedBy(first.lines);
      console.info(`two schedulers: the killed one fired ${firstFired}, the other ${firedBy(second.lines)} of ${claimsCount + ticketsCount}`);
      // The kill landed mid-run: the killed process had fired some, not all.
      expect(firstFired).toBeGreaterThan(0);
      expect(firstFired).toBeLessThan(claimsCount + ticketsCount);
      expect(second.lines).toContain('done');
      await expectEachDecisionOnce();
    },
    240_000,
  );

  it.runIf(testDatabaseKind === 'pglite')(
    'fires every deadline exactly once with two concurrent callers in one process',
    async () => {
      await Promise.all([fireDueDeadlines(app.deps, dueAt, { limit: 5_000 }), fireDueDeadlines(app.deps, dueAt, { limit: 5_000 })]);
      await expectEachDecisionOnce();
    },
    240_000,
  );
});
