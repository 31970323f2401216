import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';

/**
 * What the admin's page may load: its own scripts and styles, images from anywhere over https (shop
 * logos), and calls to this server only. No inline script, and no framing (clickjacking).
 */
const adminContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** `packages/admin/dist` in this repository, or COMPTOIR_ADMIN_DIST. */
export function defaultAdminDist(env: NodeJS.ProcessEnv = process.env): string {
  return env.COMPTOIR_ADMIN_DIST ?? fileURLToPath(new URL('../../../admin/dist', import.meta.url));
}

function setPageHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', adminContentSecurityPolicy)
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    // Invitation and reset tokens travel in the URL fragment, never sent; no referrer leaks the rest.
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-cache');
}

/**
 * Serves the built admin (Vite, `base: '/admin/'`) at /admin/: hashed files under /admin/assets/ are
 * cached for a year as immutable, everything else is revalidated, and any other /admin/ path that is
 * not a file gets index.html so the single-page app can route it. Without a build, /admin/ explains
 * how to make one instead of failing silently.
 */
export async function registerAdminAssets(app: FastifyInstance, options: { adminDist: string }): Promise<void> {
  const indexPath = join(options.adminDist, 'index.html');

  app.get('/admin', (_req, reply) => reply.redirect('/admin/', 308));

  if (!existsSync(indexPath)) {
    app.get('/admin/*', (_req, reply) =>
      reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The admin is not built. Run: npx pnpm --filter @comptoir/admin build\n'),
    );
    return;
  }

  await app.register(fastifyStatic, {
    root: options.adminDist,
    prefix: '/admin/',
    // Routes for the files of the build, so that any other path falls through to the SPA route below.
    wildcard: false,
    index: false,
    decorateReply: false,
    cacheControl: false,
    setHeaders(res, path) {
      if (/[\\/]assets[\\/]/.test(path)) {
        res.header('cache-control', 'public, max-age=31536000, immutable');
      } else {
        res.header('cache-control', 'no-cache');
      }
      res.header('x-content-type-options', 'nosniff');
    },
  });

  const sendIndex = async (reply: FastifyReply) => {
    const html = await readFile(indexPath, 'utf8');
    return setPageHeaders(reply).type('text/html; charset=utf-8').send(html);
  };

  app.get('/admin/', (_req, reply) => sendIndex(reply));
  app.get('/admin/*', (req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    // A missing asset or file is a 404, not the page: a stale hashed name must not get HTML back.
    if (path.startsWith('/admin/assets/') || /\.[a-z0-9]{1,8}$/i.test(path)) {
      return reply.code(404).type('text/plain; charset=utf-8').send('Not found\n');
    }
    return sendIndex(reply);
  });
}
