import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.js';

const ttlMs = 5_000;

/**
 * CORS for the widget's calls. A preflight carries no key, so it is answered for any origin that
 * some shop on this server allows; the procedure then checks the origin against the key's own shop.
 */
export function registerWidgetCors(app: FastifyInstance, deps: Deps, prefixes: string[]): void {
  let known: { origins: Set<string>; expiresAt: number } | null = null;

  async function isKnownOrigin(origin: string): Promise<boolean> {
    if (!known || known.expiresAt < Date.now()) {
      const rows = await deps.db.$queryRaw<Array<{ origin: string }>>`
        SELECT DISTINCT unnest("allowedOrigins") AS origin FROM "Shop"`;
      known = { origins: new Set(rows.map((row) => row.origin)), expiresAt: Date.now() + ttlMs };
    }
    return known.origins.has(origin);
  }

  app.addHook('onRequest', async (req, reply) => {
    const origin = req.headers.origin;
    if (!origin || !prefixes.some((prefix) => req.url.startsWith(prefix))) return;
    if (!(await isKnownOrigin(origin))) {
      if (req.method === 'OPTIONS') return reply.code(403).send();
      return;
    }
    reply.header('access-control-allow-origin', origin);
    reply.header('vary', 'Origin');
    if (req.method === 'OPTIONS') {
      reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
      reply.header(
        'access-control-allow-headers',
        'content-type, x-comptoir-key, x-comptoir-session, x-comptoir-locale, trpc-accept',
      );
      reply.header('access-control-max-age', '600');
      return reply.code(204).send();
    }
  });
}
