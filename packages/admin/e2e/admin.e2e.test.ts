import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppCore, type AppCore } from '../../server/src/app.js';
import { systemClock } from '../../server/src/core/clock.js';
import { createLogger } from '../../server/src/core/logger.js';
import { registerAdminAssets } from '../../server/src/http/admin-assets.js';
import { buildHttpServer } from '../../server/src/http/server.js';
import { createStaffUser } from '../../server/src/staff/service.js';
import { createShopWithKeys } from '../../server/src/test/fixtures.js';

const adminDist = fileURLToPath(new URL('../dist', import.meta.url));
const screenshots = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

const viewports = [
  { name: 'mobile', width: 375, height: 812, locale: 'fr-FR' },
  { name: 'desktop', width: 1280, height: 800, locale: 'en-US' },
] as const;

/** Texts the flow clicks or checks, in the language each viewport's browser asks for. */
const texts = {
  'fr-FR': { team: 'Équipe', invited: 'Mot de passe enregistré', loginTitle: 'Connexion à votre boutique' },
  'en-US': { team: 'Team', invited: 'Password saved', loginTitle: 'Sign in to your shop' },
} as const;

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: Array<{ target: unknown }>;
}

/** Runs axe-core in the page and returns the serious and critical violations. */
async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, so the page's strict CSP does not block it.
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

describe('admin in Chromium', () => {
  let core: AppCore;
  let http: Awaited<ReturnType<typeof buildHttpServer>>;
  let browser: Browser;
  let baseUrl = '';

  beforeAll(async () => {
    if (!existsSync(`${adminDist}/index.html`)) throw new Error('Build the admin first: vite build (npm run test:e2e does).');
    mkdirSync(screenshots, { recursive: true });
    core = await startAppCore({
      database: { kind: 'pglite', dataDir: null },
      migrate: true,
      clock: systemClock,
      logger: createLogger('silent'),
      config: { publicUrl: 'http://localhost', allowPrivateWebhookTargets: true },
    });
    http = await buildHttpServer(core.deps, { extend: (app) => registerAdminAssets(app, { adminDist }) });
    await http.listen({ host: '127.0.0.1', port: 0 });
    const address = http.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    // localhost (not 127.0.0.1): browsers accept Secure cookies from it without TLS.
    baseUrl = `http://localhost:${address.port}`;
    core.deps.config.publicUrl = baseUrl;
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--host-resolver-rules=MAP localhost 127.0.0.1',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await http?.close();
    await core?.close();
  });

  for (const viewport of viewports) {
    it(`lets an owner invite a staff member who sets a password and signs in (${viewport.width}×${viewport.height}, ${viewport.locale})`, async () => {
      const text = texts[viewport.locale];
      const { shop } = await createShopWithKeys(core.deps.db, { slug: `atelier-${viewport.name}` });
      await core.deps.db.shop.update({ where: { id: shop.id }, data: { name: `Atelier ${viewport.name}` } });
      const ownerEmail = `owner.${viewport.name}@example.com`;
      await createStaffUser(core.deps, { email: ownerEmail, name: 'Odile', password: 'owner-password-1', shopId: shop.id, role: 'owner' });

      const context = await browser.newContext({
        viewport: { width: viewport.width, height: viewport.height },
        locale: viewport.locale,
      });
      const page = await context.newPage();
      page.on('dialog', (dialog) => void dialog.accept());
      const shot = (name: string) => page.screenshot({ path: `${screenshots}admin-${name}-${viewport.name}.png`, fullPage: true });
      try {
        await page.goto(`${baseUrl}/admin/`);
        await expect.poll(() => page.locator('comptoir-login-page h1').textContent()).toBe(text.loginTitle);
        expect(await seriousViolations(page)).toEqual([]);
        await shot('login');

        // A wrong password gets a clear message from the server.
        await page.locator('comptoir-login-page #email').fill(ownerEmail);
        await page.locator('comptoir-login-page #password').fill('not-the-password');
        await page.locator('comptoir-login-page button[type=submit]').click();
        await expect.poll(() => page.locator('comptoir-login-page [role=alert]').count()).toBe(1);
        await shot('login-error');

        await page.locator('comptoir-login-page #password').fill('owner-password-1');
        await page.locator('comptoir-login-page button[type=submit]').click();
        await page.locator('comptoir-app-shell').waitFor();
        await page.locator('comptoir-inbox-page h1').waitFor();
        const cookies = await context.cookies();
        expect(cookies.find((cookie) => cookie.name === 'comptoir_staff')).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });
        expect(await seriousViolations(page)).toEqual([]);
        await shot('inbox');

        await page.locator('comptoir-app-shell nav a', { hasText: text.team }).click();
        await page.locator('comptoir-staff-page #invite-name').fill('Samir');
        await page.locator('comptoir-staff-page #invite-email').fill(`samir.${viewport.name}@example.com`);
        await page.locator('comptoir-staff-page button[type=submit]').click();
        const linkField = page.locator('comptoir-staff-page comptoir-copy-field input');
        await linkField.waitFor();
        const invitationUrl = await linkField.inputValue();
        expect(invitationUrl).toMatch(new RegExp(`^${baseUrl}/admin/#/accept\\?token=`));
        await expect.poll(() => page.locator('comptoir-staff-page li').count()).toBe(2);
        expect(await seriousViolations(page)).toEqual([]);
        await shot('staff');

        await page.locator('comptoir-app-shell nav a[href="#/keys"]').click();
        await expect.poll(() => page.locator('comptoir-keys-page li').count()).toBe(2);
        await shot('keys');

        await page.locator('comptoir-app-shell header button').click();
        await page.locator('comptoir-login-page').waitFor();

        await page.goto(invitationUrl);
        await page.locator('comptoir-set-password-page #password').fill('samir-password-1');
        await page.locator('comptoir-set-password-page #confirm').fill('samir-password-1');
        expect(await seriousViolations(page)).toEqual([]);
        await shot('accept');
        await page.locator('comptoir-set-password-page button[type=submit]').click();
        await expect.poll(() => page.locator('comptoir-login-page [role=status]').textContent()).toContain(text.invited);
        expect(await page.locator('comptoir-login-page #email').inputValue()).toBe(`samir.${viewport.name}@example.com`);

        await page.locator('comptoir-login-page #password').fill('samir-password-1');
        await page.locator('comptoir-login-page button[type=submit]').click();
        await page.locator('comptoir-inbox-page h1').waitFor();
        // A staff member sees neither the team nor the keys.
        expect(await page.locator('comptoir-app-shell nav a').count()).toBe(1);
        expect(await seriousViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
