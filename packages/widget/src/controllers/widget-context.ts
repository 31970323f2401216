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
  | { name: 'return'; number: string; id: string }
  /** A claim as the shopper follows it; `isNew` right after opening it. `number` may be empty (from an email link). */
  | { name: 'claim'; number: string; id: string; isNew?: boolean }
  | { name: 'tickets' }
  /** The form of a new ticket, about an order when `number` is set. */
  | { name: 'ticket-new'; number?: string }
  | { name: 'ticket'; id: string; number?: string }
  | { name: 'loyalty' };

/** The screen a back button leads to. */
export function parentRoute(route: Route): Route {
  switch (route.name) {
    case 'return-request':
    case 'return':
    case 'claim-request':
    case 'claim':
      return route.number ? { name: 'order', number: route.number } : { name: 'orders' };
    case 'ticket-new':
    case 'ticket':
      return route.number ? { name: 'order', number: route.number } : { name: 'tickets' };
    default:
      return { name: 'orders' };
  }
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

/**
 * Parses a view name into a route: `orders`, `order/1042`, `tickets`, `ticket/<id>`, `claim/<id>`,
 * `loyalty`; anything else (`returns` included: a return starts from its order) is the orders.
 */
export function routeFromView(view: string | null | undefined): Route {
  const [, name, value] = /^([a-z]+)(?:\/(.{1,64}))?$/.exec(view ?? '') ?? [];
  if (name === 'tickets' || name === 'loyalty') return { name };
  if (value) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(value);
    } catch {
      return { name: 'orders' };
    }
    if (name === 'order') return { name: 'order', number: decoded };
    if (name === 'ticket') return { name: 'ticket', id: decoded };
    if (name === 'claim') return { name: 'claim', number: '', id: decoded };
  }
  return { name: 'orders' };
}

/** The screen an emailed link opens (`opens` of `sessions.widget.verifyLink`), or null for the home. */
export function routeFromCase(opens: { caseType: string; caseId: string } | null | undefined): Route | null {
  switch (opens?.caseType) {
    case 'return':
      return { name: 'return', number: '', id: opens.caseId };
    case 'claim':
      return { name: 'claim', number: '', id: opens.caseId };
    case 'ticket':
      return { name: 'ticket', id: opens.caseId };
    case 'loyalty':
      return { name: 'loyalty' };
    case 'order':
      return { name: 'order', number: opens.caseId };
    default:
      return null;
  }
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
