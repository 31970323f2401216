import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../server/src/app.js';
import { createStaffUser } from '../../server/src/staff/service.js';
import { createShopWithKeys } from '../../server/src/test/fixtures.js';
import { screenshots, seriousViolations, signIn, startE2eServer, viewports, type E2eServer, type Viewport } from './e2e-harness.js';

/** Texts the flow checks, in the language each viewport's browser asks for. */
const texts = {
  'fr-FR': {
    emailed: 'a déjà un compte Comptoir',
    invited: 'Invitation en attente',
    withdrawn: 'L’invitation envoyée à Bruno a été retirée.',
    currentPassword: 'Mot de passe actuel',
    wrongPassword: 'E-mail ou mot de passe incorrect.',
    accepted: 'Invitation acceptée',
  },
  'en-US': {
    emailed: 'already has a Comptoir account',
    invited: 'Invitation pending',
    withdrawn: 'The invitation sent to Bruno was withdrawn.',
    currentPassword: 'Current password',
    wrongPassword: 'Incorrect email or password.',
    accepted: 'Invitation accepted',
  },
} as const;

/**
 * Inviting someone who already works in another shop asks for their consent: the owner sees them
 * "invited", they get no access until they accept — signed in with one click (desktop) or through
 * the emailed link with their current password (phone) — and then switch to the shop.
 */
