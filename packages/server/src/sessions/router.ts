import { mergeRouters, router, shopperProcedure, widgetProcedure } from '../trpc.js';
import { shopperCodeRouter } from '../notifications/shopper-code-router.js';
import { getShopper, shopperSignInInput, signInShopper } from './service.js';

/** Shopper sessions in the widget. */
const sessionsWidgetRouter = router({
  /** Signs in with an order number and its email; the token goes in `x-comptoir-session`. */
  signIn: widgetProcedure
    .input(shopperSignInInput)
    .mutation(({ ctx, input }) =>
      signInShopper(ctx.deps, { shopId: ctx.shop.id, ip: ctx.request.ip, orderNumber: input.orderNumber, email: input.email }),
    ),

  /** The signed-in shopper (name and masked email). */
  me: shopperProcedure.query(({ ctx }) => getShopper(ctx.deps, { shopId: ctx.shop.id, customerId: ctx.shopper.customerId })),
});

/** Procedures of the sessions domain: sign-in by order number, or by a code or link sent by email. */
export const sessionsRouter = router({
  widget: mergeRouters(sessionsWidgetRouter, shopperCodeRouter),
});
