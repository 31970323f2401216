import { LitElement, html, css, nothing } from 'lit';
import { Task } from '@lit/task';
import { createApiClient, ApiError, type ApiClient } from './controllers/api-client.js';
import type { LinkSignInResult, ShopConfig, SignInResult } from './controllers/api-types.js';
import { SessionStore } from './controllers/session-store.js';
import { describeError, parentRoute, routeFromCase, routeFromView, type Route, type WidgetContext } from './controllers/widget-context.js';
import { emit } from './events.js';
import { chooseLocale, createTranslator, type Translator } from './i18n/index.js';
import { controls, tokens } from './components/styles.js';
import './components/panel/panel.js';
import './components/sign-in/sign-in.js';
import './components/order-list/order-list.js';
import './components/order-detail/order-detail.js';

/** The server this module was served from: the default API of a script-tag install. */
const servedFrom = (() => {
  try {
    const url = new URL(import.meta.url);
    return url.protocol.startsWith('http') ? url.origin : '';
  } catch {
    return '';
  }
})();

/** A 6- or 3-digit hex colour, and whether white or near-black text reads better on it. */
function brandColors(color: string | null | undefined): { accent: string; onAccent: string } | null {
  if (!color || !/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(color)) return null;
  const hex = color.length === 4 ? color.replace(/[0-9a-f]/gi, '$&$&').slice(1) : color.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return { accent: color, onAccent: (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) ? '#1f1d1a' : '#fff' };
}

/**
 * The Comptoir widget: a shop's after-sales service for its shoppers. Placed in a page it renders
 * inline; with `floating` (how the script-tag loader uses it) it renders as a modal panel shown
 * while `open` is set.
 *
 * @fires comptoir-ready - the shop's settings are loaded
 * @fires comptoir-open - the floating panel opened
 * @fires comptoir-close - the floating panel closed
 * @fires comptoir-signed-in - a shopper signed in
 * @fires comptoir-signed-out - the shopper signed out or their session ended
 * @fires comptoir-return-requested - a return was registered (from the return screen, loaded on demand)
 * @fires comptoir-ticket-opened - the shopper opened a ticket (from the tickets screen, loaded on demand)
 * @fires comptoir-points-redeemed - the shopper turned points into a voucher (from the loyalty screen, loaded on demand)
 * @csspart panel - the floating panel (`comptoir-panel`)
 * @csspart inline - the inline container
 * @csspart form, input, button, error, order, status, line, timeline, pickup - parts of the screens
 * @cssproperty --comptoir-accent - brand colour (defaults to the shop's)
 * @cssproperty --comptoir-on-accent - text on the brand colour
 * @cssproperty --comptoir-bg, --comptoir-surface, --comptoir-text, --comptoir-muted, --comptoir-border
 * @cssproperty --comptoir-danger, --comptoir-focus, --comptoir-radius, --comptoir-font
 */
