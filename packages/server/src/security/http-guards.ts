import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorMessage, pickLocale, type ErrorCode } from '@comptoir/protocol';
import type { Deps } from '../core/deps.js';

/**
 * Guards in front of every route: requests the API cannot read are refused before any handler
 * sees them, and whatever escapes a handler is answered as JSON in the API's error shape, without
 * internals (the fuzz tests found a multipart body crashing the tRPC adapter with a 500 that
 * echoed a stack message).
 */

/** The body of an error answered outside tRPC, shaped like tRPC's so clients read one format. */
function errorBody(req: FastifyRequest, status: number, code: ErrorCode, params: Record<string, string | number> = {}) {
  const locale = pickLocale(
    typeof req.headers['x-comptoir-locale'] === 'string' ? req.headers['x-comptoir-locale'] : undefined,
    req.headers['accept-language'],
  );
  return {
    error: {
      message: errorMessage(code, locale, params),
      data: {
        httpStatus: status,
        comptoirCode: code,
        messages: { fr: errorMessage(code, 'fr', params), en: errorMessage(code, 'en', params) },
        params,
        requestId: String(req.id),
      },
    },
  };
}

/** Sends an error in the API's shape. */
export function sendError(req: FastifyRequest, reply: FastifyReply, status: number, code: ErrorCode, params: Record<string, string | number> = {}) {
  return reply.code(status).type('application/json; charset=utf-8').send(errorBody(req, status, code, params));
}

/** Registers the guards; call before the routes so their scopes inherit the error handler. */
export function registerHttpGuards(app: FastifyInstance, deps: Deps): void {
  // tRPC is spoken in JSON only: the adapter's multipart path is unused and crashed on raw bodies.
  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'POST' || !req.url.startsWith('/trpc/')) return;
    const contentType = String(req.headers['content-type'] ?? '').toLowerCase();
    if (contentType && !contentType.startsWith('application/json')) {
      return sendError(req, reply, 415, 'INVALID_INPUT', { issues: 'content-type: expected application/json' });
    }
  });

  app.setErrorHandler((error: FastifyError, req, reply) => {
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status === 413) return sendError(req, reply, 413, 'PAYLOAD_TOO_LARGE');
    if (status === 404) return sendError(req, reply, 404, 'NOT_FOUND');
    if (status >= 400 && status < 500) {
      return sendError(req, reply, status, 'INVALID_INPUT', { issues: String(error.message ?? '').slice(0, 200) });
    }
    deps.logger.error({ requestId: req.id, url: req.url.split('?')[0], err: error }, 'unexpected HTTP error');
    return sendError(req, reply, 500, 'INTERNAL_ERROR', { requestId: String(req.id) });
  });
}
