import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseShop, failureCode, type CaseShop } from '../cases/case-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { testDatabaseKind } from '../test/test-database.js';
import { dispatchAllDue } from './dispatcher.js';
import { createDevelopmentTransport } from './email/transport.js';
import { createHttpWebhookSender } from './webhooks/sender.js';

describe(`emails sent, as the admin lists them, on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let shop: CaseShop;
  let other: CaseShop;

  async function deliverEverything() {
    await dispatchAllDue({ ...app.deps, email: createDevelopmentTransport(app.deps.logger), webhooks: createHttpWebhookSender({ allowPrivateTargets: false }) });
  }

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-06-15T10:00:00Z' });
    shop = await createCaseShop(app, 'emails-shop');
    other = await createCaseShop(app, 'emails-other');
    for (const [target, number, email] of [
      [shop, 'E-1', 'alice@example.fr'],
      [shop, 'E-2', 'bruno@example.fr'],
      [other, 'E-3', 'chloe@example.fr'],
    ] as const) {
      const { orderId, customerId } = await target.placeOrder({ number, email });
      await target.shopper(customerId).tickets.widget.open({ subject: `Question sur ${number}`, body: 'Bonjour', orderId });
    }
    await deliverEverything();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists what the shop sent, newest first, with its template, and pages through it', async () => {
    const all = await shop.staff.emails.admin.list({});
    // Each order earned points and each ticket alerted the owner; nothing of the other shop shows.
    expect(all.emails.map((email) => `${email.topic} ${email.to}`).sort()).toEqual([
      'loyalty_points_earned alice@example.fr',
      'loyalty_points_earned bruno@example.fr',
      'staff_new_case owner@emails-shop.example',
      'staff_new_case owner@emails-shop.example',
    ]);
    expect(all.emails.every((email) => email.transport === 'development')).toBe(true);
    const ids = all.emails.map((email) => email.id);
    expect(ids).toEqual([...ids].sort().reverse());
    const first = await shop.staff.emails.admin.list({ limit: 3 });
    const second = await shop.staff.emails.admin.list({ limit: 3, cursor: first.nextCursor });
    expect([...first.emails, ...second.emails].map((email) => email.id)).toEqual(ids);
    expect(second.nextCursor).toBeNull();
  });

  it('searches by subject or recipient and shows an email as it was received', async () => {
    const found = await shop.staff.emails.admin.list({ search: 'e-1)' });
    expect(found.emails).toHaveLength(1);
    const email = await shop.staff.emails.admin.get({ emailId: found.emails[0]!.id });
    expect(email.html).toContain('<html');
    expect(email.text).toContain('E-1');
    expect(await failureCode(other.staff.emails.admin.get({ emailId: email.id }))).toBe('NOT_FOUND');
  });

  it('links the points email to the widget’s points screen, signed in once', async () => {
    const earned = await app.deps.db.outboxMessage.findFirstOrThrow({ where: { shopId: shop.shop.id, topic: 'loyalty_points_earned' }, select: { payload: true } });
    const { customerId, data } = earned.payload as { customerId: string; data: { url: string } };
    const token = decodeURIComponent(data.url.split('#comptoir-link=')[1]!);
    const signedIn = await shop.shopper(customerId).sessions.widget.verifyLink({ token });
    expect(signedIn.opens?.caseType).toBe('loyalty');
  });
});
