import type { Context } from '../context.js';
import { DomainError } from '../core/domain-error.js';
import type { KeyContext } from './api-key-auth.js';
import { verifyShopperToken } from './shopper-token.js';

/** The signed-in shopper of a widget call. */
export interface ShopperIdentity {
  customerId: string;
}

/** Checks the `x-comptoir-session` token: valid, unexpired, and issued for this very shop. */
export function authenticateShopper(ctx: Context & KeyContext): ShopperIdentity {
  const token = ctx.request.headers['x-comptoir-session'];
  const claims = token ? verifyShopperToken(ctx.deps.secrets.shopperTokenKey, token, ctx.deps.clock.now()) : null;
  if (!claims || claims.shopId !== ctx.shop.id) throw new DomainError('SHOPPER_SESSION_REQUIRED');
  return { customerId: claims.customerId };
}
