import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startAppCore, type AppCore } from '../../server/src/app.js';
import { systemClock } from '../../server/src/core/clock.js';
import { createLogger } from '../../server/src/core/logger.js';
import { registerAdminAssets } from '../../server/src/http/admin-assets.js';
import { defaultStaticAssets, registerStaticAssets } from '../../server/src/http/static-assets.js';
import { buildHttpServer } from '../../server/src/http/server.js';

const adminDist = fileURLToPath(new URL('../dist', import.meta.url));

/** Where the flows save their screenshots (docs/screenshots at the repository's root). */
export const screenshots = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

/** The sizes every flow runs at, each with the language its browser asks for. */
export const viewports = [
  { name: 'mobile', width: 375, height: 812, locale: 'fr-FR' },
  { name: 'desktop', width: 1280, height: 800, locale: 'en-US' },
] as const;
export type Viewport = (typeof viewports)[number];

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: Array<{ target: unknown }>;
}

/** Runs axe-core in the page and returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, so the page's strict CSP does not block it.
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** The real server, in-process on an in-memory PGlite, serving the built admin; and a real Chromium. */
export interface E2eServer {
  core: AppCore;
  browser: Browser;
  baseUrl: string;
  close(): Promise<void>;
}

/** What a flow may add to the server: the built widget (`/widget.js`) and the demo shop's pages, with the key they embed. */
export interface E2eServerOptions {
  widget?: { widgetDist: string; demoPublishableKey: () => string | null };
}

/**
 * Starts the server and the browser. Webhooks may target private addresses (as the server's own
 * tests allow), so a flow can receive them on a local HTTP server.
 */
export async function startE2eServer(options: E2eServerOptions = {}): Promise<E2eServer> {
  if (!existsSync(`${adminDist}/index.html`)) throw new Error('Build the admin first: vite build (npm run test:e2e does).');
  mkdirSync(screenshots, { recursive: true });
  const core = await startAppCore({
    database: { kind: 'pglite', dataDir: null },
    migrate: true,
    clock: systemClock,
    logger: createLogger('silent'),
    config: { publicUrl: 'http://localhost', allowPrivateWebhookTargets: true },
  });
  const http = await buildHttpServer(core.deps, {
    extend: async (app) => {
      if (options.widget) await registerStaticAssets(app, { ...defaultStaticAssets(), ...options.widget });
      await registerAdminAssets(app, { adminDist });
    },
  });
  await http.listen({ host: '127.0.0.1', port: 0 });
  const address = http.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  // localhost (not 127.0.0.1): browsers accept Secure cookies from it without TLS.
  const baseUrl = `http://localhost:${address.port}`;
  core.deps.config.publicUrl = baseUrl;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP localhost 127.0.0.1',
    ],
  });
  return {
    core,
    browser,
    baseUrl,
    async close() {
      await browser.close();
      await http.close();
      await core.close();
    },
  };
}

/** Signs in from the login page and waits for the signed-in frame. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/admin/`);
  await page.locator('comptoir-login-page #email').fill(email);
  await page.locator('comptoir-login-page #password').fill(password);
  await page.locator('comptoir-login-page button[type=submit]').click();
  await page.locator('comptoir-app-shell').waitFor();
}
