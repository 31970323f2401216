import { orderUpsertInput } from '@comptoir/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../server/src/app.js';
import { upsertOrder } from '../../server/src/orders/upsert-order.js';
import { createReturn } from '../../server/src/returns/service.js';
import { bookPickupSlot, createPickupLocation, listPickupSlots } from '../../server/src/pickup/service.js';
import { openTicket } from '../../server/src/tickets/service.js';
import { openClaim } from '../../server/src/claims/service.js';
import { createStaffUser } from '../../server/src/staff/service.js';
import { createShopWithKeys } from '../../server/src/test/fixtures.js';
import type { Browser } from 'playwright-core';
import { screenshots, seriousViolations, startE2eServer, viewports, type E2eServer } from './e2e-harness.js';

/** Texts the flow clicks or checks, in the language each viewport's browser asks for. */
const texts = {
  'fr-FR': { team: 'Équipe', invited: 'Mot de passe enregistré', loginTitle: 'Connexion à votre boutique' },
  'en-US': { team: 'Team', invited: 'Password saved', loginTitle: 'Sign in to your shop' },
} as const;

describe('admin in Chromium', () => {
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
        await shot('inbox-empty');

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
        // A staff member sees neither the team, the keys nor the webhooks (owner-only screens).
        expect(await page.locator('comptoir-app-shell nav a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual([
          '#/inbox',
          '#/dashboard',
          '#/orders',
          '#/counter',
          '#/emails',
          '#/loyalty',
          '#/audit',
          '#/settings',
        ]);
        expect(await seriousViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
  for (const viewport of viewports) {
    it(`lets staff bulk-approve, answer a request and a claim, and take a return from the inbox to the counter to a manual refund (${viewport.width}×${viewport.height}, ${viewport.locale})`, async () => {
      const { shop } = await createShopWithKeys(core.deps.db, { slug: `retours-${viewport.name}` });
      const ownerEmail = `owner.retours.${viewport.name}@example.com`;
      await createStaffUser(core.deps, { email: ownerEmail, name: 'Odile', password: 'owner-password-1', shopId: shop.id, role: 'owner' });
      // An order delivered three days ago, well inside the return window, and its return request.
      const now = core.deps.clock.now().getTime();
      const orderNumber = `CMD-${viewport.name.toUpperCase()}-1`;
      const placed = await upsertOrder(core.deps, {
        shopId: shop.id,
        actor: { type: 'system' },
        order: orderUpsertInput.parse({
          externalId: `ext-${orderNumber}`,
          number: orderNumber,
          customer: { email: `claire.${viewport.name}@example.fr`, name: 'Claire Martin' },
          currency: 'EUR',
          lines: [{ sku: 'TAS', title: 'Tasse en grès', quantity: 2, unitPriceMinor: 1_500 }],
          shippingMinor: 500,
          placedAt: new Date(now - 6 * 86_400_000).toISOString(),
          deliveredAt: new Date(now - 3 * 86_400_000).toISOString(),
        }),
      });
      const order = await core.deps.db.order.findUniqueOrThrow({
        where: { id: placed.orderId },
        select: { customerId: true, lines: { select: { id: true } } },
      });
      const created = await createReturn(core.deps, {
        shopId: shop.id,
        customerId: order.customerId,
        orderId: placed.orderId,
        lines: [{ orderLineId: order.lines[0]!.id, quantity: 2, reason: 'wrong_size' }],
        method: 'drop_off',
        resolution: 'refund',
        idempotencyKey: `e2e-return-${viewport.name}`,
        locale: 'fr',
      });
      expect(created.status).toBe('requested');
      // A second return, approved in bulk from the inbox, and a question from the same customer.
      const secondNumber = `CMD-${viewport.name.toUpperCase()}-2`;
      const second = await upsertOrder(core.deps, {
        shopId: shop.id,
        actor: { type: 'system' },
        order: orderUpsertInput.parse({
          externalId: `ext-${secondNumber}`,
          number: secondNumber,
          customer: { email: `claire.${viewport.name}@example.fr`, name: 'Claire Martin' },
          currency: 'EUR',
          lines: [{ sku: 'BOL', title: 'Bol en grès', quantity: 1, unitPriceMinor: 2_000 }],
          shippingMinor: 0,
          placedAt: new Date(now - 6 * 86_400_000).toISOString(),
          deliveredAt: new Date(now - 3 * 86_400_000).toISOString(),
        }),
      });
      const secondLine = await core.deps.db.orderLine.findFirstOrThrow({ where: { orderId: second.orderId }, select: { id: true } });
      const secondReturn = await createReturn(core.deps, {
        shopId: shop.id,
        customerId: order.customerId,
        orderId: second.orderId,
        lines: [{ orderLineId: secondLine.id, quantity: 1 }],
        method: 'drop_off',
        resolution: 'refund',
        idempotencyKey: `e2e-return-2-${viewport.name}`,
        locale: 'fr',
      });
      const claimNumber = `CMD-${viewport.name.toUpperCase()}-3`;
      const third = await upsertOrder(core.deps, {
        shopId: shop.id,
        actor: { type: 'system' },
        order: orderUpsertInput.parse({
          externalId: `ext-${claimNumber}`,
          number: claimNumber,
          customer: { email: `claire.${viewport.name}@example.fr`, name: 'Claire Martin' },
          currency: 'EUR',
          lines: [{ sku: 'VAS', title: 'Vase', quantity: 1, unitPriceMinor: 9_000 }],
          shippingMinor: 0,
          placedAt: new Date(now - 6 * 86_400_000).toISOString(),
          deliveredAt: new Date(now - 1 * 86_400_000).toISOString(),
        }),
      });
      const claim = await openClaim(core.deps, {
        shopId: shop.id,
        customerId: order.customerId,
        orderId: third.orderId,
        kind: 'damaged',
        description: 'Le vase est arrivé fêlé.',
        photos: [],
        locale: 'fr',
      });
      expect(claim.status).toBe('open');
      const ticket = await openTicket(core.deps, {
        shopId: shop.id,
        customerId: order.customerId,
        subject: 'Délai de livraison',
        body: 'Quand arrivera ma commande ?',
        attachments: [],
      });

      const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, locale: viewport.locale });
      const page = await context.newPage();
      const shot = (name: string) => page.screenshot({ path: `${screenshots}admin-${name}-${viewport.name}.png`, fullPage: true });
      try {
        await page.goto(`${baseUrl}/admin/`);
        await page.locator('comptoir-login-page #email').fill(ownerEmail);
        await page.locator('comptoir-login-page #password').fill('owner-password-1');
        await page.locator('comptoir-login-page button[type=submit]').click();

        // The inbox lists the return with its order, customer, status and countdown (cards on a phone, a table on a desk).
        const caseLink = page.locator(`comptoir-inbox-page a[href="#/case?type=return&id=${created.returnId}"]`).filter({ visible: true });
        await caseLink.waitFor();
        expect(await caseLink.textContent()).toContain(orderNumber);
        const row = page.locator('comptoir-inbox-page [part=case]').filter({ visible: true }).filter({ hasText: orderNumber });
        expect(await row.textContent()).toContain('Claire Martin');
        expect(await row.locator('.countdown').getAttribute('class')).toMatch(/countdown (normal|soon)/);
        expect(await seriousViolations(page)).toEqual([]);
        await shot('inbox');

        // Bulk approval of the second return only.
        const secondRow = page.locator('comptoir-inbox-page [part=case]').filter({ visible: true }).filter({ hasText: secondNumber });
        await secondRow.locator('input[type=checkbox]').check();
        await page.locator('comptoir-inbox-page #bulk-approve').click();
        await page.locator('comptoir-inbox-page .alert.success').waitFor();
        const approved = await core.deps.db.returnCase.findUniqueOrThrow({ where: { id: secondReturn.returnId }, select: { status: true } });
        expect(approved.status).toBe('approved');
        expect((await core.deps.db.returnCase.findUniqueOrThrow({ where: { id: created.returnId }, select: { status: true } })).status).toBe('requested');

        // The question: answered and resolved from its page.
        await page.locator(`comptoir-inbox-page a[href="#/case?type=ticket&id=${ticket.ticketId}"]`).filter({ visible: true }).click();
        const ticketPage = page.locator('comptoir-ticket-case-page');
        await expect.poll(() => ticketPage.locator('[part=message]').count()).toBe(1);
        await ticketPage.locator('#reply').fill('Elle part demain matin.');
        await ticketPage.locator('button[type=submit]').click();
        await expect.poll(() => ticketPage.locator('[part=message]').count()).toBe(2);
        expect(await seriousViolations(page)).toEqual([]);
        await shot('case-ticket');
        await ticketPage.locator('button.secondary').first().click();
        await expect.poll(async () => (await core.deps.db.ticket.findUniqueOrThrow({ where: { id: ticket.ticketId }, select: { status: true } })).status).toBe('resolved');
        await page.locator('comptoir-app-shell nav a[href="#/inbox"]').click();

        // The claim: answered from its page.
        await page.locator(`comptoir-inbox-page a[href="#/case?type=claim&id=${claim.claimId}"]`).filter({ visible: true }).click();
        const claimPage = page.locator('comptoir-claim-case-page');
        await claimPage.locator('#answer').fill('Nous sommes désolés : que préférez-vous, remboursement ou remplacement ?');
        await claimPage.locator('form', { has: page.locator('#answer') }).locator('button[type=submit]').click();
        await expect.poll(() => claimPage.locator('#answer').count()).toBe(0);
        expect((await core.deps.db.claim.findUniqueOrThrow({ where: { id: claim.claimId }, select: { status: true } })).status).toBe('answered');
        expect(await claimPage.locator('#resolution').count()).toBe(1);
        expect(await seriousViolations(page)).toEqual([]);
        await shot('case-claim');
        await page.locator('comptoir-app-shell nav a[href="#/inbox"]').click();

        await page.locator('comptoir-inbox-page #search').fill('nobody-has-this-name');
        await expect.poll(() => caseLink.count()).toBe(0);
        await page.locator('comptoir-inbox-page #search').fill(orderNumber);
        await caseLink.waitFor();

        await caseLink.click();
        const casePage = page.locator('comptoir-return-case-page');
        await casePage.locator('h1').waitFor();
        expect(await casePage.locator('h1').textContent()).toContain(created.code);
        // Only what the state allows: a request can be approved or refused, not refunded yet.
        expect(await casePage.locator('#refund').count()).toBe(0);
        expect(await casePage.locator('#receive').count()).toBe(0);
        await casePage.locator('#note').fill('Cliente habituée, tasse à vérifier.');
        await casePage.locator('form', { has: page.locator('#note') }).locator('button[type=submit]').click();
        await expect.poll(() => casePage.locator('[part=event]').count()).toBeGreaterThanOrEqual(2);
        expect(await seriousViolations(page)).toEqual([]);
        await shot('case-requested');

        await casePage.locator('#approve').click();
        await casePage.locator('#receive').waitFor();
        expect(await casePage.locator('#approve').count()).toBe(0);
        await shot('case-approved');

        // At the counter, the code typed by hand (lower case and spaces are fine).
        await page.locator('comptoir-app-shell nav a[href="#/counter"]').click();
        await page.locator('comptoir-counter-page #code').fill(` ${created.code.toLowerCase()} `);
        expect(await seriousViolations(page)).toEqual([]);
        await page.locator('comptoir-counter-page #receive').click();
        const confirmation = page.locator('comptoir-counter-page [role=status]');
        await confirmation.waitFor();
        expect(await confirmation.textContent()).toContain(created.code);
        expect(await seriousViolations(page)).toEqual([]);
        await shot('counter');

        // The same input hands over a click-and-collect order: the server tells the code by its shape.
        const pickupNumber = `CMD-${viewport.name.toUpperCase()}-P`;
        const pickupOrder = await upsertOrder(core.deps, {
          shopId: shop.id,
          actor: { type: 'system' },
          order: orderUpsertInput.parse({
            externalId: `ext-${pickupNumber}`,
            number: pickupNumber,
            customer: { email: `claire.${viewport.name}@example.fr`, name: 'Claire Martin' },
            currency: 'EUR',
            fulfilment: 'pickup',
            lines: [{ sku: 'PLA', title: 'Plat en grès', quantity: 1, unitPriceMinor: 4_000 }],
            placedAt: new Date(now - 2 * 86_400_000).toISOString(),
            readyForPickupAt: new Date(now - 3_600_000).toISOString(),
          }),
        });
        const allDay = [{ opens: '00:00', closes: '24:00' }];
        const counterLocation = await createPickupLocation(core.deps, {
          shopId: shop.id,
          actor: { type: 'system' },
          location: { name: 'Comptoir', address: '1 rue du Four, Paris', slotMinutes: 60, slotCapacity: 2, openingHours: { monday: allDay, tuesday: allDay, wednesday: allDay, thursday: allDay, friday: allDay, saturday: allDay, sunday: allDay } },
        });
        const pickupRef = { shopId: shop.id, customerId: order.customerId, orderId: pickupOrder.orderId };
        const [firstSlot] = (await listPickupSlots(core.deps, pickupRef)).locations.find((location) => location.id === counterLocation.id)!.slots;
        const booking = await bookPickupSlot(core.deps, { ...pickupRef, locationId: counterLocation.id, startsAt: firstSlot!.startsAt, mode: 'book', actor: { type: 'system' } });
        await page.locator('comptoir-counter-page #code').fill(booking.code.toLowerCase());
        await page.locator('comptoir-counter-page #receive').click();
        await expect.poll(() => confirmation.textContent()).toContain(pickupNumber);
        expect(await seriousViolations(page)).toEqual([]);
        expect((await core.deps.db.order.findUniqueOrThrow({ where: { id: pickupOrder.orderId }, select: { pickedUpAt: true } })).pickedUpAt).not.toBeNull();
        await shot('counter-pickup');

        // Back to the return's confirmation, to open it.
        await page.locator('comptoir-counter-page #code').fill(created.code);
        await page.locator('comptoir-counter-page #receive').click();
        await expect.poll(() => confirmation.textContent()).toContain(created.code);

        await confirmation.locator('a').click();
        await casePage.locator('#refund').click();
        const amount = casePage.locator('input[name=amount]');
        expect(await amount.inputValue()).toBe('30.00');
        await casePage.locator('input[name=provider][value=manual]').check();
        await casePage.locator('#refund-reference').fill(`VIR-${viewport.name}`);
        expect(await seriousViolations(page)).toEqual([]);
        await shot('case-refund');
        await casePage.locator('#refund-submit').click();
        await expect.poll(() => casePage.locator('#refund-submit').count()).toBe(0);
        expect(await casePage.locator('[role=status]').count()).toBe(1);

        const refunds = await core.deps.db.refund.findMany({ where: { returnId: created.returnId }, select: { amountMinor: true, provider: true, reference: true } });
        expect(refunds).toEqual([{ amountMinor: 3_000, provider: 'manual', reference: `VIR-${viewport.name}` }]);
        const row2 = await core.deps.db.returnCase.findUniqueOrThrow({ where: { id: created.returnId }, select: { status: true } });
        expect(['refunded', 'closed']).toContain(row2.status);
        expect(await seriousViolations(page)).toEqual([]);
        await shot('case-refunded');
      } finally {
        await context.close();
      }
    });
  }
});
