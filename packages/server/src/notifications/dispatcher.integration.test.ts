import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { dispatchDue, type NotificationDeps } from './dispatcher.js';
import { emailTransportFromEnv } from './email/transport.js';
import { enqueue } from './outbox.js';
import { createHttpWebhookSender } from './webhooks/sender.js';
import { generateWebhookSecret } from './webhooks/signing.js';
import { verifyStandardWebhook } from './webhooks/test-verifier.js';

/** A local server speaking Resend's `POST /emails`, with scripted failures and idempotency as Resend documents it. */
function startFakeResend() {
  const requests: Array<{ headers: http.IncomingHttpHeaders; body: Record<string, unknown> }> = [];
  const accepted = new Map<string, string>();
  const script: number[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      requests.push({ headers: req.headers, body: JSON.parse(raw) as Record<string, unknown> });
      const status = script.shift() ?? 200;
      res.setHeader('content-type', 'application/json');
      if (req.method !== 'POST' || req.url !== '/emails' || req.headers.authorization !== 'Bearer re_test_key') {
        res.statusCode = 401;
        res.end(JSON.stringify({ statusCode: 401, name: 'missing_api_key', message: 'Missing API key' }));
        return;
      }
      if (status !== 200) {
        res.statusCode = status;
        const name = status === 429 ? 'rate_limit_exceeded' : 'internal_server_error';
        res.end(JSON.stringify({ statusCode: status, name, message: name }));
        return;
      }
      const key = String(req.headers['idempotency-key'] ?? '');
      const id = accepted.get(key) ?? `re_${accepted.size + 1}`;
      accepted.set(key, id);
      res.end(JSON.stringify({ id }));
    });
  });
  return { server, requests, accepted, script };
}

let app: TestApp;
let shopId: string;
let customerId: string;
const resend = startFakeResend();
const hooks: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
let hookStatus = 200;
const hookServer = http.createServer((req, res) => {
  let raw = '';
  req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
  req.on('end', () => {
    hooks.push({ headers: req.headers, body: raw });
    res.statusCode = hookStatus;
    res.end();
  });
});
let deps: NotificationDeps;

