import { attachmentLimits, ticketMachine, TicketStatus, type AttachmentInput } from '@comptoir/protocol';
import type { Prisma } from '../generated/prisma/client.js';
import { ActorType, type Actor } from '../core/actor.js';
import type { Db, Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { recordEvent } from '../core/events.js';
import { checkAttachments } from '../cases/attachments.js';
import { notifyStaffCaseRated, notifyStaffNewCase, staffCaseRef } from '../notifications/staff-alerts.js';
import { createCaseLink } from '../notifications/shopper-code.js';
import { loadCasePolicy } from '../cases/case-policy.js';
import { planTicketFirstResponse } from '../guarantees/case-deadlines.js';
import { requireTransition } from '../guarantees/domain-errors.js';
import { nextDeadlineOf, setDeadline, settleDeadline } from '../deadlines/store.js';
import { enqueue } from '../notifications/outbox.js';
import { localeOf } from '../claims/service.js';

/** Who is asking, in the widget. */
export interface ShopperScope {
  shopId: string;
  customerId: string;
}

/** The shopper's link to a ticket: the widget on the shop's site, open on it, signed in once. */
export function ticketLink(tx: Db, deps: Deps, ticket: { id: string; shopId: string; customerId: string }): Promise<string> {
  return createCaseLink(deps, tx, { shopId: ticket.shopId, customerId: ticket.customerId, caseType: 'ticket', caseId: ticket.id });
}

/** Moves a ticket with a conditional update and records the event (see transitionClaim). */
export async function transitionTicket(
  tx: Db,
  ticket: { id: string; shopId: string; status: string },
  to: TicketStatus,
  change: { actor: Actor; at: Date; type: string; reason?: string | null; data?: Prisma.InputJsonValue; set?: Prisma.TicketUpdateManyMutationInput },
): Promise<void> {
  requireTransition(ticketMachine, ticket.status, to);
  const updated = await tx.ticket.updateMany({
    where: { id: ticket.id, shopId: ticket.shopId, status: ticket.status },
    data: { status: to, ...change.set, updatedAt: change.at },
  });
  if (updated.count !== 1) throw new DomainError('INVALID_TRANSITION', { from: ticket.status, to });
  await recordEvent(tx, {
    shopId: ticket.shopId,
    subjectType: 'ticket',
    subjectId: ticket.id,
    type: change.type,
    fromStatus: ticket.status,
    toStatus: to,
    actor: change.actor,
    reason: change.reason ?? null,
    ...(change.data === undefined ? {} : { data: change.data }),
    occurredAt: change.at,
  });
}

async function addMessage(
  tx: Db,
  input: { shopId: string; ticketId: string; authorType: string; authorId: string | null; body: string; at: Date; attachments?: readonly AttachmentInput[] },
): Promise<string> {
  const files = checkAttachments(input.attachments ?? [], attachmentLimits.ticketTypes);
  const message = await tx.ticketMessage.create({
    data: { ticketId: input.ticketId, authorType: input.authorType, authorId: input.authorId, body: input.body, createdAt: input.at },
    select: { id: true },
  });
  if (files.length) {
    await tx.attachment.createMany({ data: files.map((file) => ({ shopId: input.shopId, ticketMessageId: message.id, ...file, createdAt: input.at })) });
  }
  return message.id;
}

/** Opens a conversation for the shopper and starts the shop's first-response clock (24 opening hours by default). */
export async function openTicket(
  deps: Deps,
  input: ShopperScope & { subject: string; body: string; orderId?: string | null; attachments: readonly AttachmentInput[] },
): Promise<{ ticketId: string; status: string; firstResponseDueAt: Date }> {
  checkAttachments(input.attachments, attachmentLimits.ticketTypes);
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    let orderNumber: string | null = null;
    if (input.orderId) {
      const order = await tx.order.findFirst({ where: { id: input.orderId, shopId: input.shopId, customerId: input.customerId }, select: { number: true } });
      if (!order) throw new DomainError('ORDER_NOT_FOUND');
      orderNumber = order.number;
    }
    const policy = await loadCasePolicy(tx, input.shopId);
    const plan = planTicketFirstResponse(now, policy.rules, policy.schedule);
    const ticket = await tx.ticket.create({
      data: {
        shopId: input.shopId,
        customerId: input.customerId,
        orderId: input.orderId ?? null,
        subject: input.subject,
        status: TicketStatus.open,
        policyVersion: policy.version,
        nextDeadlineAt: plan.dueAt,
        openedAt: now,
        createdAt: now,
      },
      select: { id: true },
    });
    await addMessage(tx, { shopId: input.shopId, ticketId: ticket.id, authorType: 'shopper', authorId: input.customerId, body: input.body, at: now, attachments: input.attachments });
    await setDeadline(tx, { shopId: input.shopId, caseType: 'ticket', caseId: ticket.id }, plan);
    await recordEvent(tx, {
      shopId: input.shopId,
      subjectType: 'ticket',
      subjectId: ticket.id,
      type: 'ticket.opened',
      toStatus: TicketStatus.open,
      actor: { type: ActorType.shopper, id: input.customerId },
      data: { firstResponseDueAt: plan.dueAt.toISOString() },
      occurredAt: now,
    });
    await enqueue(tx, {
      channel: 'webhook',
      shopId: input.shopId,
      type: 'ticket.opened',
      dedupeKey: `ticket:${ticket.id}:opened`,
      data: { ticketId: ticket.id, subject: input.subject, orderId: input.orderId ?? null },
      at: now,
    });
    await notifyStaffNewCase(tx, deps, { shopId: input.shopId, caseType: 'ticket', caseId: ticket.id, caseRef: staffCaseRef(ticket.id), orderNumber }, now);
    return { ticketId: ticket.id, status: TicketStatus.open, firstResponseDueAt: plan.dueAt };
  });
}

