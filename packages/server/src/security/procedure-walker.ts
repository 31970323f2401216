import { appRouter } from '../router.js';
import { ownerProcedure, staffProcedure } from '../trpc.js';

/** Every procedure of the API with its dotted path and type, read from the router itself. */
export function listProcedures(): Array<{ path: string; type: 'query' | 'mutation' | 'subscription' }> {
  return Object.entries(appRouter._def.procedures).map(([path, procedure]) => ({
    path,
    type: (procedure as unknown as { _def: { type: 'query' | 'mutation' | 'subscription' } })._def.type,
  }));
}

/** Calls a procedure by its dotted path on a caller, as a client would. */
export async function callByPath(caller: object, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const segment of path.split('.')) target = (target as Record<string, unknown>)[segment];
  if (typeof target !== 'function') throw new Error(`No procedure at ${path}`);
  return (target as (input: unknown) => Promise<unknown>)(input);
}

/** Procedures anyone may call without a key, a token or a session. */
export const publicProcedures = new Set([
  'health.ping',
  'staff.login',
  'staff.acceptInvitation',
  'staff.requestPasswordReset',
  'staff.resetPassword',
]);

/**
 * Widget procedures that need the publishable key but no signed-in shopper: what any visitor of the
 * shop's pages may call (its public settings, and the ways to sign in).
 */
export const anonymousWidgetProcedures = new Set([
  'shops.widget.config',
  'sessions.widget.signIn',
  'sessions.widget.requestCode',
  'sessions.widget.verifyCode',
  'sessions.widget.verifyLink',
]);

/** What the walker reads of a built procedure or builder: its middleware chain, in order. */
type WithMiddlewares = { _def: { middlewares: readonly unknown[] } };

function middlewaresOf(procedure: unknown): readonly unknown[] {
  return (procedure as WithMiddlewares)._def.middlewares;
}

/**
 * The middlewares `ownerProcedure` adds on top of `staffProcedure`: the owner-role check. tRPC keeps
 * these very functions in the chain of every procedure built on `ownerProcedure`, so matching them
 * by identity finds each owner-only procedure without a hand-kept list falling behind the router.
 */
const ownerChecks = middlewaresOf(ownerProcedure).filter((check) => !middlewaresOf(staffProcedure).includes(check));

/**
 * Procedures only a shop's owner may call (keys, team, profile, policy, loyalty programme, webhooks,
 * payments, platforms…), read from the router: those built on `ownerProcedure`. The tenancy test
 * checks a member with the staff role is refused each of them.
 */
export const ownerOnlyProcedures: string[] = Object.entries(appRouter._def.procedures)
  .filter(([, procedure]) => ownerChecks.length > 0 && ownerChecks.every((check) => middlewaresOf(procedure).includes(check)))
  .map(([path]) => path);
