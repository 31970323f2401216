import { z } from 'zod';
import { router, widgetProcedure } from '../trpc.js';
import { requestShopperCode, verifyShopperCode, verifyShopperLink } from './shopper-code.js';

const emailInput = z.string().trim().max(254);

/** Shopper sign-in by emailed code or link (mounted under `sessions.widget`). */
export const shopperCodeRouter = router({
  /** Emails a 6-digit code and a one-click link; the same answer whether or not the address is known. */
  requestCode: widgetProcedure
    .input(z.object({ email: emailInput }))
    .mutation(({ ctx, input }) => requestShopperCode(ctx.deps, { shopId: ctx.shop.id, email: input.email, ip: ctx.request.ip, locale: ctx.locale })),
  /** Exchanges the code for a session token (`x-comptoir-session`). */
  verifyCode: widgetProcedure
    .input(z.object({ email: emailInput, code: z.string().trim().regex(/^\d{6}$/) }))
    .mutation(({ ctx, input }) => verifyShopperCode(ctx.deps, { shopId: ctx.shop.id, email: input.email, code: input.code, ip: ctx.request.ip })),
  /** Exchanges a single-use emailed link token for a session, and says which case to open. */
  verifyLink: widgetProcedure
    .input(z.object({ token: z.string().min(20).max(200) }))
    .mutation(({ ctx, input }) => verifyShopperLink(ctx.deps, { shopId: ctx.shop.id, token: input.token })),
});
