import { inspect } from 'node:util';
import { initTRPC, TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { ZodError } from 'zod';
import { errorDefinitions, errorMessage, type ComptoirErrorData, type ErrorCode, type ErrorKind } from '@comptoir/protocol';
import type { Context } from './context.js';
import { DomainError } from './core/domain-error.js';
import { authenticatePublishableKey, authenticateSecretKey } from './auth/api-key-auth.js';
import { authenticateShopper } from './auth/shopper-auth.js';
import { authenticateStaff, requireCsrf } from './auth/staff-auth.js';

/** One tRPC (and HTTP) code per kind of domain error. */
const trpcCodeByKind: Record<ErrorKind, TRPC_ERROR_CODE_KEY> = {
  unauthenticated: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  notFound: 'NOT_FOUND',
  conflict: 'CONFLICT',
  precondition: 'PRECONDITION_FAILED',
  invalid: 'BAD_REQUEST',
  rateLimited: 'TOO_MANY_REQUESTS',
  unavailable: 'SERVICE_UNAVAILABLE',
  internal: 'INTERNAL_SERVER_ERROR',
};

/** The tRPC error a domain error becomes, with the message in the caller's language. */
export function toTrpcError(error: DomainError, ctx: Context): TRPCError {
  return new TRPCError({
    code: trpcCodeByKind[errorDefinitions[error.code].kind],
    message: errorMessage(error.code, ctx.locale, error.params),
    cause: error,
  });
}

function isDatabaseDown(error: unknown): boolean {
  const text = String((error as { message?: unknown })?.message ?? '') + String((error as { code?: unknown })?.code ?? '');
  return /ECONNREFUSED|ECONNRESET|57P01|57P03|Connection terminated|connect ETIMEDOUT|DatabaseNotReachable|P1001|P1017/.test(
    text,
  );
}

/**
 * PostgreSQL's refusals of text it cannot store: invalid byte sequence (22021), untranslatable
 * character or \u0000 in JSON (22P05), a lone surrogate escaped in JSON (22P02 for type json).
 * Prisma nests the driver's error in `meta`, so the whole error is inspected (only on failures).
 */
function isInvalidText(error: unknown): boolean {
  const text = inspect(error, { depth: 6, breakLength: Infinity });
  return /invalid byte sequence for encoding|untranslatable character|unsupported Unicode escape sequence|invalid input syntax for type json/.test(text);
}

const t = initTRPC
  .context<Context>()
  .meta<OpenApiMeta>()
  .create({
    errorFormatter({ shape, error, ctx }) {
      const cause = error.cause;
      let code: ErrorCode;
      let params = {};
      if (cause instanceof DomainError) {
        code = cause.code;
        params = cause.params;
      } else if (cause instanceof ZodError) {
        code = 'INVALID_INPUT';
        params = {
          issues: cause.issues
            .slice(0, 5)
            .map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`)
            .join('; '),
        };
      } else if (error.code === 'PAYLOAD_TOO_LARGE') {
        code = 'PAYLOAD_TOO_LARGE';
      } else if (error.code === 'INTERNAL_SERVER_ERROR' || error.code === 'SERVICE_UNAVAILABLE') {
        code = error.code === 'SERVICE_UNAVAILABLE' ? 'DATABASE_UNAVAILABLE' : 'INTERNAL_ERROR';
        params = { requestId: ctx?.request.requestId ?? '-' };
      } else if (error.code === 'NOT_FOUND') {
        code = 'NOT_FOUND';
      } else {
        code = 'INVALID_INPUT';
        params = { issues: error.message.slice(0, 200) };
      }
      const locale = ctx?.locale ?? 'fr';
      const data: ComptoirErrorData = {
        comptoirCode: code,
        messages: { fr: errorMessage(code, 'fr', params), en: errorMessage(code, 'en', params) },
        params,
        ...(ctx ? { requestId: ctx.request.requestId } : {}),
      };
      return {
        ...shape,
        message: errorMessage(code, locale, params),
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, ...data },
      };
    },
  });

/** Turns thrown domain errors into the right tRPC code, and hides unexpected ones behind a request id. */
const errorMapping = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof DomainError) throw toTrpcError(cause, ctx);
  if (result.error.code === 'INTERNAL_SERVER_ERROR') {
    if (isDatabaseDown(cause)) {
      ctx.deps.logger.warn({ requestId: ctx.request.requestId, path, err: cause }, 'database unavailable');
      throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', cause });
    }
    if (isInvalidText(cause)) {
      // A schema let through text PostgreSQL cannot store (lone surrogate, NUL): bad input, not a crash.
      ctx.deps.logger.warn({ requestId: ctx.request.requestId, path, err: cause }, 'text refused by the database');
      throw toTrpcError(new DomainError('INVALID_INPUT', { issues: 'text: not valid Unicode or contains NUL' }), ctx);
    }
    ctx.deps.logger.error({ requestId: ctx.request.requestId, path, err: cause ?? result.error }, 'unexpected error');
  }
  return result;
});

export const router = t.router;
export const mergeRouters = t.mergeRouters;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/** Anyone: health, the OpenAPI document, staff login. */
export const publicProcedure = t.procedure.use(errorMapping);

/** The widget: a publishable key from one of the shop's allowed origins. */
export const widgetProcedure = publicProcedure.use(async ({ ctx, next }) =>
  next({ ctx: await authenticatePublishableKey(ctx) }),
);

/** A signed-in shopper in the widget: the widget's checks plus a session token for that shop. */
export const shopperProcedure = widgetProcedure.use(async ({ ctx, next }) =>
  next({ ctx: { ...ctx, shopper: authenticateShopper(ctx) } }),
);

/** The shop's back end: a secret key as a Bearer token, never from a browser. */
export const backendProcedure = publicProcedure.use(async ({ ctx, next }) =>
  next({ ctx: await authenticateSecretKey(ctx) }),
);

/** A staff member of the active shop, from the admin session cookie; mutations need the CSRF token. */
export const staffProcedure = publicProcedure.use(async ({ ctx, next, type }) => {
  const staff = await authenticateStaff(ctx);
  if (type === 'mutation') requireCsrf(ctx, staff);
  return next({ ctx: { ...ctx, staff } });
});

/** A staff member whose role in the active shop is owner (keys, staff, policy). */
export const ownerProcedure = staffProcedure.use(async ({ ctx, next }) => {
  if (ctx.staff.role !== 'owner') throw toTrpcError(new DomainError('STAFF_ROLE_REQUIRED'), ctx);
  return next();
});
