import { createApiClient } from '../controllers/api-client.js';
import type { ShopConfig, SignInResult } from '../controllers/api-types.js';
import type { Route, WidgetContext } from '../controllers/widget-context.js';
import { createTranslator, type Locale } from '../i18n/index.js';

/**
 * Test support for the components: the network is the boundary. A fake `fetch` answers the
 * widget's real API client with tRPC's HTTP envelopes, so a component test exercises the client,
 * its error mapping and the screen, and asserts what the shopper sees and what would be sent.
 * Never imported by the widget itself.
 */

/** One request the widget made, decoded. */
export interface SentCall {
  method: 'GET' | 'POST';
  path: string;
  input: unknown;
  headers: Record<string, string>;
}

/** What a procedure answers: data, or a failure with the server's stable code. */
export type Answer = { data: unknown } | { fail: string; message: string; httpStatus?: number } | { network: true };

/** A procedure's fake: an answer, or a function of the input giving one. */
export type Handler = Answer | ((input: unknown, call: SentCall) => Answer | Promise<Answer>);

/** Builds a success answer. */
export const ok = (data: unknown): Answer => ({ data });
/** Builds a failure as the server sends it (its `comptoirCode` and localised message). */
export const fail = (code: string, message: string, httpStatus = 400): Answer => ({ fail: code, message, httpStatus });
/** A request that never reached the server. */
export const networkDown: Answer = { network: true };

/** A fake `fetch` for the given procedures, recording every call; an unknown procedure fails the test loudly. */
export function fakeFetch(routes: Record<string, Handler>): { fetch: typeof fetch; calls: SentCall[] } {
  const calls: SentCall[] = [];
  const fetchImpl = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const parsed = new URL(String(url));
    const path = parsed.pathname.replace(/^\/trpc\//, '');
    const method = (init?.method ?? 'GET') as 'GET' | 'POST';
    const rawInput = method === 'GET' ? parsed.searchParams.get('input') : (init?.body as string | undefined);
    const call: SentCall = {
      method,
      path,
      input: rawInput == null ? undefined : JSON.parse(rawInput),
      headers: { ...(init?.headers as Record<string, string>) },
    };
    calls.push(call);
    const route = routes[path];
    if (!route) throw new Error(`unexpected call to ${path}`);
    const answer = typeof route === 'function' ? await route(call.input, call) : route;
    if ('network' in answer) throw new TypeError('Failed to fetch');
    if ('data' in answer) return json(200, { result: { data: answer.data } });
    const status = answer.httpStatus ?? 400;
    return json(status, { error: { message: answer.message, code: -32600, data: { comptoirCode: answer.fail, httpStatus: status } } });
  };
  return { fetch: fetchImpl as typeof fetch, calls };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** The demo shop's settings, as `shops.widget.config` answers them. */
export const testShop: ShopConfig = {
  slug: 'boutique',
  name: 'La Boutique',
  locale: 'fr',
  currency: 'EUR',
  timeZone: 'Europe/Paris',
  brandColor: null,
  logoUrl: null,
  loyaltyEnabled: true,
};

/** A widget context around the real API client and translator, recording navigation and sign-ins. */
export function testContext(locale: Locale, routes: Record<string, Handler>, shop: Partial<ShopConfig> = {}) {
  const { fetch, calls } = fakeFetch(routes);
  const navigations: Route[] = [];
  const signIns: SignInResult[] = [];
  let signOuts = 0;
  const fullShop = { ...testShop, ...shop };
  const ctx: WidgetContext = {
    api: createApiClient({ baseUrl: 'https://comptoir.test', publishableKey: 'pk_test', locale: () => locale, session: () => 'session-token', fetch, retryDelaysMs: [] }),
    t: createTranslator(locale, { currency: fullShop.currency, timeZone: fullShop.timeZone }),
    shop: fullShop,
    navigate: (route) => navigations.push(route),
    signIn: (result) => signIns.push(result),
    signOut: () => {
      signOuts++;
    },
  };
  return { ctx, calls, navigations, signIns, signOuts: () => signOuts };
}

/** A hostile string from the server: shown as text, it must never become an element. */
export const hostile = '<img src=x onerror="globalThis.__pwned=1">';

/** Places an element in the document with its properties set, and waits for its first render. */
export async function mount<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]>): Promise<HTMLElementTagNameMap[K]> {
  const element = document.createElement(tag);
  Object.assign(element, props);
  document.body.append(element);
  await settle(element);
  return element;
}

/** Lets pending fetches, tasks and renders finish (a few turns of the event loop). */
export async function settle(element?: Element): Promise<void> {
  for (let turn = 0; turn < 6; turn++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (element && 'updateComplete' in element) await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  }
}

/**
 * The text a shopper reads, spaces collapsed, nested shadow roots included (each shadow root and
 * each block-level element starts a new word, as it starts a new line on screen).
 */
export function textOf(root: Element | ShadowRoot): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) parts.push(node.textContent ?? '');
    if (node instanceof Element && ['STYLE', 'SCRIPT'].includes(node.tagName)) return;
    const isBlock = node instanceof Element && !['SPAN', 'STRONG', 'EM', 'A', 'TIME', 'B', 'I', 'SMALL'].includes(node.tagName);
    if (isBlock) parts.push(' ');
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    node.childNodes.forEach(walk);
    if (isBlock) parts.push(' ');
  };
  walk(root instanceof Element && root.shadowRoot ? root.shadowRoot : root);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** The first element matching `selector` in the element's shadow root, or throws. */
export function $<E extends Element = HTMLElement>(element: Element, selector: string): E {
  const found = element.shadowRoot?.querySelector<E>(selector);
  if (!found) throw new Error(`no ${selector} in <${element.localName}>`);
  return found;
}

/** Types into a field as a person would: sets the value and fires `input`. */
export function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Whether an element made from the hostile string exists under `element`, shadow roots included. */
export function hasInjectedElement(element: Element): boolean {
  const search = (root: ParentNode): boolean =>
    Boolean(root.querySelector('img[src="x"]')) ||
    [...root.querySelectorAll('*')].some((child) => child.shadowRoot !== null && search(child.shadowRoot));
  return search(element.shadowRoot ?? element) || (globalThis as { __pwned?: number }).__pwned !== undefined;
}

/** Picks files in a file input as a person would (the browser fills `files`, then fires `change`). */
export function pickFiles(input: HTMLInputElement, files: File[]): void {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
