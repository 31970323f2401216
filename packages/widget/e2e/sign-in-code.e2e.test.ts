import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage, screenshotDir, seriousViolations, startDemoServer, type DemoServer } from './harness.js';

let server: DemoServer;
let browser: Browser;

function emailOf(number: string): string {
  const order = server.seeded.orders.find((candidate) => candidate.number === number);
  if (!order) throw new Error(`no demo order ${number}`);
  return order.email;
}

/**
 * The code in the latest sign-in email to `email`, read from the outbox where the server queues
 * every email (the test sees what the shopper's mailbox would receive).
 */
async function latestCodeFor(email: string, notBefore?: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const message = await server.core.deps.db.outboxMessage.findFirst({
      where: { shopId: server.seeded.shop.id, topic: 'shopper_sign_in_code' },
      orderBy: { id: 'desc' },
      select: { id: true, payload: true },
    });
    const payload = message?.payload as { to?: string; data?: { code?: string } } | undefined;
    if (message && message.id !== notBefore && payload?.to === email.toLowerCase() && payload.data?.code) return payload.data.code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no sign-in code was emailed to ${email}`);
}

async function latestCodeMessageId(): Promise<string | undefined> {
  const message = await server.core.deps.db.outboxMessage.findFirst({
    where: { shopId: server.seeded.shop.id, topic: 'shopper_sign_in_code' },
    orderBy: { id: 'desc' },
    select: { id: true },
  });
  return message?.id;
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

/** Another code than `code` (the last digit moved by one). */
function wrongCodeFor(code: string): string {
  return code.slice(0, 5) + String((Number(code[5]) + 1) % 10);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('signing in with a code sent by email', () => {
  it('emails a code, refuses a wrong or replaced one, signs in with the latest pasted in, then signs out (French, 375×812)', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'fr-FR' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const { page, problems } = await openPage(context, `${server.origin}/demo/`);
    await recordEvents(page, ['comptoir-signed-in', 'comptoir-signed-out']);
    await page.locator('comptoir-launcher button').click();
    await page.locator('comptoir-sign-in').getByRole('button', { name: 'Recevoir un code par e-mail' }).click();

    const codeScreen = page.locator('comptoir-sign-in-code');
    const emailInput = codeScreen.locator('input[name="email"]');
    await emailInput.waitFor();
    // Shortened so the test can wait for "send again" (30 s for shoppers).
    await codeScreen.evaluate((element) => Object.assign(element, { resendDelayMs: 2_000 }));
    await codeScreen.getByRole('button', { name: 'Recevoir le code' }).click();
    expect(await codeScreen.locator('#email-error').textContent()).toBe('Ce champ est obligatoire.');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshotDir}widget-sign-in-code-email-fr-mobile.png` });

    const email = emailOf('1001');
    const before = await latestCodeMessageId();
    await emailInput.fill(email);
    await emailInput.press('Enter');
    const codeInput = codeScreen.locator('input[name="code"]');
    await codeInput.waitFor();
    expect(await codeInput.getAttribute('inputmode')).toBe('numeric');
    expect(await codeInput.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await codeScreen.locator('[role="status"]').textContent()).toContain('un code vient d’y être envoyé. Il reste valable 15 minutes.');
    const resend = codeScreen.locator('button.link').first();
    expect(await resend.textContent()).toMatch(/Renvoyer le code dans [12] s/);
    expect(await resend.isDisabled()).toBe(true);
    const firstCode = await latestCodeFor(email, before);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshotDir}widget-sign-in-code-fr-mobile.png` });

    // A wrong code, typed digit by digit: sent by itself at the sixth digit, refused, field emptied.
    await codeInput.pressSequentially(wrongCodeFor(firstCode));
    const alert = codeScreen.locator('[role="alert"]');
    await expect.poll(() => alert.textContent()).toBe('Ce code est incorrect ou a expiré. Vérifiez-le, ou demandez un nouveau code.');
    expect(await codeInput.inputValue()).toBe('');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshotDir}widget-sign-in-code-wrong-fr-mobile.png` });

    // Send again once allowed: the first code no longer works.
    await expect.poll(() => resend.isEnabled(), { timeout: 5_000 }).toBe(true);
    expect(await resend.textContent()).toContain('Renvoyer le code');
    const firstMessage = await latestCodeMessageId();
    await resend.click();
    const secondCode = await latestCodeFor(email, firstMessage);
    await expect.poll(() => codeScreen.locator('[role="status"]').textContent()).toContain('Un nouveau code vient d’être envoyé');
    if (firstCode !== secondCode) {
      await codeInput.fill(firstCode);
      await expect.poll(() => alert.textContent()).toContain('Ce code est incorrect ou a expiré');
    }

    // The latest code, pasted from the clipboard with spaces as some mail apps copy it.
    await page.evaluate((text) => navigator.clipboard.writeText(text), `${secondCode.slice(0, 3)} ${secondCode.slice(3)}`);
    await codeInput.focus();
    await page.keyboard.press('ControlOrMeta+V');
    const orders = page.locator('comptoir-order-list .order');
    await orders.first().waitFor();
    expect(await orders.locator('.number').allTextContents()).toContain('Commande 1001');
    expect(await page.evaluate((key) => sessionStorage.getItem(`comptoir:session:${key}`) !== null, server.seeded.publishableKey)).toBe(true);

    // Signing out says so to the page (without personal data) and shows the sign-in form again.
    await page.locator('comptoir-widget').getByRole('button', { name: 'Se déconnecter' }).click();
    await page.locator('comptoir-sign-in input[name="orderNumber"]').waitFor();
    expect(await seenEvents(page)).toEqual(['comptoir-signed-in {}', 'comptoir-signed-out {}']);
    expect(await page.evaluate((key) => sessionStorage.getItem(`comptoir:session:${key}`), server.seeded.publishableKey)).toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('speaks English, and an address with no order gets the same answer without an email (1280×800)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    const { page, problems } = await openPage(context, `${server.origin}/demo/`);
    await page.waitForFunction(() => typeof (window as unknown as { Comptoir?: { setLocale?: unknown } }).Comptoir?.setLocale === 'function');
    await page.evaluate(() => (window as unknown as { Comptoir: { setLocale(locale: string): void } }).Comptoir.setLocale('en'));
    await page.locator('comptoir-launcher button').click();
    await page.locator('comptoir-sign-in').getByRole('button', { name: 'Email me a code' }).click();
    const codeScreen = page.locator('comptoir-sign-in-code');
    const before = await latestCodeMessageId();
    await codeScreen.locator('input[name="email"]').fill('nobody@example.org');
    await codeScreen.getByRole('button', { name: 'Send me the code' }).click();
    const codeInput = codeScreen.locator('input[name="code"]');
    await codeInput.waitFor();
    expect(await codeScreen.locator('[role="status"]').textContent()).toContain('If this address matches an order, a code is on its way');
    expect(await latestCodeMessageId()).toBe(before);
    await codeInput.fill('12345');
    await codeScreen.getByRole('button', { name: 'Confirm' }).click();
    expect(await codeScreen.locator('#code-error').textContent()).toBe('Enter the 6 digits of the code.');
    await codeInput.fill('123456');
    await expect.poll(() => codeScreen.locator('[role="alert"]').textContent()).toBe('This code is wrong or has expired. Check it, or ask for a new code.');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshotDir}widget-sign-in-code-wrong-en-desktop.png` });

    // Back to the order-number form.
    await codeScreen.getByRole('button', { name: 'Sign in with an order number' }).click();
    await page.locator('comptoir-sign-in input[name="orderNumber"]').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
