import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { applyMigrations } from './migrations.js';
import { adminQuery, postgresUrlFor, testDatabaseKind } from '../test/test-database.js';
import type { DatabaseConfig } from './database.js';

describe(`migrations on ${testDatabaseKind}`, () => {
  const name = `comptoir_mig_${process.pid}`;
  afterAll(async () => {
    if (testDatabaseKind === 'postgres') await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('apply from empty, then a second run applies nothing', async () => {
    let config: DatabaseConfig = { kind: 'pglite', dataDir: null };
    if (testDatabaseKind === 'postgres') {
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await adminQuery(`CREATE DATABASE ${name}`);
      config = { kind: 'postgres', url: postgresUrlFor(name), poolSize: 2 };
    }
    const database = await openDatabase(config);
    try {
      const first = await applyMigrations(database.adapterFactory);
      expect(first.length).toBeGreaterThan(0);
      expect(await applyMigrations(database.adapterFactory)).toEqual([]);
      const rows = await database.prisma.$queryRaw<Array<{ migration_name: string; finished_at: Date | null }>>`
        SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
      expect(rows.map((row) => row.migration_name)).toEqual(first);
      expect(rows.every((row) => row.finished_at !== null)).toBe(true);
      expect(await database.prisma.shop.count()).toBe(0);
    } finally {
      await database.close();
    }
  });
});
