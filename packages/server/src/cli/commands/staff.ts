import type { Command } from 'commander';
import { email as emailSchema, shortText } from '@comptoir/protocol';
import type { Actor } from '../../core/actor.js';
import { findShopBySlug } from '../../shops/service.js';
import { createPasswordResetLink, createStaffUser, inviteStaff } from '../../staff/service.js';
import { withCore } from '../with-core.js';
import { printJson, runCliAction } from './shop.js';

/** Changes made from the command line are the installation's operator acting, recorded as the system. */
const cliActor: Actor = { type: 'system', id: null };

function parseRole(value: string): 'owner' | 'staff' {
  if (value !== 'owner' && value !== 'staff') throw new Error('--role must be owner or staff');
  return value;
}

/**
 * `staff add`, `staff reset-link`: staff accounts from the command line. Until emails are sent,
 * invitation and reset links are printed here for the operator to pass on.
 */
export function registerStaffCommands(program: Command): void {
  const staff = program.command('staff').description('staff accounts of the admin');

  staff
    .command('add')
    .description('add a person to a shop; without --password, prints an invitation link (valid 7 days, once)')
    .requiredOption('--shop <slug>', 'the shop')
    .requiredOption('--email <email>', 'their email (their sign-in)')
    .requiredOption('--name <name>', 'their name')
    .option('--role <role>', 'owner or staff', parseRole, 'staff' as const)
    .option('--password <password>', 'set a password now (at least 10 characters) instead of inviting')
    .option('--json', 'print a JSON object')
    .action(
      (options: { shop: string; email: string; name: string; role: 'owner' | 'staff'; password?: string; json?: boolean }) =>
        runCliAction(() =>
          withCore(async ({ deps }) => {
            const shop = await findShopBySlug(deps, { slug: options.shop });
            const email = emailSchema.parse(options.email);
            const name = shortText().parse(options.name);
            if (options.password !== undefined) {
              const created = await createStaffUser(deps, {
                email,
                name,
                password: options.password,
                shopId: shop.id,
                role: options.role,
                actor: cliActor,
              });
              if (options.json) return printJson({ ...created, invitationUrl: null });
              process.stdout.write(
                created.isNewUser
                  ? `${email} can now sign in at ${deps.config.publicUrl}/admin/ as ${options.role} of ${shop.name}.\n`
                  : `${email} already had an account: it keeps its password and now has access to ${shop.name} as ${options.role}.\n`,
              );
              return;
            }
            const invitation = await inviteStaff(deps, { shopId: shop.id, email, name, role: options.role, actor: cliActor });
            if (options.json) return printJson(invitation);
            if (invitation.invitationUrl) {
              process.stdout.write(
                `Invitation for ${email} (${options.role} of ${shop.name}), valid until ${invitation.expiresAt?.toISOString()}, usable once:\n` +
                  `${invitation.invitationUrl}\n`,
              );
            } else {
              process.stdout.write(
                `${email} already has an account: an invitation to join ${shop.name} as ${options.role} was emailed to them; ` +
                  `they join when they accept it (until ${invitation.expiresAt?.toISOString()}).\n`,
              );
            }
          }),
        ),
    );

  staff
    .command('reset-link')
    .description('print a password-reset link for a staff account (valid 1 hour, once; earlier links stop working)')
    .requiredOption('--email <email>', 'the account’s email')
    .option('--json', 'print a JSON object')
    .action((options: { email: string; json?: boolean }) =>
      runCliAction(() =>
        withCore(async ({ deps }) => {
          const link = await createPasswordResetLink(deps, { email: emailSchema.parse(options.email) });
          if (options.json) return printJson(link);
          process.stdout.write(`Password reset link for ${options.email}, valid until ${link.expiresAt.toISOString()}, usable once:\n${link.resetUrl}\n`);
        }),
      ),
    );
}
