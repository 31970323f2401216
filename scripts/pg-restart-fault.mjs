// The "PostgreSQL restarted under load" fault test (packages/server/src/faults/postgres-restart…).
// It stops and starts a PostgreSQL cluster, so it never touches the shared one on 5432: it makes a
// private throwaway cluster with the machine's PostgreSQL (pg_createcluster, Debian's tooling), runs
// the test against it, and drops it. Without that tooling (not Debian, not root) it says so and fails,
// unless COMPTOIR_SKIP_PG_RESTART=1 asks to skip it on purpose.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const port = process.env.FAULTS_PG_PORT ?? '5499';
const name = 'comptoir_faults';

if (process.env.COMPTOIR_SKIP_PG_RESTART === '1') {
  process.stdout.write('PostgreSQL restart fault test skipped (COMPTOIR_SKIP_PG_RESTART=1)\n');
  process.exit(0);
}
if (!existsSync('/etc/postgresql') || spawnSync('which', ['pg_createcluster']).status !== 0 || process.getuid?.() !== 0) {
  process.stderr.write(
    'The PostgreSQL restart fault test needs Debian\'s pg_createcluster and root, to make a private cluster.\n' +
      'Run it elsewhere as documented in packages/server/src/faults/postgres-restart.integration.test.ts,\n' +
      'or set COMPTOIR_SKIP_PG_RESTART=1 to skip it.\n',
  );
  process.exit(1);
}
const version = readdirSync('/etc/postgresql').sort().at(-1);
const pgctl = (...args) => execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, name, ...args], { stdio: 'inherit' });
const drop = () => spawnSync('pg_dropcluster', ['--stop', version, name], { stdio: 'ignore' });

drop(); // a cluster left by an interrupted run
execFileSync('pg_createcluster', [version, name, '-p', port, '--', '--auth=trust'], { stdio: 'ignore' });
let status = 1;
try {
  pgctl('start');
  const pnpm = process.env.npm_execpath?.includes('pnpm') ? [process.execPath, process.env.npm_execpath] : ['pnpm'];
  const result = spawnSync(pnpm[0], [...pnpm.slice(1), '--filter', '@comptoir/server', 'exec', 'vitest', 'run', 'src/faults/postgres-restart'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      FAULTS_PG_RESTART: '1',
      FAULTS_PG_CLUSTER: `${version} ${name}`,
      COMPTOIR_TEST_DB: 'postgres',
      COMPTOIR_TEST_POSTGRES_URL: `postgres://postgres@127.0.0.1:${port}/postgres`,
    },
  });
  status = result.status ?? 1;
} finally {
  drop();
}
process.exit(status);
