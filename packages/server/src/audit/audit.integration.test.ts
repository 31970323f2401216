import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditListInput } from '@comptoir/protocol';
import { createCaseShop, failureCode, type CaseShop } from '../cases/case-fixtures.js';
import { csrfTokenFor } from '../auth/staff-auth.js';
import type { Deps } from '../core/deps.js';
import { createStaffUser, login } from '../staff/service.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { testDatabaseKind } from '../test/test-database.js';
import { listAuditEvents } from './service.js';

describe(`the audit log on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let shop: CaseShop;
  let other: CaseShop;
  let clerk: ReturnType<TestApp['caller']>;
  let clerkId: string;
  let returnId: string;
  let ticketId: string;

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-06-15T10:00:00Z' });
    shop = await createCaseShop(app, 'audit-shop');
    other = await createCaseShop(app, 'audit-other');
    clerkId = (await createStaffUser(app.deps, { email: 'clerk@audit.example', name: 'Zoé Clerc', password: 'mot de passe du clerc 42', shopId: shop.shop.id, role: 'staff' })).staffUserId;
    const session = await login(app.deps, { email: 'clerk@audit.example', password: 'mot de passe du clerc 42', ip: '10.0.0.7' });
    clerk = app.caller({ cookies: { comptoir_staff: session.token }, headers: { 'x-csrf-token': csrfTokenFor(session.token) } });

    const order = await shop.placeOrder({ number: 'AU-1', email: 'paul@example.fr' });
    const shopper = shop.shopper(order.customerId);
    const eligibility = await shopper.returns.widget.eligibility({ orderNumber: 'AU-1' });
    app.clock.advance(60_000);
    returnId = (
      await shopper.returns.widget.create({
        orderId: order.orderId,
        lines: [{ orderLineId: eligibility.lines[0]!.orderLineId, quantity: 1 }],
        method: 'drop_off',
        resolution: 'refund',
        idempotencyKey: 'audit-return-1',
      })
    ).returnId;
    app.clock.advance(60_000);
    await shop.staff.returns.admin.approve({ returnId });
    app.clock.advance(60_000);
    ticketId = (await shopper.tickets.widget.open({ subject: 'Question', body: 'Bonjour', orderId: order.orderId })).ticketId;
    app.clock.advance(60_000);
    await clerk.tickets.admin.reply({ ticketId, body: 'Bonjour Paul' });
    app.clock.advance(60_000);
    await clerk.cases.admin.addNote({ caseType: 'ticket', caseId: ticketId, body: 'Client fidèle' });
    app.clock.advance(60_000);
    await shop.staff.refunds.admin.goodwill({ orderId: order.orderId, amountMinor: 300, provider: 'store_credit', reason: 'geste', idempotencyKey: 'audit-goodwill-1' });
    app.clock.advance(60_000);
    await clerk.savedReplies.admin.create({ title: 'Merci', locale: 'fr', body: 'Merci {{customer.name}}' });
    await other.placeOrder({ number: 'AU-9', email: 'paul@example.fr' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("records staff actions with the actor's id and shows the staff member's name", async () => {
    const { items } = await shop.staff.audit.admin.list({ actorType: 'staff', limit: 100 });
    const byType = new Map(items.map((item) => [item.type, item]));
    expect(byType.get('return.approved')).toMatchObject({ actorId: shop.staffUserId, actorName: 'Owner audit-shop', subjectId: returnId, fromStatus: 'requested', toStatus: 'approved' });
    expect(byType.get('refund.succeeded') ?? byType.get('refund.created')).toMatchObject({ actorId: shop.staffUserId, actorName: 'Owner audit-shop' });
    expect(byType.get('saved_reply.created')).toMatchObject({ actorId: clerkId, actorName: 'Zoé Clerc' });
    const clerkTypes = items.filter((item) => item.actorId === clerkId).map((item) => item.type);
    expect(clerkTypes).toEqual(expect.arrayContaining(['saved_reply.created', 'ticket.note_added']));
    expect(clerkTypes.some((type) => type.startsWith('ticket.'))).toBe(true);
    expect(items.every((item) => item.actorType === 'staff' && item.actorName !== null)).toBe(true);
    // Shopper and system events carry no staff name.
    const shopperItems = (await shop.staff.audit.admin.list({ actorType: 'shopper' })).items;
    expect(shopperItems.length).toBeGreaterThan(0);
    expect(shopperItems.every((item) => item.actorName === null)).toBe(true);
  });

  it('filters by actor, subject type, type prefix and time, newest first', async () => {
    const mine = await shop.staff.audit.admin.list({ actorId: clerkId });
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((item) => item.actorId === clerkId)).toBe(true);
    const returns = await shop.staff.audit.admin.list({ type: 'return.' });
    expect(returns.items.map((item) => item.type)).toEqual(expect.arrayContaining(['return.requested', 'return.approved']));
    expect(returns.items.every((item) => item.type.startsWith('return.'))).toBe(true);
    // An underscore is a literal underscore, not LIKE's "any character".
    expect((await shop.staff.audit.admin.list({ type: 'saved_reply.' })).items.map((item) => item.type)).toEqual(['saved_reply.created']);
    expect((await shop.staff.audit.admin.list({ type: 'saved%' })).items).toEqual([]);
    const tickets = await shop.staff.audit.admin.list({ subjectType: 'ticket' });
    expect(tickets.items.every((item) => item.subjectType === 'ticket' && item.subjectId === ticketId)).toBe(true);
    const all = (await shop.staff.audit.admin.list({ limit: 100 })).items;
    const stamps = all.map((item) => item.occurredAt.getTime());
    expect(stamps).toEqual([...stamps].sort((a, b) => b - a));
    const from = new Date('2026-06-15T10:02:00Z');
    const to = new Date('2026-06-15T10:04:00Z');
    const windowed = await shop.staff.audit.admin.list({ from: from.toISOString(), to: to.toISOString(), limit: 100 });
    expect(windowed.items.length).toBeGreaterThan(0);
    expect(windowed.items.map((item) => item.id).sort()).toEqual(
      all.filter((item) => item.occurredAt >= from && item.occurredAt < to).map((item) => item.id).sort(),
    );
  });

  it('pages on (occurredAt, id) without repeating or skipping an event', async () => {
    const all = (await shop.staff.audit.admin.list({ limit: 100 })).items.map((item) => item.id);
    expect(all.length).toBeGreaterThan(6);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof shop.staff.audit.admin.list>> = await shop.staff.audit.admin.list({ limit: 3, cursor });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(await failureCode(shop.staff.audit.admin.list({ cursor: 'garbage' }))).toBe('INVALID_INPUT');
  });

  it('resolves the staff names of a whole page in a single query', async () => {
    let staffQueries = 0;
    const countingDb = new Proxy(app.deps.db, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (property !== 'staffUser') return value;
        return new Proxy(value as object, {
          get(model, method, modelReceiver) {
            const fn = Reflect.get(model, method, modelReceiver) as unknown;
            if (typeof fn !== 'function') return fn;
            return (...args: unknown[]) => {
              staffQueries += 1;
              return (fn as (...a: unknown[]) => unknown).apply(model, args);
            };
          },
        });
      },
    });
    const deps: Deps = { ...app.deps, db: countingDb };
    const page = await listAuditEvents(deps, { ...auditListInput.parse({ limit: 100 }), shopId: shop.shop.id });
    const staffActors = new Set(page.items.filter((item) => item.actorType === 'staff').map((item) => item.actorId));
    expect(staffActors.size).toBe(2);
    expect(page.items.filter((item) => item.actorType === 'staff').length).toBeGreaterThan(4);
    expect(staffQueries).toBe(1);
  });

  it('lists the staff members who acted, for the filter, and nothing of another shop', async () => {
    expect(await shop.staff.audit.admin.actors()).toEqual([
      { id: shop.staffUserId, name: 'Owner audit-shop' },
      { id: clerkId, name: 'Zoé Clerc' },
    ]);
    const theirs = await other.staff.audit.admin.list({ limit: 100 });
    expect(theirs.items.some((item) => item.subjectId === returnId || item.subjectId === ticketId)).toBe(false);
    // The other shop's owner signed in there (an event of theirs); no one of this shop shows.
    expect((await other.staff.audit.admin.actors()).map((actor) => actor.name)).toEqual(['Owner audit-other']);
    expect((await other.staff.audit.admin.list({ actorId: clerkId })).items).toEqual([]);
  });
});
