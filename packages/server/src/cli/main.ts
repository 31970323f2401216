import { Command } from 'commander';
import { registerServeCommands } from './commands/serve.js';
import { registerDatabaseCommands } from './commands/database.js';
import { registerShopCommands } from './commands/shop.js';
import { registerOrderCommands } from './commands/orders.js';
import { registerStaffCommands } from './commands/staff.js';
import { registerSeedCommands } from './commands/seed.js';
import { registerDemoCommands } from './commands/demo.js';

/** `pnpm comptoir …`: run, migrate and administer a Comptoir server. */
const program = new Command('comptoir')
  .description('Comptoir: after-sales service for independent shops')
  .showHelpAfterError();

registerServeCommands(program);
registerDatabaseCommands(program);
registerShopCommands(program);
registerOrderCommands(program);
registerStaffCommands(program);
registerSeedCommands(program);
registerDemoCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
