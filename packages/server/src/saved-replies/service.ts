import { unknownSavedReplyVariables } from '@comptoir/protocol';
import type { Prisma } from '../generated/prisma/client.js';
import type { Actor } from '../core/actor.js';
import type { Db, Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { recordEvent } from '../core/events.js';
import { caseReference } from '../cases/case-reference.js';
import { customerDisplayName, fillSavedReply } from './variables.js';

/** A saved reply as the admin lists and edits it. */
export const savedReplySelect = { id: true, title: true, locale: true, body: true, updatedAt: true } satisfies Prisma.SavedReplySelect;
export type SavedReplyRow = Prisma.SavedReplyGetPayload<{ select: typeof savedReplySelect }>;

/** What a saved reply is made of. */
export interface SavedReplyFields {
  title: string;
  locale: 'fr' | 'en';
  body: string;
}

/** Refuses a body naming a variable Comptoir cannot fill: better at save time than blank in a sent message. */
function requireKnownVariables(body: string): void {
  const [unknown] = unknownSavedReplyVariables(body);
  if (unknown !== undefined) throw new DomainError('SAVED_REPLY_UNKNOWN_VARIABLE', { variable: unknown.slice(0, 80) });
}

async function findReply(db: Db, input: { shopId: string; id: string }): Promise<SavedReplyRow> {
  const reply = await db.savedReply.findFirst({ where: { id: input.id, shopId: input.shopId }, select: savedReplySelect });
  if (!reply) throw new DomainError('SAVED_REPLY_NOT_FOUND');
  return reply;
}

/** The shop's saved replies, in one language or all, by title. */
export async function listSavedReplies(deps: Deps, input: { shopId: string; locale?: 'fr' | 'en' }): Promise<SavedReplyRow[]> {
  return deps.db.savedReply.findMany({
    where: { shopId: input.shopId, ...(input.locale ? { locale: input.locale } : {}) },
    orderBy: [{ title: 'asc' }, { id: 'asc' }],
    select: savedReplySelect,
    take: 500,
  });
}

/** Appends the audit event of a change to a saved reply (its title only: the body may be long). */
function recordReplyEvent(tx: Db, input: { shopId: string; id: string; type: string; title: string; actor: Actor; now: Date }) {
  return recordEvent(tx, {
    shopId: input.shopId,
    subjectType: 'saved_reply',
    subjectId: input.id,
    type: input.type,
    actor: input.actor,
    data: { title: input.title },
    occurredAt: input.now,
  });
}

/** Saves a new reply. */
export async function createSavedReply(deps: Deps, input: { shopId: string; actor: Actor } & SavedReplyFields): Promise<SavedReplyRow> {
  requireKnownVariables(input.body);
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const reply = await tx.savedReply.create({
      data: { shopId: input.shopId, title: input.title, locale: input.locale, body: input.body, createdAt: now, updatedAt: now },
      select: savedReplySelect,
    });
    await recordReplyEvent(tx, { shopId: input.shopId, id: reply.id, type: 'saved_reply.created', title: reply.title, actor: input.actor, now });
    return reply;
  });
}

/** Replaces a reply's title, language and body. SAVED_REPLY_NOT_FOUND for another shop's reply. */
export async function updateSavedReply(
  deps: Deps,
  input: { shopId: string; id: string; actor: Actor } & SavedReplyFields,
): Promise<SavedReplyRow> {
  requireKnownVariables(input.body);
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const { count } = await tx.savedReply.updateMany({
      where: { id: input.id, shopId: input.shopId },
      data: { title: input.title, locale: input.locale, body: input.body, updatedAt: now },
    });
    if (count !== 1) throw new DomainError('SAVED_REPLY_NOT_FOUND');
    await recordReplyEvent(tx, { shopId: input.shopId, id: input.id, type: 'saved_reply.updated', title: input.title, actor: input.actor, now });
    return findReply(tx, input);
  });
}

/** Deletes a reply. SAVED_REPLY_NOT_FOUND for another shop's reply or one already deleted. */
export async function deleteSavedReply(deps: Deps, input: { shopId: string; id: string; actor: Actor }): Promise<{ ok: true }> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const reply = await findReply(tx, input);
    const { count } = await tx.savedReply.deleteMany({ where: { id: input.id, shopId: input.shopId } });
    if (count !== 1) throw new DomainError('SAVED_REPLY_NOT_FOUND');
    await recordReplyEvent(tx, { shopId: input.shopId, id: input.id, type: 'saved_reply.deleted', title: reply.title, actor: input.actor, now });
    return { ok: true as const };
  });
}

const customerSelect = { select: { name: true, email: true } } as const;

/** The customer, order and reference of one case of the shop, or its own NOT_FOUND code. */
async function caseFacts(db: Db, input: { shopId: string; caseType: 'return' | 'claim' | 'ticket'; caseId: string }) {
  const where = { id: input.caseId, shopId: input.shopId };
  switch (input.caseType) {
    case 'return': {
      const row = await db.returnCase.findFirst({ where, select: { id: true, code: true, customer: customerSelect, order: { select: { number: true } } } });
      if (!row) throw new DomainError('RETURN_NOT_FOUND');
      return { customer: row.customer, orderNumber: row.order.number, reference: caseReference('return', row) };
    }
    case 'claim': {
      const row = await db.claim.findFirst({ where, select: { id: true, customer: customerSelect, order: { select: { number: true } } } });
      if (!row) throw new DomainError('CLAIM_NOT_FOUND');
      return { customer: row.customer, orderNumber: row.order.number, reference: caseReference('claim', row) };
    }
    case 'ticket': {
      const row = await db.ticket.findFirst({ where, select: { id: true, customer: customerSelect, order: { select: { number: true } } } });
      if (!row) throw new DomainError('TICKET_NOT_FOUND');
      return { customer: row.customer, orderNumber: row.order?.number ?? null, reference: caseReference('ticket', row) };
    }
  }
}

/**
 * A saved reply filled in for one case of the active shop, as plain text: the case's customer,
 * order and reference, the shop's name and the name of the staff member writing.
 */
export async function renderSavedReply(
  deps: Deps,
  input: { shopId: string; staffUserId: string; id: string; caseType: 'return' | 'claim' | 'ticket'; caseId: string },
): Promise<{ body: string }> {
  const reply = await findReply(deps.db, input);
  const facts = await caseFacts(deps.db, input);
  const [shop, staff] = await Promise.all([
    deps.db.shop.findUniqueOrThrow({ where: { id: input.shopId }, select: { name: true } }),
    deps.db.staffUser.findUnique({ where: { id: input.staffUserId }, select: { name: true } }),
  ]);
  return {
    body: fillSavedReply(reply.body, {
      'customer.name': customerDisplayName(facts.customer),
      'customer.email': facts.customer.email,
      'order.number': facts.orderNumber,
      'shop.name': shop.name,
      'case.reference': facts.reference,
      'staff.name': staff?.name ?? null,
    }),
  };
}
