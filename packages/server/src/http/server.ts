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

/** Limits that protect the server from abusive clients. */
export const httpLimits = {
  bodyBytes: 1_048_576,
  requestTimeoutMs: 30_000,
  /** A client that has not sent its headers by then is cut off (slowloris). */
  headersTimeoutMs: 10_000,
} as const;

/** Builds the HTTP server: tRPC at /trpc, REST at /api, /openapi.json, health checks. */
export async function buildHttpServer(deps: Deps, options: { extend?: (app: FastifyInstance) => Promise<void> } = {}) {
  const app = Fastify({
    logger: false,
    bodyLimit: httpLimits.bodyBytes,
    requestTimeout: httpLimits.requestTimeoutMs,
    trustProxy: process.env.TRUST_PROXY === '1',
    genReqId: () => crypto.randomUUID(),
    routerOptions: { maxParamLength: 500 },
  });
  app.server.headersTimeout = httpLimits.headersTimeoutMs;

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
  if (options.extend) await options.extend(app);
  return app;
}
