import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { orderUpsertInput } from '@comptoir/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../server/src/app.js';
import { adjustPoints } from '../../server/src/loyalty/service.js';
import { dispatchAllDue } from '../../server/src/notifications/dispatcher.js';
import { createDevelopmentTransport } from '../../server/src/notifications/email/transport.js';
import { notificationDepsFrom } from '../../server/src/notifications/worker.js';
import { upsertOrder } from '../../server/src/orders/upsert-order.js';
import { createStaffUser } from '../../server/src/staff/service.js';
import { openTicket } from '../../server/src/tickets/service.js';
import { createShopWithKeys } from '../../server/src/test/fixtures.js';
import { screenshots, seriousViolations, signIn, startE2eServer, viewports, type E2eServer, type Viewport } from './e2e-harness.js';

/** A request the shop's software received. */
interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
}

/** The shop's software, on a local port: answers 200 to every webhook and keeps what it received. */
async function startReceiver(): Promise<{ server: Server; url: string; received: ReceivedWebhook[] }> {
  const received: ReceivedWebhook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/comptoir-hooks`, received };
}

describe('admin operations screens in Chromium', () => {
  let server: E2eServer;
  let core: AppCore;
  let browser: Browser;
  let baseUrl = '';
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  /** Delivers the outbox now (emails through the development transport, which keeps them), as the worker would. */
  async function deliverOutbox(): Promise<void> {
    await dispatchAllDue(notificationDepsFrom(core.deps, { email: createDevelopmentTransport(core.deps.logger) }));
  }

  /** A shop with its owner signed in, and a customer with an order. */
  async function ownerOfNewShop(viewport: Viewport, slug: string) {
    const { shop } = await createShopWithKeys(core.deps.db, { slug: `${slug}-${viewport.name}` });
    const ownerEmail = `owner.${slug}.${viewport.name}@example.com`;
    const owner = await createStaffUser(core.deps, { email: ownerEmail, name: 'Odile', password: 'owner-password-1', shopId: shop.id, role: 'owner' });
    const now = core.deps.clock.now().getTime();
    const placed = await upsertOrder(core.deps, {
      shopId: shop.id,
      actor: { type: 'system' },
      order: orderUpsertInput.parse({
        externalId: `ext-${slug}-${viewport.name}`,
        number: `${slug.toUpperCase()}-${viewport.name.toUpperCase()}`,
        customer: { email: `claire.${slug}.${viewport.name}@example.fr`, name: 'Claire Martin' },
        currency: 'EUR',
        lines: [{ sku: 'TAS', title: 'Tasse en grès', quantity: 1, unitPriceMinor: 1_500 }],
        shippingMinor: 0,
        placedAt: new Date(now - 6 * 86_400_000).toISOString(),
        deliveredAt: new Date(now - 3 * 86_400_000).toISOString(),
      }),
    });
    const { customerId } = await core.deps.db.order.findUniqueOrThrow({ where: { id: placed.orderId }, select: { customerId: true } });
    return { shop, ownerEmail, ownerId: owner.staffUserId, orderId: placed.orderId, customerId };
  }

  async function openPage(viewport: Viewport): Promise<{ page: Page; shot: (name: string) => Promise<unknown>; close: () => Promise<void> }> {
    const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, locale: viewport.locale });
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    return {
      page,
      shot: (name) => page.screenshot({ path: `${screenshots}admin-${name}-${viewport.name}.png`, fullPage: true }),
      close: () => context.close(),
    };
  }

  beforeAll(async () => {
    server = await startE2eServer();
    ({ core, browser, baseUrl } = server);
    receiver = await startReceiver();
  });

  afterAll(async () => {
    await new Promise((resolve) => receiver?.server.close(resolve));
    await server?.close();
  });

  for (const viewport of viewports) {
    it(`lets an owner subscribe a webhook endpoint, read its delivery log and send a message again (${viewport.width}×${viewport.height}, ${viewport.locale})`, async () => {
      const { shop, ownerEmail, customerId, orderId } = await ownerOfNewShop(viewport, 'hooks');
      const { page, shot, close } = await openPage(viewport);
      try {
        await signIn(page, baseUrl, ownerEmail, 'owner-password-1');
        await page.locator('comptoir-app-shell nav a[href="#/webhooks"]').click();
        const webhooks = page.locator('comptoir-webhooks-page');
        await webhooks.locator('#webhook-url').fill(`${receiver.url}?shop=${viewport.name}`);
        await webhooks.locator('input[name=eventTypes][value="ticket.opened"]').check();
        await webhooks.locator('form button[type=submit]').first().click();

        // The signing secret is shown once, in a copy field.
        const secret = webhooks.locator('comptoir-copy-field input');
        await secret.waitFor();
        expect(await secret.inputValue()).toMatch(/^whsec_/);
        await expect.poll(() => webhooks.locator('[part=endpoint]').count()).toBe(1);
        expect(await webhooks.locator('[part=endpoint] .url').textContent()).toBe(`${receiver.url}?shop=${viewport.name}`);
        expect(await seriousViolations(page)).toEqual([]);
        await shot('webhooks');

        // A customer opens a request: the event goes out to the endpoint.
        const before = receiver.received.length;
        await openTicket(core.deps, { shopId: shop.id, customerId, orderId, subject: 'Où en est mon colis ?', body: 'Bonjour', attachments: [] });
        await deliverOutbox();
        const sent = receiver.received.slice(before).filter((request) => request.body.includes('ticket.opened'));
        expect(sent).toHaveLength(1);

        await webhooks.locator('[part=endpoint] button[data-action=log]').click();
        const log = webhooks.locator('comptoir-webhook-deliveries');
        const rows = log.locator('[part=delivery]').filter({ visible: true });
        await expect.poll(() => rows.count()).toBe(1);
        expect(await rows.first().textContent()).toContain('200');
        expect(await seriousViolations(page)).toEqual([]);
        await shot('webhook-log');

        // "Send again" queues the same message (same webhook-id): the receiver gets it a second time.
        await rows.first().locator('button').click();
        await log.locator('.alert.success').waitFor();
        await deliverOutbox();
        const again = receiver.received.slice(before).filter((request) => request.body.includes('ticket.opened'));
        expect(again).toHaveLength(2);
        expect(again[1]!.headers['webhook-id']).toBe(again[0]!.headers['webhook-id']);
        await log.locator('.head button').click();
        await expect.poll(() => rows.count()).toBe(2);

        // Turned off, then deleted after confirmation.
        await webhooks.locator('[part=endpoint] button[data-action=toggle]').click();
        await expect.poll(async () => (await core.deps.db.webhookEndpoint.findFirstOrThrow({ where: { shopId: shop.id }, select: { enabled: true } })).enabled).toBe(false);
        await webhooks.locator('[part=endpoint] button[data-action=delete]').click();
        await expect.poll(() => webhooks.locator('[part=endpoint]').count()).toBe(0);
        expect(await core.deps.db.webhookEndpoint.count({ where: { shopId: shop.id } })).toBe(0);
      } finally {
        await close();
      }
    });
  }

  for (const viewport of viewports) {
    it(`lists the emails the shop sent and shows one as received, HTML sandboxed and plain text (${viewport.width}×${viewport.height}, ${viewport.locale})`, async () => {
      const { shop, ownerEmail, customerId, orderId } = await ownerOfNewShop(viewport, 'mails');
      // A new request alerts the owner by email; the development transport keeps it in the log.
      await openTicket(core.deps, { shopId: shop.id, customerId, orderId, subject: 'Taille du bol', body: 'Bonjour', attachments: [] });
      await deliverOutbox();
      const kept = await core.deps.db.emailLog.findFirstOrThrow({ where: { shopId: shop.id }, select: { id: true, subject: true, text: true, to: true } });
      expect(kept.to).toBe(ownerEmail);

      const { page, shot, close } = await openPage(viewport);
      try {
        await signIn(page, baseUrl, ownerEmail, 'owner-password-1');
        await page.locator('comptoir-app-shell nav a[href="#/emails"]').click();
        const list = page.locator('comptoir-emails-page');
        const link = list.locator(`a[href="#/emails?id=${kept.id}"]`);
        await link.waitFor();
        expect(await link.textContent()).toBe(kept.subject);
        expect(await seriousViolations(page)).toEqual([]);
        await shot('emails');

        await list.locator('#email-search').fill('nobody-has-this-address');
        await expect.poll(() => link.count()).toBe(0);
        await list.locator('#email-search').fill(ownerEmail);
        await link.click();

        const detail = page.locator('comptoir-email-detail-page');
        await expect.poll(() => detail.locator('h1').textContent()).toBe(kept.subject);
        const frame = detail.locator('iframe');
        expect(await frame.getAttribute('sandbox')).toBe('');
        // The server's preview route, with its own CSP: the email's inline styles apply (a srcdoc
        // frame inherited the admin's style-src 'self' and showed them unstyled).
        expect(await frame.getAttribute('src')).toBe(`/admin/emails/${kept.id}/preview`);
        const paragraph = page.frameLocator('comptoir-email-detail-page iframe').locator('p').first();
        await paragraph.waitFor();
        expect(await paragraph.evaluate((element) => getComputedStyle(element).marginTop)).toBe('0px');
        expect(await seriousViolations(page)).toEqual([]);
        await shot('email-html');

        // The tabs work from the keyboard: the right arrow selects the plain text.
        await detail.locator('#tab-html').focus();
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => detail.locator('#tab-text').getAttribute('aria-selected')).toBe('true');
        expect(await detail.locator('pre').textContent()).toBe(kept.text);
        expect(await frame.isVisible()).toBe(false);
        expect(await seriousViolations(page)).toEqual([]);
        await shot('email-text');
      } finally {
        await close();
      }
    });
  }

  for (const viewport of viewports) {
    it(`lets an owner adjust a member's points with a reason, save the programme and export the members (${viewport.width}×${viewport.height}, ${viewport.locale})`, async () => {
      const { shop, ownerEmail, ownerId } = await ownerOfNewShop(viewport, 'fidelite');
      const memberEmail = `marie.${viewport.name}@example.fr`;
      await adjustPoints(core.deps, { shopId: shop.id, staff: { id: ownerId }, email: memberEmail, points: 100, reason: 'Welcome' });

      const { page, shot, close } = await openPage(viewport);
      try {
        await signIn(page, baseUrl, ownerEmail, 'owner-password-1');
        await page.locator('comptoir-app-shell nav a[href="#/loyalty"]').click();
        const loyalty = page.locator('comptoir-loyalty-page');
        const members = loyalty.locator('comptoir-loyalty-members');
        await members.locator('#member-search').fill(memberEmail);
        const member = members.locator('[part=member]').filter({ hasText: memberEmail });
        await member.waitFor();
        expect(await member.textContent()).toContain('100');
        await loyalty.locator('comptoir-loyalty-settings-form #first-order-bonus').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await shot('loyalty');

        // An adjustment needs a reason: without one, nothing is sent.
        await member.locator('button').click();
        await members.locator('#adjust-points').fill('25');
        await members.locator('#adjust-submit').click();
        expect(await members.locator('#adjust-reason').evaluate((element) => (element as HTMLTextAreaElement).validity.valueMissing)).toBe(true);
        await members.locator('#adjust-reason').fill('Colis arrivé en retard');
        await members.locator('#adjust-submit').click();
        await expect.poll(() => members.locator('#member-balance').textContent()).toContain('125');
        expect(await members.locator('[role=status]').textContent()).toContain('125');
        await expect.poll(() => members.locator('[part=entry]').count()).toBe(2);
        expect(await members.locator('[part=entry]').first().textContent()).toContain('Colis arrivé en retard');
        expect(await seriousViolations(page)).toEqual([]);
        await shot('loyalty-member');

        // The programme: a bigger first-order bonus, saved by the owner.
        const settings = loyalty.locator('comptoir-loyalty-settings-form');
        await settings.locator('#first-order-bonus').fill('80');
        await settings.locator('#first-order-bonus').dispatchEvent('change');
        await settings.locator('button[type=submit]').click();
        await settings.locator('.alert.success').waitFor();
        const saved = await core.deps.db.shop.findUniqueOrThrow({ where: { id: shop.id }, select: { loyaltySettings: true } });
        expect(saved.loyaltySettings).toMatchObject({ earning: { firstOrderBonus: 80 } });

        // The export downloads the server's CSV as a file.
        const [download] = await Promise.all([page.waitForEvent('download'), loyalty.locator('#export-csv').click()]);
        expect(download.suggestedFilename()).toBe('loyalty-members.csv');
        const path = await download.path();
        expect(await readFile(path, 'utf8')).toContain(memberEmail);
      } finally {
        await close();
      }
    });
  }
});
