import type { FastifyInstance } from 'fastify';
import { errorDefinitions, errorMessage, type ErrorKind } from '@comptoir/protocol';
import type { Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { receiveStripeWebhook } from './stripe-webhook.js';

/** One HTTP status per kind of domain error (Stripe retries anything but 2xx). */
const httpStatusByKind: Record<ErrorKind, number> = {
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  precondition: 412,
  invalid: 400,
  rateLimited: 429,
  unavailable: 503,
  internal: 500,
};

/** Stripe events are a few kilobytes; a larger body is refused before it is read. */
const hookBodyLimit = 524_288;

/**
 * Registers `POST /hooks/stripe/:shopSlug`, the receiver of a shop's Stripe webhook endpoint. A
 * plain route, not tRPC: the signature covers the raw bytes, so this scope keeps the body as a
 * Buffer whatever its content type.
 */
export async function registerPaymentHooks(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: hookBodyLimit }, (_req, body, done) => done(null, body));

    scope.post<{ Params: { shopSlug: string } }>('/hooks/stripe/:shopSlug', async (req, reply) => {
      const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const header = req.headers['stripe-signature'];
      const shopSlug = req.params.shopSlug.slice(0, 100);
      try {
        const result = await receiveStripeWebhook(deps, { shopSlug, signature: Array.isArray(header) ? header[0] : header, rawBody });
        deps.logger.info({ requestId: req.id, shop: shopSlug, result }, 'stripe webhook');
        return reply.code(200).send({ ok: true, ...result });
      } catch (error) {
        if (error instanceof DomainError) {
          deps.logger.warn({ requestId: req.id, shop: shopSlug, code: error.code }, 'stripe webhook refused');
          return reply.code(httpStatusByKind[errorDefinitions[error.code].kind]).send({
            ok: false,
            code: error.code,
            message: errorMessage(error.code, 'en', error.params),
          });
        }
        deps.logger.error({ requestId: req.id, shop: shopSlug, err: error }, 'stripe webhook failed');
        return reply.code(500).send({ ok: false, code: 'INTERNAL_ERROR', message: errorMessage('INTERNAL_ERROR', 'en', { requestId: req.id }) });
      }
    });
  });
}
