import { createServer, request, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import axe from 'axe-core';
import { startAppCore, type AppCore } from '../../server/src/app.js';
import { createLogger } from '../../server/src/core/logger.js';
import { buildHttpServer } from '../../server/src/http/server.js';
import { defaultStaticAssets, registerStaticAssets } from '../../server/src/http/static-assets.js';
import { seedDemoShop, type DemoSeedResult } from '../../server/src/shops/demo-seed.js';

/** The widget's build, which the e2e script makes before running. */
export const widgetDist = fileURLToPath(new URL('../dist/', import.meta.url));
/** Where the tests leave screenshots for the docs. */
export const screenshotDir = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

/** The real server on an in-memory PGlite, the demo shop seeded, listening on a random port. */
export interface DemoServer {
  core: AppCore;
  origin: string;
  seeded: DemoSeedResult;
  close(): Promise<void>;
}

export async function startDemoServer(): Promise<DemoServer> {
  const core = await startAppCore({
    database: { kind: 'pglite', dataDir: null },
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
  });
  let key: string | null = null;
  const app = await buildHttpServer(core.deps, {
    extend: async (app) => {
      await registerStaticAssets(app, { ...defaultStaticAssets(), widgetDist, demoPublishableKey: () => key });
    },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  // The public URL is known only now (a random port); the demo pages call the API same-origin,
  // which the publishable-key check grants the server's own public origin.
  core.deps.config.publicUrl = origin;
  const seeded = await seedDemoShop(core.deps, { origin });
  key = seeded.publishableKey;
  return {
    core,
    origin,
    seeded,
    close: async () => {
      await app.close();
      await core.close();
    },
  };
}

/** A plain static server on another origin: a host page that is not Comptoir's. */
export async function startHostSite(pages: Record<string, string>): Promise<{ origin: string; close(): Promise<void> }> {
  const types: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html; charset=utf-8' };
  const server: Server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (pages[path] !== undefined) {
      res.writeHead(200, { 'content-type': types['.html']! }).end(pages[path]);
      return;
    }
    try {
      const file = await readFile(join(widgetDist, path.replace(/^\/+/, '')));
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(file);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Debian's Chromium, headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Serious and critical axe-core violations on the page, shadow roots included. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      targets: violation.nodes.map((node) => JSON.stringify(node.target)).slice(0, 3),
    }));
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.targets.join(', ')}`);
}

/** Signs in through the widget's form, wherever it is on the page. */
export async function signIn(page: Page, orderNumber: string, email: string): Promise<void> {
  const form = page.locator('comptoir-sign-in form');
  await form.locator('input[name="orderNumber"]').fill(orderNumber);
  await form.locator('input[name="email"]').fill(email);
  await form.locator('button[type="submit"]').click();
}

/** A POST as a shop's back end makes it (node:http: no browser headers), answering the status. */
export function postFromBackEnd(url: string, secretKey: string, body: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = request(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** A page that records its errors and alerts, so a test can require that there were none. */
export async function openPage(context: BrowserContext, url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(url);
  return { page, problems };
}

/** The element that has the focus, through shadow roots, described as `tag|type|label|text`. */
export function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active) return '';
    return [active.localName, active.getAttribute('type') ?? '', active.getAttribute('aria-label') ?? '', (active.textContent ?? '').trim().replace(/\s+/g, ' ')].join('|');
  });
}

/** Whether the focused element is inside the panel's open dialog (following slots and shadow hosts). */
export function isFocusInPanel(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    let node: Element | null = document.activeElement;
    while (node?.shadowRoot?.activeElement) node = node.shadowRoot.activeElement;
    while (node) {
      if (node instanceof HTMLDialogElement && node.open) return true;
      node = node.assignedSlot ?? node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
    }
    return false;
  });
}

/**
 * Presses Tab (or Shift+Tab) and nothing else until the focused element matches, at most 60 times;
 * with `inPanel`, requires after every press that focus is still inside the open panel.
 */
export async function tabTo(page: Page, pattern: RegExp, options: { inPanel?: boolean; backwards?: boolean } = {}): Promise<void> {
  for (let step = 0; step < 60; step++) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    if (options.inPanel && !(await isFocusInPanel(page))) throw new Error(`focus left the panel (on ${await describeFocus(page)})`);
    if (pattern.test(await describeFocus(page))) return;
  }
  throw new Error(`Tab never reached ${pattern} (last: ${await describeFocus(page)})`);
}
