import { savedReplyCreateInput, savedReplyListInput, savedReplyRef, savedReplyRenderInput, savedReplyUpdateInput } from '@comptoir/protocol';
import type { Actor } from '../core/actor.js';
import type { StaffIdentity } from '../auth/staff-auth.js';
import { router, staffProcedure } from '../trpc.js';
import { createSavedReply, deleteSavedReply, listSavedReplies, renderSavedReply, updateSavedReply } from './service.js';

const staffActor = (staff: StaffIdentity): Actor => ({ type: 'staff', id: staff.userId });

/** Saved replies with variables, per language, for the staff's answers. */
const savedRepliesAdminRouter = router({
  list: staffProcedure.input(savedReplyListInput).query(({ ctx, input }) => listSavedReplies(ctx.deps, { ...input, shopId: ctx.staff.shopId })),
  create: staffProcedure.input(savedReplyCreateInput).mutation(({ ctx, input }) => createSavedReply(ctx.deps, { ...input, shopId: ctx.staff.shopId, actor: staffActor(ctx.staff) })),
  update: staffProcedure.input(savedReplyUpdateInput).mutation(({ ctx, input }) => updateSavedReply(ctx.deps, { ...input, shopId: ctx.staff.shopId, actor: staffActor(ctx.staff) })),
  delete: staffProcedure.input(savedReplyRef).mutation(({ ctx, input }) => deleteSavedReply(ctx.deps, { ...input, shopId: ctx.staff.shopId, actor: staffActor(ctx.staff) })),
  render: staffProcedure
    .input(savedReplyRenderInput)
    .query(({ ctx, input }) => renderSavedReply(ctx.deps, { ...input, shopId: ctx.staff.shopId, staffUserId: ctx.staff.userId })),
});

/** `savedReplies.admin.*`. */
export const savedRepliesRouter = router({ admin: savedRepliesAdminRouter });
