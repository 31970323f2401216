import type { Command } from 'commander';
import { startServer } from '../../http/start-server.js';

/** `serve`: the server alone, on PORT (default 3000) and HOST. */
export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description('run the server (tRPC at /trpc, REST at /api, widget, admin)')
    .option('--no-migrate', 'do not apply pending migrations at start')
    .action(async (options: { migrate: boolean }) => {
      await startServer({ migrate: options.migrate });
    });
}
