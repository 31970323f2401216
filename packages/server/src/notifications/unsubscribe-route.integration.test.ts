import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpServer } from '../http/server.js';
import { createShopWithKeys } from '../test/fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { unsubscribeToken } from './dispatcher.js';

let app: TestApp;
let http: FastifyInstance;
let shopId: string;

beforeAll(async () => {
  app = await createTestApp({ now: '2026-03-02T09:00:00Z' });
  http = await buildHttpServer(app.deps);
  const { shop } = await createShopWithKeys(app.deps.db, { slug: 'unsub' });
  await app.deps.db.shop.update({ where: { id: shop.id }, data: { name: 'Thé <img src=x onerror=alert(1)> & Co' } });
  shopId = shop.id;
});

afterAll(async () => {
  await http.close();
  await app.close();
});

let emailCounter = 0;
async function newCustomer(): Promise<{ id: string; token: string }> {
  emailCounter += 1;
  const customer = await app.deps.db.customer.create({ data: { shopId, email: `shopper${emailCounter}@example.com` }, select: { id: true } });
  return { id: customer.id, token: unsubscribeToken(app.deps, customer.id) };
}

async function stateOf(customerId: string) {
  const customer = await app.deps.db.customer.findUniqueOrThrow({ where: { id: customerId }, select: { emailOptOut: true } });
  const events = await app.deps.db.event.findMany({ where: { subjectId: customerId }, select: { type: true, actorType: true, actorId: true, reason: true } });
  return { optedOut: customer.emailOptOut, events };
}

const url = (token: string) => `/unsubscribe?token=${encodeURIComponent(token)}`;
const oneClick = { 'content-type': 'application/x-www-form-urlencoded' };

describe('GET /unsubscribe', () => {
  it('shows a confirm page in French by default and changes nothing', async () => {
    const customer = await newCustomer();
    const response = await http.inject({ url: url(customer.token) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('<html lang="fr">');
    expect(response.body).toContain('<form method="post">');
    expect(response.body).toContain('Confirmer le désabonnement');
    expect(await stateOf(customer.id)).toEqual({ optedOut: false, events: [] });
  });

  it('speaks English to an English browser, and offers the other language', async () => {
    const customer = await newCustomer();
    const response = await http.inject({ url: url(customer.token), headers: { 'accept-language': 'en-GB,en;q=0.8' } });
    expect(response.body).toContain('<html lang="en">');
    expect(response.body).toContain('Confirm unsubscribing');
    expect(response.body).toContain(`href="?token=${encodeURIComponent(customer.token)}&#38;lang=fr"`);
    const french = await http.inject({ url: `${url(customer.token)}&lang=fr`, headers: { 'accept-language': 'en' } });
    expect(french.body).toContain('<html lang="fr">');
  });

  it('shows the shop’s name as text, never as markup', async () => {
    const customer = await newCustomer();
    const { body } = await http.inject({ url: url(customer.token) });
    expect(body).toContain('Thé &#60;img src=x onerror=alert(1)&#62; &#38; Co');
    expect(body).not.toContain('<img');
  });

  it('runs no script and allows only its own style, by hash, under its Content-Security-Policy', async () => {
    const customer = await newCustomer();
    const response = await http.inject({ url: url(customer.token) });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    expect(response.body).not.toMatch(/<script|<[^>]*\son\w+=/i);
    const style = /<style>([\s\S]*?)<\/style>/.exec(response.body)?.[1] ?? '';
    expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cache-control']).toBe('no-store');
  });
});

describe('POST /unsubscribe', () => {
  it('opts the customer out on a one-click request and records it once, however many times it comes', async () => {
    const customer = await newCustomer();
    const first = await http.inject({ method: 'POST', url: url(customer.token), headers: oneClick, payload: 'List-Unsubscribe=One-Click' });
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('vous êtes désabonné');
    const again = await http.inject({ method: 'POST', url: url(customer.token), headers: oneClick, payload: 'List-Unsubscribe=One-Click' });
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('déjà désabonné');
    expect(await stateOf(customer.id)).toEqual({
      optedOut: true,
      events: [{ type: 'customer.email_opted_out', actorType: 'shopper', actorId: customer.id, reason: 'unsubscribe.one_click' }],
    });
    const page = await http.inject({ url: url(customer.token), headers: { 'accept-language': 'en' } });
    expect(page.body).toContain('already unsubscribed');
    expect(page.body).not.toContain('<form');
  });

  it('records two concurrent clicks as one opt-out', async () => {
    const customer = await newCustomer();
    const responses = await Promise.all(
      [1, 2].map(() => http.inject({ method: 'POST', url: url(customer.token), headers: oneClick, payload: 'List-Unsubscribe=One-Click' })),
    );
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200]);
    expect((await stateOf(customer.id)).events).toHaveLength(1);
  });

  it('accepts the page’s own form and a multipart one-click body alike', async () => {
    const fromPage = await newCustomer();
    const response = await http.inject({
      method: 'POST',
      url: url(fromPage.token),
      headers: { ...oneClick, 'sec-fetch-mode': 'navigate', origin: 'http://comptoir.test', 'accept-language': 'en' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(response.body).toContain('Done: you are unsubscribed.');
    expect((await stateOf(fromPage.id)).events.map((event) => event.reason)).toEqual(['unsubscribe.page']);

    const multipart = await newCustomer();
    const boundary = 'comptoir-boundary';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`;
    const viaMultipart = await http.inject({
      method: 'POST',
      url: url(multipart.token),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expect(viaMultipart.statusCode).toBe(200);
    expect((await stateOf(multipart.id)).optedOut).toBe(true);
  });
});

describe('a bad unsubscribe link', () => {
  it('is refused with a 400 page in both languages, and changes nothing', async () => {
    const victim = await newCustomer();
    const other = await newCustomer();
    const [, otherSignature] = other.token.split('.');
    const tokens = [
      `${victim.id}.${otherSignature}`,
      `${victim.token}x`,
      victim.id,
      'not-a-token',
      `${'a'.repeat(300)}`,
      `${'00000000-0000-7000-8000-000000000000'}.${otherSignature}`,
    ];
    for (const method of ['GET', 'POST'] as const) {
      for (const token of tokens) {
        const response = await http.inject({ method, url: url(token), headers: oneClick, payload: method === 'POST' ? 'List-Unsubscribe=One-Click' : undefined });
        expect(response.statusCode, `${method} ${token}`).toBe(400);
        expect(response.body).toContain('Lien de désabonnement invalide');
        expect(response.body).toContain('This link is incomplete or has been altered.');
      }
      const missing = await http.inject({ method, url: '/unsubscribe' });
      expect(missing.statusCode).toBe(400);
      const repeated = await http.inject({ method, url: `${url(victim.token)}&token=${encodeURIComponent(victim.token)}` });
      expect(repeated.statusCode).toBe(400);
    }
    expect(await stateOf(victim.id)).toEqual({ optedOut: false, events: [] });
  });
});
