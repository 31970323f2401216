import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where the widget's build and the demo shop page live on disk. */
export interface StaticAssetsOptions {
  /** `packages/widget/dist`: `widget.js` and its hashed `assets/`. */
  widgetDist: string;
  /** `examples/demo-shop`: the demo shop's pages, styles and images. */
  demoDir: string;
  /** The publishable key the demo pages embed, read on each request (seeding issues a new one). */
  demoPublishableKey?: () => string | null | undefined;
}

/**
 * The publishable key the demo pages embed: `comptoir demo` sets it after seeding the demo shop
 * (keys are stored hashed, so the server cannot recover one); `COMPTOIR_DEMO_KEY` sets it for `serve`.
 */
export const demoPage: { publishableKey: string | null } = { publishableKey: process.env.COMPTOIR_DEMO_KEY ?? null };

const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** The default locations in this repository (overridable with COMPTOIR_WIDGET_DIST and COMPTOIR_DEMO_DIR). */
export function defaultStaticAssets(env: NodeJS.ProcessEnv = process.env): StaticAssetsOptions {
  return {
    widgetDist: env.COMPTOIR_WIDGET_DIST ?? join(repositoryRoot, 'packages/widget/dist'),
    demoDir: env.COMPTOIR_DEMO_DIR ?? join(repositoryRoot, 'examples/demo-shop'),
    demoPublishableKey: () => demoPage.publishableKey,
  };
}

/** The strict policy the demo pages are served under: the widget must work with it. */
export const demoContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const cacheControl = {
  /** `widget.js` keeps its name across releases: caches must come back soon. */
  loader: 'public, max-age=300',
  /** Hashed chunks never change. */
  hashed: 'public, max-age=31536000, immutable',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Serves the widget (`/widget.js` with a short cache, `/assets/*` hashed chunks with a year's
 * cache, both with `Access-Control-Allow-Origin: *`: they are public, and module chunks are
 * fetched with CORS from the shops' pages) and the demo shop at `/demo/`, whose pages get the
 * demo publishable key substituted for `%COMPTOIR_PUBLISHABLE_KEY%`.
 */
export async function registerStaticAssets(app: FastifyInstance, options: StaticAssetsOptions): Promise<void> {
  const missingBuild = (reply: FastifyReply) =>
    reply
      .code(503)
      .header('cache-control', 'no-store')
      .type('text/javascript; charset=utf-8')
      .send('console.warn("[comptoir] the widget is not built: run `pnpm --filter @comptoir/widget build`");\n');

  app.get('/widget.js', async (_req, reply) => {
    let code: Buffer;
    try {
      code = await readFile(join(options.widgetDist, 'widget.js'));
    } catch {
      return missingBuild(reply);
    }
    return reply
      .header('cache-control', cacheControl.loader)
      .header('access-control-allow-origin', '*')
      .header('x-content-type-options', 'nosniff')
      .type('text/javascript; charset=utf-8')
      .send(code);
  });

  const assetsDir = join(options.widgetDist, 'assets');
  if (existsSync(assetsDir)) {
    await app.register(fastifyStatic, {
      root: assetsDir,
      prefix: '/assets/',
      decorateReply: false,
      index: false,
      cacheControl: false,
      setHeaders: (reply) => {
        reply.header('cache-control', cacheControl.hashed);
        reply.header('access-control-allow-origin', '*');
        reply.header('x-content-type-options', 'nosniff');
      },
    });
  } else {
    app.get('/assets/*', async (_req, reply) => missingBuild(reply));
  }

  if (!existsSync(options.demoDir)) return;
  const pages = readdirSync(options.demoDir).filter((name) => name.endsWith('.html'));
  const servePage = (name: string) => async (_req: unknown, reply: FastifyReply) => {
    const html = await readFile(join(options.demoDir, name), 'utf8');
    const key = options.demoPublishableKey?.() ?? '';
    return reply
      .header('cache-control', 'no-store')
      .header('content-security-policy', demoContentSecurityPolicy)
      .type('text/html; charset=utf-8')
      .send(html.replaceAll('%COMPTOIR_PUBLISHABLE_KEY%', escapeHtml(key)));
  };
  app.get('/demo', async (_req, reply) => reply.redirect('/demo/'));
  if (pages.includes('index.html')) app.get('/demo/', servePage('index.html'));
  for (const name of pages) app.get(`/demo/${name}`, servePage(name));
  await app.register(fastifyStatic, {
    root: options.demoDir,
    prefix: '/demo/',
    decorateReply: false,
    index: false,
    allowedPath: (pathName) => !pathName.endsWith('.html'),
    maxAge: 300_000,
  });
}
