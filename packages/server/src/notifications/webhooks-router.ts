import { z } from 'zod';
import { ownerProcedure, router } from '../trpc.js';
import { ActorType } from '../core/actor.js';
import { webhookEventTypes } from './webhooks/event-types.js';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  resendWebhookMessage,
  updateWebhookEndpoint,
} from './webhooks/service.js';

const url = z.string().trim().url().max(2000);
const eventTypes = z.array(z.enum(webhookEventTypes)).min(1).max(webhookEventTypes.length);
const id = z.string().uuid();

/** Webhook endpoints of the active shop, for its owners (mount under `webhooks.admin` or similar). */
export const webhooksRouter = router({
  /** Event types an endpoint can subscribe to. */
  eventTypes: ownerProcedure.query(() => [...webhookEventTypes]),
  list: ownerProcedure.query(({ ctx }) => listWebhookEndpoints(ctx.deps, { shopId: ctx.staff.shopId })),
  /** Creates an endpoint; its `whsec_` secret is shown once, in this answer. */
  create: ownerProcedure
    .input(z.object({ url, eventTypes }))
    .mutation(({ ctx, input }) =>
      createWebhookEndpoint(ctx.deps, { shopId: ctx.staff.shopId, ...input, actor: { type: ActorType.staff, id: ctx.staff.userId } }),
    ),
  update: ownerProcedure
    .input(z.object({ id, url: url.optional(), eventTypes: eventTypes.optional(), enabled: z.boolean().optional() }))
    .mutation(({ ctx, input }) =>
      updateWebhookEndpoint(ctx.deps, {
        shopId: ctx.staff.shopId,
        id: input.id,
        ...(input.url ? { url: input.url } : {}),
        ...(input.eventTypes ? { eventTypes: input.eventTypes } : {}),
        ...(input.enabled === undefined ? {} : { enabled: input.enabled }),
        actor: { type: ActorType.staff, id: ctx.staff.userId },
      }),
    ),
  delete: ownerProcedure
    .input(z.object({ id }))
    .mutation(({ ctx, input }) =>
      deleteWebhookEndpoint(ctx.deps, { shopId: ctx.staff.shopId, id: input.id, actor: { type: ActorType.staff, id: ctx.staff.userId } }),
    ),
  /** The delivery log of an endpoint. */
  deliveries: ownerProcedure
    .input(z.object({ endpointId: id, limit: z.number().int().min(1).max(200).default(50) }))
    .query(({ ctx, input }) => listWebhookDeliveries(ctx.deps, { shopId: ctx.staff.shopId, ...input })),
  /** "Send again" for one message. */
  sendAgain: ownerProcedure
    .input(z.object({ outboxId: id }))
    .mutation(({ ctx, input }) =>
      resendWebhookMessage(ctx.deps, { shopId: ctx.staff.shopId, outboxId: input.outboxId, actor: { type: ActorType.staff, id: ctx.staff.userId } }),
    ),
});
