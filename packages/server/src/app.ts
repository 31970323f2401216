import type { AppConfig, Deps } from './core/deps.js';
import { systemClock, type Clock } from './core/clock.js';
import { createLogger, type Logger } from './core/logger.js';
import { loadServerSecrets } from './core/secrets.js';
import { applyMigrations } from './db/migrations.js';
import { databaseConfigFromEnv, openDatabase, type Database, type DatabaseConfig } from './db/database.js';

/** A running application core: its database and the services' dependencies. */
export interface AppCore {
  database: Database;
  deps: Deps;
  close(): Promise<void>;
}

/** Reads the configuration services need from the environment. */
export function appConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = env.PORT ?? '3000';
  return {
    publicUrl: env.COMPTOIR_PUBLIC_URL ?? `http://localhost:${port}`,
    allowPrivateWebhookTargets: env.COMPTOIR_ALLOW_PRIVATE_WEBHOOKS === '1',
  };
}

/**
 * Opens the database, applies pending migrations (unless `migrate` is false) and loads secrets:
 * what the server, the CLI and the tests all start from.
 */
export async function startAppCore(
  options: {
    database?: DatabaseConfig;
    migrate?: boolean;
    clock?: Clock;
    logger?: Logger;
    config?: Partial<AppConfig>;
  } = {},
): Promise<AppCore> {
  const logger = options.logger ?? createLogger();
  const database = await openDatabase(options.database ?? databaseConfigFromEnv());
  if (options.migrate ?? true) {
    const applied = await applyMigrations(database.adapterFactory);
    if (applied.length) logger.info({ applied }, 'migrations applied');
  }
  const secrets = await loadServerSecrets(database.prisma);
  const deps: Deps = {
    db: database.prisma,
    clock: options.clock ?? systemClock,
    logger,
    secrets,
    config: { ...appConfigFromEnv(), ...options.config },
  };
  return { database, deps, close: () => database.close() };
}