const ticketRowSelect = {
  id: true,
  shopId: true,
  status: true,
  subject: true,
  firstRespondedAt: true,
  customer: { select: { id: true, email: true, locale: true } },
} satisfies Prisma.TicketSelect;

async function findTicket(db: Db, where: Prisma.TicketWhereInput) {
  const ticket = await db.ticket.findFirst({ where, select: ticketRowSelect });
  if (!ticket) throw new DomainError('TICKET_NOT_FOUND');
  return ticket;
}

/**
 * The shopper writes again. An answered ticket goes back to the shop; a resolved one reopens; a
 * ticket still waiting for the shop stays where it is (its clock keeps running).
 */
export async function replyAsShopper(
  deps: Deps,
  input: ShopperScope & { ticketId: string; body: string; attachments: readonly AttachmentInput[] },
): Promise<{ status: string }> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const ticket = await findTicket(tx, { id: input.ticketId, shopId: input.shopId, customerId: input.customerId });
    const actor: Actor = { type: ActorType.shopper, id: input.customerId };
    let status = ticket.status;
    if (ticket.status === TicketStatus.awaiting_shopper) status = TicketStatus.awaiting_shop;
    else if (ticket.status === TicketStatus.resolved) status = TicketStatus.reopened;
    else if (ticket.status === TicketStatus.closed) requireTransition(ticketMachine, ticket.status, TicketStatus.reopened);
    if (status !== ticket.status) {
      await transitionTicket(tx, ticket, status as TicketStatus, {
        actor,
        at: now,
        type: status === TicketStatus.reopened ? 'ticket.reopened' : 'ticket.shopper_replied',
        set: status === TicketStatus.reopened ? { resolvedAt: null } : {},
      });
    }
    await addMessage(tx, { shopId: input.shopId, ticketId: ticket.id, authorType: 'shopper', authorId: input.customerId, body: input.body, at: now, attachments: input.attachments });
    return { status };
  });
}

/** The staff reply: the first one stops the first-response clock; the ball goes to the shopper. */
export async function replyAsStaff(
  deps: Deps,
  input: { shopId: string; ticketId: string; body: string; attachments: readonly AttachmentInput[]; actor: Actor },
): Promise<{ status: string }> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const ticket = await findTicket(tx, { id: input.ticketId, shopId: input.shopId });
    if (ticket.status !== TicketStatus.awaiting_shopper) {
      await settleDeadline(tx, { caseType: 'ticket', caseId: ticket.id }, 'ticket_first_response', 'met', now);
      const nextDeadlineAt = await nextDeadlineOf(tx, { caseType: 'ticket', caseId: ticket.id });
      await transitionTicket(tx, ticket, TicketStatus.awaiting_shopper, {
        actor: input.actor,
        at: now,
        type: 'ticket.replied',
        set: { nextDeadlineAt, ...(ticket.firstRespondedAt ? {} : { firstRespondedAt: now }) },
      });
    }
    await addMessage(tx, { shopId: input.shopId, ticketId: ticket.id, authorType: 'staff', authorId: input.actor.id ?? null, body: input.body, at: now, attachments: input.attachments });
    await enqueue(tx, {
      channel: 'email',
      shopId: input.shopId,
      topic: 'ticket_replied',
      dedupeKey: `ticket:${ticket.id}:reply:${now.getTime()}`,
      to: ticket.customer.email,
      locale: localeOf(ticket.customer.locale),
      data: { subject: ticket.subject, excerpt: input.body, url: await ticketLink(tx, deps, { id: ticket.id, shopId: input.shopId, customerId: ticket.customer.id }) },
      at: now,
    });
    await enqueue(tx, {
      channel: 'webhook',
      shopId: input.shopId,
      type: 'ticket.replied',
      dedupeKey: `ticket:${ticket.id}:reply:${now.getTime()}`,
      data: { ticketId: ticket.id },
      at: now,
    });
    return { status: TicketStatus.awaiting_shopper };
  });
}