beforeAll(async () => {
  app = await createTestApp({ now: '2026-06-15T10:00:00Z' });
  await new Promise<void>((resolve) => resend.server.listen(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
  const { port } = resend.server.address() as AddressInfo;
  const shop = await app.deps.db.shop.create({
    data: { slug: 'lea', name: 'Chez <Léa>', allowedOrigins: ['https://lea.example'], emailReplyTo: 'lea@lea.example', brandColor: '#aa3366' },
  });
  shopId = shop.id;
  customerId = (await app.deps.db.customer.create({ data: { shopId, email: 'camille@example.fr', name: 'Camille' } })).id;
  deps = {
    ...app.deps,
    email: emailTransportFromEnv(app.deps.logger, { RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: `http://127.0.0.1:${port}` }),
    webhooks: createHttpWebhookSender({ allowPrivateTargets: true }),
    random: () => 0.5,
  };
});

afterAll(async () => {
  resend.server.close();
  hookServer.close();
  await app.close();
});

describe('email delivery through the resend SDK', () => {
  it('writes one message per cause, then delivers it once through a 429 and a 500 with the same Idempotency-Key', async () => {
    const at = app.clock.now();
    const message = {
      channel: 'email' as const,
      shopId,
      topic: 'return_refunded' as const,
      dedupeKey: 'return_refunded:r1',
      to: 'Camille@Example.fr',
      locale: 'fr' as const,
      customerId,
      data: { returnCode: 'R-1', orderNumber: '1042', url: 'https://lea.example/#comptoir-link=t', amount: { amountMinor: 1250, currency: 'EUR' } },
      at,
    };
    expect(await app.deps.db.$transaction((tx) => enqueue(tx, message))).toBe(1);
    expect(await app.deps.db.$transaction((tx) => enqueue(tx, message))).toBe(0);

    resend.script.push(429, 500);
    expect(await dispatchDue(deps)).toMatchObject({ claimed: 1, retried: 1 });
    // Not due again before its backoff.
    expect(await dispatchDue(deps)).toMatchObject({ claimed: 0 });
    app.clock.advance(60 * 60_000);
    expect(await dispatchDue(deps)).toMatchObject({ claimed: 1, retried: 1 });
    app.clock.advance(60 * 60_000);
    expect(await dispatchDue(deps)).toMatchObject({ claimed: 1, sent: 1 });
    app.clock.advance(60 * 60_000);
    expect(await dispatchDue(deps)).toMatchObject({ claimed: 0 });

    expect(resend.requests).toHaveLength(3);
    expect(new Set(resend.requests.map((r) => r.headers['idempotency-key']))).toEqual(new Set(['return_refunded:r1']));
    expect(resend.accepted.size).toBe(1);
    const body = resend.requests[2]!.body;
    expect(body).toMatchObject({ from: `"Chez Léa" <no-reply@comptoir.test>`, to: 'camille@example.fr', reply_to: 'lea@lea.example' });
    expect(String(body.subject)).toContain('12,50');
    expect(String(body.html)).toContain('Chez &lt;Léa&gt;');
    expect(String(body.text)).toContain('https://lea.example/#comptoir-link=t');

    const row = await app.deps.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: 'return_refunded:r1' } });
    expect(row).toMatchObject({ status: 'sent', attempts: 3 });
    const log = await app.deps.db.emailLog.findFirstOrThrow({ where: { outboxId: row.id } });
    expect(log).toMatchObject({ transport: 'resend', providerId: 're_1', to: 'camille@example.fr' });
  });

  it('adds one-click unsubscribe headers to non-essential emails and respects an opt-out', async () => {
    const at = app.clock.now();
    const base = { channel: 'email' as const, shopId, topic: 'order_delivered' as const, to: 'camille@example.fr', locale: 'en' as const, customerId, at };
    await enqueue(app.deps.db, { ...base, dedupeKey: 'delivered:1', data: { orderNumber: '1042', url: 'https://lea.example/' } });
    await dispatchDue(deps);
    const headers = resend.requests.at(-1)!.body.headers as Record<string, string>;
    expect(headers['List-Unsubscribe']).toMatch(/^<http:\/\/comptoir\.test\/unsubscribe\?token=.+>$/);
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

    await app.deps.db.customer.update({ where: { id: customerId }, data: { emailOptOut: true } });
    const before = resend.requests.length;
    await enqueue(app.deps.db, { ...base, dedupeKey: 'delivered:2', data: { orderNumber: '1043', url: 'https://lea.example/' } });
    // Essential messages still go.
    await enqueue(app.deps.db, {
      ...base,
      topic: 'return_received',
      dedupeKey: 'received:1',
      data: { returnCode: 'R-2', orderNumber: '1043', url: 'https://lea.example/' },
    });
    expect(await dispatchDue(deps)).toMatchObject({ suppressed: 1, sent: 1 });
    expect(resend.requests.length).toBe(before + 1);
    expect(resend.requests.at(-1)!.body.headers).toEqual({});
  });

  it('counts a send that never answers as a failed attempt, inside its lease, and retries it later', async () => {
    await enqueue(app.deps.db, {
      channel: 'email',
      shopId,
      topic: 'order_delivered',
      dedupeKey: 'stuck:1',
      to: 'camille@example.fr',
      locale: 'fr',
      data: { orderNumber: '1050', url: 'https://lea.example/' },
      at: app.clock.now(),
    });
    const stuck = { ...deps, email: { name: 'stuck', send: () => new Promise<never>(() => {}) } };
    expect(await dispatchDue(stuck, { emailTimeoutMs: 50 })).toMatchObject({ claimed: 1, retried: 1 });
    const row = await app.deps.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: 'stuck:1' } });
    expect(row).toMatchObject({ status: 'pending', lockedUntil: null, attempts: 1 });
    expect(row.lastError).toContain('no answer in 50 ms');
    app.clock.advance(60 * 60_000);
    expect(await dispatchDue(deps)).toMatchObject({ claimed: 1, sent: 1 });
  });

  it('gives up after the last attempt and marks the message dead', async () => {
    await enqueue(app.deps.db, {
      channel: 'email', shopId, topic: 'password_reset', dedupeKey: 'reset:dead', to: 'x@example.fr', locale: 'fr',
      data: { url: 'https://comptoir.test/reset', expiresInMinutes: 30 }, at: app.clock.now(),
    });
    for (let attempt = 0; attempt < 8; attempt += 1) {
      resend.script.push(500);
      await dispatchDue(deps);
      app.clock.advance(2 * 60 * 60_000);
    }
    const row = await app.deps.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: 'reset:dead' } });
    expect(row).toMatchObject({ status: 'dead', attempts: 8 });
  });
});

