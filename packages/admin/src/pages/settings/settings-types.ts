import type { Outputs } from '../../trpc.js';

/** The active shop as `shops.admin.get` answers it. */
export type ShopSettings = Outputs['shops']['admin']['get'];
/** The service policy as `shops.admin.policy` answers it. */
export type ShopPolicy = Outputs['shops']['admin']['policy'];
/** One saved version of the policy (`shops.admin.policyHistory`). */
export type PolicyVersion = Outputs['shops']['admin']['policyHistory'][number];
/** A saved reply (`savedReplies.admin.list`). */
export type SavedReply = Outputs['savedReplies']['admin']['list'][number];
/** The shop's Stripe connection as `payments.admin.stripe` answers it (never the keys). */
export type StripeConnection = Outputs['payments']['admin']['stripe'];
/** One shop platform's connection (`platforms.admin.list`), never its secret. */
export type PlatformConnection = Outputs['platforms']['admin']['list'][number];
