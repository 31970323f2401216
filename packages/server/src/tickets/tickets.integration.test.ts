import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketMachine, TicketStatus } from '@comptoir/protocol';
import { systemActor } from '../core/actor.js';
import { DomainError } from '../core/domain-error.js';
import { createCaseShop, failureCode, tinyPng, type CaseShop } from '../cases/case-fixtures.js';
import { fireDueDeadlines } from '../deadlines/scheduler.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { testDatabaseKind } from '../test/test-database.js';
import { transitionTicket } from './service.js';

const minute = 60_000;
const start = '2026-06-15T10:00:00Z';

describe(`tickets on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let shop: CaseShop;
  let seq = 0;

  async function openTicket(target: CaseShop = shop) {
    seq += 1;
    const { orderId, customerId } = await target.placeOrder({ number: `T-${seq}`, email: `ticket${seq}@example.fr` });
    const shopper = target.shopper(customerId);
    const opened = await shopper.tickets.widget.open({ subject: 'Question sur ma commande', body: 'Bonjour, où en est mon colis ?', orderId });
    return { orderId, customerId, shopper, ...opened };
  }

  beforeAll(async () => {
    app = await createTestApp({ now: start });
    shop = await createCaseShop(app, 'tickets-shop');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('runs a conversation: first reply stops the clock, shopper replies, resolve, rate closes it', async () => {
    const ticket = await openTicket();
    expect(ticket.status).toBe('open');
    // 24 opening hours of 10 a day (9–19, Monday to Saturday) from Monday 12:00 Paris: Wednesday 16:00.
    expect(ticket.firstResponseDueAt.toISOString()).toBe('2026-06-17T14:00:00.000Z');
    await shop.staff.tickets.admin.reply({
      ticketId: ticket.ticketId,
      body: 'Il part demain.',
      attachments: [{ filename: 'bon.png', contentType: 'image/png', dataBase64: tinyPng }],
    });
    const deadline = await app.deps.db.deadline.findFirstOrThrow({ where: { caseId: ticket.ticketId } });
    expect(deadline.metAt).not.toBeNull();
    expect((await ticket.shopper.tickets.widget.reply({ ticketId: ticket.ticketId, body: 'Merci !' })).status).toBe('awaiting_shop');
    await shop.staff.tickets.admin.resolve({ ticketId: ticket.ticketId });
    expect((await ticket.shopper.tickets.widget.rate({ ticketId: ticket.ticketId, rating: 4, comment: 'Rapide' })).status).toBe('closed');
    const thread = await ticket.shopper.tickets.widget.thread({ ticketId: ticket.ticketId });
    expect(thread.messages.map((message) => message.authorType)).toEqual(['shopper', 'staff', 'shopper']);
    expect(thread.messages[1]?.attachments).toHaveLength(1);
    const file = await ticket.shopper.cases.widget.attachment({ attachmentId: thread.messages[1]!.attachments[0]!.id });
    expect(file).toMatchObject({ filename: 'bon.png', contentType: 'image/png', dataBase64: tinyPng });
    expect(await failureCode(ticket.shopper.tickets.widget.reply({ ticketId: ticket.ticketId, body: 'Encore' }))).toBe('INVALID_TRANSITION');
  });

  it('keeps internal notes away from the shopper', async () => {
    const ticket = await openTicket();
    await shop.staff.tickets.admin.addNote({ ticketId: ticket.ticketId, body: 'Client fidèle, geste commercial possible.' });
    const thread = await ticket.shopper.tickets.widget.thread({ ticketId: ticket.ticketId });
    expect(JSON.stringify(thread)).not.toContain('geste commercial');
    const notes = await shop.staff.cases.admin.notes({ caseType: 'ticket', caseId: ticket.ticketId });
    expect(notes.map((note) => note.body)).toEqual(['Client fidèle, geste commercial possible.']);
  });

  it('reopens a resolved ticket when the shopper writes again or staff reopen it', async () => {
    const ticket = await openTicket();
    await shop.staff.tickets.admin.resolve({ ticketId: ticket.ticketId, reason: 'Répondu par téléphone' });
    expect((await ticket.shopper.tickets.widget.reply({ ticketId: ticket.ticketId, body: 'En fait non' })).status).toBe('reopened');
    await shop.staff.tickets.admin.resolve({ ticketId: ticket.ticketId });
    expect((await shop.staff.tickets.admin.reopen({ ticketId: ticket.ticketId })).status).toBe('reopened');
    expect(await failureCode(shop.staff.tickets.admin.reopen({ ticketId: ticket.ticketId }))).toBe('INVALID_TRANSITION');
  });

  it('escalates once and apologises when the first response is late', async () => {
    const ticket = await openTicket();
    app.clock.set(new Date(ticket.firstResponseDueAt.getTime() + minute));
    await fireDueDeadlines(app.deps, app.clock.now());
    await fireDueDeadlines(app.deps, app.clock.now());
    const thread = await ticket.shopper.tickets.widget.thread({ ticketId: ticket.ticketId });
    expect(thread.status).toBe('escalated');
    const apologies = thread.messages.filter((message) => message.authorType === 'system');
    expect(apologies.map((message) => message.body)).toEqual([
      'Transmis en priorité : la boutique n’a pas répondu sous 24 heures d’ouverture. Toutes nos excuses pour l’attente.',
    ]);
    expect(await app.deps.db.event.count({ where: { subjectId: ticket.ticketId, type: 'ticket.escalated' } })).toBe(1);
    const inbox = await shop.staff.cases.admin.inbox({ overdue: true });
    expect(inbox.cases.map((row) => row.id)).toContain(ticket.ticketId);
    expect(await app.deps.db.outboxMessage.count({ where: { dedupeKey: { startsWith: `ticket:${ticket.ticketId}:escalated` } } })).toBe(1);
    // The shop still answers; the ball goes to the shopper.
    expect((await shop.staff.tickets.admin.reply({ ticketId: ticket.ticketId, body: 'Désolés !' })).status).toBe('awaiting_shopper');
    app.clock.set(start);
  });

  it('does not escalate when the shop turned it off', async () => {
    const other = await createCaseShop(app, 'tickets-off');
    await other.setPolicy({ automation: { escalateTickets: false } });
    const ticket = await openTicket(other);
    app.clock.set(new Date(ticket.firstResponseDueAt.getTime() + minute));
    await fireDueDeadlines(app.deps, app.clock.now());
    const thread = await ticket.shopper.tickets.widget.thread({ ticketId: ticket.ticketId });
    expect(thread.status).toBe('open');
    expect(thread.messages.some((message) => message.authorType === 'system')).toBe(false);
    // Nothing automatic, but the staff are told so, in the language of each member.
    const missed = await app.deps.db.outboxMessage.findMany({
      where: { shopId: other.shop.id, topic: { in: ['staff_new_case', 'staff_deadline_missed'] } },
      select: { topic: true, payload: true },
    });
    expect(missed.map((message) => message.topic).sort()).toEqual(['staff_deadline_missed', 'staff_new_case']);
    const outcome = (missed.find((message) => message.topic === 'staff_deadline_missed')!.payload as { data: { outcome: { fr: string } } }).data.outcome;
    expect(outcome.fr).toMatch(/^Rien d’automatique : vous avez désactivé cette garantie/);
    app.clock.set(start);
  });

  it('refuses attachments of other types', async () => {
    const { customerId } = await shop.placeOrder({ number: 'T-X', email: 'exe@example.fr' });
    const call = shop.shopper(customerId).tickets.widget.open({
      subject: 'Fichier',
      body: 'Voici',
      attachments: [{ filename: 'virus.exe', contentType: 'application/octet-stream', dataBase64: Buffer.from('MZ').toString('base64') }],
    });
    expect(await failureCode(call)).toBe('ATTACHMENT_REJECTED');
  });

  it('applies every transition of the ticket table and refuses every other one', async () => {
    const ticket = await openTicket();
    for (const from of ticketMachine.statuses) {
      for (const to of ticketMachine.statuses) {
        await app.deps.db.ticket.update({ where: { id: ticket.ticketId }, data: { status: from } });
        const move = app.deps.db.$transaction((tx) =>
          transitionTicket(tx, { id: ticket.ticketId, shopId: shop.shop.id, status: from }, to as TicketStatus, {
            actor: systemActor,
            at: app.clock.now(),
            type: 'ticket.test',
          }),
        );
        if (ticketMachine.transitions[from].includes(to)) {
          await move;
          expect((await app.deps.db.ticket.findUniqueOrThrow({ where: { id: ticket.ticketId } })).status).toBe(to);
        } else {
          await expect(move).rejects.toSatisfy((error: unknown) => error instanceof DomainError && error.code === 'INVALID_TRANSITION');
        }
      }
    }
  });
});
