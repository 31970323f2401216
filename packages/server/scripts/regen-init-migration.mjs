// Development only, until the first release: rewrites the single `init` migration from the whole
// schema, so parallel work on the schema does not pile up migrations. After a release, use
// `pnpm db:diff <name>` to add a migration instead.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const migrations = path.join(root, 'prisma/migrations');
const existing = fs.existsSync(migrations) ? fs.readdirSync(migrations).filter((name) => /_init$/.test(name)) : [];
const stamp = existing[0]?.slice(0, 14) ?? '20261123110000';
fs.rmSync(migrations, { recursive: true, force: true });
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '-e', `
    const { PGlite } = await import('@electric-sql/pglite');
    const { PrismaPGlite } = await import('pglite-prisma-adapter');
    const { writeNextMigration } = await import('./src/db/migrations.ts');
    const iso = '${stamp}'.replace(/(\\d{4})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(\\d{2})/, '$1-$2-$3T$4:$5:$6Z');
    console.log(await writeNextMigration(new PrismaPGlite(new PGlite()), 'init', { now: new Date(iso) }));
  `],
  { cwd: root, stdio: 'inherit' },
);
if (result.status !== 0) process.exit(result.status ?? 1);
const generate = spawnSync(process.execPath, [path.join(root, 'scripts/prisma-generate.mjs')], { cwd: root, stdio: 'inherit' });
process.exit(generate.status ?? 1);
