import { z } from 'zod';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { ActorType } from '../core/actor.js';
import type { KeyContext } from '../auth/api-key-auth.js';
import { backendProcedure, router } from '../trpc.js';
import { webhookEventTypes } from './webhooks/event-types.js';
import { createWebhookEndpoint, deleteWebhookEndpoint, listWebhookEndpoints } from './webhooks/service.js';

/** The REST route of a back-end procedure under /api, in the `webhooks` tag. */
function rest(method: 'GET' | 'POST', path: `/webhooks${string}`, summary: string): OpenApiMeta {
  return { openapi: { method, path, protect: true, tags: ['webhooks'], summary } };
}

const backendActor = (ctx: KeyContext) => ({ type: ActorType.shopBackend, id: ctx.apiKeyId });

const iso = z.iso.datetime();
const endpointOutput = z.object({
  id: z.uuid(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  enabled: z.boolean(),
  /** Since when deliveries fail (the endpoint is turned off after 5 days of failures). */
  failingSince: iso.nullable(),
  disabledAt: iso.nullable(),
  createdAt: iso,
});

type EndpointRow = Awaited<ReturnType<typeof listWebhookEndpoints>>[number];
const toOutput = (row: EndpointRow): z.output<typeof endpointOutput> => ({
  id: row.id,
  url: row.url,
  eventTypes: row.eventTypes,
  enabled: row.enabled,
  failingSince: row.failingSince?.toISOString() ?? null,
  disabledAt: row.disabledAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

/**
 * `webhooks.backend.*`: the shop's back end (its secret key) subscribes its own URLs, so a platform
 * module or an accounting tool sets itself up without anyone in the admin. Also REST under
 * /api/webhooks. The same rules as in the admin: the URL must be public https (SSRF checks), the
 * signing secret is answered once, at creation.
 */
export const webhooksBackendRouter = router({
  list: backendProcedure
    .meta(rest('GET', '/webhooks/endpoints', "The shop's webhook endpoints (without their secrets)"))
    .input(z.object({}))
    .output(z.object({ endpoints: z.array(endpointOutput) }))
    .query(async ({ ctx }) => ({ endpoints: (await listWebhookEndpoints(ctx.deps, { shopId: ctx.shop.id })).map(toOutput) })),

  create: backendProcedure
    .meta(rest('POST', '/webhooks/endpoints', 'Subscribe a URL to event types; the whsec_ signing secret is in this answer only'))
    .input(z.object({ url: z.string().trim().url().max(2000), eventTypes: z.array(z.enum(webhookEventTypes)).min(1).max(webhookEventTypes.length) }))
    .output(endpointOutput.extend({ secret: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const { secret, ...endpoint } = await createWebhookEndpoint(ctx.deps, { shopId: ctx.shop.id, ...input, actor: backendActor(ctx) });
      return { ...toOutput(endpoint), secret };
    }),

  delete: backendProcedure
    .meta(rest('POST', '/webhooks/endpoints/delete', 'Delete an endpoint and its delivery log'))
    .input(z.object({ id: z.uuid() }))
    .output(z.object({ deleted: z.literal(true) }))
    .mutation(({ ctx, input }) => deleteWebhookEndpoint(ctx.deps, { shopId: ctx.shop.id, id: input.id, actor: backendActor(ctx) })),
});
