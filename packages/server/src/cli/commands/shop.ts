import type { Command } from 'commander';
import { ZodError } from 'zod';
import { errorMessage } from '@comptoir/protocol';
import { DomainError } from '../../core/domain-error.js';
import type { Actor } from '../../core/actor.js';
import { withCore } from '../with-core.js';
import { ApiKeyKind } from '../../auth/api-keys.js';
import { createShop, findShopBySlug, listKeys, listShops, revokeKey, rotateKey } from '../../shops/service.js';

/** Changes made from the command line are the installation's operator acting, recorded as the system. */
const cliActor: Actor = { type: 'system', id: null };

const keysWarning = 'Store these keys now: they will not be shown again (only their hashes are kept).\n';

/** Prints a domain or validation error as a sentence instead of a code or a stack, then fails. */
export async function runCliAction(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (error instanceof DomainError) throw new Error(`${error.code}: ${errorMessage(error.code, 'en', error.params)}`);
    if (error instanceof ZodError) {
      throw new Error(`Invalid input: ${error.issues.map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`).join('; ')}`);
    }
    throw error;
  }
}

/** Writes a value as indented JSON on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseKind(value: string): ApiKeyKind {
  if (value !== ApiKeyKind.publishable && value !== ApiKeyKind.secret) throw new Error('--kind must be publishable or secret');
  return value;
}

/** `shop create`, `shop list`, `key rotate`, `key revoke`, `key list`: shops and their API keys. */
export function registerShopCommands(program: Command): void {
  const shop = program.command('shop').description('create and list shops');

  shop
    .command('create')
    .description('create a shop with its publishable and secret keys (printed once)')
    .requiredOption('--name <name>', 'the shop name shoppers see')
    .requiredOption('--origin <origin>', 'an origin allowed to load the widget (repeatable)', collect, [])
    .option('--slug <slug>', 'identifier (default: derived from the name)')
    .option('--locale <locale>', 'fr or en', 'fr')
    .option('--currency <code>', 'ISO 4217 currency', 'EUR')
    .option('--time-zone <zone>', 'IANA time zone', 'Europe/Paris')
    .option('--country <code>', 'ISO 3166-1 alpha-2 country', 'FR')
    .option('--json', 'print a JSON object')
    .action(
      (options: { name: string; origin: string[]; slug?: string; locale: string; currency: string; timeZone: string; country: string; json?: boolean }) =>
        runCliAction(() =>
          withCore(async ({ deps }) => {
            const created = await createShop(
              deps,
              {
                name: options.name,
                origins: options.origin,
                ...(options.slug ? { slug: options.slug } : {}),
                locale: options.locale as 'fr' | 'en',
                currency: options.currency,
                timeZone: options.timeZone,
                country: options.country,
              },
              cliActor,
            );
            if (options.json) {
              printJson({
                shop: created.shop,
                publishableKey: created.publishableKey.plaintext,
                secretKey: created.secretKey.plaintext,
                warning: 'Keys are shown once and never again.',
              });
              return;
            }
            process.stdout.write(
              `Created shop "${created.shop.name}" (slug ${created.shop.slug}, id ${created.shop.id}).\n` +
                `Allowed origins: ${created.shop.allowedOrigins.join(', ')}\n\n` +
                `Publishable key (widget, in your pages): ${created.publishableKey.plaintext}\n` +
                `Secret key (your back end only):         ${created.secretKey.plaintext}\n\n` +
                keysWarning,
            );
          }),
        ),
    );

  shop
    .command('list')
    .description('list the shops of this server')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) =>
      runCliAction(() =>
        withCore(async ({ deps }) => {
          const shops = await listShops(deps);
          if (options.json) return printJson(shops);
          if (!shops.length) {
            process.stdout.write('No shop yet: create one with `comptoir shop create --name … --origin …`.\n');
            return;
          }
          for (const item of shops) {
            process.stdout.write(`${item.slug}\t${item.name}\t${item.locale}/${item.currency}\t${item.allowedOrigins.join(' ')}\n`);
          }
        }),
      ),
    );

  const key = program.command('key').description('list, rotate and revoke API keys');

  key
    .command('list')
    .description("list a shop's keys (never their secrets)")
    .requiredOption('--shop <slug>', 'the shop')
    .option('--json', 'print JSON')
    .action((options: { shop: string; json?: boolean }) =>
      runCliAction(() =>
        withCore(async ({ deps }) => {
          const found = await findShopBySlug(deps, { slug: options.shop });
          const keys = await listKeys(deps, { shopId: found.id });
          if (options.json) return printJson(keys);
          for (const item of keys) {
            const state = item.revokedAt ? `revoked ${item.revokedAt.toISOString()}` : 'active';
            process.stdout.write(`${item.id}\t${item.kind}\t${item.displayPrefix}…\t${state}\n`);
          }
        }),
      ),
    );

  key
    .command('rotate')
    .description('issue a new key of a kind and revoke the old ones (printed once)')
    .requiredOption('--shop <slug>', 'the shop')
    .requiredOption('--kind <kind>', 'publishable or secret', parseKind)
    .option('--keep-old', 'keep the previous keys active (revoke them later with `key revoke`)')
    .option('--json', 'print a JSON object')
    .action((options: { shop: string; kind: ApiKeyKind; keepOld?: boolean; json?: boolean }) =>
      runCliAction(() =>
        withCore(async ({ deps }) => {
          const found = await findShopBySlug(deps, { slug: options.shop });
          const rotated = await rotateKey(deps, { shopId: found.id, kind: options.kind, keepOld: Boolean(options.keepOld), actor: cliActor });
          if (options.json) {
            printJson({ key: rotated.key, plaintext: rotated.plaintext, revokedKeyIds: rotated.revokedKeyIds });
            return;
          }
          process.stdout.write(
            `New ${options.kind} key for ${found.slug}: ${rotated.plaintext}\n` +
              (rotated.revokedKeyIds.length
                ? `Revoked ${rotated.revokedKeyIds.length} previous key(s).\n`
                : options.keepOld
                  ? 'Previous keys are still active: revoke them with `comptoir key revoke` once the new one is deployed.\n'
                  : '') +
              keysWarning,
          );
        }),
      ),
    );

  key
    .command('revoke')
    .description('revoke one key by its id (see `key list`)')
    .requiredOption('--shop <slug>', 'the shop')
    .requiredOption('--id <keyId>', 'the key id')
    .option('--json', 'print JSON')
    .action((options: { shop: string; id: string; json?: boolean }) =>
      runCliAction(() =>
        withCore(async ({ deps }) => {
          const found = await findShopBySlug(deps, { slug: options.shop });
          if (!/^[0-9a-f-]{36}$/i.test(options.id)) throw new DomainError('API_KEY_NOT_FOUND');
          const revoked = await revokeKey(deps, { shopId: found.id, keyId: options.id, actor: cliActor });
          if (options.json) return printJson(revoked);
          process.stdout.write(`Revoked ${revoked.kind} key ${revoked.displayPrefix}… of ${found.slug}.\n`);
        }),
      ),
    );
}
