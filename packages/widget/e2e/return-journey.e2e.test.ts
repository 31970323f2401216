import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { approveReturn } from '../../server/src/returns/service.js';
import { demoOwner } from '../../server/src/shops/demo-seed.js';
import { launchChromium, openPage, screenshotDir, seriousViolations, signIn, startDemoServer, type DemoServer } from './harness.js';

/**
 * The main journey, in French and in English, at 375×812 and 1280×800: a shopper signs in,
 * follows an order, requests a return, and sees its status change when staff approve it. Each run
 * returns another line of a delivered demo order, so the four share one server.
 */
let server: DemoServer;
let browser: Browser;

const viewports = { mobile: { width: 375, height: 812 }, desktop: { width: 1280, height: 800 } } as const;

const texts = {
  fr: {
    order: (number: string) => `Commande ${number}`,
    returnItems: 'Retourner des articles',
    noReason: 'Sans motif',
    wrongSize: 'Taille ou modèle ne convient pas',
    dropOff: 'Déposer en boutique',
    refund: /^Remboursement de /,
    next: 'Continuer',
    summary: 'Récapitulatif',
    confirm: 'Confirmer le retour',
    follow: 'Suivre mon retour',
    requested: 'Demandé',
    approved: 'Accepté',
    answerBy: /^Réponse de la boutique au plus tard \S+/,
    countdown: /^Il reste (\d+ j )?(\d+ h )?\d+ min$/,
    reasonShown: 'Taille ou modèle ne convient pas',
  },
  en: {
    order: (number: string) => `Order ${number}`,
    returnItems: 'Return items',
    noReason: 'No reason',
    wrongSize: 'Wrong size or fit',
    dropOff: 'Drop off at the shop',
    refund: /^Refund of /,
    next: 'Continue',
    summary: 'Summary',
    confirm: 'Confirm the return',
    follow: 'Follow my return',
    requested: 'Requested',
    approved: 'Approved',
    answerBy: /^The shop answers by .+ at the latest$/,
    countdown: /^(\d+ d )?(\d+ h )?\d+ min left$/,
    reasonShown: 'Wrong size or fit',
  },
} as const;

/** Which delivered order and line each run returns (two customers, two lines each). */
const runs = [
  { locale: 'fr', size: 'mobile', number: '1002', line: 'Théière en fonte' },
  { locale: 'en', size: 'mobile', number: '1002', line: 'Coffret thé vert au jasmin' },
  { locale: 'fr', size: 'desktop', number: '1005', line: 'Savon de Marseille' },
  { locale: 'en', size: 'desktop', number: '1005', line: 'Tasse en grès émaillé' },
] as const;

function emailOf(number: string): string {
  const order = server.seeded.orders.find((candidate) => candidate.number === number);
  if (!order) throw new Error(`no demo order ${number}`);
  return order.email;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('sign in, follow an order, request a return, see it approved', () => {
  for (const run of runs) {
    it(`in ${run.locale === 'fr' ? 'French' : 'English'} at ${viewports[run.size].width}×${viewports[run.size].height}`, async () => {
      const text = texts[run.locale];
      const context = await browser.newContext({ viewport: viewports[run.size], locale: run.locale === 'fr' ? 'fr-FR' : 'en-GB' });
      const { page, problems } = await openPage(context, `${server.origin}/demo/`);
      await page.waitForFunction(() => 'Comptoir' in window && 'version' in (window.Comptoir ?? {}));
      await page.evaluate((locale) => (window.Comptoir as { setLocale(locale: string): void }).setLocale(locale), run.locale);
      await page.locator('comptoir-launcher button').click();
      await signIn(page, run.number, emailOf(run.number));

      // Follow the order from the list.
      const orders = page.locator('comptoir-order-list .order');
      await orders.filter({ hasText: text.order(run.number) }).click();
      const detail = page.locator('comptoir-order-detail');
      await detail.locator('.timeline li').first().waitFor();
      await detail.locator('.returns button', { hasText: text.returnItems }).click();

      // The return form: the line, the reason picker, the method and the refund.
      const flow = page.locator('comptoir-return-flow');
      await flow.locator('form').waitFor();
      await flow.getByRole('checkbox', { name: new RegExp(run.line) }).check();
      const reason = flow.locator('select[name="reason"]');
      const reasons = (await reason.locator('option').allTextContents()).map((option) => option.trim());
      expect(reasons).toHaveLength(9);
      expect(reasons[0]).toBe(text.noReason);
      expect(reasons).toContain(text.wrongSize);
      await reason.selectOption({ label: text.wrongSize });
      await flow.getByRole('radio', { name: text.dropOff }).check();
      await flow.getByRole('radio', { name: text.refund }).check();
      await flow.getByRole('button', { name: text.next }).click();
      await flow.getByRole('heading', { name: text.summary }).waitFor();
      await flow.getByRole('button', { name: text.confirm }).click();
      await flow.locator('.code').waitFor();
      await flow.getByRole('button', { name: text.follow }).click();

      // The case: its status, the shop's deadline in words and its live countdown.
      const returnCase = page.locator('comptoir-return-case');
      await returnCase.locator('.status').waitFor();
      expect(await returnCase.locator('.status').textContent()).toBe(text.requested);
      expect((await returnCase.locator('.promise').textContent())?.trim()).toMatch(text.answerBy);
      expect((await returnCase.locator('.countdown').textContent())?.trim()).toMatch(text.countdown);
      expect(await returnCase.locator('[role="timer"]').count()).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${screenshotDir}widget-return-journey-requested-${run.locale}-${run.size}.png` });

      // Staff approve it; the shopper sees the new status.
      const created = await server.core.deps.db.returnCase.findFirstOrThrow({
        where: { shopId: server.seeded.shop.id, order: { number: run.number }, lines: { some: { orderLine: { title: { startsWith: run.line } } } } },
        select: { id: true, code: true, lines: { select: { reasonCode: true } } },
      });
      expect(created.lines).toEqual([{ reasonCode: 'wrong_size' }]);
      const owner = await server.core.deps.db.staffUser.findFirstOrThrow({ where: { email: demoOwner.email }, select: { id: true } });
      await approveReturn(server.core.deps, { shopId: server.seeded.shop.id, returnId: created.id, actor: { type: 'staff', id: owner.id } });
      await page.locator('comptoir-panel [part="back-button"]').click();
      const listed = detail.locator('.returns button.return', { hasText: created.code });
      await expect.poll(async () => (await listed.textContent())?.trim()).toMatch(new RegExp(`· ${text.approved}$`));
      await listed.click();
      await expect.poll(() => returnCase.locator('.status').textContent()).toBe(text.approved);
      expect(await returnCase.locator('[part="timeline"]').textContent()).toContain(text.approved);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${screenshotDir}widget-return-journey-approved-${run.locale}-${run.size}.png` });
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
