import path from 'node:path';
import type { Command } from 'commander';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { applyMigrations, writeNextMigration } from '../../db/migrations.js';
import { databaseConfigFromEnv, openDatabase } from '../../db/database.js';

/** `migrate` and `db-diff`: Prisma migrations through the WebAssembly schema engine. */
export function registerDatabaseCommands(program: Command): void {
  program
    .command('migrate')
    .description('apply pending migrations to the configured database (DATABASE_URL, or embedded PGlite)')
    .action(async () => {
      const database = await openDatabase(databaseConfigFromEnv());
      try {
        const applied = await applyMigrations(database.adapterFactory);
        process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n');
      } finally {
        await database.close();
      }
    });

  program
    .command('db-diff')
    .argument('<name>', 'migration name, lower_snake_case')
    .description('write the next migration from the changes in prisma/schema.prisma')
    .action(async (name: string) => {
      // The diff replays the history on a throw-away in-memory database: nothing real is touched.
      const shadow = new PGlite();
      try {
        const dir = await writeNextMigration(new PrismaPGlite(shadow), name);
        process.stdout.write(dir ? `Wrote ${path.relative(process.cwd(), dir)}/migration.sql\n` : 'No schema change.\n');
      } finally {
        await shadow.close();
      }
    });
}
