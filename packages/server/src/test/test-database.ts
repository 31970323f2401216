import pg from 'pg';
import type { DatabaseConfig } from '../db/database.js';

/**
 * Integration tests run on the database COMPTOIR_TEST_DB names: "pglite" (default, in memory) or
 * "postgres" (a fresh database per test file, cloned from a migrated template made once per run).
 */
export const testDatabaseKind: 'pglite' | 'postgres' = process.env.COMPTOIR_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

/** The PostgreSQL server tests use. */
export const testPostgresUrl = process.env.COMPTOIR_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Name of the migrated template database of this run (set by the global setup). */
export function templateDatabaseName(): string {
  const name = process.env.COMPTOIR_TEST_TEMPLATE_DB;
  if (!name) throw new Error('COMPTOIR_TEST_TEMPLATE_DB is not set: run tests through vitest (global setup).');
  return name;
}

/** A URL to another database on the same server. */
export function postgresUrlFor(database: string): string {
  const url = new URL(testPostgresUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs one statement as the server's admin (CREATE/DROP DATABASE cannot run in a transaction). */
export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database for one test file, and how to throw it away. */
export async function createTestDatabaseConfig(): Promise<{ config: DatabaseConfig; needsMigration: boolean; drop(): Promise<void> }> {
  if (testDatabaseKind === 'pglite') {
    return { config: { kind: 'pglite', dataDir: null }, needsMigration: true, drop: async () => {} };
  }
  const name = `comptoir_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${templateDatabaseName()}`);
  return {
    config: { kind: 'postgres', url: postgresUrlFor(name), poolSize: 20 },
    needsMigration: false,
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
