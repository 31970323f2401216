import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAdminAssets } from './admin-assets.js';

describe('admin assets', () => {
  const dist = mkdtempSync(join(tmpdir(), 'comptoir-admin-'));
  const app = Fastify();
  const bare = Fastify();

  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><comptoir-admin></comptoir-admin>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'export {};');
    await registerAdminAssets(app, { adminDist: dist });
    await registerAdminAssets(bare, { adminDist: join(dist, 'missing') });
  });

  afterAll(async () => {
    await app.close();
    await bare.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves hashed files as immutable for a year', async () => {
    const response = await app.inject('/admin/assets/index-abc123.js');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers index.html for app paths, revalidated and under a strict policy', async () => {
    for (const url of ['/admin/', '/admin/staff', '/admin/some/deep/path?x=1']) {
      const response = await app.inject(url);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<comptoir-admin>');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
  });

  it('answers 404, not the page, for a missing asset', async () => {
    expect((await app.inject('/admin/assets/index-old999.js')).statusCode).toBe(404);
    expect((await app.inject('/admin/favicon.ico')).statusCode).toBe(404);
  });

  it('redirects /admin to /admin/', async () => {
    const response = await app.inject('/admin');
    expect(response.statusCode).toBe(308);
    expect(response.headers.location).toBe('/admin/');
  });

  it('explains how to build the admin when there is no build', async () => {
    const response = await bare.inject('/admin/');
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('@comptoir/admin build');
  });
});
