import { z } from 'zod';
import { id } from './common.js';
import { messageBody } from './claims.js';

/** The kinds of case the staff inbox lists. */
export const CaseType = { return: 'return', claim: 'claim', exchange: 'exchange', ticket: 'ticket' } as const;
export type CaseType = (typeof CaseType)[keyof typeof CaseType];
export const caseType = z.enum([CaseType.return, CaseType.claim, CaseType.exchange, CaseType.ticket]);

/** Input of `cases.admin.inbox`. */
export const caseInboxInput = z.object({
  types: z.array(caseType).max(4).optional(),
  /** Statuses to keep (of any type); the open statuses of each type when omitted. */
  statuses: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
  /** Only cases whose next deadline has passed (true) or not (false). */
  overdue: z.boolean().optional(),
  /** An order number, an email or a name (part of it). */
  search: z.string().trim().min(1).max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
  cursor: z.string().max(300).nullish(),
});
export type CaseInboxInput = z.output<typeof caseInboxInput>;

/** Input naming one case of any type. */
export const caseRef = z.object({ caseType, caseId: id });

/** Input of `cases.widget.attachment` and `cases.admin.attachment`: one file of a claim or a ticket message. */
export const attachmentRef = z.object({ attachmentId: id });

/** Input of `cases.admin.addNote`. */
export const addCaseNoteInput = caseRef.extend({ body: messageBody });
