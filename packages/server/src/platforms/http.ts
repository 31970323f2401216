import type { FastifyInstance } from 'fastify';
import { errorDefinitions, errorMessage, type ErrorKind } from '@comptoir/protocol';
import type { Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { Platform } from './platform.js';
import { receivePlatformWebhook } from './receive-webhook.js';

/** One HTTP status per kind of domain error (a platform only reads the status: 2xx or retry). */
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

/** Platform webhooks are small; a larger body is refused before it is read. */
const hookBodyLimit = 1_048_576;

/**
 * Registers `POST /hooks/{woocommerce,shopify,prestashop}/:shopSlug`, the receivers of the shop
 * platforms' order webhooks. They are plain routes, not tRPC: signatures cover the raw bytes of
 * the body, so these routes, and only these, keep it as a Buffer whatever its content type.
 */
export async function registerPlatformHooks(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: hookBodyLimit }, (_req, body, done) => done(null, body));

    for (const platform of Object.values(Platform)) {
      scope.post<{ Params: { shopSlug: string } }>(`/hooks/${platform}/:shopSlug`, async (req, reply) => {
        const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const headers = Object.fromEntries(
          Object.entries(req.headers).map(([name, value]) => [name.toLowerCase(), Array.isArray(value) ? value[0] : value]),
        );
        try {
          const result = await receivePlatformWebhook(deps, { platform, shopSlug: req.params.shopSlug.slice(0, 100), headers, rawBody });
          deps.logger.info(
            { requestId: req.id, platform, shop: req.params.shopSlug, deliveryId: headers['x-shopify-webhook-id'] ?? headers['x-wc-webhook-delivery-id'], result },
            'platform webhook',
          );
          return reply.code(200).send({ ok: true, ...result });
        } catch (error) {
          if (error instanceof DomainError) {
            deps.logger.warn({ requestId: req.id, platform, shop: req.params.shopSlug, code: error.code }, 'platform webhook refused');
            return reply.code(httpStatusByKind[errorDefinitions[error.code].kind]).send({
              ok: false,
              code: error.code,
              message: errorMessage(error.code, 'en', error.params),
            });
          }
          deps.logger.error({ requestId: req.id, platform, err: error }, 'platform webhook failed');
          return reply.code(500).send({ ok: false, code: 'INTERNAL_ERROR', message: errorMessage('INTERNAL_ERROR', 'en', { requestId: req.id }) });
        }
      });
    }
  });
}
