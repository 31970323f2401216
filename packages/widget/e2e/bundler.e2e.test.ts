import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import type { Browser } from 'playwright-core';
import { launchChromium } from './harness.js';

/**
 * "Bundler users can `import '@comptoir/widget'`": a shop's own project, outside this repository,
 * with the package installed under node_modules, built by Vite; the bundle then runs in Chromium.
 */
const packageDir = fileURLToPath(new URL('..', import.meta.url));
let project: string;
let browser: Browser;

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'comptoir-bundler-'));
  mkdirSync(join(project, 'node_modules', '@comptoir'), { recursive: true });
  symlinkSync(packageDir, join(project, 'node_modules', '@comptoir', 'widget'), 'dir');
  writeFileSync(
    join(project, 'main.ts'),
    [
      "import '@comptoir/widget';",
      "import type { ComptoirEventMap } from '@comptoir/widget';",
      "const ready: keyof ComptoirEventMap = 'comptoir-ready';",
      "document.body.dataset.readyEvent = ready;",
    ].join('\n'),
  );
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('the package from a bundler', () => {
  it('builds with Vite from a plain `import` and defines a working <comptoir-widget>', async () => {
    await build({
      configFile: false,
      root: project,
      logLevel: 'silent',
      build: { outDir: join(project, 'dist'), minify: true, lib: { entry: join(project, 'main.ts'), formats: ['es'], fileName: () => 'bundle.js' } },
    });
    const dist = join(project, 'dist');
    const bundles = readdirSync(dist).filter((name) => /\.m?js$/.test(name));
    expect(bundles.map((name) => readFileSync(join(dist, name), 'utf8')).join('\n')).toContain('comptoir-widget');

    // The shop's page, served over HTTP with the bundle and the chunks it loads on demand.
    const site = createServer((request, response) => {
      const name = (request.url ?? '/').split('?')[0]!.slice(1);
      if (!name) {
        // No server behind `api`: the element must still render, and say it cannot reach the service.
        response.writeHead(200, { 'content-type': 'text/html' }).end(
          '<!doctype html><html lang="en"><body><comptoir-widget key="pk_test" api="http://127.0.0.1:9" lang="en"></comptoir-widget><script type="module" src="/bundle.js"></script></body></html>',
        );
      } else if (bundles.includes(name)) {
        response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(dist, name)));
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => document.body.dataset.readyEvent !== undefined);
    expect(await page.evaluate(() => customElements.get('comptoir-widget') !== undefined)).toBe(true);
    expect(await page.evaluate(() => document.body.dataset.readyEvent)).toBe('comptoir-ready');
    const alert = page.locator('comptoir-widget [role="alert"]');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toContain('Cannot reach the service');
    expect(errors).toEqual([]);
    await page.close();
    await new Promise((resolve) => site.close(resolve));
  });
});
