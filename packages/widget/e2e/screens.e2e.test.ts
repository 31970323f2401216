import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { resolveClaim } from '../../server/src/claims/service.js';
import { adjustPoints } from '../../server/src/loyalty/service.js';
import { approveReturn } from '../../server/src/returns/service.js';
import { replyAsStaff, setTicketResolved } from '../../server/src/tickets/service.js';
import { demoOwner } from '../../server/src/shops/demo-seed.js';
import {
  describeFocus,
  isFocusInPanel,
  launchChromium,
  openPage,
  screenshotDir,
  seriousViolations,
  signIn,
  startDemoServer,
  tabTo,
  type DemoServer,
} from './harness.js';

/**
 * The claim, ticket, rating, loyalty and exchange screens: with the keyboard alone (Tab, Shift+Tab,
 * Enter, Space, Escape, and typing into fields) at 1280×800 in French, then each screen at 375×812
 * in English, with axe-core, and the panel under reduced motion, a dark scheme and offline.
 */

let server: DemoServer;
let browser: Browser;

const desktop = { width: 1280, height: 800 } as const;
const mobile = { width: 375, height: 812 } as const;

function emailOf(number: string): string {
  const order = server.seeded.orders.find((candidate) => candidate.number === number);
  if (!order) throw new Error(`no demo order ${number}`);
  return order.email;
}

