import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseShop, type CaseShop } from '../cases/case-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { testDatabaseKind } from '../test/test-database.js';
import { sendDailyDigests } from './daily-digest.js';
import { renderEmail } from './email/registry.js';

describe(`the staff's daily digest on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let shop: CaseShop;
  let quiet: CaseShop;

  async function digests(target: CaseShop) {
    const rows = await app.deps.db.outboxMessage.findMany({ where: { shopId: target.shop.id, topic: 'staff_daily_digest' }, orderBy: { createdAt: 'asc' }, select: { payload: true } });
    return rows.map((row) => (row.payload as { data: { overdue: number; dueToday: number; cases: Array<{ caseType: string; overdue: boolean }> } }).data);
  }

  beforeAll(async () => {
    // Monday 15 June 2026, 12:00 in Paris: a claim (due Wednesday 12:00) and a ticket (due Wednesday 16:00).
    app = await createTestApp({ now: '2026-06-15T10:00:00Z' });
    shop = await createCaseShop(app, 'digest-shop');
    quiet = await createCaseShop(app, 'digest-quiet');
    const { orderId, customerId } = await shop.placeOrder({ number: 'D-1', email: 'digest@example.fr' });
    await shop.shopper(customerId).claims.widget.open({ orderId, kind: 'damaged', description: 'Cassé' });
    await shop.shopper(customerId).tickets.widget.open({ subject: 'Question', body: 'Bonjour', orderId });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('says nothing while nothing is due within a day, nor at another hour than 8:00 shop time', async () => {
    expect(await sendDailyDigests(app.deps, new Date('2026-06-16T06:02:00Z'))).toEqual({ shops: 0, emails: 0 });
    expect(await sendDailyDigests(app.deps, new Date('2026-06-17T07:02:00Z'))).toEqual({ shops: 0, emails: 0 });
    expect(await digests(shop)).toEqual([]);
  });

  it('lists what is due today at 8:00 in the shop’s time zone, once however often it runs', async () => {
    const at = new Date('2026-06-17T06:02:00Z');
    expect(await sendDailyDigests(app.deps, at)).toEqual({ shops: 1, emails: 1 });
    expect(await sendDailyDigests(app.deps, at)).toEqual({ shops: 1, emails: 0 });
    const [digest] = await digests(shop);
    expect(digest).toMatchObject({ overdue: 0, dueToday: 2 });
    expect(digest!.cases.map((item) => item.caseType)).toEqual(['claim', 'ticket']);
    expect(await digests(quiet)).toEqual([]);
  });

  it('counts what is overdue the next morning, and reads well in both languages', async () => {
    await sendDailyDigests(app.deps, new Date('2026-06-18T06:02:00Z'));
    const latest = (await digests(shop)).at(-1)!;
    expect(latest).toMatchObject({ overdue: 2, dueToday: 0 });
    const branding = { shopName: 'Boutique', logoUrl: null, brandColor: null, timeZone: 'Europe/Paris' };
    const fr = renderEmail('staff_daily_digest', 'fr', latest as never, branding);
    expect(fr.subject).toBe('Boutique : 2 en retard, 0 à traiter aujourd’hui');
    expect(fr.text).toContain('En retard depuis le 17 juin 2026');
    expect(renderEmail('staff_daily_digest', 'en', latest as never, branding).subject).toBe('Boutique: 2 overdue, 0 due today');
  });
});
