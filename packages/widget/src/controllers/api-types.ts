import type { AppRouter } from '@comptoir/server/router';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

/**
 * What the widget reads from the server's widget procedures, derived from the router's own types
 * (type-only: no server code reaches the bundle), so a change of the API breaks the widget's build
 * instead of its screens. Without a transformer, dates travel as ISO strings.
 */
type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;

/** A value as it arrives through JSON. */
export type Json<T> = T extends Date
  ? string
  : T extends ReadonlyArray<infer U>
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

/** `shops.widget.config`. */
export type ShopConfig = Json<Outputs['shops']['widget']['config']>;
/** `sessions.widget.signIn`'s input and result. */
export type SignInInput = Inputs['sessions']['widget']['signIn'];
export type SignInResult = Json<Outputs['sessions']['widget']['signIn']>;
/** `orders.widget.list`. */
export type OrderPage = Json<Outputs['orders']['widget']['list']>;
export type OrderSummary = OrderPage['orders'][number];
/** `orders.widget.detail`. */
export type OrderDetail = Json<Outputs['orders']['widget']['detail']>;
export type ShipmentView = OrderDetail['shipments'][number];
export type OrderLineView = OrderDetail['lines'][number];
