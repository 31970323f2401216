import { addCaseNoteInput, attachmentRef, caseInboxInput, caseRef } from '@comptoir/protocol';
import { router, shopperProcedure, staffProcedure } from '../trpc.js';
import { shopperAttachment, staffAttachment } from './attachment-download.js';
import { addCaseNote, caseTimeline, listCaseNotes, listInbox } from './service.js';

/** What the shopper reads across their cases: the files they and the shop attached. */
const casesWidgetRouter = router({
  attachment: shopperProcedure
    .input(attachmentRef)
    .query(({ ctx, input }) => shopperAttachment(ctx.deps, { ...input, shopId: ctx.shop.id, customerId: ctx.shopper.customerId })),
});

/** The staff's cross-case views: the inbox sorted by deadline, any case's timeline and notes. */
const casesAdminRouter = router({
  inbox: staffProcedure.input(caseInboxInput).query(({ ctx, input }) => listInbox(ctx.deps, { ...input, shopId: ctx.staff.shopId })),
  timeline: staffProcedure.input(caseRef).query(({ ctx, input }) => caseTimeline(ctx.deps, { ...input, shopId: ctx.staff.shopId })),
  notes: staffProcedure.input(caseRef).query(({ ctx, input }) => listCaseNotes(ctx.deps, { ...input, shopId: ctx.staff.shopId })),
  attachment: staffProcedure.input(attachmentRef).query(({ ctx, input }) => staffAttachment(ctx.deps, { ...input, shopId: ctx.staff.shopId })),
  addNote: staffProcedure
    .input(addCaseNoteInput)
    .mutation(({ ctx, input }) => addCaseNote(ctx.deps, { ...input, shopId: ctx.staff.shopId, authorId: ctx.staff.userId })),
});

/** `cases.widget.*` for shoppers, `cases.admin.*` for staff. */
export const casesRouter = router({ widget: casesWidgetRouter, admin: casesAdminRouter });