describe('staff invitation consent in Chromium', () => {
  let server: E2eServer;
  let core: AppCore;
  let browser: Browser;
  let baseUrl = '';

  beforeAll(async () => {
    server = await startE2eServer();
    ({ core, browser, baseUrl } = server);
  });

  afterAll(async () => {
    await server?.close();
  });

  async function openPage(viewport: Viewport) {
    const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, locale: viewport.locale });
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    const shot = (name: string) => page.screenshot({ path: `${screenshots}admin-${name}-${viewport.name}.png`, fullPage: true });
    return { page, shot, close: () => context.close() };
  }

  async function signOut(page: Page): Promise<void> {
    await page.locator('comptoir-app-shell header button').click();
    await page.locator('comptoir-login-page').waitFor();
  }

  /** Whether the person belongs to the shop's team (not just invited). */
  async function isMember(shopId: string, staffUserId: string): Promise<boolean> {
    return (await core.deps.db.staffMembership.count({ where: { shopId, staffUserId } })) === 1;
  }

  for (const viewport of viewports) {
    const acceptsByLink = viewport.name === 'mobile';
    it(`asks a person from another shop to accept an invitation ${acceptsByLink ? 'through the emailed link' : 'signed in'} (${viewport.width}×${viewport.height}, ${viewport.locale})`, async () => {
      const text = texts[viewport.locale];
      const { shop: home } = await createShopWithKeys(core.deps.db, { slug: `maison-${viewport.name}` });
      await core.deps.db.shop.update({ where: { id: home.id }, data: { name: `Maison ${viewport.name}` } });
      const { shop: other } = await createShopWithKeys(core.deps.db, { slug: `ailleurs-${viewport.name}` });
      await core.deps.db.shop.update({ where: { id: other.id }, data: { name: `Ailleurs ${viewport.name}` } });
      const ownerEmail = `owner.consent.${viewport.name}@example.com`;
      const clerkEmail = `chloe.consent.${viewport.name}@example.com`;
      const brunoEmail = `bruno.consent.${viewport.name}@example.com`;
      await createStaffUser(core.deps, { email: ownerEmail, name: 'Odile', password: 'owner-password-1', shopId: home.id, role: 'owner' });
      const clerk = await createStaffUser(core.deps, { email: clerkEmail, name: 'Chloé', password: 'chloe-password-1', shopId: other.id, role: 'staff' });
      const bruno = await createStaffUser(core.deps, { email: brunoEmail, name: 'Bruno', password: 'bruno-password-1', shopId: other.id, role: 'staff' });

      const { page, shot, close } = await openPage(viewport);
      try {
        // The owner invites two people who already have an account: no link to pass on, an email instead.
        await signIn(page, baseUrl, ownerEmail, 'owner-password-1');
        await page.locator('comptoir-app-shell nav a[href="#/staff"]').click();
        const staffPage = page.locator('comptoir-staff-page');
        for (const [name, email] of [
          ['Chloé', clerkEmail],
          ['Bruno', brunoEmail],
        ] as const) {
          await staffPage.locator('#invite-name').fill(name);
          await staffPage.locator('#invite-email').fill(email);
          await staffPage.locator('button[type=submit]').click();
          await expect.poll(() => staffPage.locator('[role=status]').textContent()).toContain(email);
          expect(await staffPage.locator('[role=status]').textContent()).toContain(text.emailed);
          expect(await staffPage.locator('comptoir-copy-field').count()).toBe(0);
        }
        const row = (email: string) => staffPage.locator('li[part=member]', { hasText: email });
        await expect.poll(() => staffPage.locator('li[part=member]').count()).toBe(3);
        expect(await row(clerkEmail).textContent()).toContain(text.invited);
        expect(await isMember(home.id, clerk.staffUserId)).toBe(false);
        expect(await seriousViolations(page)).toEqual([]);
        await shot('staff-invited');

        // The owner changes their mind about Bruno: withdrawing leaves no invitation behind.
        await row(brunoEmail).locator('button').click();
        await expect.poll(() => staffPage.locator('li[part=member]').count()).toBe(2);
        expect(await staffPage.locator('[role=status]').textContent()).toContain(text.withdrawn);
        expect(await core.deps.db.oneTimeToken.count({ where: { staffUserId: bruno.staffUserId, shopId: home.id, usedAt: null } })).toBe(0);
        await signOut(page);

        const shell = page.locator('comptoir-app-shell');
        if (acceptsByLink) {
          // The emailed link says the account exists: the page asks for the current password, once.
          const emailed = await core.deps.db.outboxMessage.findFirstOrThrow({
            where: { topic: 'staff_invitation', shopId: home.id, payload: { path: ['to'], equals: clerkEmail } },
            select: { payload: true },
          });
          const link = (emailed.payload as { data: { url: string } }).data.url;
          expect(link).toMatch(new RegExp(`^${baseUrl}/admin/#/accept\\?token=[A-Za-z0-9_-]+&account=existing$`));
          await page.goto(link);
          const accept = page.locator('comptoir-set-password-page');
          await expect.poll(() => accept.locator('label[for=password]').textContent()).toBe(text.currentPassword);
          expect(await accept.locator('#confirm').count()).toBe(0);
          expect(await accept.locator('#password').getAttribute('autocomplete')).toBe('current-password');
          expect(await seriousViolations(page)).toEqual([]);
          await shot('accept-existing');
          // Whoever holds the link without the password gets nowhere.
          await accept.locator('#password').fill('takeover-password');
          await accept.locator('button[type=submit]').click();
          await expect.poll(() => accept.locator('[role=alert]').textContent()).toContain(text.wrongPassword);
          expect(await isMember(home.id, clerk.staffUserId)).toBe(false);
          await accept.locator('#password').fill('chloe-password-1');
          await accept.locator('button[type=submit]').click();
          await expect.poll(() => page.locator('comptoir-login-page [role=status]').textContent()).toContain(text.accepted);
          expect(await page.locator('comptoir-login-page #email').inputValue()).toBe(clerkEmail);
          expect(await isMember(home.id, clerk.staffUserId)).toBe(true);
          // The password did not change: the usual one still signs in.
          await page.locator('comptoir-login-page #password').fill('chloe-password-1');
          await page.locator('comptoir-login-page button[type=submit]').click();
          await shell.waitFor();
        } else {
          // Signed in, the person sees the invitation above their work; the shop is not theirs yet.
          await signIn(page, baseUrl, clerkEmail, 'chloe-password-1');
          const invitations = shell.locator('[part=invitations]');
          await expect.poll(() => invitations.locator('li').count()).toBe(1);
          expect(await invitations.locator('li').textContent()).toContain(`Maison ${viewport.name}`);
          expect(await shell.locator('#shop-switcher').count()).toBe(0);
          expect(await isMember(home.id, clerk.staffUserId)).toBe(false);
          expect(await seriousViolations(page)).toEqual([]);
          await shot('invitation-banner');
          await invitations.locator('button').click();
          await expect.poll(() => shell.locator('#shop-switcher option').count()).toBe(2);
          // Answered: the invitation leaves, and a notice says which shop was joined.
          expect(await shell.locator('[part=invitations]').count()).toBe(0);
          expect(await shell.locator('main > [role=status]').textContent()).toContain(`Maison ${viewport.name}`);
          expect(await isMember(home.id, clerk.staffUserId)).toBe(true);
          expect(await seriousViolations(page)).toEqual([]);
        }

        // Now a member: the shop is in the switcher, and switching to it opens its inbox.
        await expect.poll(() => shell.locator('#shop-switcher option').allTextContents()).toEqual([`Ailleurs ${viewport.name}`, `Maison ${viewport.name}`]);
        await shell.locator('#shop-switcher').selectOption(home.id);
        await expect.poll(() => shell.locator('#shop-switcher').inputValue()).toBe(home.id);
        await page.locator('comptoir-inbox-page h1').waitFor();
        expect(await shell.locator('[part=invitations] li').count()).toBe(0);
        const session = await core.deps.db.staffSession.findFirstOrThrow({ where: { staffUserId: clerk.staffUserId }, orderBy: { lastSeenAt: 'desc' } });
        expect(session.activeShopId).toBe(home.id);
      } finally {
        await close();
      }
    });
  }
});
