import { applyMigrations } from '../db/migrations.js';
import { openDatabase } from '../db/database.js';
import { adminQuery, postgresUrlFor, testDatabaseKind } from './test-database.js';

/**
 * On PostgreSQL, migrates one template database per run; each test file then clones it, which takes
 * milliseconds instead of replaying the migrations.
 */
export default async function setup(): Promise<(() => Promise<void>) | void> {
  if (testDatabaseKind !== 'postgres') return;
  const name = `comptoir_tpl_${process.pid}`;
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${name}`);
  const database = await openDatabase({ kind: 'postgres', url: postgresUrlFor(name), poolSize: 2 });
  try {
    await applyMigrations(database.adapterFactory);
  } finally {
    await database.close();
  }
  // The schema engine keeps its own connection open after `free()`; a template must have no
  // session, or cloning it fails ("source database is being accessed by other users").
  await adminQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
  process.env.COMPTOIR_TEST_TEMPLATE_DB = name;
  return async () => {
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
}
