import {
  orderBatchInput,
  orderBatchResult,
  orderCancelInput,
  orderMarkInput,
  orderMarkResult,
  orderOutput,
  orderRefInput,
  orderUpsertInput,
  orderUpsertResult,
  shipmentAddResult,
  shipmentInput,
  trackingEventsInput,
  trackingEventsResult,
} from '@comptoir/protocol';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { ActorType, type Actor } from '../core/actor.js';
import type { KeyContext } from '../auth/api-key-auth.js';
import { backendProcedure, router } from '../trpc.js';
import { addShipment, addTrackingEvents, getOrder, markOrderStep, type OrderStep } from './service.js';
import { upsertOrderBatch } from './upsert-batch.js';
import { upsertOrder } from './upsert-order.js';
import { ordersWidgetRouter } from './widget-router.js';
import { ordersAdminRouter } from './admin-router.js';

/** The REST route of a back-end procedure under /api, in the `orders` tag. */
function rest(method: 'GET' | 'POST', path: `/orders${string}`, summary: string): OpenApiMeta {
  return { openapi: { method, path, protect: true, tags: ['orders'], summary } };
}

/** The shop's back end, identified by the secret key it called with. */
function backendActor(ctx: KeyContext): Actor {
  return { type: ActorType.shopBackend, id: ctx.apiKeyId };
}

/** One fulfilment step as a procedure. */
function stepProcedure(step: Exclude<OrderStep, 'cancelled'>, path: `/orders${string}`, summary: string) {
  return backendProcedure
    .meta(rest('POST', path, summary))
    .input(orderMarkInput)
    .output(orderMarkResult)
    .mutation(({ ctx, input }) =>
      markOrderStep(ctx.deps, { shopId: ctx.shop.id, externalId: input.externalId, step, at: input.at, actor: backendActor(ctx) }),
    );
}

/** Procedures the shop's back end calls with its secret key (also REST under /api/orders). */
const ordersBackendRouter = router({
  upsert: backendProcedure
    .meta(rest('POST', '/orders/upsert', 'Create or update an order (idempotent by externalId)'))
    .input(orderUpsertInput)
    .output(orderUpsertResult)
    .mutation(({ ctx, input }) => upsertOrder(ctx.deps, { shopId: ctx.shop.id, order: input, actor: backendActor(ctx) })),

  upsertBatch: backendProcedure
    .meta(rest('POST', '/orders/upsert-batch', 'Create or update up to 500 orders; each is reported on its own'))
    .input(orderBatchInput)
    .output(orderBatchResult)
    .mutation(({ ctx, input }) =>
      upsertOrderBatch(ctx.deps, {
        shopId: ctx.shop.id,
        orders: input.orders,
        actor: backendActor(ctx),
        locale: ctx.locale,
        requestId: ctx.request.requestId,
      }),
    ),

  get: backendProcedure
    .meta(rest('GET', '/orders/{externalId}', 'An order by its external id, with lines and shipments'))
    .input(orderRefInput)
    .output(orderOutput)
    .query(({ ctx, input }) => getOrder(ctx.deps, { shopId: ctx.shop.id, externalId: input.externalId })),

  addShipment: backendProcedure
    .meta(rest('POST', '/orders/shipments', 'Add a parcel to an order (idempotent by tracking number)'))
    .input(shipmentInput)
    .output(shipmentAddResult)
    .mutation(({ ctx, input }) => addShipment(ctx.deps, { shopId: ctx.shop.id, shipment: input, actor: backendActor(ctx) })),

  addTrackingEvents: backendProcedure
    .meta(rest('POST', '/orders/shipments/events', 'Add carrier scans to a parcel (a scan already known is skipped)'))
    .input(trackingEventsInput)
    .output(trackingEventsResult)
    .mutation(({ ctx, input }) => addTrackingEvents(ctx.deps, { shopId: ctx.shop.id, ...input, actor: backendActor(ctx) })),

  markShipped: stepProcedure('shipped', '/orders/mark-shipped', 'Mark an order shipped'),
  markDelivered: stepProcedure('delivered', '/orders/mark-delivered', 'Mark an order delivered'),
  markReadyForPickup: stepProcedure('ready_for_pickup', '/orders/mark-ready-for-pickup', 'Mark a pickup order ready'),
  markPickedUp: stepProcedure('picked_up', '/orders/mark-picked-up', 'Mark a pickup order collected'),

  cancel: backendProcedure
    .meta(rest('POST', '/orders/cancel', 'Cancel an order'))
    .input(orderCancelInput)
    .output(orderMarkResult)
    .mutation(({ ctx, input }) =>
      markOrderStep(ctx.deps, {
        shopId: ctx.shop.id,
        externalId: input.externalId,
        step: 'cancelled',
        at: input.at,
        reason: input.reason,
        actor: backendActor(ctx),
      }),
    ),
});

/** Procedures of the orders domain: `backend.*` for the shop's system, `widget.*` for shoppers, `admin.*` for staff. */
export const ordersRouter = router({
  backend: ordersBackendRouter,
  widget: ordersWidgetRouter,
  admin: ordersAdminRouter,
});
