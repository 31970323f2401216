import type { Command } from 'commander';

/** CLI commands of the seed domain. */
export function registerSeedCommands(program: Command): void {
  void program;
}
