import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The admin's screens, addressed in the URL fragment (`#/staff`), so the server needs no routes. */
export const RouteName = {
  login: 'login',
  forgot: 'forgot',
  accept: 'accept',
  reset: 'reset',
  inbox: 'inbox',
  case: 'case',
  counter: 'counter',
  staff: 'staff',
  keys: 'keys',
  webhooks: 'webhooks',
  emails: 'emails',
  loyalty: 'loyalty',
  dashboard: 'dashboard',
  orders: 'orders',
  order: 'order',
  audit: 'audit',
  settings: 'settings',
} as const;
export type RouteName = (typeof RouteName)[keyof typeof RouteName];

/** Screens reachable without a session (links from emails, sign-in). */
export const publicRoutes: ReadonlySet<RouteName> = new Set(['login', 'forgot', 'accept', 'reset']);

/** The current screen and its query parameters. */
export interface Route {
  name: RouteName;
  params: URLSearchParams;
}

/** Reads the route from a fragment such as `#/accept?token=…`; unknown paths lead to the inbox. */
export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const name = (Object.values(RouteName) as string[]).includes(path) ? (path as RouteName) : RouteName.inbox;
  return { name, params: new URLSearchParams(query) };
}

/** Goes to a screen. */
export function navigate(name: RouteName, params?: Record<string, string>): void {
  const query = params ? `?${new URLSearchParams(params).toString()}` : '';
  location.hash = `#/${name}${query}`;
}

/** Keeps its host's `route` in step with the URL fragment. */
export class RouteController implements ReactiveController {
  route: Route = parseRoute(location.hash);
  private readonly listener = () => {
    this.route = parseRoute(location.hash);
    this.host.requestUpdate();
  };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.listener);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.listener);
  }
}
