import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { adjustPoints } from '../../server/src/loyalty/service.js';
import { replyAsStaff } from '../../server/src/tickets/service.js';
import { createShopperLink } from '../../server/src/notifications/shopper-code.js';
import { demoOwner } from '../../server/src/shops/demo-seed.js';
import { launchChromium, openPage, screenshotDir, seriousViolations, signIn, startDemoServer, type DemoServer } from './harness.js';

let server: DemoServer;
let browser: Browser;

const mobile = { width: 320, height: 640 } as const;

function emailOf(number: string): string {
  const order = server.seeded.orders.find((candidate) => candidate.number === number);
  if (!order) throw new Error(`no demo order ${number}`);
  return order.email;
}

async function customerIdOf(number: string): Promise<string> {
  const customer = await server.core.deps.db.customer.findFirstOrThrow({
    where: { shopId: server.seeded.shop.id, email: emailOf(number) },
    select: { id: true },
  });
  return customer.id;
}

async function ownerId(): Promise<string> {
  return (await server.core.deps.db.staffUser.findFirstOrThrow({ where: { email: demoOwner.email }, select: { id: true } })).id;
}

/** Records the widget's public events on the page. */
async function recordEvents(page: Page, names: string[]) {
  await page.evaluate((eventNames) => {
    const seen: string[] = [];
    for (const name of eventNames) document.addEventListener(name, (event) => seen.push(`${event.type} ${JSON.stringify((event as CustomEvent).detail)}`));
    Object.assign(document, { seenComptoirEvents: seen });
  }, names);
}

