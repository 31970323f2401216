import { z } from 'zod';
import { id, instant } from './common.js';

/** Input of `audit.admin.list`: the shop's events, newest first, filtered. */
export const auditListInput = z
  .object({
    limit: z.number().int().min(1).max(100).default(50),
    /** `nextCursor` of the previous page. */
    cursor: z.string().max(200).nullish(),
    actorType: z.enum(['shopper', 'staff', 'shop_backend', 'system']).optional(),
    actorId: id.optional(),
    subjectType: z.string().trim().min(1).max(40).optional(),
    /** A prefix of the event type: "return." keeps every return event. */
    type: z.string().trim().min(1).max(80).optional(),
    /** From this instant (included). */
    from: instant.optional(),
    /** Until this instant (excluded). */
    to: instant.optional(),
  })
  .default({ limit: 50 });
export type AuditListInput = z.output<typeof auditListInput>;