describe('webhook delivery', () => {
  it('signs each attempt per Standard Webhooks with a stable id, logs deliveries, and disables an endpoint failing for 3 days', async () => {
    const { port } = hookServer.address() as AddressInfo;
    const secret = generateWebhookSecret();
    const endpoint = await app.deps.db.webhookEndpoint.create({
      data: { shopId, url: `http://127.0.0.1:${port}/hooks`, secret, eventTypes: ['return.requested'] },
    });
    const owner = await app.deps.db.staffUser.create({ data: { email: 'owner@lea.example', name: 'Léa', locale: 'en' } });
    await app.deps.db.staffMembership.create({ data: { shopId, staffUserId: owner.id, role: 'owner' } });
    await enqueue(app.deps.db, { channel: 'webhook', shopId, type: 'return.requested', dedupeKey: 'ret:1', data: { id: 'r1' }, at: app.clock.now() });
    await enqueue(app.deps.db, { channel: 'webhook', shopId, type: 'claim.opened', dedupeKey: 'claim:1', data: { id: 'c1' }, at: app.clock.now() });

    hookStatus = 503;
    await dispatchDue(deps);
    app.clock.advance(60 * 60_000);
    hookStatus = 200;
    await dispatchDue(deps);
    expect(hooks).toHaveLength(2);
    for (const hook of hooks) {
      const headers = Object.fromEntries(Object.entries(hook.headers).map(([k, v]) => [k, String(v)]));
      expect(verifyStandardWebhook(secret, headers, hook.body, Number(headers['webhook-timestamp']))).toBe(true);
    }
    expect(hooks[0]!.headers['webhook-id']).toBe(hooks[1]!.headers['webhook-id']);
    expect(JSON.parse(hooks[1]!.body)).toMatchObject({ type: 'return.requested', data: { id: 'r1' } });
    const deliveries = await app.deps.db.webhookDelivery.findMany({ where: { endpointId: endpoint.id }, orderBy: { attempt: 'asc' } });
    expect(deliveries.map((d) => d.statusCode)).toEqual([503, 200]);

    // Failing for more than three days: disabled, and the owner told.
    hookStatus = 500;
    for (let day = 0; day < 4; day += 1) {
      await enqueue(app.deps.db, { channel: 'webhook', shopId, type: 'return.requested', dedupeKey: `ret:fail:${day}`, data: { day }, at: app.clock.now() });
      await dispatchDue(deps);
      app.clock.advance(25 * 60 * 60_000);
    }
    await dispatchDue(deps);
    const after = await app.deps.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(after.enabled).toBe(false);
    const notice = await app.deps.db.outboxMessage.findFirst({ where: { topic: 'webhook_endpoint_disabled' } });
    expect(notice?.payload).toMatchObject({ to: 'owner@lea.example', locale: 'en' });
  });
});
