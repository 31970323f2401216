import { LitElement, css, html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { LocaleController, t } from './i18n/index.js';
import { publicRoutes, RouteController, type Route } from './router.js';
import { session, SessionController, SessionStatus } from './session.js';
import { errorMessageOf } from './trpc.js';
import { controls, tokens } from './components/styles.js';
import './components/app-shell.js';
import './pages/auth/login-page.js';
import './pages/auth/forgot-password-page.js';
import './pages/auth/set-password-page.js';
import './pages/inbox/inbox-page.js';
import './pages/staff/staff-page.js';
import './pages/keys/keys-page.js';
import './pages/cases/return-case-page.js';
import './pages/cases/ticket-case-page.js';
import './pages/cases/claim-case-page.js';
import './pages/counter/counter-page.js';
import './pages/webhooks/webhooks-page.js';
import './pages/emails/emails-page.js';
import './pages/emails/email-detail-page.js';
import './pages/loyalty/loyalty-page.js';
import './pages/dashboard/dashboard-page.js';
import './pages/orders/orders-page.js';
import './pages/orders/order-detail-page.js';
import './pages/audit/audit-page.js';
import { settingsTabOf } from './pages/settings/settings-tab.js';

/**
 * The settings screen, loaded when first visited: its forms validate with the protocol's zod
 * schemas, which no other screen needs, so the admin starts without them.
 */
let settingsPageModule: Promise<unknown> | null = null;

/**
 * The Comptoir admin: picks the screen from the URL fragment and the session. Links from messages
 * (invitation, reset) work signed in or not; every other screen needs a session.
 */
export class ComptoirAdmin extends LitElement {
  static override properties = {
    startupError: { state: true },
    lazyError: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      .center {
        padding: 2rem 1rem;
        text-align: center;
      }
    `,
  ];

  declare startupError: string;
  /** A screen loaded on demand could not be fetched (a new version deployed meanwhile, or offline). */
  declare lazyError: string;

  private readonly router = new RouteController(this);
  private readonly sessionState = new SessionController(this);
  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.startupError = '';
    this.lazyError = '';
  }

  /** Starts loading the settings screen once; the element upgrades in place when it arrives. */
  private loadSettingsPage(): void {
    settingsPageModule ??= import('./pages/settings/settings-page.js').catch((error: unknown) => {
      settingsPageModule = null;
      this.lazyError = errorMessageOf(error);
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    session.refresh().catch((error: unknown) => {
      this.startupError = errorMessageOf(error);
    });
  }

  private renderPublic(route: Route) {
    switch (route.name) {
      case 'forgot':
        return html`<comptoir-forgot-password-page></comptoir-forgot-password-page>`;
      case 'accept':
      case 'reset':
        return keyed(
          route.name,
          html`<comptoir-set-password-page
            .mode=${route.name}
            .token=${route.params.get('token') ?? ''}
            .hasAccount=${route.params.get('account') === 'existing'}
          ></comptoir-set-password-page>`,
        );
      default: {
        const done = route.params.get('done');
        const email = route.params.get('email') ?? '';
        const notices = { accept: 'accept.done', joined: 'accept.existing.done', reset: 'reset.done' } as const;
        const notice = done && Object.hasOwn(notices, done) ? t(notices[done as keyof typeof notices], { email }) : '';
        return html`<comptoir-login-page .email=${email} .notice=${notice}></comptoir-login-page>`;
      }
    }
  }

  private renderPage(route: Route) {
    const me = this.sessionState.me!;
    switch (route.name) {
      case 'staff':
        return me.activeShop.role === 'owner'
          ? keyed(me.activeShop.id, html`<comptoir-staff-page></comptoir-staff-page>`)
          : html`<p class="alert error" role="alert">${t('staff.ownerOnly')}</p>`;
      case 'keys':
        return me.activeShop.role === 'owner'
          ? keyed(me.activeShop.id, html`<comptoir-keys-page></comptoir-keys-page>`)
          : html`<p class="alert error" role="alert">${t('keys.ownerOnly')}</p>`;
      case 'webhooks':
        return me.activeShop.role === 'owner'
          ? keyed(me.activeShop.id, html`<comptoir-webhooks-page></comptoir-webhooks-page>`)
          : html`<p class="alert error" role="alert">${t('webhooks.ownerOnly')}</p>`;
      case 'emails': {
        const id = route.params.get('id');
        return id
          ? keyed(`${me.activeShop.id}:${id}`, html`<comptoir-email-detail-page .emailId=${id}></comptoir-email-detail-page>`)
          : keyed(me.activeShop.id, html`<comptoir-emails-page></comptoir-emails-page>`);
      }
      case 'loyalty':
        return keyed(me.activeShop.id, html`<comptoir-loyalty-page></comptoir-loyalty-page>`);
      case 'counter':
        return keyed(me.activeShop.id, html`<comptoir-counter-page></comptoir-counter-page>`);
      case 'dashboard':
        return keyed(me.activeShop.id, html`<comptoir-dashboard-page></comptoir-dashboard-page>`);
      case 'settings':
        if (this.lazyError) return html`<p class="alert error" role="alert">${this.lazyError}</p>`;
        this.loadSettingsPage();
        return keyed(me.activeShop.id, html`<comptoir-settings-page .tab=${settingsTabOf(route.params.get('tab'))}></comptoir-settings-page>`);
      case 'audit':
        return keyed(me.activeShop.id, html`<comptoir-audit-page></comptoir-audit-page>`);
      case 'orders':
        return keyed(me.activeShop.id, html`<comptoir-orders-page></comptoir-orders-page>`);
      case 'order': {
        const id = route.params.get('id') ?? '';
        return keyed(`${me.activeShop.id}:${id}`, html`<comptoir-order-detail-page .orderId=${id}></comptoir-order-detail-page>`);
      }
      case 'case': {
        const id = route.params.get('id') ?? '';
        if (route.params.get('type') === 'return' && id) {
          return keyed(`${me.activeShop.id}:${id}`, html`<comptoir-return-case-page .returnId=${id}></comptoir-return-case-page>`);
        }
        if (route.params.get('type') === 'claim' && id) {
          return keyed(`${me.activeShop.id}:${id}`, html`<comptoir-claim-case-page .claimId=${id}></comptoir-claim-case-page>`);
        }
        if (route.params.get('type') === 'ticket' && id) {
          return keyed(`${me.activeShop.id}:${id}`, html`<comptoir-ticket-case-page .ticketId=${id}></comptoir-ticket-case-page>`);
        }
        return html`<p class="alert error" role="alert">${t('case.unsupported')}</p><p><a href="#/inbox">${t('case.back')}</a></p>`;
      }
      default:
        return keyed(me.activeShop.id, html`<comptoir-inbox-page></comptoir-inbox-page>`);
    }
  }

  override render() {
    void this.locale;
    const route = this.router.route;
    if (route.name === 'forgot' || route.name === 'accept' || route.name === 'reset') return this.renderPublic(route);
    if (this.startupError) return html`<p class="center alert error" role="alert">${this.startupError}</p>`;
    switch (this.sessionState.status) {
      case SessionStatus.checking:
        return html`<p class="center muted" role="status">${t('app.loading')}</p>`;
      case SessionStatus.signedOut:
        return this.renderPublic(route);
      default: {
        const shown = publicRoutes.has(route.name) ? { ...route, name: 'inbox' as const } : route;
        return html`<comptoir-app-shell .me=${this.sessionState.me!} .route=${shown.name === 'case' ? 'inbox' : shown.name === 'order' ? 'orders' : shown.name}>${this.renderPage(shown)}</comptoir-app-shell>`;
      }
    }
  }
}

customElements.define('comptoir-admin', ComptoirAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-admin': ComptoirAdmin;
  }
}
