import { z } from 'zod';
import { id, shopProfileInput, updatePolicyInput } from '@comptoir/protocol';
import { ownerProcedure, router, staffProcedure, widgetProcedure } from '../trpc.js';
import type { Actor } from '../core/actor.js';
import type { StaffIdentity } from '../auth/staff-auth.js';
import { allowedOriginsInput, getWidgetConfig, listKeys, revokeKey, rotateKey, updateAllowedOrigins } from './service.js';
import { getShopSettings, updateShopProfile } from './settings-service.js';
import { getShopPolicy, listPolicyHistory, updateShopPolicy } from './policy-service.js';

function staffActor(staff: StaffIdentity): Actor {
  return { type: 'staff', id: staff.userId };
}

/** Staff procedures: the active shop, and (owners only) its keys and allowed origins. */
const shopsAdminRouter = router({
  /** The active shop's settings. */
  get: staffProcedure.query(({ ctx }) => getShopSettings(ctx.deps, { shopId: ctx.staff.shopId })),

  /** Replaces the shop's profile (name, language, zone, country, looks, email addresses); not its currency. */
  updateProfile: ownerProcedure
    .input(shopProfileInput)
    .mutation(({ ctx, input }) => updateShopProfile(ctx.deps, { shopId: ctx.staff.shopId, profile: input, actor: staffActor(ctx.staff) })),

  /** The service policy new cases open under, with every default filled and the legal limits. */
  policy: staffProcedure.query(({ ctx }) => getShopPolicy(ctx.deps, { shopId: ctx.staff.shopId })),

  /** Saves the rules as a new version (POLICY_VERSION_CONFLICT when someone saved since `expectedVersion`). */
  updatePolicy: ownerProcedure
    .input(updatePolicyInput)
    .mutation(({ ctx, input }) =>
      updateShopPolicy(ctx.deps, { shopId: ctx.staff.shopId, expectedVersion: input.expectedVersion, rules: input.rules, actor: staffActor(ctx.staff) }),
    ),

  /** Every version of the policy, newest first, with who saved it. */
  policyHistory: staffProcedure.query(({ ctx }) => listPolicyHistory(ctx.deps, { shopId: ctx.staff.shopId })),

  /** The shop's keys without their secrets. */
  listKeys: ownerProcedure.query(({ ctx }) => listKeys(ctx.deps, { shopId: ctx.staff.shopId })),

  /** A new key of that kind, in plaintext for the only time; the old ones are revoked unless `keepOld`. */
  rotateKey: ownerProcedure
    .input(z.object({ kind: z.enum(['publishable', 'secret']), keepOld: z.boolean().default(false) }))
    .mutation(({ ctx, input }) =>
      rotateKey(ctx.deps, { shopId: ctx.staff.shopId, kind: input.kind, keepOld: input.keepOld, actor: staffActor(ctx.staff) }),
    ),

  /** Revokes one of the shop's keys. */
  revokeKey: ownerProcedure
    .input(z.object({ keyId: id }))
    .mutation(({ ctx, input }) => revokeKey(ctx.deps, { shopId: ctx.staff.shopId, keyId: input.keyId, actor: staffActor(ctx.staff) })),

  /** Replaces the origins allowed to use the publishable key. */
  updateAllowedOrigins: ownerProcedure
    .input(z.object({ origins: allowedOriginsInput }))
    .mutation(({ ctx, input }) =>
      updateAllowedOrigins(ctx.deps, { shopId: ctx.staff.shopId, origins: input.origins, actor: staffActor(ctx.staff) }),
    ),
});

/** Widget procedures of the shops domain. */
const shopsWidgetRouter = router({
  /** What the widget needs to render: the shop's name, language, currency, time zone and looks. */
  config: widgetProcedure.query(({ ctx }) => getWidgetConfig(ctx.deps, { shopId: ctx.shop.id })),
});

/** Procedures of the shops domain. */
export const shopsRouter = router({
  admin: shopsAdminRouter,
  widget: shopsWidgetRouter,
});
