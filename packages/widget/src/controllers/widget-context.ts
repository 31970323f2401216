import type { Translator } from '../i18n/index.js';
import { ApiError, type ApiClient } from './api-client.js';
import type { ShopConfig, SignInResult } from './api-types.js';

/** A screen of the widget. */
export type Route =
  | { name: 'sign-in' }
  | { name: 'orders' }
  | { name: 'order'; number: string }
  | { name: 'return-request'; number: string }
  | { name: 'claim-request'; number: string }
  | { name: 'return'; number: string; id: string };

/** The screen a back button leads to. */
export function parentRoute(route: Route): Route {
  return route.name === 'return-request' || route.name === 'return' || route.name === 'claim-request'
    ? { name: 'order', number: route.number }
    : { name: 'orders' };
}

/** What every screen gets from `<comptoir-widget>`: the API, the texts, the shop and navigation. */
export interface WidgetContext {
  api: ApiClient;
  t: Translator;
  shop: ShopConfig;
  navigate(route: Route): void;
  signIn(result: SignInResult): void;
  signOut(): void;
}

/** Parses a view name (`orders`, `order/1042`) into a route. */
export function routeFromView(view: string | null | undefined): Route {
  const match = /^order\/(.{1,64})$/.exec(view ?? '');
  return match?.[1] ? { name: 'order', number: decodeURIComponent(match[1]) } : { name: 'orders' };
}

/** The message to show for a failed call: the server's own, or one about the connection. */
export function describeError(error: unknown, t: Translator): string {
  if (error instanceof ApiError) {
    if (error.failure === 'offline') return t.t('offline');
    if (error.failure === 'network') return t.t('networkError');
    if (error.message) return error.message;
  }
  return t.t('unknownError');
}
