import type { Command } from 'commander';
import { startServer } from '../../http/start-server.js';
import { demoPage } from '../../http/static-assets.js';
import { seedDemoShop } from '../../shops/demo-seed.js';

/**
 * `demo`: everything needed to try Comptoir on one machine: the server on the embedded database
 * (migrated), the demo shop seeded, and its page, the widget and the admin served, with the URLs
 * and sign-in pairs printed.
 */
export function registerDemoCommands(program: Command): void {
  program
    .command('demo')
    .description('serve the demo shop: migrate, seed "La Boutique du Marais", serve widget, demo page and admin')
    .option('--port <port>', 'port to listen on (default PORT or 3000)')
    .action(async (options: { port?: string }) => {
      if (options.port) process.env.PORT = options.port;
      // Request logs would bury the instructions below; LOG_LEVEL=info brings them back.
      process.env.LOG_LEVEL ??= 'warn';
      const port = Number(process.env.PORT ?? 3000);
      const { core } = await startServer({ port });
      const origin = new URL(core.deps.config.publicUrl).origin;
      const seeded = await seedDemoShop(core.deps, { origin });
      demoPage.publishableKey = seeded.publishableKey;

      const examples = seeded.orders.filter((order, index, all) => all.findIndex((o) => o.email === order.email) === index);
      const lines = [
        '',
        `  Comptoir demo: ${seeded.shop.name}`,
        '',
        `  Demo shop page     ${origin}/demo/`,
        `  Order tracking     ${origin}/demo/suivi.html`,
        `  Widget script      ${origin}/widget.js`,
        `  Admin              ${origin}/admin/   (${seeded.owner.email} / ${seeded.owner.password})`,
        `  API documentation  ${origin}/openapi.json`,
        '',
        `  Publishable key    ${seeded.publishableKey}`,
        ...(seeded.secretKey ? [`  Secret key         ${seeded.secretKey}   (shown once: keep it)`] : []),
        '',
        '  Sign in to the widget with an order number and its email:',
        ...examples.map((order) => `    ${order.number.padEnd(6)} ${order.email.padEnd(30)} ${order.shows}`),
        '',
        '  Stop with Ctrl+C.',
        '',
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
