import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { testDatabaseKind } from '../test/test-database.js';
import { createCaseShop, failureCode, type CaseShop } from './case-fixtures.js';

describe(`the staff inbox on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let shop: CaseShop;
  let other: CaseShop;
  const ids = { ticket: '', claim: '', answered: '', closedTicket: '' };

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-06-15T10:00:00Z' });
    shop = await createCaseShop(app, 'inbox-shop');
    other = await createCaseShop(app, 'inbox-other');
    const alice = await shop.placeOrder({ number: 'A-100', email: 'alice@example.fr' });
    const bruno = await shop.placeOrder({ number: 'B-200', email: 'bruno@example.fr' });
    // A ticket first (due Wednesday 16:00 Paris), then a claim an hour later (due Wednesday 13:00 Paris).
    ids.ticket = (await shop.shopper(alice.customerId).tickets.widget.open({ subject: 'Aide', body: 'Bonjour', orderId: alice.orderId })).ticketId;
    app.clock.set('2026-06-15T11:00:00Z');
    ids.claim = (await shop.shopper(bruno.customerId).claims.widget.open({ orderId: bruno.orderId, kind: 'damaged', description: 'Cassé' })).claimId;
    ids.answered = (await shop.shopper(alice.customerId).claims.widget.open({ orderId: alice.orderId, kind: 'damaged', description: 'Fêlé' })).claimId;
    await shop.staff.claims.admin.answer({ claimId: ids.answered, message: 'On regarde' });
    ids.closedTicket = (await shop.shopper(bruno.customerId).tickets.widget.open({ subject: 'Merci', body: 'Tout va bien' })).ticketId;
    await shop.staff.tickets.admin.resolve({ ticketId: ids.closedTicket });
    await shop.shopper(bruno.customerId).tickets.widget.rate({ ticketId: ids.closedTicket, rating: 5 });
    const stranger = await other.placeOrder({ number: 'A-100', email: 'alice@example.fr' });
    await other.shopper(stranger.customerId).tickets.widget.open({ subject: 'Autre boutique', body: 'x' });
    app.clock.set('2026-06-15T12:00:00Z');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists the open cases of the active shop, the nearest deadline first and those without a clock last', async () => {
    const page = await shop.staff.cases.admin.inbox({});
    expect(page.cases.map((row) => [row.type, row.id])).toEqual([
      ['claim', ids.claim],
      ['ticket', ids.ticket],
      ['claim', ids.answered],
    ]);
    expect(page.cases[0]).toMatchObject({ status: 'open', orderNumber: 'B-200', customerEmail: 'bruno@example.fr', isOverdue: false });
    expect(page.cases[2]?.nextDeadlineAt).toBeNull();
  });

  it('pages with a cursor without losing or repeating a case', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof shop.staff.cases.admin.inbox>> = await shop.staff.cases.admin.inbox({ limit: 1, cursor });
      seen.push(...page.cases.map((row) => row.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids.claim, ids.ticket, ids.answered]);
  });

  it('filters by type, status and overdue, and searches order numbers, emails and names', async () => {
    expect((await shop.staff.cases.admin.inbox({ types: ['ticket'] })).cases.map((row) => row.id)).toEqual([ids.ticket]);
    expect((await shop.staff.cases.admin.inbox({ statuses: ['answered'] })).cases.map((row) => row.id)).toEqual([ids.answered]);
    expect((await shop.staff.cases.admin.inbox({ search: 'b-20' })).cases.map((row) => row.id)).toEqual([ids.claim]);
    expect((await shop.staff.cases.admin.inbox({ search: 'ALICE@' })).cases.map((row) => row.id)).toEqual([ids.ticket, ids.answered]);
    expect((await shop.staff.cases.admin.inbox({ search: '100%' })).cases).toEqual([]);
    expect((await shop.staff.cases.admin.inbox({ overdue: true })).cases).toEqual([]);
    app.clock.set('2026-06-17T12:00:00Z');
    const overdue = await shop.staff.cases.admin.inbox({ overdue: true });
    expect(overdue.cases.map((row) => [row.id, row.isOverdue])).toEqual([[ids.claim, true]]);
    app.clock.set('2026-06-15T12:00:00Z');
  });

  it('shows a case’s timeline with actors and keeps other shops’ cases out of reach', async () => {
    const timeline = await shop.staff.cases.admin.timeline({ caseType: 'claim', caseId: ids.answered });
    expect(timeline.map((event) => [event.type, event.actorType])).toEqual([
      ['claim.opened', 'shopper'],
      ['claim.answered', 'staff'],
    ]);
    expect(await failureCode(other.staff.cases.admin.timeline({ caseType: 'claim', caseId: ids.answered }))).toBe('CASE_NOT_FOUND');
    expect(await failureCode(other.staff.cases.admin.addNote({ caseType: 'ticket', caseId: ids.ticket, body: 'x' }))).toBe('CASE_NOT_FOUND');
    await shop.staff.cases.admin.addNote({ caseType: 'claim', caseId: ids.claim, body: 'Appeler le transporteur' });
    const notes = await shop.staff.cases.admin.notes({ caseType: 'claim', caseId: ids.claim });
    expect(notes).toEqual([expect.objectContaining({ body: 'Appeler le transporteur', authorName: 'Owner inbox-shop' })]);
  });
});
