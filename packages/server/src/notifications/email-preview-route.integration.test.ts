import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createCaseShop, type CaseShop } from '../cases/case-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { testDatabaseKind } from '../test/test-database.js';
import { sha256 } from '../core/hash.js';
import { buildHttpServer } from '../http/server.js';
import { dispatchAllDue } from './dispatcher.js';
import { createDevelopmentTransport } from './email/transport.js';
import { createHttpWebhookSender } from './webhooks/sender.js';

describe(`the email preview route of the admin on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let http: FastifyInstance;
  let shop: CaseShop;
  let other: CaseShop;
  let emailId: string;
  let otherEmailId: string;

  /** The session cookie of a new staff member of `target`. */
  async function cookieOf(target: CaseShop): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    const user = await app.deps.db.staffUser.create({
      data: { email: `staff.${token.slice(0, 8)}@example.fr`, name: 'Staff', memberships: { create: { shopId: target.shop.id, role: 'staff' } } },
      select: { id: true },
    });
    await app.deps.db.staffSession.create({
      data: { staffUserId: user.id, tokenHash: sha256(token), activeShopId: target.shop.id, expiresAt: new Date(app.clock.now().getTime() + 86_400_000) },
    });
    return `comptoir_staff=${token}`;
  }

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-06-15T10:00:00Z' });
    shop = await createCaseShop(app, 'apercu');
    other = await createCaseShop(app, 'apercu-autre');
    for (const [target, number] of [
      [shop, 'P-1'],
      [other, 'P-2'],
    ] as const) {
      const { orderId, customerId } = await target.placeOrder({ number, email: `client.${number}@example.fr` });
      await target.shopper(customerId).tickets.widget.open({ subject: `Question sur ${number}`, body: 'Bonjour', orderId });
    }
    await dispatchAllDue({ ...app.deps, email: createDevelopmentTransport(app.deps.logger), webhooks: createHttpWebhookSender({ allowPrivateTargets: false }) });
    emailId = (await shop.staff.emails.admin.list({})).emails[0]!.id;
    otherEmailId = (await other.staff.emails.admin.list({})).emails[0]!.id;
    http = await buildHttpServer(app.deps);
  });

  afterAll(async () => {
    await http?.close();
    await app?.close();
  });

  it('serves the email as sent, inline styles allowed and nothing else, framable by the admin only', async () => {
    const response = await http.inject({ method: 'GET', url: `/admin/emails/${emailId}/preview`, headers: { cookie: await cookieOf(shop) } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const stored = await app.deps.db.emailLog.findUniqueOrThrow({ where: { id: emailId }, select: { html: true } });
    expect(response.body).toBe(stored.html);
    expect(response.body).toContain('style=');
    const csp = String(response.headers['content-security-policy']);
    const directives = Object.fromEntries(csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]));
    expect(directives).toEqual({
      'default-src': "'none'",
      'style-src': "'unsafe-inline'",
      'img-src': 'https: data:',
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'self'",
      sandbox: '',
    });
    expect(csp).not.toMatch(/script-src|unsafe-eval/);
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('private, no-store');
  });

  it('is 404 for another shop’s email, a malformed id or an unknown one, and 401 without a session', async () => {
    const cookie = await cookieOf(shop);
    for (const id of [otherEmailId, 'not-an-id', '0197a000-0000-7000-8000-000000000000']) {
      const response = await http.inject({ method: 'GET', url: `/admin/emails/${id}/preview`, headers: { cookie } });
      expect(response.statusCode, id).toBe(404);
      expect(response.body).not.toContain('P-2');
    }
    expect((await http.inject({ method: 'GET', url: `/admin/emails/${emailId}/preview` })).statusCode).toBe(401);
    expect((await http.inject({ method: 'GET', url: `/admin/emails/${emailId}/preview`, headers: { cookie: 'comptoir_staff=forged' } })).statusCode).toBe(401);
    // The other shop's own staff reads it.
    expect((await http.inject({ method: 'GET', url: `/admin/emails/${otherEmailId}/preview`, headers: { cookie: await cookieOf(other) } })).statusCode).toBe(200);
  });
});
