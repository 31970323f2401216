import { privacyCustomerRef, privacyEraseInput, privacyEraseOutput, privacyExportOutput } from '@comptoir/protocol/schemas/privacy';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { ActorType } from '../core/actor.js';
import { backendProcedure, ownerProcedure, router } from '../trpc.js';
import { eraseCustomer, exportCustomer } from './service.js';

/** The REST route of a back-end procedure under /api, in the `privacy` tag. */
function rest(method: 'GET' | 'POST', path: `/privacy${string}`, summary: string): OpenApiMeta {
  return { openapi: { method, path, protect: true, tags: ['privacy'], summary } };
}

/** Only the owner answers a shopper's GDPR request from the admin: it exposes or destroys personal data. */
const privacyAdminRouter = router({
  exportCustomer: ownerProcedure
    .input(privacyCustomerRef)
    .output(privacyExportOutput)
    .query(({ ctx, input }) =>
      exportCustomer(ctx.deps, { shopId: ctx.staff.shopId, ref: input, actor: { type: ActorType.staff, id: ctx.staff.userId } }),
    ),
  eraseCustomer: ownerProcedure
    .input(privacyEraseInput)
    .output(privacyEraseOutput)
    .mutation(({ ctx, input }) =>
      eraseCustomer(ctx.deps, {
        shopId: ctx.staff.shopId,
        ref: input,
        reason: input.reason ?? null,
        actor: { type: ActorType.staff, id: ctx.staff.userId },
      }),
    ),
});

/** The same two requests from the shop's back end (its own customer service tools), also REST under /api/privacy. */
const privacyBackendRouter = router({
  exportCustomer: backendProcedure
    .meta(rest('GET', '/privacy/customers/export', 'Export everything stored about one shopper (GDPR access and portability)'))
    .input(privacyCustomerRef)
    .output(privacyExportOutput)
    .query(({ ctx, input }) =>
      exportCustomer(ctx.deps, { shopId: ctx.shop.id, ref: input, actor: { type: ActorType.shopBackend, id: ctx.apiKeyId } }),
    ),
  eraseCustomer: backendProcedure
    .meta(rest('POST', '/privacy/customers/erase', 'Erase a shopper’s personal data, keeping the accounting records (GDPR erasure)'))
    .input(privacyEraseInput)
    .output(privacyEraseOutput)
    .mutation(({ ctx, input }) =>
      eraseCustomer(ctx.deps, {
        shopId: ctx.shop.id,
        ref: input,
        reason: input.reason ?? null,
        actor: { type: ActorType.shopBackend, id: ctx.apiKeyId },
      }),
    ),
});

/** GDPR export and erasure of a shopper's data. */
export const privacyRouter = router({ admin: privacyAdminRouter, backend: privacyBackendRouter });