function seenEvents(page: Page): Promise<string[]> {
  return page.evaluate(() => (document as unknown as { seenComptoirEvents: string[] }).seenComptoirEvents);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the widget’s requests, points and email links', () => {
  it('lets a shopper open a ticket about an order from a 320 px screen, then read the shop’s reply as text and answer', async () => {
    const context = await browser.newContext({ viewport: mobile, locale: 'fr-FR' });
    const { page, problems } = await openPage(context, `${server.origin}/demo/`);
    await recordEvents(page, ['comptoir-ticket-opened']);
    await page.locator('comptoir-launcher button').click();
    await signIn(page, '1001', emailOf('1001'));
    const menu = page.locator('comptoir-widget nav');
    await menu.getByRole('button', { name: 'Mes demandes' }).click();
    const list = page.locator('comptoir-ticket-list');
    await list.getByText('Aucune demande pour le moment', { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await list.getByRole('button', { name: 'Nouvelle demande' }).click();

    const form = page.locator('comptoir-ticket-form form');
    await form.waitFor();
    await form.locator('button[type="submit"]').click();
    expect(await form.locator('[role="alert"]').textContent()).toBe('Indiquez un objet et un message.');
    await form.locator('input[name="subject"]').fill('Taille du carnet');
    await form.locator('textarea[name="body"]').fill('Bonjour,\nle carnet existe-t-il en A4 ?');
    await expect.poll(() => form.locator('select[name="orderId"] option').count()).toBeGreaterThan(1);
    await form.locator('select[name="orderId"]').selectOption({ label: 'Commande 1001' });
    await form.locator('comptoir-file-picker input[type="file"]').setInputFiles({ name: 'bon.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 bon de livraison') });
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshotDir}widget-ticket-form-320.png` });
    await form.locator('button[type="submit"]').click();

    const thread = page.locator('comptoir-ticket-thread');
    await thread.locator('h2').waitFor();
    expect(await thread.locator('h2').textContent()).toBe('Taille du carnet');
    expect(await thread.locator('.status').textContent()).toBe('Nouveau');
    expect(await thread.locator('.message.you .text').textContent()).toBe('Bonjour,\nle carnet existe-t-il en A4 ?');
    expect(await thread.locator('.message.you button').textContent()).toContain('bon.pdf');
    const events = await seenEvents(page);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatch(/^comptoir-ticket-opened \{"ticketId":"[0-9a-f-]{36}","orderNumber":"1001"\}$/);
    expect(events.join(' ')).not.toMatch(/@|carnet/i);

    // The shop replies from the admin (its service, on the same database), with hostile text.
    const ticket = await server.core.deps.db.ticket.findFirstOrThrow({ where: { customerId: await customerIdOf('1001') }, select: { id: true } });
    const hostile = 'Oui ! <img src=x onerror=alert(1)> <b>A4</b>';
    await replyAsStaff(server.core.deps, {
      shopId: server.seeded.shop.id,
      ticketId: ticket.id,
      body: hostile,
      attachments: [],
      actor: { type: 'staff', id: await ownerId() },
    });
    await page.locator('comptoir-panel [part="back-button"]').click();
    const listed = list.locator('button.ticket');
    await listed.first().waitFor();
    expect(await listed.first().textContent()).toMatch(/Taille du carnet\s+En attente de votre réponse\s+Ouverte le .+ · Commande 1001/);
    await listed.first().click();
    const staff = thread.locator('.message.shop');
    await staff.waitFor();
    expect(await staff.locator('.author').textContent()).toBe('La boutique');
    expect(await staff.locator('.text').textContent()).toBe(hostile);
    expect(await thread.locator('img[src="x"], b').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshotDir}widget-ticket-thread-320.png` });

    await thread.locator('form textarea[name="body"]').fill('Merci !');
    await thread.locator('form button[type="submit"]').click();
    await thread.locator('[role="status"]').waitFor();
    expect(await thread.locator('.message.you .text').allTextContents()).toEqual(['Bonjour,\nle carnet existe-t-il en A4 ?', 'Merci !']);
    expect(await thread.locator('.status').textContent()).toBe('En attente de la boutique');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets a shopper redeem points for a voucher, see it among their vouchers and copy it, in English', async () => {
    await adjustPoints(server.core.deps, { shopId: server.seeded.shop.id, staff: { id: await ownerId() }, email: emailOf('1006'), points: 150, reason: 'Welcome gift' });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const { page, problems } = await openPage(context, `${server.origin}/demo/`);
    await page.waitForFunction(() => 'Comptoir' in window && 'version' in (window.Comptoir ?? {}));
    await recordEvents(page, ['comptoir-points-redeemed']);
    await page.evaluate(() => {
      const api = window.Comptoir as { setLocale(locale: string): void; open(view?: string): void };
      api.setLocale('en');
      api.open('loyalty');
    });
    await signIn(page, '1006', emailOf('1006'));
    const loyalty = page.locator('comptoir-loyalty');
    await loyalty.locator('.balance').waitFor();
    const before = Number((await loyalty.locator('.balance strong').textContent())?.replace(/\D/g, ''));
    expect(before).toBeGreaterThanOrEqual(150);
    expect(await loyalty.locator('.balance').textContent()).toMatch(/points available/);
    expect(await loyalty.locator('#tier').textContent()).toMatch(/tier$/);
    expect(await loyalty.getByText('No vouchers yet.').count()).toBe(1);
    expect(await loyalty.locator('[part="timeline"]').textContent()).toContain('Adjustment by the shop');
    expect(await seriousViolations(page)).toEqual([]);

    await loyalty.getByRole('button', { name: 'Redeem 100 points for a €5.00 voucher' }).click();
    const notice = loyalty.locator('.notice');
    await notice.waitFor();
    const code = /ready: (\S+)$/.exec((await notice.textContent()) ?? '')?.[1];
    expect(code).toBeTruthy();
    const voucher = loyalty.locator('.voucher');
    await voucher.first().waitFor();
    expect(await voucher.locator('input.code').inputValue()).toBe(code);
    expect(Number((await loyalty.locator('.balance strong').textContent())?.replace(/\D/g, ''))).toBe(before - 100);
    expect(await seenEvents(page)).toEqual(['comptoir-points-redeemed {"rewardId":"voucher-5","points":100}']);

    await voucher.getByRole('button', { name: `Copy the code ${code}` }).click();
    await expect.poll(() => notice.textContent()).toBe('Code copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshotDir}widget-loyalty-en-desktop.png` });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens the panel signed in from an emailed link, once, and takes the token out of the address', async () => {
    const url = await createShopperLink(server.core.deps, server.core.deps.db, {
      shopId: server.seeded.shop.id,
      customerId: await customerIdOf('1002'),
      email: emailOf('1002'),
      origin: `${server.origin}/demo`,
    });
    expect(url).toMatch(/\/demo\/#comptoir-link=/);
    const context = await browser.newContext({ viewport: mobile, locale: 'fr-FR' });
    const { page, problems } = await openPage(context, url);
    await recordEvents(page, ['comptoir-signed-in']);
    const orders = page.locator('comptoir-order-list .order');
    await orders.first().waitFor();
    expect(await page.locator('comptoir-sign-in').count()).toBe(0);
    expect(await orders.locator('.number').allTextContents()).toContain('Commande 1002');
    expect(await page.evaluate(() => location.href)).toBe(`${server.origin}/demo/`);
    expect(await page.locator('comptoir-widget nav').getByRole('button').allTextContents()).toEqual(['Mes commandes', 'Mes demandes', 'Mes points']);
    expect(await seriousViolations(page)).toEqual([]);

    // The same link again (another tab, no session): refused, the sign-in form says why.
    const other = await browser.newContext({ viewport: mobile, locale: 'fr-FR' });
    const second = await openPage(other, url);
    const alert = second.page.locator('comptoir-widget .error[role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).not.toBe('');
    await second.page.locator('comptoir-sign-in input[name="orderNumber"]').waitFor();
    expect(await second.page.evaluate(() => location.hash)).toBe('');
    expect(problems).toEqual([]);
    expect(second.problems).toEqual([]);
    await other.close();
    await context.close();
  });
});