async function ownerId(): Promise<string> {
  return (await server.core.deps.db.staffUser.findFirstOrThrow({ where: { email: demoOwner.email }, select: { id: true } })).id;
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${screenshotDir}widget-${name}.png` });
}

/** Waits for a text in a screen; on timeout, says what the screen showed instead. */
async function waitForText(scope: Locator, text: string) {
  try {
    await scope.getByText(text).waitFor({ timeout: 10_000 });
  } catch {
    const shown = await scope.evaluate((element) => {
      const deepText = (node: Node): string =>
        [...(node instanceof Element && node.shadowRoot ? node.shadowRoot.childNodes : []), ...node.childNodes]
          .map((child) => (child.nodeType === Node.TEXT_NODE ? (child.textContent ?? '') : deepText(child)))
          .join(' ');
      return deepText(element).replace(/\s+/g, ' ');
    });
    throw new Error(`“${text}” never showed; the screen said: ${shown}`);
  }
}

/** Tab within the open panel (checked at every press). */
const tabInPanel = (page: Page, pattern: RegExp) => tabTo(page, pattern, { inPanel: true });

/** From the page, Tab to the launcher, open it with Enter and sign in by typing. */
async function openAndSignInByKeyboard(page: Page, number: string) {
  await tabTo(page, /^button\|button\|\|Mes commandes$/);
  await page.keyboard.press('Enter');
  await page.locator('comptoir-sign-in input[name="orderNumber"]').waitFor();
  await expect.poll(() => describeFocus(page)).toMatch(/^input\|\|/);
  await page.keyboard.type(number);
  await tabInPanel(page, /^input\|email\|/);
  await page.keyboard.type(emailOf(number));
  await page.keyboard.press('Enter');
}

/** Escape closes the panel and gives the focus back to the launcher button. */
async function closeByEscape(page: Page) {
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('comptoir-panel dialog[open]').count()).toBe(0);
  await expect.poll(() => page.evaluate(() => document.activeElement?.localName)).toBe('comptoir-launcher');
  expect(await describeFocus(page)).toMatch(/^button\|button\|\|Mes commandes$/);
}

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the case screens with the keyboard alone (1280×800, French)', () => {
  it('opens a claim with its form, follows it, sees its refund and rates it once settled', async () => {
    const context = await browser.newContext({ viewport: desktop, locale: 'fr-FR' });
    const { page, problems } = await openPage(context, `${server.origin}/demo/#comptoir=order/1002`);
    await page.locator('comptoir-sign-in input[name="orderNumber"]').waitFor();
    await expect.poll(() => describeFocus(page)).toMatch(/^input\|\|/);
    await page.keyboard.type('1002');
    await tabInPanel(page, /^input\|email\|/);
    await page.keyboard.type(emailOf('1002'));
    await page.keyboard.press('Enter');
    await page.locator('comptoir-order-detail .returns').waitFor();

    await tabInPanel(page, /^button\|\|\|Signaler un problème$/);
    await page.keyboard.press('Enter');
    const flow = page.locator('comptoir-claim-flow');
    await flow.locator('form').waitFor();
    // The first kind that can be opened now (a delivered order: not "not received").
    await tabInPanel(page, /^input\|radio\|/);
    await page.keyboard.press('Space');
    expect(await flow.locator('input[name="kind"]:checked').count()).toBe(1);
    await tabInPanel(page, /^textarea\|/);
    const hostile = 'Bec cassé <img src=x onerror=alert(1)> <b>fêlé</b>';
    await page.keyboard.type(hostile);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'claim-form-fr-desktop');
    await tabInPanel(page, /^button\|submit\|\|Envoyer la réclamation$/);
    await page.keyboard.press('Enter');

    const claimCase = page.locator('comptoir-claim-case');
    await claimCase.locator('h2').waitFor();
    expect(await claimCase.locator('.text').textContent()).toBe(hostile);
    expect(await claimCase.locator('img[src="x"], b').count()).toBe(0);
    expect(await claimCase.locator('.status').textContent()).toBe('Ouverte');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'claim-case-fr-desktop');

    // The shop refunds it in store credit (from the admin: its service, same database).
    const claim = await server.core.deps.db.claim.findFirstOrThrow({ where: { order: { number: '1002', shopId: server.seeded.shop.id } }, select: { id: true } });
    await resolveClaim(server.core.deps, {
      claimId: claim.id,
      resolution: 'refund',
      provider: 'store_credit',
      idempotencyKey: 'e2e-claim-refund-0001',
      shopId: server.seeded.shop.id,
      actor: { type: 'staff', id: await ownerId() },
    });

    // Back to the order, and into the claim again: it is settled, refunded, and can be rated.
    await tabInPanel(page, /^button\|\|Retour\|$/);
    await page.keyboard.press('Enter');
    await page.locator('comptoir-order-detail .returns button.claim').waitFor();
    await tabInPanel(page, /^button\|\|\|Réclamation du .+ · Remboursée$/);
    await page.keyboard.press('Enter');
    await claimCase.locator('comptoir-case-rating').waitFor();
    expect(await claimCase.locator('.status').textContent()).toBe('Remboursée');
    // The refund's status in words, not its code.
    expect(await claimCase.locator('section', { hasText: 'Remboursements' }).locator('li').first().textContent()).toMatch(/^\d+,\d{2}\s€ · Effectué$/);
    // Tab reaches the group on its first star (the others are arrow keys away): Space picks it.
    await tabInPanel(page, /^input\|radio\|/);
    await page.keyboard.press('Space');
    await tabInPanel(page, /^textarea\|/);
    await page.keyboard.type('Rapide, merci.');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'claim-rating-fr-desktop');
    await tabInPanel(page, /^button\|submit\|\|Envoyer$/);
    await page.keyboard.press('Enter');
    await waitForText(claimCase, 'Votre note : 1 sur 5');
    expect(await claimCase.locator('comptoir-case-rating').count()).toBe(0);
    expect(await claimCase.locator('[role="status"]').last().textContent()).toBe('Merci pour votre avis.');
    expect(await claimCase.locator('[part="timeline"]').textContent()).toContain('Note envoyée');
    expect(await claimCase.locator('[part="timeline"]').textContent()).not.toMatch(/claim\.|succeeded/);

    await closeByEscape(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens a ticket, replies, and rates the shop’s answer once resolved', async () => {
    const context = await browser.newContext({ viewport: desktop, locale: 'fr-FR' });
    const { page, problems } = await openPage(context, `${server.origin}/demo/`);
    await openAndSignInByKeyboard(page, '1001');
    await page.locator('comptoir-order-list .order').first().waitFor();
    // The screen changed under the focus: the panel kept it.
    expect(await isFocusInPanel(page)).toBe(true);

    await tabInPanel(page, /^button\|\|\|Mes demandes$/);
    await page.keyboard.press('Enter');
    const list = page.locator('comptoir-ticket-list');
    await list.getByText('Aucune demande pour le moment', { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await tabInPanel(page, /^button\|\|\|Nouvelle demande$/);
    await page.keyboard.press('Enter');
    const form = page.locator('comptoir-ticket-form form');
    await form.waitFor();
    await tabInPanel(page, /^input\|text\|/);
    const subject = '<b>Carnet</b> en A4 ?';
    await page.keyboard.type(subject);
    await tabInPanel(page, /^textarea\|/);
    await page.keyboard.type('Bonjour, existe-t-il en A4 ?');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'ticket-form-fr-desktop');
    await tabInPanel(page, /^button\|submit\|\|Envoyer$/);
    await page.keyboard.press('Enter');

    const thread = page.locator('comptoir-ticket-thread');
    await thread.locator('h2').waitFor();
    expect(await thread.locator('h2').textContent()).toBe(subject);
    expect(await thread.locator('h2 b').count()).toBe(0);
    await tabInPanel(page, /^textarea\|/);
    await page.keyboard.type('Ou en A3 ?');
    await tabInPanel(page, /^button\|submit\|\|Envoyer$/);
    await page.keyboard.press('Enter');
    await thread.getByText('Message envoyé.').waitFor();
    expect(await thread.locator('.message.you .text').allTextContents()).toEqual(['Bonjour, existe-t-il en A4 ?', 'Ou en A3 ?']);

    // The shop answers and marks it resolved.
    const ticket = await server.core.deps.db.ticket.findFirstOrThrow({ where: { shopId: server.seeded.shop.id, subject }, select: { id: true } });
    const actor = { type: 'staff' as const, id: await ownerId() };
    await replyAsStaff(server.core.deps, { shopId: server.seeded.shop.id, ticketId: ticket.id, body: 'Oui, en A4 et en A3.', attachments: [], actor });
    await setTicketResolved(server.core.deps, { shopId: server.seeded.shop.id, ticketId: ticket.id, resolved: true, actor });

    await tabInPanel(page, /^button\|\|Retour\|$/);
    await page.keyboard.press('Enter');
    await list.locator('button.ticket').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'ticket-list-fr-desktop');
    await tabInPanel(page, /^button\|\|\|<b>Carnet<\/b> en A4 \? Résolu/);
    await page.keyboard.press('Enter');
    await thread.locator('comptoir-case-rating').waitFor();
    expect(await thread.locator('.message.shop .text').textContent()).toBe('Oui, en A4 et en A3.');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'ticket-thread-fr-desktop');
    await tabInPanel(page, /^input\|radio\|/);
    await page.keyboard.press('Space');
    await tabInPanel(page, /^button\|submit\|\|Envoyer$/);
    await page.keyboard.press('Enter');
    await waitForText(thread, 'Votre note : 1 sur 5');
    expect(await thread.locator('comptoir-case-rating').count()).toBe(0);
    await shot(page, 'ticket-rated-fr-desktop');

    // Shift+Tab from the top wraps to the bottom of the panel, never to the page.
    await tabTo(page, /^button\|\|Fermer\|$/, { inPanel: true, backwards: true });
    await page.keyboard.press('Shift+Tab');
    expect(await isFocusInPanel(page)).toBe(true);
    await closeByEscape(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('redeems points for a voucher', async () => {
    const hostileReason = 'Geste <img src=x onerror=alert(1)>';
    await adjustPoints(server.core.deps, { shopId: server.seeded.shop.id, staff: { id: await ownerId() }, email: emailOf('1006'), points: 150, reason: hostileReason });
    const context = await browser.newContext({ viewport: desktop, locale: 'fr-FR' });
    const { page, problems } = await openPage(context, `${server.origin}/demo/`);
    await openAndSignInByKeyboard(page, '1006');
    await page.locator('comptoir-order-list .order').first().waitFor();
    await tabInPanel(page, /^button\|\|\|Mes points$/);
    await page.keyboard.press('Enter');
    const loyalty = page.locator('comptoir-loyalty');
    await loyalty.locator('.balance').waitFor();
    expect(await loyalty.locator('[part="timeline"]').textContent()).toContain(hostileReason);
    expect(await loyalty.locator('img[src="x"]').count()).toBe(0);
    await tabInPanel(page, /^button\|\|Échanger 100 points contre un bon d’achat de 5,00\s€\|/);
    await page.keyboard.press('Enter');
    const notice = loyalty.locator('.notice');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/^Votre bon d’achat de 5,00\s€ est prêt : \S+$/);
    await loyalty.locator('.voucher').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'loyalty-fr-desktop');
    await closeByEscape(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the newer screens on a phone (375×812, English)', () => {
  it('asks for an exchange in another size, then sees the status change when the shop approves it', async () => {
    const context = await browser.newContext({ viewport: mobile, locale: 'en-GB' });
    const { page, problems } = await openPage(context, `${server.origin}/demo/`);
    await page.waitForFunction(() => 'Comptoir' in window && 'version' in (window.Comptoir ?? {}));
    await page.evaluate(() => {
      const api = window.Comptoir as { setLocale(locale: string): void; open(view?: string): void };
      api.setLocale('en');
      api.open('order/1012');
    });
    await signIn(page, '1012', emailOf('1012'));
    await page.locator('comptoir-order-detail .returns button', { hasText: 'Return items' }).click();
    const flow = page.locator('comptoir-return-flow');
    await flow.locator('form').waitFor();
    await flow.getByRole('checkbox', { name: /Return Affiche/ }).check();
    await flow.locator('input[name="method"]').first().check();
    await flow.getByRole('radio', { name: /An exchange/ }).check();
    // Without a choice, the form says what is missing.
    await flow.getByRole('button', { name: 'Continue' }).click();
    expect(await flow.locator('[role="alert"]').textContent()).toBe('Choose what you would like in exchange for each item.');
    const variant = flow.getByRole('combobox', { name: /Variant wanted in exchange for Affiche/ });
    expect((await variant.locator('option').allTextContents()).map((text) => text.trim())).toEqual(['Choose…', 'The same (50 × 70 cm)', '30 × 40 cm', '70 × 100 cm']);
    await variant.selectOption({ label: '30 × 40 cm' });
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'return-exchange-en-mobile');
    await flow.getByRole('button', { name: 'Continue' }).click();
    await flow.getByRole('heading', { name: 'Summary' }).waitFor();
    expect(await flow.locator('.box').first().textContent()).toContain('Exchanged for: 30 × 40 cm');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'return-summary-en-mobile');
    await flow.getByRole('button', { name: 'Confirm the return' }).click();
    await flow.locator('.code').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'return-confirmation-en-mobile');
    await flow.getByRole('button', { name: 'Follow my return' }).click();
    const returnCase = page.locator('comptoir-return-case');
    await returnCase.locator('.status').waitFor();
    expect(await returnCase.locator('.exchange').textContent()).toBe('Exchanged for: 30 × 40 cm');
    expect(await returnCase.locator('.status').textContent()).toBe('Requested');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'return-case-en-mobile');

    const created = await server.core.deps.db.returnCase.findFirstOrThrow({
      where: { shopId: server.seeded.shop.id, order: { number: '1012' } },
      select: { id: true, lines: { select: { exchangeSku: true } } },
    });
    expect(created.lines).toEqual([{ exchangeSku: 'AFF-RD-30' }]);
    await approveReturn(server.core.deps, { shopId: server.seeded.shop.id, returnId: created.id, actor: { type: 'staff', id: await ownerId() } });
    await page.locator('comptoir-panel [part="back-button"]').click();
    const listed = page.locator('comptoir-order-detail .returns button.return');
    await expect.poll(async () => (await listed.first().textContent())?.trim()).toMatch(/· Approved$/);
    await listed.first().click();
    await expect.poll(() => returnCase.locator('.status').textContent()).toBe('Approved');
    expect(await returnCase.locator('[part="timeline"]').textContent()).toContain('Approved');
    await shot(page, 'return-approved-en-mobile');

    // The other new screens, each checked by axe at this size.
    await page.locator('comptoir-panel [part="back-button"]').click();
    await page.locator('comptoir-order-detail .returns button', { hasText: 'Report a problem' }).click();
    await page.locator('comptoir-claim-flow form').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'claim-form-en-mobile');
    await page.locator('comptoir-panel [part="back-button"]').click();
    await page.locator('comptoir-panel [part="back-button"]').click();
    await page.locator('comptoir-widget nav').getByRole('button', { name: 'My requests' }).click();
    await page.locator('comptoir-ticket-list').getByText('No requests yet', { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('comptoir-ticket-list').getByRole('button', { name: 'New request' }).click();
    const ticketForm = page.locator('comptoir-ticket-form form');
    await ticketForm.waitFor();
    await ticketForm.locator('input[name="subject"]').fill('Poster frame');
    await ticketForm.locator('textarea[name="body"]').fill('Do you sell a frame for the 30 × 40 cm poster?');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'ticket-form-en-mobile');
    await ticketForm.locator('button[type="submit"]').click();
    const thread = page.locator('comptoir-ticket-thread');
    await thread.locator('.message.you').waitFor();
    expect(await thread.locator('.status').textContent()).toBe('New');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'ticket-thread-en-mobile');
    await page.locator('comptoir-panel [part="back-button"]').click();
    await page.locator('comptoir-ticket-list button.ticket').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'ticket-list-en-mobile');
    await page.locator('comptoir-panel [part="back-button"]').click();
    await page.locator('comptoir-widget nav').getByRole('button', { name: 'My points' }).click();
    await page.locator('comptoir-loyalty .balance').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'loyalty-en-mobile');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('explains being offline and loads again with “Try again” once back online', async () => {
    const context = await browser.newContext({ viewport: mobile, locale: 'en-GB' });
    const { page, problems } = await openPage(context, `${server.origin}/demo/#comptoir=orders`);
    await page.evaluate(() => (window.Comptoir as { setLocale(locale: string): void }).setLocale('en'));
    await signIn(page, '1005', emailOf('1005'));
    await page.locator('comptoir-order-list .order').first().waitFor();
    // The requests screen's code is fetched once online; then the connection drops.
    await page.locator('comptoir-widget nav').getByRole('button', { name: 'My requests' }).click();
    await page.locator('comptoir-ticket-list').getByText('No requests yet', { exact: false }).waitFor();
    await page.locator('comptoir-panel [part="back-button"]').click();
    await page.locator('comptoir-order-list .order').first().waitFor();
    await context.setOffline(true);
    await page.locator('comptoir-widget nav').getByRole('button', { name: 'My requests' }).click();
    const error = page.locator('comptoir-ticket-list [role="alert"]');
    await error.waitFor({ timeout: 15_000 });
    expect(await error.textContent()).toContain('You are offline. Reconnect to the Internet and try again.');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'offline-en-mobile');
    await context.setOffline(false);
    await error.getByRole('button', { name: 'Try again' }).click();
    await page.locator('comptoir-ticket-list').getByText('No requests yet', { exact: false }).waitFor();
    expect(await page.locator('comptoir-ticket-list [role="alert"]').count()).toBe(0);

    // Offline before a screen's code was ever fetched: the panel says so, and loads it once back online.
    await page.locator('comptoir-panel [part="back-button"]').click();
    await page.locator('comptoir-order-list .order').first().waitFor();
    await context.setOffline(true);
    await page.locator('comptoir-widget nav').getByRole('button', { name: 'My points' }).click();
    const missing = page.locator('comptoir-widget > [role="alert"], comptoir-widget [role="alert"]').filter({ hasText: 'You are offline' });
    await missing.first().waitFor();
    await context.setOffline(false);
    await missing.first().getByRole('button', { name: 'Try again' }).click();
    await page.locator('comptoir-loyalty .balance').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the panel and the shopper’s settings', () => {
  it('slides in, but not under prefers-reduced-motion', async () => {
    const animationOf = async (reducedMotion: 'reduce' | 'no-preference') => {
      const context = await browser.newContext({ viewport: desktop, locale: 'fr-FR', reducedMotion });
      const { page } = await openPage(context, `${server.origin}/demo/`);
      await page.locator('comptoir-launcher button').click();
      await page.locator('comptoir-sign-in input[name="orderNumber"]').waitFor();
      const animation = await page.locator('comptoir-panel').evaluate((panel) => getComputedStyle(panel.shadowRoot!.querySelector('dialog')!).animationName);
      await context.close();
      return animation;
    };
    expect(await animationOf('no-preference')).toBe('slide');
    expect(await animationOf('reduce')).toBe('none');
  });

  it('follows prefers-color-scheme: dark, and still passes axe', async () => {
    const context = await browser.newContext({ viewport: mobile, locale: 'fr-FR', colorScheme: 'dark' });
    const { page, problems } = await openPage(context, `${server.origin}/demo/`);
    await page.locator('comptoir-launcher button').click();
    await page.locator('comptoir-sign-in input[name="orderNumber"]').waitFor();
    const background = await page.locator('comptoir-panel').evaluate((panel) => getComputedStyle(panel.shadowRoot!.querySelector('dialog')!).backgroundColor);
    expect(background).toBe('rgb(28, 27, 25)');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'sign-in-dark-mobile');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('theming and the command API', () => {
  it('wears the shop’s brand colour and logo, takes the page’s custom properties and ::part rules, and closes on Comptoir.close()', async () => {
    const shop = server.seeded.shop.id;
    const before = await server.core.deps.db.shop.findUniqueOrThrow({ where: { id: shop }, select: { brandColor: true, logoUrl: true } });
    const logoUrl = `${server.origin}/demo/img/bougie-figuier.svg`;
    await server.core.deps.db.shop.update({ where: { id: shop }, data: { brandColor: '#7a1f3d', logoUrl } });
    try {
      const context = await browser.newContext({ viewport: desktop, locale: 'fr-FR' });
      const { page, problems } = await openPage(context, `${server.origin}/demo/`);
      await page.waitForFunction(() => 'Comptoir' in window && 'version' in (window.Comptoir ?? {}));
      await page.evaluate(() => {
        const seen: string[] = [];
        document.addEventListener('comptoir-close', (event) => seen.push(event.type));
        Object.assign(document, { seenClose: seen });
        (window.Comptoir as { open(view?: string): void }).open();
      });
      const submit = page.locator('comptoir-sign-in button[type="submit"]');
      await submit.waitFor();
      await expect.poll(() => submit.evaluate((button) => getComputedStyle(button).backgroundColor)).toBe('rgb(122, 31, 61)');
      // Light text reads better on this dark red than near-black.
      expect(await submit.evaluate((button) => getComputedStyle(button).color)).toBe('rgb(255, 255, 255)');
      expect(await page.locator('comptoir-panel').evaluate((panel) => panel.shadowRoot!.querySelector('header img')?.getAttribute('src'))).toBe(logoUrl);
      expect(await seriousViolations(page)).toEqual([]);
      await page.evaluate(() => (window.Comptoir as { close(): void }).close());
      await expect.poll(() => page.locator('comptoir-panel dialog[open]').count()).toBe(0);
      expect(await page.evaluate(() => (document as unknown as { seenClose: string[] }).seenClose)).toEqual(['comptoir-close']);

      // An inline widget, styled by the page through a custom property and a ::part rule (a
      // constructed style sheet: the demo's CSP refuses inline <style>, not the CSSOM).
      const inline = await openPage(context, `${server.origin}/demo/suivi.html`);
      await inline.page.locator('comptoir-widget comptoir-sign-in input[name="orderNumber"]').waitFor();
      await inline.page.evaluate(() => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync('comptoir-widget { --comptoir-radius: 3px } comptoir-widget::part(inline) { border-width: 7px }');
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      });
      const frame = await inline.page.locator('comptoir-widget').evaluate((widget) => {
        const style = getComputedStyle(widget.shadowRoot!.querySelector('.inline')!);
        return { border: style.borderTopWidth, radius: style.borderTopLeftRadius };
      });
      expect(frame).toEqual({ border: '7px', radius: '3px' });
      expect(problems).toEqual([]);
      expect(inline.problems).toEqual([]);
      await context.close();
    } finally {
      await server.core.deps.db.shop.update({ where: { id: shop }, data: before });
    }
  });
});
