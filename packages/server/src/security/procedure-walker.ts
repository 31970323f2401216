import { appRouter } from '../router.js';

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
