import type { Command } from 'commander';

/** CLI commands of the shop domain. */
export function registerShopCommands(program: Command): void {
  void program;
}
