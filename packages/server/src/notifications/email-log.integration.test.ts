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
    // Each ticket alerted the owner; nothing of the other shop shows.
    expect(all.emails.map((email) => email.topic)).toEqual(['staff_new_case', 'staff_new_case']);
    expect(all.emails.every((email) => email.transport === 'development' && email.to === 'owner@emails-shop.example')).toBe(true);
    expect(all.emails[0]!.subject).toContain('E-2');
    const first = await shop.staff.emails.admin.list({ limit: 1 });
    const second = await shop.staff.emails.admin.list({ limit: 1, cursor: first.nextCursor });
    expect([...first.emails, ...second.emails].map((email) => email.id)).toEqual(all.emails.map((email) => email.id));
    expect(second.nextCursor).toBeNull();
  });

  it('searches by subject or recipient and shows an email as it was received', async () => {
    const found = await shop.staff.emails.admin.list({ search: 'e-1' });
    expect(found.emails).toHaveLength(1);
    const email = await shop.staff.emails.admin.get({ emailId: found.emails[0]!.id });
    expect(email.html).toContain('<html');
    expect(email.text).toContain('E-1');
    expect(await failureCode(other.staff.emails.admin.get({ emailId: email.id }))).toBe('NOT_FOUND');
  });
});
