import { startAppCore, type AppCore } from '../app.js';
import { createLogger } from '../core/logger.js';

/** Runs a CLI action with the database open (and migrated), then closes it. */
export async function withCore<T>(action: (core: AppCore) => Promise<T>): Promise<T> {
  const core = await startAppCore({ logger: createLogger(process.env.LOG_LEVEL ?? 'warn') });
  try {
    return await action(core);
  } finally {
    await core.close();
  }
}
