import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import { fastifyTRPCOpenApiPlugin } from 'trpc-to-openapi';
import type { Deps } from '../core/deps.js';
import { createContextInner } from '../context.js';
import { appRouter, type AppRouter } from '../router.js';
import { buildOpenApiDocument } from './openapi.js';
import { registerWidgetCors } from './cors.js';
import { requestInfoFrom } from './request-info.js';
import { registerPlatformHooks } from '../platforms/http.js';
import { registerPaymentHooks } from '../payments/http.js';
import { registerHttpGuards } from '../security/http-guards.js';
import { registerUnsubscribeRoutes } from '../notifications/unsubscribe-route.js';
import { registerEmailPreviewRoute } from '../notifications/email-preview-route.js';

/** Limits that protect the server from abusive clients. */
export const httpLimits = {
  bodyBytes: 1_048_576,
  requestTimeoutMs: 30_000,
  /**
   * A client that has not sent its headers by then is cut off (slowloris). COMPTOIR_HEADERS_TIMEOUT_MS
   * overrides it (tests use a short one).
   */
  headersTimeoutMs: Number(process.env.COMPTOIR_HEADERS_TIMEOUT_MS ?? 10_000),
} as const;

/** How often Node checks connections against the headers timeout (its default of 30 s would let a slow client linger that long again). */
const connectionsCheckingIntervalMs = Math.max(100, Math.min(5_000, Math.floor(httpLimits.headersTimeoutMs / 2)));

/** Builds the HTTP server: tRPC at /trpc, REST at /api, /openapi.json, health checks. */
export async function buildHttpServer(deps: Deps, options: { extend?: (app: FastifyInstance) => Promise<void> } = {}) {
  const app = Fastify({
    logger: false,
    bodyLimit: httpLimits.bodyBytes,
    requestTimeout: httpLimits.requestTimeoutMs,
    trustProxy: process.env.TRUST_PROXY === '1',
    genReqId: () => crypto.randomUUID(),
    routerOptions: { maxParamLength: 500 },
    http: { headersTimeout: httpLimits.headersTimeoutMs, connectionsCheckingInterval: connectionsCheckingIntervalMs },
  });

  registerHttpGuards(app, deps);
  await app.register(fastifyCookie);
  registerWidgetCors(app, deps, ['/trpc/', '/api/']);

  app.addHook('onResponse', async (req, reply) => {
    deps.logger.info(
      { requestId: req.id, method: req.method, url: req.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });

  const createContext = ({ req, res }: { req: Parameters<typeof requestInfoFrom>[0]; res: Parameters<typeof requestInfoFrom>[1] }) =>
    createContextInner({ deps, request: requestInfoFrom(req, res) });

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext,
      maxBatchSize: 10,
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  await app.register(
    async (scope) => {
      await scope.register(fastifyTRPCOpenApiPlugin, { basePath: '/api', router: appRouter, createContext });
    },
  );

  const openApiDocument = buildOpenApiDocument(deps.config.publicUrl);
  app.get('/openapi.json', async () => openApiDocument);
  app.get('/healthz', async () => ({ ok: true }));
  app.get('/readyz', async (_req, reply) => {
    try {
      await deps.db.$queryRaw`SELECT 1`;
      return { ok: true };
    } catch {
      return reply.code(503).send({ ok: false, code: 'DATABASE_UNAVAILABLE' });
    }
  });

  await registerPlatformHooks(app, deps);
  await registerPaymentHooks(app, deps);
  await registerUnsubscribeRoutes(app, deps);
  await registerEmailPreviewRoute(app, deps);
  if (options.extend) await options.extend(app);
  return app;
}
