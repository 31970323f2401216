// A standalone scheduler process, used by the two-process test: it opens the PostgreSQL database
// named by COMPTOIR_DEADLINES_DB (a DatabaseConfig as JSON) with its clock set to COMPTOIR_NOW,
// fires due deadlines a few at a time, reports each batch on stdout, and exits once none is due.
import { startAppCore } from '../app.js';
import { ManualClock } from '../core/clock.js';
import { createLogger } from '../core/logger.js';
import type { DatabaseConfig } from '../db/database.js';
import { fireDueDeadlines } from './scheduler.js';

const database = JSON.parse(process.env.COMPTOIR_DEADLINES_DB ?? '') as DatabaseConfig;
const clock = new ManualClock(process.env.COMPTOIR_NOW ?? '');
const core = await startAppCore({
  database,
  migrate: false,
  clock,
  logger: createLogger(process.env.LOG_LEVEL ?? 'warn'),
  config: { publicUrl: 'http://comptoir.test', allowPrivateWebhookTargets: true },
});
process.stdout.write('ready\n');
const now = clock.now();
for (;;) {
  const result = await fireDueDeadlines(core.deps, now, { limit: 3 });
  process.stdout.write(`fired ${result.fired}\n`);
  if (result.fired === 0 && result.failed === 0) {
    // Rows another process holds are skipped, not lost: wait until none is left at all.
    const pending = await core.deps.db.deadline.count({ where: { dueAt: { lte: now }, firedAt: null, metAt: null, cancelledAt: null } });
    const undecided = await core.deps.db.claim.count({ where: { status: 'auto_decided' } });
    if (pending === 0 && undecided === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
await core.close();
process.stdout.write('done\n');
