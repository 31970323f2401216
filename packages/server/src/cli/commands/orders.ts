import type { Command } from 'commander';

/** CLI commands of the orders domain. */
export function registerOrderCommands(program: Command): void {
  void program;
}
