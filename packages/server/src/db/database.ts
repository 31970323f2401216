import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '../generated/prisma/client.js';

/** Which database a server or a test runs on. */
export type DatabaseConfig =
  | { kind: 'pglite'; dataDir: string | null }
  | { kind: 'postgres'; url: string; poolSize?: number };

/** An open database: the Prisma client, the adapter factory (for migrations), and how to close it. */
export interface Database {
  readonly kind: DatabaseConfig['kind'];
  readonly prisma: PrismaClient;
  readonly adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** How it was opened (the job queue opens its own pool on PostgreSQL from the URL). */
  readonly config: DatabaseConfig;
  /**
   * Raw SQL on the same embedded instance, outside Prisma (PGlite only: the job queue runs through
   * it, since a second process cannot open the data directory). Statements without values may be
   * several, separated by semicolons; the last one's rows are returned.
   */
  executeSql?(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  close(): Promise<void>;
}

/**
 * Reads the database choice from the environment: `DATABASE_URL=postgres://…` means PostgreSQL,
 * otherwise embedded PGlite in `COMPTOIR_DATA_DIR` (default `.comptoir/` under the working directory).
 */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error('DATABASE_URL must be a postgres:// URL.');
    const poolSize = env.DATABASE_POOL_SIZE ? Number(env.DATABASE_POOL_SIZE) : undefined;
    return { kind: 'postgres', url, ...(poolSize ? { poolSize } : {}) };
  }
  return { kind: 'pglite', dataDir: path.resolve(env.COMPTOIR_DATA_DIR ?? '.comptoir') };
}

/** Opens the configured database. Nothing above this function knows which one it is. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'postgres') {
    const adapterFactory = new PrismaPg({ connectionString: config.url, max: config.poolSize ?? 10 });
    const prisma = new PrismaClient({ adapter: adapterFactory });
    return { kind: 'postgres', prisma, adapterFactory, config, close: () => prisma.$disconnect() };
  }
  if (config.dataDir) fs.mkdirSync(config.dataDir, { recursive: true });
  const pglite = await PGlite.create(config.dataDir ? path.join(config.dataDir, 'pgdata') : undefined);
  const adapterFactory = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    kind: 'pglite',
    prisma,
    adapterFactory,
    config,
    executeSql: async (text, values) => {
      if (values?.length) return pglite.query<Record<string, unknown>>(text, values);
      const results = await pglite.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
    },
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
