import type { Prisma } from '../generated/prisma/client.js';
import type { Actor } from './actor.js';
import type { Db } from './deps.js';

/** One change of state to append to the event table. */
export interface EventRecord {
  shopId: string;
  subjectType: string;
  subjectId: string;
  type: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  actor: Actor;
  reason?: string | null;
  data?: Prisma.InputJsonValue;
  occurredAt: Date;
}

/** Appends an event; call it inside the transaction that makes the change. */
export async function recordEvent(db: Db, event: EventRecord): Promise<void> {
  await db.event.create({
    data: {
      shopId: event.shopId,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      type: event.type,
      fromStatus: event.fromStatus ?? null,
      toStatus: event.toStatus ?? null,
      actorType: event.actor.type,
      actorId: event.actor.id ?? null,
      reason: event.reason ?? null,
      ...(event.data === undefined ? {} : { data: event.data }),
      occurredAt: event.occurredAt,
    },
  });
}
