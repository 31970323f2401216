import type { Command } from 'commander';

/** CLI commands of the staff domain. */
export function registerStaffCommands(program: Command): void {
  void program;
}
