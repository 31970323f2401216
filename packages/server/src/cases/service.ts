import {
  claimMachine,
  exchangeMachine,
  isTerminalStatus,
  returnMachine,
  ticketMachine,
  type CaseInboxInput,
  type CaseType,
  type StateMachine,
} from '@comptoir/protocol';
import { Prisma } from '../generated/prisma/client.js';
import { ActorType } from '../core/actor.js';
import type { Db, Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { recordEvent } from '../core/events.js';
import { listCaseEvents, type CaseEvent } from './case-events.js';

/** One row of the staff inbox. */
export interface InboxCase {
  type: CaseType;
  id: string;
  status: string;
  /** The earliest running deadline: the countdown's basis. Null when no clock runs. */
  nextDeadlineAt: Date | null;
  isOverdue: boolean;
  openedAt: Date;
  orderNumber: string | null;
  customerEmail: string;
  customerName: string | null;
}

const machines: Record<CaseType, StateMachine<string>> = {
  return: returnMachine,
  claim: claimMachine,
  exchange: exchangeMachine,
  ticket: ticketMachine,
};

/** The statuses in which a case of a type is still open (not final). */
export function openStatusesOf(type: CaseType): string[] {
  const machine = machines[type];
  return machine.statuses.filter((status) => !isTerminalStatus(machine, status));
}

interface InboxCursor {
  at: string | null;
  type: string;
  id: string;
}

function encodeCursor(row: InboxCase): string {
  return Buffer.from(JSON.stringify([row.nextDeadlineAt?.toISOString() ?? null, row.type, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): InboxCursor {
  try {
    const [at, type, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const isDate = at === null || (typeof at === 'string' && !Number.isNaN(new Date(at).getTime()));
    if (isDate && typeof type === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) return { at: at as string | null, type, id };
  } catch {
    // Falls through to the error below.
  }
  throw new DomainError('INVALID_INPUT', { issues: 'cursor: unknown cursor' });
}

/** One SELECT of the union per case type; every case table is read here and only here. */
function sourceOf(type: CaseType, shopId: string, statuses: string[]): Prisma.Sql {
  switch (type) {
    case 'return':
      return Prisma.sql`SELECT 'return'::text AS type, r.id, r.status, r."nextDeadlineAt", r."requestedAt" AS "openedAt",
          o.number AS "orderNumber", c.email AS "customerEmail", c.name AS "customerName"
        FROM "ReturnCase" r JOIN "Order" o ON o.id = r."orderId" JOIN "Customer" c ON c.id = r."customerId"
        WHERE r."shopId" = ${shopId}::uuid AND r.status = ANY(${statuses}::text[])`;
    case 'claim':
      return Prisma.sql`SELECT 'claim'::text AS type, cl.id, cl.status, cl."nextDeadlineAt", cl."openedAt",
          o.number AS "orderNumber", c.email AS "customerEmail", c.name AS "customerName"
        FROM "Claim" cl JOIN "Order" o ON o.id = cl."orderId" JOIN "Customer" c ON c.id = cl."customerId"
        WHERE cl."shopId" = ${shopId}::uuid AND cl.status = ANY(${statuses}::text[])`;
    case 'exchange':
      return Prisma.sql`SELECT 'exchange'::text AS type, e.id, e.status, NULL::timestamptz AS "nextDeadlineAt", e."createdAt" AS "openedAt",
          o.number AS "orderNumber", c.email AS "customerEmail", c.name AS "customerName"
        FROM "Exchange" e JOIN "ReturnCase" r ON r.id = e."returnId" JOIN "Order" o ON o.id = r."orderId" JOIN "Customer" c ON c.id = r."customerId"
        WHERE e."shopId" = ${shopId}::uuid AND e.status = ANY(${statuses}::text[])`;
    case 'ticket':
      return Prisma.sql`SELECT 'ticket'::text AS type, t.id, t.status, t."nextDeadlineAt", t."openedAt",
          o.number AS "orderNumber", c.email AS "customerEmail", c.name AS "customerName"
        FROM "Ticket" t LEFT JOIN "Order" o ON o.id = t."orderId" JOIN "Customer" c ON c.id = t."customerId"
        WHERE t."shopId" = ${shopId}::uuid AND t.status = ANY(${statuses}::text[])`;
  }
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/**
 * Every open return, claim, exchange and ticket of a shop in one list, the most urgent first (next
 * deadline ascending, cases without a clock last), with filters, a search on order number, email or
 * name, and keyset pagination.
 */
export async function listInbox(deps: Deps, input: CaseInboxInput & { shopId: string }): Promise<{ cases: InboxCase[]; nextCursor: string | null }> {
  const now = deps.clock.now();
  const types = input.types?.length ? [...new Set(input.types)] : (['return', 'claim', 'exchange', 'ticket'] as CaseType[]);
  const sources = types.map((type) => {
    const statuses = input.statuses?.length ? input.statuses.filter((status) => machines[type].statuses.includes(status)) : openStatusesOf(type);
    return sourceOf(type, input.shopId, statuses);
  });
  const conditions: Prisma.Sql[] = [];
  if (input.overdue === true) conditions.push(Prisma.sql`x."nextDeadlineAt" <= ${now}`);
  if (input.overdue === false) conditions.push(Prisma.sql`(x."nextDeadlineAt" IS NULL OR x."nextDeadlineAt" > ${now})`);
  if (input.search) {
    const pattern = likePattern(input.search);
    conditions.push(
      Prisma.sql`(x."orderNumber" ILIKE ${pattern} OR x."customerEmail" ILIKE ${pattern} OR x."customerName" ILIKE ${pattern})`,
    );
  }
  if (input.cursor) {
    const after = decodeCursor(input.cursor);
    conditions.push(
      after.at === null
        ? Prisma.sql`(x."nextDeadlineAt" IS NULL AND (x.type, x.id) > (${after.type}::text, ${after.id}::uuid))`
        : Prisma.sql`(x."nextDeadlineAt" > ${new Date(after.at)} OR x."nextDeadlineAt" IS NULL
            OR (x."nextDeadlineAt" = ${new Date(after.at)} AND (x.type, x.id) > (${after.type}::text, ${after.id}::uuid)))`,
    );
  }
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
  const rows = await deps.db.$queryRaw<Array<Omit<InboxCase, 'isOverdue'>>>`
    SELECT x.* FROM (${Prisma.join(sources, ' UNION ALL ')}) x
    ${where}
    ORDER BY x."nextDeadlineAt" ASC NULLS LAST, x.type ASC, x.id ASC
    LIMIT ${input.limit + 1}`;
  const page = rows.slice(0, input.limit).map((row) => ({
    ...row,
    isOverdue: row.nextDeadlineAt !== null && row.nextDeadlineAt.getTime() <= now.getTime(),
  }));
  const last = page.at(-1);
  return { cases: page, nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null };
}

/** Throws CASE_NOT_FOUND unless the case belongs to the shop. */
export async function requireCase(db: Db, input: { shopId: string; caseType: CaseType; caseId: string }): Promise<void> {
  const where = { id: input.caseId, shopId: input.shopId };
  const found =
    input.caseType === 'return'
      ? await db.returnCase.findFirst({ where, select: { id: true } })
      : input.caseType === 'claim'
        ? await db.claim.findFirst({ where, select: { id: true } })
        : input.caseType === 'exchange'
          ? await db.exchange.findFirst({ where, select: { id: true } })
          : await db.ticket.findFirst({ where, select: { id: true } });
  if (!found) throw new DomainError('CASE_NOT_FOUND');
}

/** The whole history of a case for staff: its events and those of its refunds, with actors and reasons. */
export async function caseTimeline(deps: Deps, input: { shopId: string; caseType: CaseType; caseId: string }): Promise<CaseEvent[]> {
  await requireCase(deps.db, input);
  const events = await listCaseEvents(deps.db, { shopId: input.shopId, subjectType: input.caseType, subjectId: input.caseId, includeStaffOnly: true });
  if (input.caseType !== 'claim' && input.caseType !== 'return') return events;
  const refunds = await deps.db.refund.findMany({
    where: { shopId: input.shopId, ...(input.caseType === 'claim' ? { claimId: input.caseId } : { returnId: input.caseId }) },
    select: { id: true },
  });
  const refundEvents = (
    await Promise.all(refunds.map((refund) => listCaseEvents(deps.db, { shopId: input.shopId, subjectType: 'refund', subjectId: refund.id, includeStaffOnly: true })))
  ).flat();
  return [...events, ...refundEvents].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.id.localeCompare(b.id));
}

/** A staff-only note on a case. */
export interface CaseNote {
  id: string;
  authorId: string;
  authorName: string | null;
  body: string;
  createdAt: Date;
}

/** Adds an internal note to any case; never shown to the shopper. */
export async function addCaseNote(
  deps: Deps,
  input: { shopId: string; caseType: CaseType; caseId: string; body: string; authorId: string },
): Promise<{ noteId: string }> {
  await requireCase(deps.db, input);
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const note = await tx.internalNote.create({
      data: { shopId: input.shopId, caseType: input.caseType, caseId: input.caseId, authorId: input.authorId, body: input.body, createdAt: now },
      select: { id: true },
    });
    await recordEvent(tx, {
      shopId: input.shopId,
      subjectType: input.caseType,
      subjectId: input.caseId,
      type: `${input.caseType}.note_added`,
      actor: { type: ActorType.staff, id: input.authorId },
      data: { noteId: note.id },
      occurredAt: now,
    });
    return { noteId: note.id };
  });
}

/** The internal notes of a case, oldest first. */
export async function listCaseNotes(deps: Deps, input: { shopId: string; caseType: CaseType; caseId: string }): Promise<CaseNote[]> {
  await requireCase(deps.db, input);
  const notes = await deps.db.internalNote.findMany({
    where: { shopId: input.shopId, caseType: input.caseType, caseId: input.caseId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: 500,
    select: { id: true, authorId: true, body: true, createdAt: true },
  });
  const authors = await deps.db.staffUser.findMany({ where: { id: { in: [...new Set(notes.map((n) => n.authorId))] } }, select: { id: true, name: true } });
  const names = new Map(authors.map((author) => [author.id, author.name]));
  return notes.map((note) => ({ ...note, authorName: names.get(note.authorId) ?? null }));
}
