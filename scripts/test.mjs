// `pnpm test`: every check, in the order that fails fastest. Integration tests run twice: on the
// embedded PGlite and on PostgreSQL (COMPTOIR_TEST_POSTGRES_URL, default the local server).
import { spawnSync } from 'node:child_process';

const pnpm = process.env.npm_execpath && process.env.npm_execpath.includes('pnpm')
  ? [process.execPath, process.env.npm_execpath]
  : ['pnpm'];

function run(title, args, env = {}) {
  process.stdout.write(`\n━━ ${title}\n`);
  const [command, ...prefix] = pnpm;
  const result = spawnSync(command, [...prefix, ...args], { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    process.stdout.write(`\n✗ ${title} failed\n`);
    process.exit(result.status ?? 1);
  }
}

run('Type check', ['-r', 'run', 'typecheck']);
run('Unit and integration tests (PGlite)', ['-r', '--workspace-concurrency=1', 'run', 'test']);
run('Integration tests (PostgreSQL)', ['--filter', '@comptoir/server', 'run', 'test:postgres'], {
  COMPTOIR_TEST_DB: 'postgres',
});
run('Fault: PostgreSQL restarted under a running server (private cluster)', ['exec', 'node', 'scripts/pg-restart-fault.mjs']);
run('Browser tests (Chromium)', ['-r', '--workspace-concurrency=1', '--if-present', 'run', 'test:e2e']);
process.stdout.write('\n✓ All checks passed\n');
