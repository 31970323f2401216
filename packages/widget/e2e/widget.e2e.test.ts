import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage, postFromBackEnd, screenshotDir, seriousViolations, signIn, startDemoServer, startHostSite, tabTo, type DemoServer } from './harness.js';

let server: DemoServer;
let browser: Browser;

const viewports = {
  mobile: { width: 375, height: 812 },
  desktop: { width: 1280, height: 800 },
} as const;

/** A 1×1 PNG, the smallest real photo. */
const onePixelPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** The email of a demo order. */
function emailOf(number: string): string {
  const order = server.seeded.orders.find((candidate) => candidate.number === number);
  if (!order) throw new Error(`no demo order ${number}`);
  return order.email;
}

async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `${screenshotDir}widget-${name}.png` });
}

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the widget on the demo shop', () => {
  for (const [size, viewport] of Object.entries(viewports)) {
    it(`lets a shopper sign in, see their orders and follow a parcel, in French (${size})`, async () => {
      const context = await browser.newContext({ viewport, locale: 'fr-FR' });
      const { page, problems } = await openPage(context, `${server.origin}/demo/`);
      const launcher = page.locator('comptoir-launcher button');
      await expect.poll(() => launcher.textContent()).toContain('Mes commandes');
      await screenshot(page, `launcher-${size}`);
      await page.evaluate(() => {
        const seen: string[] = [];
        for (const name of ['comptoir-ready', 'comptoir-open', 'comptoir-signed-in', 'comptoir-close']) {
          document.addEventListener(name, (event) => seen.push(`${event.type} ${JSON.stringify((event as CustomEvent).detail)}`));
        }
        Object.assign(document, { seenComptoirEvents: seen });
      });

      await launcher.click();
      await page.locator('comptoir-sign-in input[name="orderNumber"]').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `sign-in-fr-${size}`);

      await signIn(page, '1001', emailOf('1001'));
      const orders = page.locator('comptoir-order-list .order');
      await expect.poll(() => orders.count()).toBeGreaterThanOrEqual(3);
      const numbers = await orders.locator('.number').allTextContents();
      expect(numbers.slice(0, 3)).toEqual(['Commande 1010', 'Commande 1006', 'Commande 1001']);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `orders-fr-${size}`);

      await orders.filter({ hasText: '1006' }).click();
      const detail = page.locator('comptoir-order-detail');
      await detail.locator('.timeline li').first().waitFor();
      expect(await detail.locator('.timeline li .event-status').allTextContents()).toEqual(['En transit', 'Étiquette créée']);
      expect(await detail.locator('a[href*="laposte.fr"]').textContent()).toContain('Suivre le colis chez Colissimo');
      expect((await detail.locator('section.box p').allTextContents()).join(' ')).toContain('Livraison promise au plus tard le');
      expect(await detail.locator('.line img').count()).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `order-fr-${size}`);

      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('comptoir-panel dialog[open]').count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.localName)).toBe('comptoir-launcher');
      const events = await page.evaluate(() => (document as unknown as { seenComptoirEvents: string[] }).seenComptoirEvents);
      expect(events.map((event) => event.split(' ')[0])).toEqual(['comptoir-open', 'comptoir-ready', 'comptoir-signed-in', 'comptoir-close']);
      expect(events.join(' ')).not.toMatch(/@|1001|token/);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('lets a shopper return an item of a delivered order with the keyboard alone, then follow it', async () => {
    const context = await browser.newContext({ viewport: viewports.desktop, locale: 'fr-FR' });
    const { page, problems } = await openPage(context, `${server.origin}/demo/#comptoir=order/1002`);
    await page.evaluate(() => {
      const seen: string[] = [];
      document.addEventListener('comptoir-return-requested', (event) => seen.push(JSON.stringify((event as CustomEvent).detail)));
      Object.assign(document, { seenReturns: seen });
    });
    await page.locator('comptoir-sign-in input[name="orderNumber"]').waitFor();
    await signIn(page, '1002', emailOf('1002'));
    const detail = page.locator('comptoir-order-detail');
    const returnButton = detail.locator('.returns button', { hasText: 'Retourner des articles' });
    await returnButton.waitFor();
    expect(await detail.locator('.returns').textContent()).toMatch(/Retour possible jusqu’au \d{1,2} \S+ \d{4}/);
    await screenshot(page, 'return-order-desktop');

    // From here on, Tab, Space and Enter only.
    await tabTo(page, /^button\|\|\|Retourner des articles$/, { inPanel: true });
    await page.keyboard.press('Enter');
    const flow = page.locator('comptoir-return-flow');
    await flow.locator('form').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await tabTo(page, /^input\|checkbox\|Retourner /, { inPanel: true });
    await page.keyboard.press('Space');
    await tabTo(page, /^input\|radio\|/, { inPanel: true });
    await page.keyboard.press('Space');
    await tabTo(page, /^input\|radio\|/, { inPanel: true });
    await page.keyboard.press('Space');
    expect(await flow.locator('input[type="checkbox"]:checked').count()).toBe(1);
    expect(await flow.locator('input[type="radio"]:checked').count()).toBe(2);
    await screenshot(page, 'return-form-desktop');
    await tabTo(page, /^button\|submit\|\|Continuer$/, { inPanel: true });
    await page.keyboard.press('Enter');
    await flow.getByRole('heading', { name: 'Récapitulatif' }).waitFor();
    const summary = (await flow.locator('.box').textContent()) ?? '';
    expect(summary).toMatch(/Montant : \d+,\d{2}\s€/);
    expect(summary).toMatch(/Remboursé (dès l’acceptation|au plus tard \d+ h après réception de l’article, et au plus tard le \d{1,2} \S+ \d{4})/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'return-summary-desktop');
    await tabTo(page, /^button\|\|\|Confirmer le retour$/, { inPanel: true });
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');

    const code = flow.locator('.code');
    await code.waitFor();
    const codeText = (await code.textContent()) ?? '';
    expect(codeText).toMatch(/^Code de retour : [A-Z0-9-]{4,20}$/);
    await expect.poll(() => flow.locator('canvas').evaluate((canvas: HTMLCanvasElement) => canvas.width)).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'return-confirmation-desktop');
    const events = await page.evaluate(() => (document as unknown as { seenReturns: string[] }).seenReturns);
    expect(events).toEqual([JSON.stringify({ orderNumber: '1002' })]);

    await tabTo(page, /^button\|\|\|Suivre mon retour$/, { inPanel: true });
    await page.keyboard.press('Enter');
    const returnCase = page.locator('comptoir-return-case');
    await returnCase.locator('.status').waitFor();
    expect(await returnCase.locator('h2').textContent()).toBe(codeText.replace('Code de retour : ', 'Retour '));
    expect(await returnCase.locator('.status').textContent()).toMatch(/^(Demandé|Accepté|En cours d’examen|Remboursé)$/);
    expect(await returnCase.locator('[part="timeline"] li').count()).toBeGreaterThanOrEqual(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'return-case-desktop');

    // Back on the order, the return is listed once (the double Enter made one return), with its status.
    await page.locator('comptoir-panel').locator('[part="back-button"]').click();
    const listed = detail.locator('.returns button.return');
    await listed.first().waitFor();
    expect(await listed.count()).toBe(1);
    expect(await listed.first().textContent()).toMatch(/Retour [A-Z0-9-]+ · (Demandé|Accepté|En cours d’examen|Remboursé)/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets a shopper open a claim with a photo on a delivered order, then follow it with its photo and status', async () => {
    const context = await browser.newContext({ viewport: viewports.mobile, locale: 'fr-FR' });
    const { page, problems } = await openPage(context, `${server.origin}/demo/#comptoir=order/1005`);
    await signIn(page, '1005', emailOf('1005'));
    await page.locator('comptoir-order-detail .returns button', { hasText: 'Signaler un problème' }).click();
    const flow = page.locator('comptoir-claim-flow');
    await flow.locator('form').waitFor();
    const enabled = flow.locator('input[name="kind"]:not([disabled])');
    expect(await enabled.count()).toBeGreaterThanOrEqual(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'claim-form-mobile');
    await enabled.first().check();
    await flow.locator('textarea[name="description"]').fill('La théière est arrivée fêlée.');
    // A file of a type claims refuse is explained and left out; the photo is kept.
    await flow.locator('comptoir-file-picker input[type="file"]').setInputFiles([
      { name: 'facture.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') },
      { name: 'theiere.png', mimeType: 'image/png', buffer: onePixelPng },
    ]);
    expect(await flow.locator('comptoir-file-picker [role="alert"]').textContent()).toContain('facture.pdf : ce type de fichier n’est pas accepté.');
    expect(await flow.locator('comptoir-file-picker li').allTextContents()).toEqual([expect.stringContaining('theiere.png')]);
    await flow.locator('button[type="submit"]').click();

    const claimCase = page.locator('comptoir-claim-case');
    await claimCase.locator('h2').waitFor();
    expect(await claimCase.locator('[role="status"]').first().textContent()).toMatch(/Votre réclamation est enregistrée\. Réponse de la boutique au plus tard \S+/);
    expect(await claimCase.locator('.status').textContent()).toBe('Ouverte');
    expect(await claimCase.locator('.text').textContent()).toBe('La théière est arrivée fêlée.');
    const photo = claimCase.locator('.photos img');
    await photo.waitFor();
    expect(await photo.getAttribute('alt')).toBe('Photo 1 : theiere.png');
    // Shown from a Blob URL, or from a data: URL where the page's CSP refuses blob: (the demo's does).
    expect(await photo.getAttribute('src')).toMatch(/^(blob:|data:image\/png;base64,)/);
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    expect(await claimCase.locator('[part="timeline"] li').count()).toBeGreaterThanOrEqual(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'claim-case-mobile');

    // Back on the order, the claim is listed with its status and leads to it again.
    await page.locator('comptoir-panel [part="back-button"]').click();
    const listed = page.locator('comptoir-order-detail .returns button.claim');
    await listed.first().waitFor();
    expect(await listed.first().textContent()).toMatch(/Réclamation du .+ · Ouverte/);
    await listed.first().click();
    await claimCase.locator('.photos img').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('speaks English and shows a pickup order ready in the shop', async () => {
    const context = await browser.newContext({ viewport: viewports.desktop, locale: 'en-GB' });
    const { page, problems } = await openPage(context, `${server.origin}/demo/`);
    await page.waitForFunction(() => 'Comptoir' in window && 'version' in (window.Comptoir ?? {}));
    await page.evaluate(() => {
      const api = window.Comptoir as { setLocale(locale: string): void; open(view?: string): void };
      api.setLocale('en');
      api.open();
    });
    await page.locator('comptoir-sign-in input[name="orderNumber"]').waitFor();
    expect(await page.locator('comptoir-sign-in h2').textContent()).toBe('Track my orders');
    await signIn(page, '1008', emailOf('1008'));
    await page.locator('comptoir-order-list .order').first().click();
    const pickup = page.locator('comptoir-order-detail .pickup');
    await pickup.waitFor();
    expect(await pickup.locator('h3').textContent()).toBe('Ready for pickup');
    await expect.poll(() => pickup.locator('canvas').evaluate((canvas: HTMLCanvasElement) => canvas.width)).toBeGreaterThan(0);
    expect(await page.locator('comptoir-order-detail .totals').textContent()).toContain('€');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'order-pickup-en-desktop');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens on the order of a deep link once the shopper has signed in', async () => {
    const context = await browser.newContext({ viewport: viewports.mobile });
    const { page, problems } = await openPage(context, `${server.origin}/demo/#comptoir=order/1002`);
    await page.locator('comptoir-sign-in input[name="orderNumber"]').waitFor();
    await signIn(page, '1002', emailOf('1002'));
    const detail = page.locator('comptoir-order-detail');
    await detail.locator('h2').waitFor();
    expect(await detail.locator('h2').textContent()).toBe('Commande 1002');
    expect(await detail.locator('.status').first().textContent()).toBe('Livrée');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps keyboard focus inside the open panel', async () => {
    const context = await browser.newContext({ viewport: viewports.desktop });
    const { page } = await openPage(context, `${server.origin}/demo/`);
    await page.locator('comptoir-launcher button').focus();
    await page.keyboard.press('Enter');
    await page.locator('comptoir-sign-in input[name="orderNumber"]').waitFor();
    for (let step = 0; step < 12; step++) {
      await page.keyboard.press('Tab');
      const isInside = await page.evaluate(() => {
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        return Boolean(active?.closest('dialog') ?? (active?.getRootNode() as ShadowRoot | undefined)?.host?.closest('comptoir-panel, comptoir-sign-in'));
      });
      expect(isInside).toBe(true);
    }
    await context.close();
  });

  it('renders inline on the order tracking page', async () => {
    const context = await browser.newContext({ viewport: viewports.desktop });
    const { page, problems } = await openPage(context, `${server.origin}/demo/suivi.html`);
    await page.locator('comptoir-widget comptoir-sign-in input[name="orderNumber"]').waitFor();
    expect(await page.locator('comptoir-launcher').isVisible()).toBe(false);
    await signIn(page, '1005', emailOf('1005'));
    await page.locator('comptoir-order-list .order').first().click();
    await page.locator('comptoir-order-detail .line').nth(2).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'inline-order-desktop');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a hostile product title as text', async () => {
    const secretKey = server.seeded.secretKey;
    if (!secretKey) throw new Error('the demo seed gave no secret key');
    const hostile = '<img src=x onerror=alert(1)>';
    // As the shop's back end calls it: no browser headers (Node's fetch sends Sec-Fetch-Mode).
    const response = await postFromBackEnd(`${server.origin}/api/orders/upsert`, secretKey, {
        externalId: 'hostile-1',
        number: 'H-1',
        customer: { email: 'hugo.petit@example.fr' },
        currency: 'EUR',
        lines: [{ sku: 'X', title: hostile, variant: '<script>alert(2)</script>', quantity: 1, unitPriceMinor: 100 }],
        placedAt: new Date().toISOString(),
    });
    expect(response).toBe(200);
    const context = await browser.newContext({ viewport: viewports.mobile });
    const { page, problems } = await openPage(context, `${server.origin}/demo/#comptoir=order/H-1`);
    await signIn(page, 'H-1', 'hugo.petit@example.fr');
    const title = page.locator('comptoir-order-detail .line .title');
    await title.waitFor();
    expect(await title.textContent()).toBe(hostile);
    expect(await page.locator('comptoir-order-detail img[src="x"]').count()).toBe(0);
    expect(await page.locator('comptoir-order-detail script').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is harmless when loaded twice on a page', async () => {
    const key = server.seeded.publishableKey;
    const site = await startHostSite({
      '/': `<!doctype html><html lang="fr"><title>Deux fois</title><body><h1>Deux fois</h1>
        <script src="${server.origin}/widget.js" data-key="${key}" async></script>
        <script src="${server.origin}/widget.js" data-key="${key}" async></script></body></html>`,
      '/queued': `<!doctype html><html lang="fr"><title>File</title><body>
        <script>window.Comptoir = { q: [['open', 'orders']] };</script>
        <script src="${server.origin}/widget.js" data-key="${key}" async></script></body></html>`,
    });
    const context = await browser.newContext();
    const { page, problems } = await openPage(context, `${site.origin}/`);
    await page.locator('comptoir-launcher button').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('comptoir-launcher').count()).toBe(1);
    expect(await page.evaluate(() => Object.keys(window).filter((name) => /comptoir/i.test(name)))).toEqual(['Comptoir']);
    expect(problems).toEqual([]);

    // Commands queued before the script loaded run once it has.
    const queued = await openPage(context, `${site.origin}/queued`);
    // (This site is not among the shop's origins: the panel opens on the server's refusal.)
    await queued.page.locator('comptoir-panel[open]').waitFor({ state: 'attached' });
    expect(await queued.page.locator('comptoir-panel dialog').evaluate((dialog: HTMLDialogElement) => dialog.open)).toBe(true);
    expect(queued.problems).toEqual([]);
    await site.close();
    await context.close();
  });

  it('leaves the host page working when the server is down', async () => {
    const dead = 'http://127.0.0.1:9';
    const site = await startHostSite({
      '/no-script': `<!doctype html><html lang="fr"><title>Hôte</title><body><button id="count">0</button>
        <script src="${dead}/widget.js" data-key="pk_x" async></script>
        <script src="/host.js"></script></body></html>`,
      '/no-api': `<!doctype html><html lang="fr"><title>Hôte</title><body><button id="count">0</button>
        <script src="/widget.js" data-key="pk_x" data-api="${dead}" async></script>
        <script src="/host.js"></script></body></html>`,
      '/host.js': `document.getElementById('count').addEventListener('click', (e) => { e.target.textContent = String(Number(e.target.textContent) + 1); });`,
    });
    const context = await browser.newContext({ locale: 'fr-FR' });
    for (const path of ['/no-script', '/no-api']) {
      const { page, problems } = await openPage(context, `${site.origin}${path}`);
      await page.locator('#count').click();
      await page.locator('#count').click();
      expect(await page.locator('#count').textContent()).toBe('2');
      if (path === '/no-api') {
        await page.locator('comptoir-launcher button').click();
        const error = page.locator('comptoir-widget .error');
        await error.waitFor({ timeout: 15_000 });
        expect(await error.textContent()).toContain('Connexion au service impossible');
        await page.keyboard.press('Escape');
        await page.locator('#count').click();
        expect(await page.locator('#count').textContent()).toBe('3');
      }
      expect(problems).toEqual([]);
    }
    await site.close();
    await context.close();
  });
});
