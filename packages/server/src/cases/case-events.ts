import { automaticReasonMessage, AutomaticReason, type Localized } from '@comptoir/protocol';
import type { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../core/deps.js';

/** One entry of a case's history as both sides see it. */
export interface CaseEvent {
  id: string;
  type: string;
  fromStatus: string | null;
  toStatus: string | null;
  actorType: string;
  actorId: string | null;
  /** The machine code or a person's words. */
  reason: string | null;
  /** For the server's own decisions: the reason in both languages ("Remboursé automatiquement : …"). */
  reasonMessage: Localized | null;
  occurredAt: Date;
}

const automaticReasons = new Set<string>(Object.values(AutomaticReason));

/** The text of an automatic reason with the params stored on its event. */
export function reasonMessageOf(reason: string | null, data: Prisma.JsonValue | null): Localized | null {
  if (!reason || !automaticReasons.has(reason)) return null;
  const params = (data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).reasonParams : null) ?? {};
  return automaticReasonMessage(reason as AutomaticReason, params as Record<string, number>);
}

/**
 * The history of a case, oldest first. `includeStaffOnly` adds what only staff see (reminders to
 * the shop); shoppers get the changes of state and the decisions with their reasons.
 */
export async function listCaseEvents(
  db: Db,
  input: { shopId: string; subjectType: string; subjectId: string; includeStaffOnly: boolean },
): Promise<CaseEvent[]> {
  const rows = await db.event.findMany({
    where: {
      shopId: input.shopId,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      ...(input.includeStaffOnly ? {} : { NOT: { type: { endsWith: '.deadline_reminder' } } }),
    },
    orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
    take: 500,
    select: { id: true, type: true, fromStatus: true, toStatus: true, actorType: true, actorId: true, reason: true, data: true, occurredAt: true },
  });
  return rows.map(({ data, ...row }) => ({
    ...row,
    actorId: input.includeStaffOnly ? row.actorId : null,
    reasonMessage: reasonMessageOf(row.reason, data),
  }));
}