export class ComptoirWidget extends LitElement {
  static override properties = {
    key: {},
    lang: {},
    view: {},
    api: {},
    floating: { type: Boolean, reflect: true },
    open: { type: Boolean, reflect: true },
    route: { state: true },
    isLinking: { state: true },
    linkError: { state: true },
    isChunkMissing: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      :host([floating]) {
        display: contents;
      }
      .inline {
        max-width: 40rem;
        padding: 1rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
      }
      .bar {
        display: flex;
        justify-content: space-between;
        gap: 0.5rem;
        margin-bottom: 1rem;
      }
      .bar .button {
        min-height: 44px;
      }
      .signout {
        margin-top: 1.5rem;
      }
      .menu {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-bottom: 1rem;
      }
      .menu .button {
        flex: 1 1 8rem;
        padding-inline: 0.75rem;
      }
      .menu [aria-current='page'] {
        border: 2px solid var(--_accent);
      }
    `,
  ];

  /** The shop's publishable key (`pk_…`). */
  declare key: string;
  /** `fr` or `en`; when absent, the shop's locale then the browser's. */
  declare lang: string;
  /** The first screen: `orders` (default) or `order/<number>`. */
  declare view: string;
  /** The Comptoir server's origin; by default the one this script was served from. */
  declare api: string;
  declare floating: boolean;
  declare open: boolean;
  declare route: Route;
  declare isLinking: boolean;
  declare linkError: string;
  /** The current screen's code could not be fetched (offline, server down): say so and offer to retry. */
  declare isChunkMissing: boolean;

  private session: SessionStore | null = null;
  private client: ApiClient | null = null;
  private clientKey = '';

  constructor() {
    super();
    this.key = '';
    this.lang = '';
    this.view = 'orders';
    this.api = '';
    this.floating = false;
    this.open = false;
    this.route = { name: 'orders' };
    this.isLinking = false;
    this.linkError = '';
    this.isChunkMissing = false;
  }

  private readonly shop = new Task(this, {
    task: async ([key]) => {
      if (!key) throw new ApiError('', 'server', 'MISSING_API_KEY');
      const config = await this.apiClient().query<ShopConfig>('shops.widget.config');
      const colors = brandColors(config.brandColor);
      if (colors) {
        this.style.setProperty('--comptoir-accent', colors.accent);
        this.style.setProperty('--comptoir-on-accent', colors.onAccent);
      }
      emit(this, 'comptoir-ready', { locale: this.translatorFor(config).locale });
      return config;
    },
    args: () => [this.key] as const,
  });

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('view')) this.route = this.guard(routeFromView(this.view));
    if (changed.has('key')) this.route = this.guard(this.route);
    if (changed.has('open') && this.floating) {
      if (this.open && changed.get('open') !== true) emit(this, 'comptoir-open', { view: this.route.name });
      else if (!this.open && changed.get('open') === true) emit(this, 'comptoir-close', {});
    }
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    // A new screen replaced the one that had focus: the panel keeps it inside.
    if (changed.has('route') && this.floating && this.open) this.renderRoot.querySelector('comptoir-panel')?.holdFocus();
  }

  override render() {
    const fallback = createTranslator(chooseLocale(this.lang, null, navigator.languages), {
      currency: 'EUR',
      timeZone: 'Europe/Paris',
    });
    const content = this.shop.render({
      pending: () => html`<div class="skeleton" aria-busy="true" aria-label=${fallback.t('loading')}></div>`,
      error: (error) =>
        html`<div class="error" part="error" role="alert">
          <p>${describeError(error, fallback)}</p>
          <button class="button secondary" part="button" @click=${() => this.shop.run()}>${fallback.t('retry')}</button>
        </div>`,
      complete: (shop) => this.renderScreen(this.contextFor(shop)),
    });
    const shop = this.shop.value;
    const t = shop ? this.translatorFor(shop) : fallback;
    if (!this.floating) return html`<div class="inline" part="inline" lang=${t.locale}>${content}</div>`;
    return html`<comptoir-panel
      part="panel"
      exportparts="dialog,header,body,close-button,back-button"
      lang=${t.locale}
      .open=${this.open}
      .heading=${shop?.name ?? t.t('panelTitle')}
      .logoUrl=${shop?.logoUrl && /^https?:\/\//.test(shop.logoUrl) ? shop.logoUrl : null}
      .closeLabel=${t.t('close')}
      .backLabel=${t.t('back')}
      .canGoBack=${this.route.name !== 'orders' && this.route.name !== 'sign-in'}
      @panel-close=${() => (this.open = false)}
      @panel-back=${() => this.navigate(parentRoute(this.route))}
      >${this.open ? content : nothing}</comptoir-panel
    >`;
  }

  private renderScreen(ctx: WidgetContext) {
    const route = this.route;
    const parts = 'form,input,button,error,order,status,line,timeline,pickup';
    if (this.isLinking) return html`<div class="skeleton" aria-busy="true" aria-label=${ctx.t.t('loading')}></div>`;
    if (route.name === 'sign-in') {
      return html`${this.linkError ? html`<div class="error" part="error" role="alert"><p>${this.linkError}</p></div>` : nothing}
        <comptoir-sign-in exportparts=${parts} .ctx=${ctx} .shouldFocus=${this.floating}></comptoir-sign-in>`;
    }
    const screen = this.isChunkMissing
      ? html`<div class="error" part="error" role="alert">
          <p>${ctx.t.t(navigator.onLine === false ? 'offline' : 'networkError')}</p>
          <button class="button secondary" part="button" @click=${() => (this.isChunkMissing = false)}>${ctx.t.t('retry')}</button>
        </div>`
      : this.renderLazyScreen(ctx, route, parts);
    if (screen) {
      const parent = parentRoute(route);
      return html`${this.floating
          ? nothing
          : html`<div class="bar">
              <button class="button secondary" part="button" @click=${() => this.navigate(parent)}>← ${ctx.t.t('back')}</button>
            </div>`}
        ${screen}`;
    }
    const signOut = html`<button class="button secondary signout" part="button" @click=${ctx.signOut}>${ctx.t.t('signOut')}</button>`;
    if (route.name === 'order') {
      return html`${this.floating
          ? nothing
          : html`<div class="bar">
              <button class="button secondary" part="button" @click=${() => this.navigate({ name: 'orders' })}>
                ← ${ctx.t.t('back')}
              </button>
            </div>`}
        <comptoir-order-detail exportparts=${parts} .ctx=${ctx} .number=${route.number}></comptoir-order-detail>
        ${signOut}`;
    }
    return html`<nav class="menu" aria-label=${ctx.t.t('homeMenu')}>
        <button class="button secondary" part="button" aria-current="page">${ctx.t.t('ordersTitle')}</button>
        <button class="button secondary" part="button" @click=${() => this.navigate({ name: 'tickets' })}>${ctx.t.t('myRequests')}</button>
        ${ctx.shop.loyaltyEnabled
          ? html`<button class="button secondary" part="button" @click=${() => this.navigate({ name: 'loyalty' })}>${ctx.t.t('myPoints')}</button>`
          : nothing}
      </nav>
      <comptoir-order-list exportparts=${parts} .ctx=${ctx}></comptoir-order-list>${signOut}`;
  }

  /** The screens loaded on demand, each group its own chunk fetched the first time one is shown; null for the others. */
  private renderLazyScreen(ctx: WidgetContext, route: Route, parts: string) {
    const load = (chunk: Promise<unknown>) =>
      void chunk.catch((error: unknown) => {
        console.warn('[comptoir] screen', error);
        this.isChunkMissing = true;
      });
    switch (route.name) {
      case 'return':
        load(import('./components/returns.js'));
        return html`<comptoir-return-case exportparts=${parts} .ctx=${ctx} .returnId=${route.id}></comptoir-return-case>`;
      case 'claim-request':
        load(import('./components/returns.js'));
        return html`<comptoir-claim-flow exportparts=${parts} .ctx=${ctx} .number=${route.number}></comptoir-claim-flow>`;
      case 'return-request':
        load(import('./components/returns.js'));
        return html`<comptoir-return-flow exportparts=${parts} .ctx=${ctx} .number=${route.number}></comptoir-return-flow>`;
      case 'claim':
        load(import('./components/returns.js'));
        return html`<comptoir-claim-case exportparts=${parts} .ctx=${ctx} .claimId=${route.id} .isNew=${route.isNew ?? false}></comptoir-claim-case>`;
      case 'tickets':
        load(import('./components/tickets.js'));
        return html`<comptoir-ticket-list exportparts=${parts} .ctx=${ctx}></comptoir-ticket-list>`;
      case 'ticket-new':
        load(import('./components/tickets.js'));
        return html`<comptoir-ticket-form exportparts=${parts} .ctx=${ctx} .number=${route.number ?? ''}></comptoir-ticket-form>`;
      case 'ticket':
        load(import('./components/tickets.js'));
        return html`<comptoir-ticket-thread exportparts=${parts} .ctx=${ctx} .ticketId=${route.id}></comptoir-ticket-thread>`;
      case 'loyalty':
        load(import('./components/loyalty/loyalty.js'));
        return html`<comptoir-loyalty exportparts=${parts} .ctx=${ctx}></comptoir-loyalty>`;
      default:
        return null;
    }
  }

  /**
   * Signs in with the single-use token of an emailed link (`#comptoir-link=`, read by the loader),
   * then opens the case the link points to. A used or expired link shows the sign-in form with why.
   */
  async signInWithLink(token: string): Promise<void> {
    if (!this.key || this.isLinking) return;
    this.isLinking = true;
    this.linkError = '';
    try {
      const result = await this.apiClient().mutation<LinkSignInResult>('sessions.widget.verifyLink', { token });
      this.pendingRoute = routeFromCase(result.opens) ?? this.pendingRoute;
      this.signIn(result);
    } catch (error) {
      this.linkError = describeError(error, this.contextCache?.ctx.t ?? createTranslator(chooseLocale(this.lang, null, navigator.languages), { currency: 'EUR', timeZone: 'UTC' }));
      this.route = { name: 'sign-in' };
    } finally {
      this.isLinking = false;
    }
  }

  private contextCache: { shop: ShopConfig; lang: string; ctx: WidgetContext } | null = null;

  /** One context object per shop and language, so screens re-fetch only when one of them changes. */
  private contextFor(shop: ShopConfig): WidgetContext {
    if (this.contextCache?.shop === shop && this.contextCache.lang === this.lang) return this.contextCache.ctx;
    const ctx: WidgetContext = {
      api: this.apiClient(),
      t: this.translatorFor(shop),
      shop,
      navigate: (route) => this.navigate(route),
      signIn: (result) => this.signIn(result),
      signOut: () => this.signOut(false),
    };
    this.contextCache = { shop, lang: this.lang, ctx };
    return ctx;
  }

  private translatorFor(shop: ShopConfig): Translator {
    return createTranslator(chooseLocale(this.lang, shop.locale, navigator.languages), {
      currency: shop.currency,
      timeZone: shop.timeZone,
    });
  }

  private apiClient(): ApiClient {
    const baseUrl = (this.api || servedFrom).replace(/\/+$/, '');
    const clientKey = `${baseUrl} ${this.key}`;
    if (!this.client || this.clientKey !== clientKey) {
      this.session = new SessionStore(this.key);
      const session = this.session;
      const client = createApiClient({
        baseUrl,
        publishableKey: this.key,
        locale: () => this.contextCache?.ctx.t.locale ?? chooseLocale(this.lang, null, navigator.languages),
        session: () => session.get()?.token ?? null,
      });
      // An expired or refused session sends the shopper back to the sign-in screen.
      const onSessionLost = (error: unknown): never => {
        if (error instanceof ApiError && error.code === 'SHOPPER_SESSION_REQUIRED') this.signOut(true);
        throw error;
      };
      this.client = {
        query: <T>(path: string, input?: unknown) => client.query<T>(path, input).catch(onSessionLost),
        mutation: <T>(path: string, input?: unknown) => client.mutation<T>(path, input).catch(onSessionLost),
      };
      this.clientKey = clientKey;
    }
    return this.client!;
  }

  /** Goes to a screen; screens that need a session wait behind the sign-in screen. */
  navigate(route: Route): void {
    this.isChunkMissing = false;
    this.route = this.guard(route);
  }

  private pendingRoute: Route | null = null;

  private guard(route: Route): Route {
    if (route.name === 'sign-in' || !this.key) return route;
    this.apiClient();
    if (this.session?.get()) return route;
    this.pendingRoute = route;
    return { name: 'sign-in' };
  }

  private signIn(result: SignInResult) {
    this.session?.set({ token: result.token, expiresAt: result.expiresAt });
    this.linkError = '';
    emit(this, 'comptoir-signed-in', {});
    this.route = this.pendingRoute ?? { name: 'orders' };
    this.pendingRoute = null;
  }

  /** Forgets the session; when it was lost rather than ended, signing in again returns here. */
  private signOut(isReturning: boolean) {
    const wasSignedIn = Boolean(this.session?.get());
    this.session?.clear();
    if (wasSignedIn || isReturning) emit(this, 'comptoir-signed-out', {});
    this.pendingRoute = isReturning && this.route.name !== 'sign-in' ? this.route : null;
    this.route = { name: 'sign-in' };
  }
}

if (!customElements.get('comptoir-widget')) customElements.define('comptoir-widget', ComptoirWidget);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-widget': ComptoirWidget;
  }
}
