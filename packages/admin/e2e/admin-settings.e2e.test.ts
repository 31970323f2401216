import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { orderUpsertInput } from '@comptoir/protocol';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../server/src/app.js';
import { upsertOrder } from '../../server/src/orders/upsert-order.js';
import { updateShopPolicy } from '../../server/src/shops/policy-service.js';
import { createStaffUser } from '../../server/src/staff/service.js';
import { createShopWithKeys } from '../../server/src/test/fixtures.js';
import { screenshots, seriousViolations, signIn, startE2eServer, viewports, type E2eServer, type Viewport } from './e2e-harness.js';

const widgetDir = fileURLToPath(new URL('../../widget/', import.meta.url));
const widgetDist = `${widgetDir}dist`;
const day = 86_400_000;

/** The widget's build: the settings preview and the shopper's side load the real `widget.js`. */
function ensureWidgetBuild(): void {
  if (existsSync(`${widgetDist}/widget.js`)) return;
  execFileSync(process.execPath, [`${widgetDir}node_modules/vite/bin/vite.js`, 'build'], { cwd: widgetDir, stdio: 'ignore' });
}

describe('admin settings in Chromium', () => {
  let server: E2eServer;
  let core: AppCore;
  let browser: Browser;
  let baseUrl = '';
  /** The key the demo page embeds: the shop under test's. */
  let demoKey: string | null = null;

  beforeAll(async () => {
    ensureWidgetBuild();
    server = await startE2eServer({ widget: { widgetDist, demoPublishableKey: () => demoKey } });
    ({ core, browser, baseUrl } = server);
  });

  afterAll(async () => {
    await server?.close();
  });

  /**
   * A shop whose widget runs on the demo page, its owner, and an order delivered 20 days ago. The
   * shop does not extend returns for the holiday season, so that the verdict depends on the return
   * window alone whatever the date the test runs on.
   */
  async function shopWithDeliveredOrder(viewport: Viewport, slug: string) {
    const { shop, publishableKey } = await createShopWithKeys(core.deps.db, { slug: `${slug}-${viewport.name}`, origins: [baseUrl] });
    await core.deps.db.servicePolicy.update({
      where: { shopId_version: { shopId: shop.id, version: 1 } },
      data: { rules: { returns: { holidayExtension: { enabled: false } } } },
    });
    const ownerEmail = `owner.${slug}.${viewport.name}@example.com`;
    await createStaffUser(core.deps, { email: ownerEmail, name: 'Odile', password: 'owner-password-1', shopId: shop.id, role: 'owner' });
    const now = core.deps.clock.now().getTime();
    const number = `${slug.toUpperCase()}-${viewport.name.toUpperCase()}`;
    const customerEmail = `claire.${slug}.${viewport.name}@example.fr`;
    await upsertOrder(core.deps, {
      shopId: shop.id,
      actor: { type: 'system' },
      order: orderUpsertInput.parse({
        externalId: `ext-${slug}-${viewport.name}`,
        number,
        customer: { email: customerEmail, name: 'Claire Martin' },
        currency: 'EUR',
        lines: [{ sku: 'BOL', title: 'Bol en grès', quantity: 1, unitPriceMinor: 2_400 }],
        shippingMinor: 0,
        placedAt: new Date(now - 23 * day).toISOString(),
        deliveredAt: new Date(now - 20 * day).toISOString(),
      }),
    });
    return { shop, publishableKey, ownerEmail, number, customerEmail };
  }

  async function openContext(viewport: Viewport): Promise<{ context: BrowserContext; page: Page; shot: (name: string) => Promise<unknown> }> {
    const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, locale: viewport.locale });
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    return { context, page, shot: (name) => page.screenshot({ path: `${screenshots}admin-settings-${name}-${viewport.name}.png`, fullPage: true }) };
  }

  /**
   * What sticks out past the right edge of the window, through shadow roots (the page must not
   * scroll sideways, down to 375 px): empty when nothing does.
   */
  function sidewaysOverflow(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth <= width) return [];
      const found: string[] = [];
      const visit = (root: Document | ShadowRoot) => {
        for (const element of root.querySelectorAll('*')) {
          const box = element.getBoundingClientRect();
          if (box.right > width + 1 && box.width > 0 && (found.length < 4 || box.width > width)) found.push(`${element.localName}#${element.id}.${element.className} ${Math.round(box.left)}..${Math.round(box.right)}`);
          if (element.shadowRoot) visit(element.shadowRoot);
        }
      };
      visit(document);
      return found.length ? found.slice(0, 12) : ['(the page scrolls sideways)'];
    });
  }

  /**
   * Everything the page holds as text, through shadow roots: texts, attribute values and the
   * values of inputs (a typed secret lives in the input's value, not in an attribute).
   */
  function everythingOnPage(page: Page): Promise<string> {
    return page.evaluate(() => {
      const parts: string[] = [document.title];
      const visit = (root: Document | ShadowRoot) => {
        for (const element of root.querySelectorAll('*')) {
          for (const attribute of element.attributes) parts.push(attribute.value);
          if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) parts.push(element.value);
          if (element.shadowRoot) visit(element.shadowRoot);
        }
        for (const node of root.querySelectorAll('*')) for (const child of node.childNodes) if (child.nodeType === Node.TEXT_NODE) parts.push(child.textContent ?? '');
      };
      visit(document);
      return parts.join('\n');
    });
  }

  /** The shopper, signed in in the widget on the demo page, on that order: is "Return items" offered? */
  async function isReturnOffered(context: BrowserContext, number: string, email: string): Promise<boolean> {
    const page = await context.newPage();
    try {
      await page.goto(`${baseUrl}/demo/#comptoir=order/${number}`);
      const form = page.locator('comptoir-sign-in form');
      await form.locator('input[name="orderNumber"]').fill(number);
      await form.locator('input[name="email"]').fill(email);
      await form.locator('button[type="submit"]').click();
      const returns = page.locator('comptoir-order-detail .returns');
      // "Report a problem" shows once the order's return verdicts are in; "Return items" only while the window is open.
      await returns.locator('button.secondary').first().waitFor();
      return (await returns.locator('button:not(.secondary)').count()) > 0;
    } finally {
      await page.close();
    }
  }

  /** The launcher's colour in the preview frame of the settings screen. */
  function previewColor(page: Page): Promise<string> {
    return page
      .frameLocator('comptoir-widget-preview iframe')
      .locator('comptoir-launcher button')
      .evaluate((button) => getComputedStyle(button).backgroundColor);
  }

  for (const viewport of viewports) {
    it(`lets an owner set the shop's looks, shorten the return window for the widget, and keep saved replies (${viewport.width}×${viewport.height}, ${viewport.locale})`, async () => {
      const { shop, publishableKey, ownerEmail, number, customerEmail } = await shopWithDeliveredOrder(viewport, 'reglages');
      demoKey = publishableKey;
      const { context, page, shot } = await openContext(viewport);
      try {
        // Before: 20 days after delivery, within the 30-day window, the return is offered.
        expect(await isReturnOffered(context, number, customerEmail)).toBe(true);

        await signIn(page, baseUrl, ownerEmail, 'owner-password-1');
        await page.locator('comptoir-app-shell nav a[href="#/settings"]').click();
        const settings = page.locator('comptoir-settings-page');
        const profile = settings.locator('comptoir-shop-profile-form');
        await profile.locator('#shop-name').waitFor();
        expect(await profile.locator('#shop-time-zone').inputValue()).toBe('Europe/Paris');

        // The preview loads the real widget.js and shows its launcher in the default colour, then in the typed one.
        await expect.poll(() => previewColor(page)).toBe('rgb(47, 93, 80)');
        await profile.locator('#shop-brand-color').fill('#b3261e');
        await expect.poll(() => previewColor(page)).toBe('rgb(179, 38, 30)');
        await profile.locator('#shop-email-reply-to').fill('sav@reglages.example');
        expect(await sidewaysOverflow(page)).toEqual([]);
        expect(await seriousViolations(page)).toEqual([]);
        await shot('profile');
        await profile.locator('button[type=submit]').click();
        await profile.locator('.alert.success').waitFor();
        const savedShop = await core.deps.db.shop.findUniqueOrThrow({ where: { id: shop.id }, select: { brandColor: true, emailReplyTo: true } });
        expect(savedShop).toEqual({ brandColor: '#b3261e', emailReplyTo: 'sav@reglages.example' });

        // The policy: under the legal floor, refused on the field with the law's reason; nothing saved.
        await settings.locator('nav a[href="#/settings?tab=policy"]').click();
        const policy = settings.locator('comptoir-policy-editor');
        const windowDays = policy.locator('#policy-returns-windowDays');
        await windowDays.waitFor();
        expect(await windowDays.inputValue()).toBe('30');
        expect(await policy.locator('#policy-returns-windowDays-legal').textContent()).toContain('14');
        expect(await sidewaysOverflow(page)).toEqual([]);
        expect(await seriousViolations(page)).toEqual([]);
        await shot('policy');

        await windowDays.fill('10');
        await policy.locator('button[type=submit]').click();
        const fieldError = policy.locator('#policy-returns-windowDays-error');
        await fieldError.waitFor();
        expect(await fieldError.textContent()).toContain('14');
        expect(await windowDays.getAttribute('aria-invalid')).toBe('true');
        expect(await windowDays.getAttribute('aria-describedby')).toContain('policy-returns-windowDays-error');
        expect(await windowDays.evaluate((input) => (input.getRootNode() as ShadowRoot).activeElement === input)).toBe(true);
        expect(await policy.locator('#policy-form-error[role=alert]').count()).toBe(1);
        expect(await seriousViolations(page)).toEqual([]);
        await shot('policy-floor');
        expect((await core.deps.db.shop.findUniqueOrThrow({ where: { id: shop.id }, select: { currentPolicyVersion: true } })).currentPolicyVersion).toBe(1);

        // 15 days is allowed: version 2, listed in the history.
        await windowDays.fill('15');
        await policy.locator('button[type=submit]').click();
        await policy.locator('.alert.success').waitFor();
        expect(await policy.locator('#policy-version').textContent()).toContain('2');
        expect(await policy.locator('[part=history] li').count()).toBe(2);
        const current = await core.deps.db.shop.findUniqueOrThrow({ where: { id: shop.id }, select: { currentPolicyVersion: true } });
        expect(current.currentPolicyVersion).toBe(2);
        const v2 = await core.deps.db.servicePolicy.findUniqueOrThrow({ where: { shopId_version: { shopId: shop.id, version: 2 } }, select: { rules: true } });
        expect(v2.rules).toMatchObject({ returns: { windowDays: 15, holidayExtension: { enabled: false } } });

        // After: 20 days after delivery is past the 15-day window; the widget no longer offers the return.
        expect(await isReturnOffered(context, number, customerEmail)).toBe(false);

        // Someone else saves meanwhile: this editor's save is refused and offers to reload.
        await updateShopPolicy(core.deps, { shopId: shop.id, expectedVersion: 2, rules: { ...(v2.rules as object), goodwill: { loyaltyPointsOnMissedPromise: 50 } }, actor: { type: 'system' } });
        await policy.locator('#policy-claims-answerBusinessDays').fill('3');
        await policy.locator('button[type=submit]').click();
        await policy.locator('#policy-reload').waitFor();
        await policy.locator('#policy-reload').click();
        await expect.poll(() => policy.locator('#policy-version').textContent()).toContain('3');
        expect(await policy.locator('#policy-goodwill-loyaltyPointsOnMissedPromise').inputValue()).toBe('50');
        expect(await policy.locator('#policy-claims-answerBusinessDays').inputValue()).toBe('2');

        // A saved reply with a variable inserted by its button.
        await settings.locator('nav a[href="#/settings?tab=replies"]').click();
        const replies = settings.locator('comptoir-saved-replies-manager');
        await replies.locator('#reply-title').fill('Colis en route');
        await replies.locator('#reply-body').fill('Bonjour ');
        await replies.locator('button[data-variable="customer.name"]').click();
        await replies.locator('#reply-body').press('End');
        await replies.locator('#reply-body').pressSequentially(', votre colis est parti.');
        await replies.locator('form button[type=submit]').click();
        const reply = replies.locator('[part=reply]').filter({ hasText: 'Colis en route' });
        await reply.waitFor();
        const stored = await core.deps.db.savedReply.findFirstOrThrow({ where: { shopId: shop.id }, select: { title: true, body: true, locale: true } });
        expect(stored).toEqual({ title: 'Colis en route', body: 'Bonjour {{customer.name}}, votre colis est parti.', locale: 'fr' });
        expect(await sidewaysOverflow(page)).toEqual([]);
        expect(await seriousViolations(page)).toEqual([]);
        await shot('replies');

        // The widget: the installation line with the key's first characters, and the preview in the saved colour.
        await settings.locator('nav a[href="#/settings?tab=widget"]').click();
        const widget = settings.locator('comptoir-widget-settings');
        const snippet = widget.locator('comptoir-copy-field input');
        const { displayPrefix } = await core.deps.db.apiKey.findFirstOrThrow({ where: { shopId: shop.id, kind: 'publishable' }, select: { displayPrefix: true } });
        await expect.poll(() => snippet.inputValue()).toContain(`data-key="${displayPrefix}…"`);
        expect(await snippet.inputValue()).toMatch(new RegExp(`^<script src="${baseUrl}/widget\\.js" data-key="pk_[^"]+…" async></script>$`));
        await expect.poll(() => previewColor(page)).toBe('rgb(179, 38, 30)');
        expect(await widget.locator('#allowed-origins').inputValue()).toBe(baseUrl);
        expect(await sidewaysOverflow(page)).toEqual([]);
        expect(await seriousViolations(page)).toEqual([]);
        await shot('widget');
      } finally {
        await context.close();
      }
    });
  }

  for (const viewport of viewports) {
    it(`lets an owner connect Stripe and WooCommerce from the integrations tab, never showing a secret back (${viewport.width}×${viewport.height}, ${viewport.locale})`, async () => {
      const { shop, ownerEmail } = await shopWithDeliveredOrder(viewport, 'integrations');
      const stripeKey = `sk_test_51Comptoir${viewport.name}Key7a3F`;
      const stripeWebhookSecret = `whsec_Comptoir${viewport.name}Signing9Qx2`;
      const wooSecret = `woo-${viewport.name}-secret-from-openssl-K8pZ`;
      const { context, page, shot } = await openContext(viewport);
      try {
        await signIn(page, baseUrl, ownerEmail, 'owner-password-1');
        await page.locator('comptoir-app-shell nav a[href="#/settings"]').click();
        const settings = page.locator('comptoir-settings-page');
        await settings.locator('nav a[href="#/settings?tab=integrations"]').click();
        const tab = settings.locator('comptoir-integrations-settings');
        await tab.locator('#stripe-status').waitFor();
        expect(await tab.locator('#stripe-disconnect').count()).toBe(0);
        // The URLs to enter in Stripe and WooCommerce, in copy fields.
        expect(await tab.locator('#stripe-webhook-url input').inputValue()).toBe(`${baseUrl}/hooks/stripe/${shop.slug}`);
        expect(await tab.locator('#platform-woocommerce-webhook-url input').inputValue()).toBe(`${baseUrl}/hooks/woocommerce/${shop.slug}`);
        for (const id of ['#stripe-secret-key', '#stripe-webhook-secret', '#platform-woocommerce-secret', '#platform-prestashop-secret', '#platform-shopify-secret']) {
          expect(await tab.locator(id).getAttribute('type'), id).toBe('password');
          expect(await tab.locator(id).getAttribute('autocomplete'), id).toBe('off');
        }

        // A publishable key where the secret one goes: refused by the server, said on the field, focus on it.
        await tab.locator('#stripe-secret-key').fill('pk_test_NotASecretKey123');
        await tab.locator('#stripe-webhook-secret').fill(stripeWebhookSecret);
        await tab.locator('#stripe-connect').click();
        const keyError = tab.locator('#stripe-secret-key-error');
        await keyError.waitFor();
        expect(await keyError.textContent()).toContain('sk_');
        expect(await tab.locator('#stripe-secret-key').getAttribute('aria-invalid')).toBe('true');
        expect(await tab.locator('#stripe-secret-key').getAttribute('aria-describedby')).toContain('stripe-secret-key-error');
        expect(await tab.locator('#stripe-webhook-secret-error').count()).toBe(0);
        expect(await tab.locator('#stripe-secret-key').evaluate((input) => (input.getRootNode() as ShadowRoot).activeElement === input)).toBe(true);
        expect(await tab.locator('#stripe-error[role=alert]').count()).toBe(1);
        expect(await core.deps.db.paymentConnection.count({ where: { shopId: shop.id } })).toBe(0);

        // The right keys: saved, the fields emptied, only the last 4 characters shown.
        await tab.locator('#stripe-secret-key').fill(stripeKey);
        expect(await keyError.count()).toBe(0);
        await tab.locator('#stripe-connect').click();
        await tab.locator('#stripe-notice').waitFor();
        expect(await tab.locator('#stripe-status').textContent()).toMatch(viewport.locale === 'fr-FR' ? /Connecté/ : /Connected/);
        const keys = (await tab.locator('#stripe-keys').textContent()) ?? '';
        expect(keys).toContain('…7a3F');
        expect(keys).toContain('…9Qx2');
        expect(await tab.locator('#stripe-secret-key').inputValue()).toBe('');
        expect(await tab.locator('#stripe-webhook-secret').inputValue()).toBe('');
        expect(await tab.locator('#stripe-disconnect').count()).toBe(1);
        expect(await core.deps.db.paymentConnection.findFirstOrThrow({ where: { shopId: shop.id }, select: { secretKey: true, webhookSecret: true } })).toEqual({
          secretKey: stripeKey,
          webhookSecret: stripeWebhookSecret,
        });

        // WooCommerce with the keyboard only: type the secret, Enter submits.
        await tab.locator('#platform-woocommerce-secret').focus();
        await page.keyboard.type(wooSecret);
        await page.keyboard.press('Enter');
        await tab.locator('#woocommerce-notice').waitFor();
        expect(await tab.locator('#platform-woocommerce-saved').textContent()).toContain('…K8pZ');
        expect(await tab.locator('#platform-woocommerce-secret').inputValue()).toBe('');
        expect(await tab.locator('#platform-prestashop-disconnect').count()).toBe(0);
        expect(await core.deps.db.platformConnection.findMany({ where: { shopId: shop.id }, select: { platform: true, secret: true } })).toEqual([
          { platform: 'woocommerce', secret: wooSecret },
        ]);

        // No secret anywhere in the page once saved, not even in an input's value.
        const onPage = await everythingOnPage(page);
        // The walk does reach the tab's shadow roots and inputs: the last characters and the copy fields' URLs are there.
        expect(onPage).toContain('…K8pZ');
        expect(onPage).toContain(`${baseUrl}/hooks/shopify/${shop.slug}`);
        for (const secret of [stripeKey, stripeWebhookSecret, wooSecret]) expect(onPage).not.toContain(secret);
        expect(await sidewaysOverflow(page)).toEqual([]);
        expect(await seriousViolations(page)).toEqual([]);
        await shot('integrations');

        // A secret too short for a platform: refused on its field.
        await tab.locator('#platform-shopify-secret').fill('short');
        await tab.locator('#platform-shopify-connect').click();
        await tab.locator('#platform-shopify-secret-error').waitFor();
        expect(await tab.locator('#platform-shopify-secret').getAttribute('aria-invalid')).toBe('true');
        expect(await seriousViolations(page)).toEqual([]);

        // Disconnecting Stripe asks first (the dialog is accepted), then forgets the keys.
        const dialogs: string[] = [];
        page.on('dialog', (dialog) => dialogs.push(dialog.message()));
        await tab.locator('#stripe-disconnect').click();
        await tab.locator('#stripe-notice').filter({ hasText: viewport.locale === 'fr-FR' ? 'déconnecté' : 'disconnected' }).waitFor();
        expect(dialogs).toHaveLength(1);
        expect(await tab.locator('#stripe-status').textContent()).toMatch(viewport.locale === 'fr-FR' ? /Non connecté/ : /Not connected/);
        expect(await tab.locator('#stripe-keys').count()).toBe(0);
        expect(await core.deps.db.paymentConnection.count({ where: { shopId: shop.id } })).toBe(0);
        expect(await core.deps.db.platformConnection.count({ where: { shopId: shop.id } })).toBe(1);
        // Each change is an event holding the last 4 characters only.
        const events = await core.deps.db.event.findMany({
          where: { shopId: shop.id, type: { in: ['payments.stripe_connected', 'platforms.connected', 'payments.stripe_disconnected'] } },
          select: { type: true, data: true },
        });
        expect(events.map((event) => event.type).sort()).toEqual(['payments.stripe_connected', 'payments.stripe_disconnected', 'platforms.connected']);
        for (const secret of [stripeKey, stripeWebhookSecret, wooSecret]) expect(JSON.stringify(events)).not.toContain(secret);
        expect(await sidewaysOverflow(page)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  for (const viewport of viewports) {
    it(`shows the settings read-only to a staff member (${viewport.width}×${viewport.height}, ${viewport.locale})`, async () => {
      const { shop } = await shopWithDeliveredOrder(viewport, 'equipe');
      const staffEmail = `staff.equipe.${viewport.name}@example.com`;
      await createStaffUser(core.deps, { email: staffEmail, name: 'Sam', password: 'staff-password-1', shopId: shop.id, role: 'staff' });
      const { context, page, shot } = await openContext(viewport);
      try {
        await signIn(page, baseUrl, staffEmail, 'staff-password-1');
        await page.locator('comptoir-app-shell nav a[href="#/settings"]').click();
        const settings = page.locator('comptoir-settings-page');
        await settings.locator('#read-only-note').waitFor();
        const profile = settings.locator('comptoir-shop-profile-form');
        await profile.locator('#shop-name').waitFor();
        expect(await profile.locator('#shop-name').isDisabled()).toBe(true);
        expect(await profile.locator('button[type=submit]').count()).toBe(0);

        await settings.locator('nav a[href="#/settings?tab=policy"]').click();
        const policy = settings.locator('comptoir-policy-editor');
        await policy.locator('#policy-returns-windowDays').waitFor();
        expect(await policy.locator('#policy-returns-windowDays').isDisabled()).toBe(true);
        expect(await policy.locator('#policy-hours-monday-0-opens').isDisabled()).toBe(true);
        expect(await policy.locator('button[type=submit]').count()).toBe(0);
        expect(await policy.locator('[part=history] li').count()).toBe(1);
        expect(await sidewaysOverflow(page)).toEqual([]);
        expect(await seriousViolations(page)).toEqual([]);
        await shot('staff');

        // The connections: the server answers them to the owner only, so no state and no field.
        await settings.locator('nav a[href="#/settings?tab=integrations"]').click();
        const integrations = settings.locator('comptoir-integrations-settings');
        await integrations.locator('#integrations-owner-only').waitFor();
        expect(await integrations.locator('input, button').count()).toBe(0);
        expect(await settings.locator('[role=alert]').count()).toBe(0);
        expect(await sidewaysOverflow(page)).toEqual([]);
        expect(await seriousViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
