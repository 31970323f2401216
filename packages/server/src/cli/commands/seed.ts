import type { Command } from 'commander';
import { withCore } from '../with-core.js';
import { seedDemoShop } from '../../shops/demo-seed.js';
import { printJson, runCliAction } from './shop.js';

/** `seed demo`: the demo shop, its orders and its owner, idempotently. */
export function registerSeedCommands(program: Command): void {
  const seed = program.command('seed').description('fill the database with demonstration data');

  seed
    .command('demo')
    .description('create (or refresh) the demo shop "La Boutique du Marais" with a dozen orders in every state')
    .option('--origin <origin>', 'origin of the demo page (allowed for the widget, base of product images)', 'http://localhost:3000')
    .option('--json', 'print a JSON object')
    .action((options: { origin: string; json?: boolean }) =>
      runCliAction(() =>
        withCore(async ({ deps }) => {
          const result = await seedDemoShop(deps, { origin: options.origin });
          if (options.json) return printJson(result);
          const out: string[] = [
            `${result.isNewShop ? 'Created' : 'Refreshed'} demo shop "${result.shop.name}" (slug ${result.shop.slug}).`,
            `Allowed origins: ${result.shop.allowedOrigins.join(', ')}`,
            '',
            `Publishable key: ${result.publishableKey}`,
            result.isNewShop
              ? 'A new publishable key is issued on every run (the previous one is revoked): only hashes are stored.'
              : 'This run issued a new publishable key and revoked the previous one (only hashes are stored).',
            result.secretKey
              ? `Secret key:      ${result.secretKey}\nStore it now: it will not be shown again.`
              : 'Secret key: not shown again; issue a new one with `comptoir key rotate --shop demo --kind secret`.',
            '',
            `Sign in to the widget with an order number and its email (dates count back from ${result.referenceAt.toISOString()}, when the demo was first seeded):`,
            ...result.orders.map((order) => `  ${order.number.padEnd(6)} ${order.email.padEnd(28)} ${order.shows}${order.outcome === 'unchanged' ? '' : ` (${order.outcome})`}`),
            '',
            `Admin: ${result.owner.email} / ${result.owner.password}${result.owner.isNew ? '' : ' (already there)'}`,
          ];
          process.stdout.write(`${out.join('\n')}\n`);
        }),
      ),
    );
}
