/**
 * Widget benchmark: builds the widget, prints its gzip sizes (packages/widget/scripts/size.mjs), then
 * loads the demo shop in headless Chromium, served by the real server, N times with the script tag
 * and N times without it (the tag stripped from the page), and reports the median main-thread task
 * time the widget adds (CDP Performance.getMetrics TaskDuration and ScriptDuration, long tasks) and
 * the cumulative layout shift it causes. Options: --runs 9 --no-build --out <file>.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { log, rootDir, serverDir } from './lib/paths.js';
import { runTsx, startComptoir } from './lib/processes.js';

const { values: args } = parseArgs({
  options: { runs: { type: 'string' }, quick: { type: 'boolean', default: false }, 'no-build': { type: 'boolean', default: false }, out: { type: 'string' } },
  allowPositionals: true,
  strict: false,
});
const runs = Number(args.runs ?? (args.quick ? 5 : 11));
const widgetDir = path.join(rootDir, 'packages/widget');
const { chromium } = createRequire(path.join(widgetDir, 'package.json'))('playwright-core') as typeof import('../packages/widget/node_modules/playwright-core/index.js');

if (!args['no-build']) {
  log('building the widget (vite build)');
  execFileSync(process.execPath, [path.join(widgetDir, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: widgetDir, stdio: ['ignore', 'ignore', 'inherit'] });
}
const sizes = JSON.parse(execFileSync(process.execPath, [path.join(widgetDir, 'scripts/size.mjs'), '--json'], { cwd: widgetDir, encoding: 'utf8' })) as Record<string, number>;
log(`sizes: ${JSON.stringify(sizes)}`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-bench-widget-'));
const port = 39300;
const origin = `http://127.0.0.1:${port}`;
const seedScript = path.join(dataDir, 'seed-demo.mts');
fs.writeFileSync(
  seedScript,
  `import { startAppCore } from ${JSON.stringify(path.join(serverDir, 'src/app.ts'))};
import { createLogger } from ${JSON.stringify(path.join(serverDir, 'src/core/logger.ts'))};
import { seedDemoShop } from ${JSON.stringify(path.join(serverDir, 'src/shops/demo-seed.ts'))};
const core = await startAppCore({ logger: createLogger('warn') });
const result = await seedDemoShop(core.deps, { origin: ${JSON.stringify(origin)} });
process.stdout.write(result.publishableKey);
await core.close();
`,
);
const env = { DATABASE_URL: '', COMPTOIR_DATA_DIR: path.join(dataDir, 'data') };
const publishableKey = (await runTsx(seedScript, [], env)).trim();
const server = await startComptoir({ port, env: { ...env, COMPTOIR_DEMO_KEY: publishableKey, COMPTOIR_PUBLIC_URL: origin }, name: 'widget-server' });

interface LoadSample {
  taskMs: number;
  scriptMs: number;
  longTaskMs: number;
  cls: number;
  widgetDefined: boolean;
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function loadOnce(withWidget: boolean): Promise<LoadSample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const state = { cls: 0, longTaskMs: 0 };
    (window as unknown as { __bench: typeof state }).__bench = state;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) if (!entry.hadRecentInput) state.cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.longTaskMs += entry.duration;
    }).observe({ type: 'longtask', buffered: true });
  });
  if (!withWidget) {
    await page.route(`${origin}/demo/`, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(/<script src="\/widget\.js"[^>]*><\/script>/, '');
      await route.fulfill({ response, body });
    });
  }
  page.on('console', (message) => { if (process.env.BENCH_DEBUG) log(`console: ${message.text()}`); });
  page.on('requestfailed', (request) => { if (process.env.BENCH_DEBUG) log(`failed: ${request.url()}`); });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${origin}/demo/`, { waitUntil: 'load' });
  // The widget loads async and then its launcher: give it time to settle.
  await page.waitForTimeout(1_500);
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  const metric = (name: string) => (metrics.find((entry) => entry.name === name)?.value ?? 0) * 1000;
  const state = await page.evaluate(() => ({
    ...(window as unknown as { __bench: { cls: number; longTaskMs: number } }).__bench,
    widgetDefined: Boolean((window as unknown as { Comptoir?: { version?: string } }).Comptoir?.version),
  }));
  await context.close();
  return { taskMs: metric('TaskDuration'), scriptMs: metric('ScriptDuration'), longTaskMs: state.longTaskMs, cls: state.cls, widgetDefined: state.widgetDefined };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const round = (value: number) => Math.round(value * 100) / 100;

const withWidget: LoadSample[] = [];
const without: LoadSample[] = [];
try {
  await loadOnce(true);
  await loadOnce(false);
  for (let i = 0; i < runs; i += 1) {
    // Alternated, so drifting machine load hits both sides alike.
    without.push(await loadOnce(false));
    withWidget.push(await loadOnce(true));
  }
} finally {
  await browser.close();
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
if (!withWidget.every((sample) => sample.widgetDefined)) throw new Error('the widget did not load on the demo page');

const summary = {
  ...sizes,
  runs,
  addedTaskMsMedian: round(median(withWidget.map((s) => s.taskMs)) - median(without.map((s) => s.taskMs))),
  addedScriptMsMedian: round(median(withWidget.map((s) => s.scriptMs)) - median(without.map((s) => s.scriptMs))),
  longTaskMsMedian: round(median(withWidget.map((s) => s.longTaskMs))),
  clsMax: round(Math.max(...withWidget.map((s) => s.cls))),
  clsWithoutWidgetMax: round(Math.max(...without.map((s) => s.cls))),
  targets: { addedTaskMs: 10, cls: 0 },
};
const output = {
  kind: 'widget',
  summary,
  samples: { withWidget: withWidget.map((s) => ({ ...s, taskMs: round(s.taskMs), scriptMs: round(s.scriptMs) })), without: without.map((s) => ({ ...s, taskMs: round(s.taskMs), scriptMs: round(s.scriptMs) })) },
};
log(`widget: ${JSON.stringify(summary)}`);
const text = JSON.stringify(output, null, 2);
if (typeof args.out === 'string') fs.writeFileSync(args.out, text);
else process.stdout.write(`${text}\n`);
