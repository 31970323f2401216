import { startAppCore } from '../app.js';
import { buildHttpServer } from './server.js';

/** Starts the server on PORT/HOST and stops it cleanly on SIGINT/SIGTERM. */
export async function startServer(options: { migrate?: boolean; port?: number; host?: string } = {}) {
  const core = await startAppCore({ migrate: options.migrate ?? true });
  const app = await buildHttpServer(core.deps);
  const port = options.port ?? Number(process.env.PORT ?? 3000);
  const host = options.host ?? process.env.HOST ?? '127.0.0.1';
  await app.listen({ port, host });
  core.deps.logger.info({ port, host, database: core.database.kind }, 'comptoir listening');
  const stop = async () => {
    await app.close();
    await core.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return { app, core, url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}` };
}