/** Staff mark a ticket resolved (any running clock stops) or reopen a resolved one. */
export async function setTicketResolved(
  deps: Deps,
  input: { shopId: string; ticketId: string; resolved: boolean; reason?: string | null; actor: Actor },
): Promise<{ status: string }> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const ticket = await findTicket(tx, { id: input.ticketId, shopId: input.shopId });
    if (input.resolved) {
      requireTransition(ticketMachine, ticket.status, TicketStatus.resolved);
      await settleDeadline(tx, { caseType: 'ticket', caseId: ticket.id }, 'ticket_first_response', 'met', now);
      const nextDeadlineAt = await nextDeadlineOf(tx, { caseType: 'ticket', caseId: ticket.id });
      await transitionTicket(tx, ticket, TicketStatus.resolved, { actor: input.actor, at: now, type: 'ticket.resolved', reason: input.reason ?? null, set: { resolvedAt: now, nextDeadlineAt } });
      return { status: TicketStatus.resolved };
    }
    await transitionTicket(tx, ticket, TicketStatus.reopened, { actor: input.actor, at: now, type: 'ticket.reopened', reason: input.reason ?? null, set: { resolvedAt: null } });
    return { status: TicketStatus.reopened };
  });
}

/** The shopper rates a resolved ticket, once; rating closes it for good. */
export async function rateTicket(
  deps: Deps,
  input: ShopperScope & { ticketId: string; rating: number; comment?: string | null },
): Promise<{ status: string }> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const ticket = await findTicket(tx, { id: input.ticketId, shopId: input.shopId, customerId: input.customerId });
    if (ticket.status !== TicketStatus.resolved) throw new DomainError('CASE_NOT_RATEABLE');
    await transitionTicket(tx, ticket, TicketStatus.closed, {
      actor: { type: ActorType.shopper, id: input.customerId },
      at: now,
      type: 'ticket.rated',
      data: { rating: input.rating },
      set: { rating: input.rating, ratingComment: input.comment?.trim() || null },
    });
    const target = { shopId: input.shopId, caseType: 'ticket', caseId: ticket.id, caseRef: staffCaseRef(ticket.id), orderNumber: null } as const;
    await notifyStaffCaseRated(tx, deps, { ...target, rating: input.rating, comment: input.comment?.trim() || null }, now);
    return { status: TicketStatus.closed };
  });
}

const ticketSummarySelect = {
  id: true,
  subject: true,
  status: true,
  nextDeadlineAt: true,
  openedAt: true,
  firstRespondedAt: true,
  resolvedAt: true,
  escalatedAt: true,
  rating: true,
  order: { select: { id: true, number: true } },
} satisfies Prisma.TicketSelect;

/** A ticket in a list. */
export type TicketSummary = Prisma.TicketGetPayload<{ select: typeof ticketSummarySelect }>;

/** The shopper's tickets, newest first. */
export async function listShopperTickets(
  deps: Deps,
  input: ShopperScope & { limit: number; cursor?: string | null },
): Promise<{ tickets: TicketSummary[]; nextCursor: string | null }> {
  const rows = await deps.db.ticket.findMany({
    where: { shopId: input.shopId, customerId: input.customerId, ...(input.cursor ? { id: { lt: input.cursor } } : {}) },
    orderBy: { id: 'desc' },
    take: input.limit + 1,
    select: ticketSummarySelect,
  });
  const page = rows.slice(0, input.limit);
  return { tickets: page, nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}

/** One message of a thread. */
export interface ThreadMessage {
  id: string;
  authorType: string;
  body: string;
  internal: boolean;
  createdAt: Date;
  attachments: Array<{ id: string; filename: string; contentType: string; sizeBytes: number }>;
}

/** A ticket with its messages. Shoppers never receive internal messages. */
export async function ticketThread(
  deps: Deps,
  input: { shopId: string; ticketId: string; customerId?: string },
): Promise<TicketSummary & { messages: ThreadMessage[] }> {
  const isShopper = input.customerId !== undefined;
  const ticket = await deps.db.ticket.findFirst({
    where: { id: input.ticketId, shopId: input.shopId, ...(isShopper ? { customerId: input.customerId } : {}) },
    select: {
      ...ticketSummarySelect,
      messages: {
        where: isShopper ? { internal: false } : {},
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        take: 500,
        select: {
          id: true,
          authorType: true,
          body: true,
          internal: true,
          createdAt: true,
          attachments: { select: { id: true, filename: true, contentType: true, sizeBytes: true } },
        },
      },
    },
  });
  if (!ticket) throw new DomainError('TICKET_NOT_FOUND');
  return ticket;
}

/** A ticket of the staff's shop with its whole thread and its customer's id (for the customer's history). */
export async function staffTicketThread(
  deps: Deps,
  input: { shopId: string; ticketId: string },
): Promise<TicketSummary & { messages: ThreadMessage[]; customerId: string }> {
  const thread = await ticketThread(deps, input);
  const { customerId } = await deps.db.ticket.findUniqueOrThrow({ where: { id: thread.id }, select: { customerId: true } });
  return { ...thread, customerId };
}
