import { readFile } from 'node:fs/promises';
import { orderUpsertInput, shipmentInput } from '@comptoir/protocol';
import type { Locale } from '@comptoir/protocol/locale';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../server/src/app.js';
import { addShipment } from '../../server/src/orders/service.js';
import { upsertOrder } from '../../server/src/orders/upsert-order.js';
import { approveReturn, createReturn } from '../../server/src/returns/service.js';
import { createSavedReply } from '../../server/src/saved-replies/service.js';
import { createStaffUser } from '../../server/src/staff/service.js';
import { openTicket } from '../../server/src/tickets/service.js';
import { createShopWithKeys } from '../../server/src/test/fixtures.js';
import { eventTypeLabel } from '../src/pages/audit/event-labels.js';
import { formatShare } from '../src/pages/dashboard/dashboard-format.js';
import { screenshots, seriousViolations, signIn, startE2eServer, viewports, type E2eServer, type Viewport } from './e2e-harness.js';

const day = 86_400_000;

/** Whether the page fits the viewport's width (no sideways scrolling on a phone). */
const pageWidth = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth);

/** Texts compared whatever spaces the browser's ICU puts in them (narrow no-break space in "50 %"). */
const spaced = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** An order of the seeded history: when it was placed and whether the customer sends it back. */
interface SeededOrder {
  key: string;
  placedDaysAgo: number;
  deliveredDaysAgo: number;
  sku: string;
  title: string;
  quantity: number;
  unitPriceMinor: number;
  returned: { quantity: number; reason: 'wrong_size' | 'defective' } | null;
}

/**
 * The history every viewport gets, in a shop of its own: four orders of one customer over three
 * months, two of them returned today, one shipped with carrier scans, and a question about it.
 */
const history: readonly SeededOrder[] = [
  { key: 'A', placedDaysAgo: 5, deliveredDaysAgo: 3, sku: 'TAS', title: 'Tasse en grès', quantity: 3, unitPriceMinor: 1_500, returned: { quantity: 2, reason: 'wrong_size' } },
  { key: 'B', placedDaysAgo: 6, deliveredDaysAgo: 2, sku: 'BOL', title: 'Bol en grès', quantity: 1, unitPriceMinor: 2_000, returned: null },
  { key: 'C', placedDaysAgo: 20, deliveredDaysAgo: 15, sku: 'VAS', title: 'Vase', quantity: 1, unitPriceMinor: 9_000, returned: { quantity: 1, reason: 'defective' } },
  { key: 'D', placedDaysAgo: 60, deliveredDaysAgo: 55, sku: 'PLA', title: 'Plat', quantity: 2, unitPriceMinor: 4_000, returned: null },
];

/** The return rate the dashboard must show over `days`, computed from the seeded history alone. */
function expectedReturnRate(days: number): { placed: number; returned: number } {
  const placed = history.filter((order) => order.placedDaysAgo < days);
  return { placed: placed.length, returned: placed.filter((order) => order.returned).length };
}

