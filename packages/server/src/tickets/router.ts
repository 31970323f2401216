import { addCaseNoteInput, openTicketInput, rateTicketInput, replyTicketInput, ticketListInput, ticketRef, ticketStatusInput } from '@comptoir/protocol';
import { ActorType, type Actor } from '../core/actor.js';
import { router, shopperProcedure, staffProcedure } from '../trpc.js';
import { addCaseNote } from '../cases/service.js';
import { listShopperTickets, openTicket, rateTicket, replyAsShopper, replyAsStaff, setTicketResolved, staffTicketThread, ticketThread } from './service.js';

const staffActor = (userId: string): Actor => ({ type: ActorType.staff, id: userId });

/** Tickets as the signed-in shopper sees them in the widget. */
const ticketsWidgetRouter = router({
  open: shopperProcedure
    .input(openTicketInput)
    .mutation(({ ctx, input }) => openTicket(ctx.deps, { ...input, shopId: ctx.shop.id, customerId: ctx.shopper.customerId })),
  reply: shopperProcedure
    .input(replyTicketInput)
    .mutation(({ ctx, input }) => replyAsShopper(ctx.deps, { ...input, shopId: ctx.shop.id, customerId: ctx.shopper.customerId })),
  list: shopperProcedure
    .input(ticketListInput)
    .query(({ ctx, input }) => listShopperTickets(ctx.deps, { ...input, shopId: ctx.shop.id, customerId: ctx.shopper.customerId })),
  thread: shopperProcedure
    .input(ticketRef)
    .query(({ ctx, input }) => ticketThread(ctx.deps, { ...input, shopId: ctx.shop.id, customerId: ctx.shopper.customerId })),
  rate: shopperProcedure
    .input(rateTicketInput)
    .mutation(({ ctx, input }) => rateTicket(ctx.deps, { ...input, shopId: ctx.shop.id, customerId: ctx.shopper.customerId })),
});

/** Tickets as the staff handle them. */
const ticketsAdminRouter = router({
  thread: staffProcedure.input(ticketRef).query(({ ctx, input }) => staffTicketThread(ctx.deps, { ...input, shopId: ctx.staff.shopId })),
  reply: staffProcedure
    .input(replyTicketInput)
    .mutation(({ ctx, input }) => replyAsStaff(ctx.deps, { ...input, shopId: ctx.staff.shopId, actor: staffActor(ctx.staff.userId) })),
  resolve: staffProcedure
    .input(ticketStatusInput)
    .mutation(({ ctx, input }) =>
      setTicketResolved(ctx.deps, { ...input, resolved: true, shopId: ctx.staff.shopId, actor: staffActor(ctx.staff.userId) }),
    ),
  reopen: staffProcedure
    .input(ticketStatusInput)
    .mutation(({ ctx, input }) =>
      setTicketResolved(ctx.deps, { ...input, resolved: false, shopId: ctx.staff.shopId, actor: staffActor(ctx.staff.userId) }),
    ),
  addNote: staffProcedure
    .input(addCaseNoteInput.omit({ caseType: true, caseId: true }).extend(ticketRef.shape))
    .mutation(({ ctx, input }) =>
      addCaseNote(ctx.deps, { shopId: ctx.staff.shopId, caseType: 'ticket', caseId: input.ticketId, body: input.body, authorId: ctx.staff.userId }),
    ),
});

/** `tickets.widget.*` for shoppers, `tickets.admin.*` for staff. */
export const ticketsRouter = router({ widget: ticketsWidgetRouter, admin: ticketsAdminRouter });
