import { AutomaticReason, automaticReasonMessage, TicketStatus } from '@comptoir/protocol';
import { systemActor } from '../core/actor.js';
import { recordEvent } from '../core/events.js';
import { loadCasePolicy } from '../cases/case-policy.js';
import { localeOf } from '../claims/service.js';
import { notifyStaffOfMissedDeadline, recordDeadlineReminder } from '../claims/deadline-handlers.js';
import { missedWithoutAction } from '../notifications/staff-alerts.js';
import type { DeadlineHandler } from '../deadlines/handlers.js';
import { nextDeadlineOf } from '../deadlines/store.js';
import { missedDeadlineConsequence } from '../guarantees/case-deadlines.js';
import { grantGoodwill } from '../loyalty/service.js';
import { enqueue } from '../notifications/outbox.js';
import { ticketLink, transitionTicket } from './service.js';

/**
 * The ticket's first-response deadline. Missed: the ticket is escalated to the top of the staff's
 * list, and the shopper gets an apology in the thread (a system message) and by email.
 */
export const ticketFirstResponseHandler: DeadlineHandler = {
  async remind(tx, deps, deadline) {
    const ticket = await tx.ticket.findUnique({ where: { id: deadline.caseId }, select: { firstRespondedAt: true } });
    if (ticket && !ticket.firstRespondedAt) await recordDeadlineReminder(tx, deps, deadline, 'ticket');
  },
  async fire(tx, deps, deadline) {
    const now = deps.clock.now();
    const ticket = await tx.ticket.findUnique({
      where: { id: deadline.caseId },
      select: { id: true, shopId: true, status: true, subject: true, policyVersion: true, firstRespondedAt: true, customer: { select: { id: true, email: true, locale: true } } },
    });
    if (!ticket || ticket.firstRespondedAt || ticket.status !== TicketStatus.open) return;
    const policy = await loadCasePolicy(tx, ticket.shopId, ticket.policyVersion);
    const consequence = missedDeadlineConsequence('ticket_first_response', policy.rules);
    const nextDeadlineAt = await nextDeadlineOf(tx, { caseType: 'ticket', caseId: ticket.id });
    if (!consequence.action || !consequence.reason) {
      await recordEvent(tx, {
        shopId: ticket.shopId,
        subjectType: 'ticket',
        subjectId: ticket.id,
        type: 'ticket.deadline_missed',
        actor: systemActor,
        reason: 'automation_off',
        data: { kind: deadline.kind, dueAt: deadline.dueAt.toISOString() },
        occurredAt: now,
      });
      await notifyStaffOfMissedDeadline(tx, deps, deadline, 'ticket', missedWithoutAction.automation_off);
      // The ticket keeps its missed due time, so it stays at the top of the inbox, overdue.
      return;
    }
    const message = automaticReasonMessage(consequence.reason, consequence.reasonParams);
    const locale = localeOf(ticket.customer.locale ?? policy.shopLocale);
    await transitionTicket(tx, ticket, TicketStatus.escalated, {
      actor: systemActor,
      at: now,
      type: 'ticket.escalated',
      reason: consequence.reason,
      data: { deadlineId: deadline.id, reasonParams: consequence.reasonParams, message },
      // Overdue since the missed due time: the escalated ticket tops the inbox until staff reply.
      set: { escalatedAt: now, nextDeadlineAt: nextDeadlineAt ?? deadline.dueAt },
    });
    await tx.ticketMessage.create({ data: { ticketId: ticket.id, authorType: 'system', body: message[locale], createdAt: now } });
    await notifyStaffOfMissedDeadline(tx, deps, deadline, 'ticket', message);
    await enqueue(tx, {
      channel: 'email',
      shopId: ticket.shopId,
      topic: 'ticket_replied',
      dedupeKey: `ticket:${ticket.id}:escalated:${deadline.id}`,
      to: ticket.customer.email,
      locale,
      data: { subject: ticket.subject, excerpt: message[locale], url: await ticketLink(tx, deps, { id: ticket.id, shopId: ticket.shopId, customerId: ticket.customer.id }) },
      at: now,
    });
    if (consequence.goodwillPoints > 0) {
      await grantGoodwill(tx, {
        shopId: ticket.shopId,
        customerEmail: ticket.customer.email,
        reason: AutomaticReason.goodwill_points,
        sourceType: 'deadline',
        sourceId: deadline.id,
        points: consequence.goodwillPoints,
        now,
      });
    }
  },
};

/** The ticket deadlines' handlers, by kind. */
export const ticketDeadlineHandlers = { ticket_first_response: ticketFirstResponseHandler } as const;