describe('admin dashboard, audit log, orders and saved replies in Chromium', () => {
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

  /** A shop of its own for each test, told apart by `name` (slugs and emails are unique). */
  async function seedShop(viewport: { name: string }) {
    const { shop } = await createShopWithKeys(core.deps.db, { slug: `insights-${viewport.name}` });
    const ownerEmail = `owner.insights.${viewport.name}@example.com`;
    const owner = await createStaffUser(core.deps, { email: ownerEmail, name: 'Odile', password: 'owner-password-1', shopId: shop.id, role: 'owner' });
    const samir = await createStaffUser(core.deps, {
      email: `samir.insights.${viewport.name}@example.com`,
      name: 'Samir Haddad',
      password: 'samir-password-1',
      shopId: shop.id,
      role: 'staff',
    });
    const now = core.deps.clock.now().getTime();
    const orders = new Map<string, { id: string; number: string; customerId: string; returnId: string | null }>();
    for (const seeded of history) {
      const number = `INS-${viewport.name.toUpperCase()}-${seeded.key}`;
      const placed = await upsertOrder(core.deps, {
        shopId: shop.id,
        actor: { type: 'system' },
        order: orderUpsertInput.parse({
          externalId: `ext-${number}`,
          number,
          customer: { email: `claire.insights.${viewport.name}@example.fr`, name: 'Claire Martin' },
          currency: 'EUR',
          lines: [{ sku: seeded.sku, title: seeded.title, quantity: seeded.quantity, unitPriceMinor: seeded.unitPriceMinor }],
          shippingMinor: 0,
          placedAt: new Date(now - seeded.placedDaysAgo * day).toISOString(),
          deliveredAt: new Date(now - seeded.deliveredDaysAgo * day).toISOString(),
        }),
      });
      const row = await core.deps.db.order.findUniqueOrThrow({ where: { id: placed.orderId }, select: { customerId: true, lines: { select: { id: true } } } });
      let returnId: string | null = null;
      if (seeded.returned) {
        const created = await createReturn(core.deps, {
          shopId: shop.id,
          customerId: row.customerId,
          orderId: placed.orderId,
          lines: [{ orderLineId: row.lines[0]!.id, quantity: seeded.returned.quantity, reason: seeded.returned.reason }],
          method: 'drop_off',
          resolution: 'refund',
          idempotencyKey: `insights-${viewport.name}-${seeded.key}`,
          locale: 'fr',
        });
        returnId = created.returnId;
      }
      orders.set(seeded.key, { id: placed.orderId, number, customerId: row.customerId, returnId });
    }
    // The staff member (not the owner) approves the first return: the audit log must name them.
    await approveReturn(core.deps, { shopId: shop.id, returnId: orders.get('A')!.returnId!, actor: { type: 'staff', id: samir.staffUserId } });
    // Order B went by carrier, with two scans.
    const b = orders.get('B')!;
    await addShipment(core.deps, {
      shopId: shop.id,
      actor: { type: 'system' },
      shipment: shipmentInput.parse({
        orderExternalId: `ext-${b.number}`,
        carrier: 'Colissimo',
        trackingNumber: `6A${viewport.name.toUpperCase()}123`,
        trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois',
        shippedAt: new Date(now - 5 * day).toISOString(),
        events: [
          { occurredAt: new Date(now - 5 * day).toISOString(), status: 'in_transit', description: 'Pris en charge', location: 'Lyon PFC' },
          { occurredAt: new Date(now - 2 * day).toISOString(), status: 'delivered', description: 'Remis en boîte aux lettres', location: 'Paris 11' },
        ],
      }),
    });
    const ticket = await openTicket(core.deps, {
      shopId: shop.id,
      customerId: b.customerId,
      orderId: b.id,
      subject: 'Colis abîmé ?',
      body: 'Le carton était enfoncé, est-ce normal ?',
      attachments: [],
    });
    for (const [locale, title, body] of [
      ['fr', 'Colis en route', 'Bonjour {{customer.name}}, votre commande {{order.number}} est bien partie. {{shop.name}}'],
      ['en', 'Parcel on its way', 'Hello {{customer.name}}, your order {{order.number}} is on its way. {{shop.name}}'],
    ] as const) {
      await createSavedReply(core.deps, { shopId: shop.id, actor: { type: 'staff', id: owner.staffUserId }, title, locale, body });
    }
    return { shop, ownerEmail, samirName: 'Samir Haddad', orders, ticketId: ticket.ticketId };
  }

  async function openPage(viewport: Viewport): Promise<{ page: Page; shot: (name: string) => Promise<unknown>; cspErrors: string[]; close: () => Promise<void> }> {
    const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, locale: viewport.locale, acceptDownloads: true });
    const page = await context.newPage();
    const cspErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
    });
    return {
      page,
      cspErrors,
      shot: (name) => page.screenshot({ path: `${screenshots}admin-${name}-${viewport.name}.png`, fullPage: true }),
      close: () => context.close(),
    };
  }

  for (const viewport of viewports) {
    const locale: Locale = viewport.locale.startsWith('fr') ? 'fr' : 'en';

    it(`shows the service dashboard from the seeded history, per period, and exports the cases (${viewport.width}×${viewport.height}, ${viewport.locale})`, async () => {
      const seeded = await seedShop(viewport);
      const { page, shot, cspErrors, close } = await openPage(viewport);
      try {
        await signIn(page, baseUrl, seeded.ownerEmail, 'owner-password-1');
        await page.locator('comptoir-app-shell nav a[href="#/dashboard"]').click();
        const dashboard = page.locator('comptoir-dashboard-page');
        const rate = dashboard.locator('#tile-return-rate');
        await rate.waitFor();

        // 30 days by default: orders A, B and C were placed in it, A and C are being returned.
        const month = expectedReturnRate(30);
        expect(month).toEqual({ placed: 3, returned: 2 });
        await expect.poll(async () => spaced(await rate.locator('.figure').textContent())).toBe(spaced(formatShare(month.returned / month.placed, locale)));
        expect(spaced(await rate.locator('.hint').textContent())).toContain(String(month.placed));
        // The products sent back, most first: 2 cups (A), then 1 vase (C).
        const products = dashboard.locator('#products [part=row]');
        await expect.poll(() => products.count()).toBe(2);
        expect(spaced(await products.nth(0).textContent())).toMatch(/Tasse en grès\s*TAS\s*2/);
        expect(spaced(await products.nth(1).textContent())).toMatch(/Vase\s*VAS\s*1/);
        // Two reasons, once each.
        await expect.poll(() => dashboard.locator('#reasons [part=row]').count()).toBe(2);
        // The daily chart is drawn (a canvas), and its table says the same: 2 returns and 1 request today.
        const chart = dashboard.locator('comptoir-daily-chart');
        await chart.locator('canvas').first().waitFor();
        const totals = await chart.locator('tbody tr').evaluateAll((rows) =>
          rows.map((row) => Array.from(row.querySelectorAll('td')).map((cell) => Number(cell.textContent))).reduce((sum, cells) => sum.map((value, index) => value + (cells[index] ?? 0)), [0, 0, 0, 0]),
        );
        expect(totals).toEqual([2, 0, 1, 0]);
        expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
        expect(await seriousViolations(page)).toEqual([]);
        await shot('dashboard-30');

        // 7 days: only A and B were placed in it.
        await dashboard.locator('label[for=period-7]').click();
        const week = expectedReturnRate(7);
        expect(week).toEqual({ placed: 2, returned: 1 });
        await expect.poll(async () => spaced(await rate.locator('.figure').textContent())).toBe(spaced(formatShare(week.returned / week.placed, locale)));
        // 90 days: all four, two returned.
        await dashboard.locator('label[for=period-90]').click();
        const quarter = expectedReturnRate(90);
        await expect.poll(async () => spaced(await rate.locator('.hint').textContent())).toContain(String(quarter.placed));
        expect(spaced(await rate.locator('.figure').textContent())).toBe(spaced(formatShare(quarter.returned / quarter.placed, locale)));
        expect(await seriousViolations(page)).toEqual([]);
        await shot('dashboard-90');

        // The export: a CSV named after the shop, the contract's header, a row per case opened in the period.
        await dashboard.locator('label[for=period-7]').click();
        await expect.poll(async () => spaced(await rate.locator('.figure').textContent())).toBe(spaced(formatShare(week.returned / week.placed, locale)));
        const [download] = await Promise.all([page.waitForEvent('download'), dashboard.locator('#export-cases').click()]);
        expect(download.suggestedFilename()).toMatch(new RegExp(`^comptoir-cases-${seeded.shop.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
        const lines = (await readFile(await download.path(), 'utf8')).split(/\r?\n/).filter((line) => line !== '');
        expect(lines[0]).toBe('type,reference,status,order_number,customer_email,opened_at,closed_at,next_deadline_at,rating');
        // Returns A and C and the request were opened today: three cases.
        expect(lines).toHaveLength(4);
        expect(lines.filter((line) => line.startsWith('return,'))).toHaveLength(2);
        expect(lines.filter((line) => line.startsWith('ticket,'))).toHaveLength(1);
        expect(cspErrors).toEqual([]);
      } finally {
        await close();
      }
    });

    it(`shows who did what in the audit log, finds an order with its parcel scans, and answers a request with a saved reply (${viewport.width}×${viewport.height}, ${viewport.locale})`, async () => {
      const seeded = await seedShop({ name: `${viewport.name}-2` });
      const { page, shot, cspErrors, close } = await openPage(viewport);
      try {
        await signIn(page, baseUrl, seeded.ownerEmail, 'owner-password-1');

        // Audit log: the staff member's approval, by name; filtered by that person, only their actions remain.
        await page.locator('comptoir-app-shell nav a[href="#/audit"]').click();
        const audit = page.locator('comptoir-audit-page');
        const approval = audit.locator('[part=event][data-type="return.approved"]');
        await approval.waitFor();
        expect(spaced(await approval.textContent())).toContain(eventTypeLabel('return.approved', locale));
        expect(await approval.locator('.who').textContent()).toBe(seeded.samirName);
        expect(await approval.locator(`a[href="#/case?type=return&id=${seeded.orders.get('A')!.returnId}"]`).count()).toBe(1);
        const everything = await audit.locator('[part=event]').count();
        expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
        expect(await seriousViolations(page)).toEqual([]);
        await shot('audit');

        await audit.locator('details > summary').evaluate((summary) => ((summary.parentElement as HTMLDetailsElement).open = true));
        await audit.locator('#filter-actor-type').selectOption('staff');
        await audit.locator(`#filter-actor option:has-text("${seeded.samirName}")`).waitFor({ state: 'attached' });
        await audit.locator('#filter-actor').selectOption({ label: seeded.samirName });
        await audit.locator('#filter-apply').click();
        await expect.poll(() => audit.locator('[part=event]').count()).toBeLessThan(everything);
        const who = await audit.locator('[part=event] .who').allTextContents();
        expect(who.length).toBeGreaterThan(0);
        expect(new Set(who)).toEqual(new Set([seeded.samirName]));
        expect(await seriousViolations(page)).toEqual([]);
        await shot('audit-filtered');

        // Orders: the search finds B by its number; its page shows the parcel and both scans, newest first.
        await page.locator('comptoir-app-shell nav a[href="#/orders"]').click();
        const orders = page.locator('comptoir-orders-page');
        await expect.poll(() => orders.locator('[part=order]').count()).toBe(history.length);
        expect(await seriousViolations(page)).toEqual([]);
        await shot('orders');
        const b = seeded.orders.get('B')!;
        await orders.locator('#order-search').fill(b.number.toLowerCase());
        await expect.poll(() => orders.locator('[part=order]').count()).toBe(1);
        await orders.locator(`a[href="#/order?id=${b.id}"]`).click();
        const detail = page.locator('comptoir-order-detail-page');
        await expect.poll(() => detail.locator('[part=tracking-event]').count()).toBe(2);
        const scans = await detail.locator('[part=tracking-event]').allTextContents();
        expect(spaced(scans[0]!)).toContain('Remis en boîte aux lettres');
        expect(spaced(scans[1]!)).toContain('Lyon PFC');
        expect(await detail.locator('[part=shipment] a[href^="https://www.laposte.fr/"]').count()).toBe(1);
        expect(await detail.locator(`[part=case] a[href="#/case?type=ticket&id=${seeded.ticketId}"]`).count()).toBe(1);
        expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
        expect(await seriousViolations(page)).toEqual([]);
        await shot('order');

        // The request, from the order page: the customer's history is beside it, and a saved reply fills the box.
        await core.deps.db.customer.update({ where: { id: b.customerId }, data: { locale: locale === 'en' ? 'en' : null } });
        await detail.locator(`[part=case] a[href="#/case?type=ticket&id=${seeded.ticketId}"]`).click();
        const ticketPage = page.locator('comptoir-ticket-case-page');
        await expect.poll(() => ticketPage.locator('[part=message]').count()).toBe(1);
        const historyPanel = ticketPage.locator('comptoir-customer-history');
        await expect.poll(async () => spaced(await historyPanel.locator('#history-summary').textContent())).toContain(String(history.length));
        // Lifetime spend: every order's total (none refunded yet), as the server computes it.
        const spend = history.reduce((sum, order) => sum + order.quantity * order.unitPriceMinor, 0);
        const spendText = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(spend / 100);
        expect(spaced(await historyPanel.locator('#history-summary').textContent())).toContain(spaced(spendText));
        // Collapsed on a phone, open on a desk.
        expect(await historyPanel.locator('details').evaluate((element) => (element as HTMLDetailsElement).open)).toBe(viewport.width >= 768);
        // Opened by a tap on a phone.
        if (viewport.width < 768) await historyPanel.locator('summary').click();
        await historyPanel.locator('#history-spend').waitFor();

        // The replies offered first are in the customer's language: here (fr) the shop's, French, as the
        // customer has none; there (en) their own, English, in a French shop. The others are one switch away.
        const picker = ticketPage.locator('comptoir-saved-reply-picker');
        const title = locale === 'fr' ? 'Colis en route' : 'Parcel on its way';
        await picker.locator(`#saved-reply option:has-text("${title}")`).waitFor({ state: 'attached' });
        expect(await picker.locator('#saved-reply-language').inputValue()).toBe(locale);
        expect(await picker.locator('#saved-reply option').count()).toBe(2);
        await picker.locator('#saved-reply-language').selectOption(locale === 'fr' ? 'en' : 'fr');
        await picker.locator(`#saved-reply option:has-text("${locale === 'fr' ? 'Parcel on its way' : 'Colis en route'}")`).waitFor({ state: 'attached' });
        await picker.locator('#saved-reply-language').selectOption(locale);
        await picker.locator(`#saved-reply option:has-text("${title}")`).waitFor({ state: 'attached' });
        expect(await picker.locator('#saved-reply option').count()).toBe(2);
        await picker.locator('#saved-reply').selectOption({ label: title });
        await picker.locator('#saved-reply-insert').click();
        const reply = ticketPage.locator('#reply');
        await expect.poll(() => reply.inputValue()).toContain('Claire Martin');
        expect(await reply.inputValue()).toContain(b.number);
        // Still editable before sending.
        await reply.press('End');
        await reply.pressSequentially(' Merci !');
        const sent = await reply.inputValue();
        expect(sent).toMatch(/Claire Martin.* Merci !$/s);
        expect(await seriousViolations(page)).toEqual([]);
        await shot('case-history');
        await ticketPage.locator('form button[type=submit]').click();
        await expect.poll(() => ticketPage.locator('[part=message]').count()).toBe(2);
        expect(spaced(await ticketPage.locator('[part=message]').nth(1).textContent())).toContain(spaced(sent));
        expect(cspErrors).toEqual([]);
      } finally {
        await close();
      }
    });
  }
});
