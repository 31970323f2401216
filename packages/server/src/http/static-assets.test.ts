import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoContentSecurityPolicy, registerStaticAssets } from './static-assets.js';

const root = mkdtempSync(join(tmpdir(), 'comptoir-static-'));
const widgetDist = join(root, 'dist');
const demoDir = join(root, 'demo');
mkdirSync(join(widgetDist, 'assets'), { recursive: true });
mkdirSync(join(demoDir, 'img'), { recursive: true });
writeFileSync(join(widgetDist, 'widget.js'), 'console.log("loader")');
writeFileSync(join(widgetDist, 'assets', 'comptoir-widget-abc123.js'), 'export {}');
writeFileSync(join(demoDir, 'index.html'), '<script src="/widget.js" data-key="%COMPTOIR_PUBLISHABLE_KEY%"></script>');
writeFileSync(join(demoDir, 'img', 'mug.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

const app = Fastify();
let key: string | null = 'pk_demo"<';

beforeAll(async () => {
  await registerStaticAssets(app, { widgetDist, demoDir, demoPublishableKey: () => key });
  app.get('/trpc/echo-origin', async (req) => ({ origin: req.headers.origin ?? null }));
  await app.ready();
});

afterAll(() => app.close());

describe('registerStaticAssets', () => {
  it('serves widget.js with a short cache and hashed chunks with a year-long immutable one, both public', async () => {
    const loader = await app.inject('/widget.js');
    expect(loader.statusCode).toBe(200);
    expect(loader.headers['cache-control']).toBe('public, max-age=300');
    expect(loader.headers['access-control-allow-origin']).toBe('*');
    expect(loader.headers['content-type']).toContain('javascript');
    const chunk = await app.inject('/assets/comptoir-widget-abc123.js');
    expect(chunk.statusCode).toBe(200);
    expect(chunk.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(chunk.headers['access-control-allow-origin']).toBe('*');
  });

  it('serves the demo page with the publishable key escaped in, under a strict CSP', async () => {
    const page = await app.inject('/demo/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-key="pk_demo&#34;&#60;"');
    expect(page.headers['content-security-policy']).toBe(demoContentSecurityPolicy);
    expect((await app.inject('/demo/index.html')).body).toBe(page.body);
    expect((await app.inject('/demo/img/mug.svg')).statusCode).toBe(200);
    expect((await app.inject('/demo')).statusCode).toBe(302);
  });

  it('leaves the headers of API calls as they came: the same-origin rule lives in the publishable-key check', async () => {
    const sameOrigin = await app.inject({ url: '/trpc/echo-origin', headers: { host: 'shop.test:3000', 'sec-fetch-site': 'same-origin' } });
    expect(sameOrigin.json()).toEqual({ origin: null });
    const declared = await app.inject({
      url: '/trpc/echo-origin',
      headers: { origin: 'https://other.example', 'sec-fetch-site': 'same-origin' },
    });
    expect(declared.json()).toEqual({ origin: 'https://other.example' });
  });
});
