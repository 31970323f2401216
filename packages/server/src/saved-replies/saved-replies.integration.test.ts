import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseShop, failureCode, tinyPng, type CaseShop } from '../cases/case-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { testDatabaseKind } from '../test/test-database.js';

describe(`saved replies on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let shop: CaseShop;
  let other: CaseShop;
  let ticketId: string;
  let claimId: string;
  let returnId: string;
  let returnCode: string;

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-06-15T10:00:00Z' });
    shop = await createCaseShop(app, 'replies-shop');
    other = await createCaseShop(app, 'replies-other');
    const named = await shop.placeOrder({ number: 'SR-1', email: 'Camille.Durand@example.fr' });
    const shopper = shop.shopper(named.customerId);
    ticketId = (await shopper.tickets.widget.open({ subject: 'Où est mon colis ?', body: 'Bonjour', orderId: named.orderId })).ticketId;
    const photo = { filename: 'casse.png', contentType: 'image/png', dataBase64: tinyPng };
    claimId = (await shopper.claims.widget.open({ orderId: named.orderId, kind: 'damaged', description: 'Cassé', photos: [photo] })).claimId;
    const eligibility = await shopper.returns.widget.eligibility({ orderNumber: 'SR-1' });
    const created = await shopper.returns.widget.create({
      orderId: named.orderId,
      lines: [{ orderLineId: eligibility.lines[0]!.orderLineId, quantity: 1 }],
      method: 'drop_off',
      resolution: 'refund',
      idempotencyKey: 'replies-return-0001',
    });
    returnId = created.returnId;
    returnCode = created.code;
    // A customer without a name: the reply falls back on the start of the email.
    await app.deps.db.customer.update({ where: { id: named.customerId }, data: { name: null } });
  });
  afterAll(async () => {
    await app?.close();
  });

  const body = 'Bonjour {{customer.name}} ({{ customer.email }}),\ncommande {{order.number}}, dossier {{case.reference}}.\n{{staff.name}} — {{shop.name}}';

  it('creates, lists by title and language, updates and deletes replies, recording who did it', async () => {
    const b = await shop.staff.savedReplies.admin.create({ title: 'Remboursement', locale: 'fr', body });
    const a = await shop.staff.savedReplies.admin.create({ title: 'Accusé de réception', locale: 'fr', body: 'Bien reçu, {{customer.name}}.' });
    const en = await shop.staff.savedReplies.admin.create({ title: 'Acknowledgement', locale: 'en', body: 'Got it, {{customer.name}}.' });
    expect(Object.keys(b).sort()).toEqual(['body', 'id', 'locale', 'title', 'updatedAt']);
    expect((await shop.staff.savedReplies.admin.list({})).map((reply) => reply.title)).toEqual(['Accusé de réception', 'Acknowledgement', 'Remboursement']);
    expect((await shop.staff.savedReplies.admin.list({ locale: 'fr' })).map((reply) => reply.id)).toEqual([a.id, b.id]);
    expect((await shop.staff.savedReplies.admin.list({ locale: 'en' })).map((reply) => reply.id)).toEqual([en.id]);

    app.clock.advance(60_000);
    const updated = await shop.staff.savedReplies.admin.update({ id: en.id, title: 'Acknowledgement', locale: 'en', body: 'Thanks, {{customer.name}}.' });
    expect(updated.body).toBe('Thanks, {{customer.name}}.');
    expect(updated.updatedAt.getTime()).toBeGreaterThan(en.updatedAt.getTime());
    await expect(shop.staff.savedReplies.admin.delete({ id: en.id })).resolves.toEqual({ ok: true });
    expect(await failureCode(shop.staff.savedReplies.admin.delete({ id: en.id }))).toBe('SAVED_REPLY_NOT_FOUND');
    expect(await failureCode(shop.staff.savedReplies.admin.update({ id: en.id, title: 'x', locale: 'en', body: 'x' }))).toBe('SAVED_REPLY_NOT_FOUND');

    const events = await app.deps.db.event.findMany({
      where: { shopId: shop.shop.id, subjectType: 'saved_reply' },
      orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
      select: { type: true, actorType: true, actorId: true },
    });
    expect(events.map((event) => event.type)).toEqual(['saved_reply.created', 'saved_reply.created', 'saved_reply.created', 'saved_reply.updated', 'saved_reply.deleted']);
    expect(events.every((event) => event.actorType === 'staff' && event.actorId === shop.staffUserId)).toBe(true);
  });

  it('refuses an unknown variable at save time, naming it', async () => {
    const refused = await shop.staff.savedReplies.admin.create({ title: 'Faute', locale: 'fr', body: 'Bonjour {{customer.firstName}} et {{order.number}}' }).catch((error: unknown) => error);
    expect(await failureCode(Promise.reject(refused))).toBe('SAVED_REPLY_UNKNOWN_VARIABLE');
    expect((refused as { cause: { params: unknown } }).cause.params).toEqual({ variable: 'customer.firstName' });
    expect((refused as { message: string }).message).toContain('{{customer.firstName}}');
    const [reply] = await shop.staff.savedReplies.admin.list({ locale: 'fr' });
    expect(await failureCode(shop.staff.savedReplies.admin.update({ id: reply!.id, title: 'x', locale: 'fr', body: '{{ shop.secret }}' }))).toBe('SAVED_REPLY_UNKNOWN_VARIABLE');
    expect(await failureCode(shop.staff.savedReplies.admin.create({ title: 'Vide', locale: 'fr', body: '   ' }))).toBe('BAD_REQUEST');
    expect(await failureCode(shop.staff.savedReplies.admin.create({ title: 'Long', locale: 'fr', body: 'x'.repeat(5_001) }))).toBe('BAD_REQUEST');
  });

  it('fills the variables from a return, a claim or a ticket of the shop, as plain text', async () => {
    const reply = (await shop.staff.savedReplies.admin.list({ locale: 'fr' })).find((row) => row.title === 'Remboursement')!;
    const rendered = await shop.staff.savedReplies.admin.render({ id: reply.id, caseType: 'return', caseId: returnId });
    expect(rendered).toEqual({
      body: `Bonjour camille.durand (camille.durand@example.fr),\ncommande SR-1, dossier ${returnCode}.\nOwner replies-shop — replies-shop`,
    });
    const forTicket = await shop.staff.savedReplies.admin.render({ id: reply.id, caseType: 'ticket', caseId: ticketId });
    expect(forTicket.body).toContain(`dossier T-${ticketId.replace(/-/g, '').slice(-8).toUpperCase()}.`);
    const forClaim = await shop.staff.savedReplies.admin.render({ id: reply.id, caseType: 'claim', caseId: claimId });
    expect(forClaim.body).toContain(`dossier C-${claimId.replace(/-/g, '').slice(-8).toUpperCase()}.`);

    // Values are inserted as text, never re-read as variables, never escaped as HTML.
    await app.deps.db.customer.updateMany({ where: { shopId: shop.shop.id }, data: { name: '<b>{{shop.name}}</b>' } });
    const literal = await shop.staff.savedReplies.admin.render({ id: reply.id, caseType: 'ticket', caseId: ticketId });
    expect(literal.body.startsWith('Bonjour <b>{{shop.name}}</b> (')).toBe(true);
    // A case with no order leaves its number empty.
    await app.deps.db.ticket.update({ where: { id: ticketId }, data: { orderId: null } });
    expect((await shop.staff.savedReplies.admin.render({ id: reply.id, caseType: 'ticket', caseId: ticketId })).body).toContain('commande , dossier');
  });

  it("answers NOT_FOUND for another shop's reply or case, and lists none of them", async () => {
    const [reply] = await shop.staff.savedReplies.admin.list({});
    expect(await other.staff.savedReplies.admin.list({})).toEqual([]);
    expect(await failureCode(other.staff.savedReplies.admin.update({ id: reply!.id, title: 'pris', locale: 'fr', body: 'pris' }))).toBe('SAVED_REPLY_NOT_FOUND');
    expect(await failureCode(other.staff.savedReplies.admin.delete({ id: reply!.id }))).toBe('SAVED_REPLY_NOT_FOUND');
    expect(await failureCode(other.staff.savedReplies.admin.render({ id: reply!.id, caseType: 'ticket', caseId: ticketId }))).toBe('SAVED_REPLY_NOT_FOUND');
    const own = await other.staff.savedReplies.admin.create({ title: 'À moi', locale: 'fr', body: '{{customer.name}}' });
    expect(await failureCode(other.staff.savedReplies.admin.render({ id: own.id, caseType: 'ticket', caseId: ticketId }))).toBe('TICKET_NOT_FOUND');
    expect(await failureCode(other.staff.savedReplies.admin.render({ id: own.id, caseType: 'return', caseId: returnId }))).toBe('RETURN_NOT_FOUND');
    expect(await failureCode(other.staff.savedReplies.admin.render({ id: own.id, caseType: 'claim', caseId: claimId }))).toBe('CLAIM_NOT_FOUND');
    expect((await shop.staff.savedReplies.admin.list({})).find((row) => row.id === reply!.id)?.title).toBe(reply!.title);
  });
});
