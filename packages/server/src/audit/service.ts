import type { AuditListInput } from '@comptoir/protocol';
import type { Prisma } from '../generated/prisma/client.js';
import type { Db, Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';

/** One line of the shop's audit log. */
export interface AuditItem {
  id: string;
  occurredAt: Date;
  type: string;
  subjectType: string;
  subjectId: string;
  fromStatus: string | null;
  toStatus: string | null;
  actorType: string;
  actorId: string | null;
  /** The staff member's name when a person of the team acted; null otherwise. */
  actorName: string | null;
  reason: string | null;
  data: Prisma.JsonValue | null;
}

const eventSelect = {
  id: true,
  occurredAt: true,
  type: true,
  subjectType: true,
  subjectId: true,
  fromStatus: true,
  toStatus: true,
  actorType: true,
  actorId: true,
  reason: true,
  data: true,
} satisfies Prisma.EventSelect;

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The keyset position after an event: newest first, ties by id. Opaque to the admin. */
function encodeCursor(event: { occurredAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([event.occurredAt.toISOString(), event.id])).toString('base64url');
}

function decodeCursor(cursor: string): { occurredAt: Date; id: string } {
  try {
    const [occurredAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const date = new Date(String(occurredAt));
    if (typeof id === 'string' && uuidShape.test(id) && !Number.isNaN(date.getTime())) return { occurredAt: date, id };
  } catch {
    // Falls through to the error below.
  }
  throw new DomainError('INVALID_INPUT', { issues: 'cursor: unknown cursor' });
}

/** Escapes LIKE's wildcards, so a type filter "return_" matches an underscore, not any character. */
function literalPrefix(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * The names of the staff users among `events`' actors, in ONE query for the whole page, whatever
 * its size (no query per row).
 */
async function staffNames(db: Db, events: ReadonlyArray<{ actorType: string; actorId: string | null }>): Promise<Map<string, string>> {
  const ids = [...new Set(events.flatMap((event) => (event.actorType === 'staff' && event.actorId && uuidShape.test(event.actorId) ? [event.actorId] : [])))];
  if (ids.length === 0) return new Map();
  const users = await db.staffUser.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user.name]));
}

/** The shop's events, newest first, filtered, a page at a time, with the names of the staff who acted. */
export async function listAuditEvents(deps: Deps, input: AuditListInput & { shopId: string }): Promise<{ items: AuditItem[]; nextCursor: string | null }> {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const occurredAt: Prisma.DateTimeFilter = {
    ...(input.from ? { gte: input.from } : {}),
    ...(input.to ? { lt: input.to } : {}),
  };
  const rows = await deps.db.event.findMany({
    where: {
      AND: [
        { shopId: input.shopId },
        input.actorType ? { actorType: input.actorType } : {},
        input.actorId ? { actorId: input.actorId } : {},
        input.subjectType ? { subjectType: input.subjectType } : {},
        input.type ? { type: { startsWith: literalPrefix(input.type) } } : {},
        input.from || input.to ? { occurredAt } : {},
        after ? { OR: [{ occurredAt: { lt: after.occurredAt } }, { occurredAt: after.occurredAt, id: { lt: after.id } }] } : {},
      ],
    },
    orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    select: eventSelect,
  });
  const page = rows.slice(0, input.limit);
  const names = await staffNames(deps.db, page);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      ...row,
      actorName: row.actorType === 'staff' && row.actorId ? (names.get(row.actorId) ?? null) : null,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null,
  };
}

/** The staff members who appear as actors in the shop's events, by name (the audit log's filter). */
export async function listAuditActors(deps: Deps, input: { shopId: string }): Promise<Array<{ id: string; name: string }>> {
  const actors = await deps.db.event.findMany({
    where: { shopId: input.shopId, actorType: 'staff', actorId: { not: null } },
    distinct: ['actorId'],
    select: { actorId: true },
    take: 1_000,
  });
  const names = await staffNames(deps.db, actors.map((actor) => ({ actorType: 'staff', actorId: actor.actorId })));
  return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
