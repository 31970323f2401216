import { addCaseNoteInput, caseInboxInput, caseRef } from '@comptoir/protocol';
import { router, staffProcedure } from '../trpc.js';
import { addCaseNote, caseTimeline, listCaseNotes, listInbox } from './service.js';

/** The staff's cross-case views: the inbox sorted by deadline, any case's timeline and notes. */
const casesAdminRouter = router({
  inbox: staffProcedure.input(caseInboxInput).query(({ ctx, input }) => listInbox(ctx.deps, { ...input, shopId: ctx.staff.shopId })),
  timeline: staffProcedure.input(caseRef).query(({ ctx, input }) => caseTimeline(ctx.deps, { ...input, shopId: ctx.staff.shopId })),
  notes: staffProcedure.input(caseRef).query(({ ctx, input }) => listCaseNotes(ctx.deps, { ...input, shopId: ctx.staff.shopId })),
  addNote: staffProcedure
    .input(addCaseNoteInput)
    .mutation(({ ctx, input }) => addCaseNote(ctx.deps, { ...input, shopId: ctx.staff.shopId, authorId: ctx.staff.userId })),
});

/** `cases.admin.*`. */
export const casesRouter = router({ admin: casesAdminRouter });
