import { emailLogListInput, emailLogRef } from '@comptoir/protocol';
import { router, staffProcedure } from '../trpc.js';
import { getSentEmail, listSentEmails } from './email-log.js';

/** "Emails sent" in the admin: what the shop's customers and staff received, as they received it. */
const emailsAdminRouter = router({
  list: staffProcedure.input(emailLogListInput).query(({ ctx, input }) => listSentEmails(ctx.deps, { ...input, shopId: ctx.staff.shopId })),
  get: staffProcedure.input(emailLogRef).query(({ ctx, input }) => getSentEmail(ctx.deps, { ...input, shopId: ctx.staff.shopId })),
});

/** `emails.admin.*`. */
export const emailsRouter = router({ admin: emailsAdminRouter });
