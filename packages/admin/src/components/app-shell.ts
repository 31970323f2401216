import { LitElement, css, html, nothing } from 'lit';
import { formatDateTime, LocaleController, t, type MessageKey } from '../i18n/index.js';
import type { RouteName } from '../router.js';
import { session } from '../session.js';
import { api, errorMessageOf, type StaffOverview } from '../trpc.js';
import { controls, tokens } from './styles.js';
import './language-switcher.js';

type PendingInvitation = StaffOverview['invitations'][number];

interface NavItem {
  route: RouteName;
  label: MessageKey;
  isOwnerOnly: boolean;
}

const navItems: readonly NavItem[] = [
  { route: 'inbox', label: 'nav.inbox', isOwnerOnly: false },
  { route: 'dashboard', label: 'nav.dashboard', isOwnerOnly: false },
  { route: 'orders', label: 'nav.orders', isOwnerOnly: false },
  { route: 'counter', label: 'nav.counter', isOwnerOnly: false },
  { route: 'staff', label: 'nav.staff', isOwnerOnly: true },
  { route: 'keys', label: 'nav.keys', isOwnerOnly: true },
  { route: 'webhooks', label: 'nav.webhooks', isOwnerOnly: true },
  { route: 'emails', label: 'nav.emails', isOwnerOnly: false },
  { route: 'loyalty', label: 'nav.loyalty', isOwnerOnly: false },
  { route: 'audit', label: 'nav.audit', isOwnerOnly: false },
  { route: 'settings', label: 'nav.settings', isOwnerOnly: false },
];

/**
 * The frame of the signed-in admin: the active shop (with a switcher for people in several shops),
 * the navigation (owners also see team, keys and webhooks), the language, sign-out; the page goes in the slot.
 * On a phone the navigation is a row of tabs under the header; from 48rem it is a side bar.
 *
 * Invitations from other shops waiting for the person's answer show above the page, each joined
 * with one click.
 *
 * @slot - the current page
 * @csspart header - the top bar
 * @csspart nav - the navigation
 * @csspart invitations - the pending invitations
 */
export class ComptoirAppShell extends LitElement {
  static override properties = {
    me: { attribute: false },
    route: {},
    error: { state: true },
    joined: { state: true },
    isJoining: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: grid;
        min-height: 100vh;
        /* minmax(0, …): the row of tabs scrolls inside the phone's width instead of widening the page. */
        grid-template-columns: minmax(0, 1fr);
        grid-template-rows: auto auto 1fr;
        background: var(--_bg);
      }
      .skip {
        position: absolute;
        left: -999px;
      }
      .skip:focus {
        left: 1rem;
        top: 1rem;
        z-index: 1;
        background: var(--_surface);
        padding: 0.5rem;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        padding: 0.5rem 1rem;
        background: var(--_surface);
        border-bottom: 1px solid var(--_border);
      }
      .brand {
        font-weight: 800;
        color: var(--_accent);
        margin: 0;
      }
      .shop {
        flex: 1 1 10rem;
        min-width: 0;
        display: flex;
        align-items: center;
        gap: 0.4rem;
      }
      .shop strong {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .shop select {
        width: auto;
        max-width: 100%;
        min-height: 40px;
        padding: 0.3rem 0.5rem;
      }
      .tools {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
      }
      .tools button {
        min-height: 40px;
        padding: 0.3rem 0.75rem;
      }
      nav ul {
        display: flex;
        gap: 0.25rem;
        margin: 0;
        padding: 0 0.5rem;
        list-style: none;
        overflow-x: auto;
        background: var(--_surface);
        border-bottom: 1px solid var(--_border);
      }
      nav a {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        padding: 0 0.75rem;
        color: var(--_text);
        text-decoration: none;
        border-bottom: 3px solid transparent;
        white-space: nowrap;
      }
      nav a[aria-current='page'] {
        border-bottom-color: var(--_accent);
        font-weight: 700;
      }
      main {
        padding: 1rem;
        min-width: 0;
      }
      .invitations {
        margin-bottom: 1rem;
      }
      .invitations h2 {
        margin: 0 0 0.5rem;
        font-size: 1.05rem;
      }
      .invitations ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      .invitations li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
      }
      @media (min-width: 48rem) {
        :host {
          grid-template-columns: 14rem minmax(0, 1fr);
          grid-template-rows: auto 1fr;
        }
        header {
          grid-column: 1 / -1;
        }
        nav ul {
          flex-direction: column;
          padding: 1rem 0.5rem;
          height: 100%;
          border-bottom: 0;
          border-right: 1px solid var(--_border);
        }
        nav a {
          border-bottom: 0;
          border-left: 3px solid transparent;
          width: 100%;
        }
        nav a[aria-current='page'] {
          border-left-color: var(--_accent);
        }
        main {
          padding: 1.5rem 2rem;
          max-width: 64rem;
        }
      }
    `,
  ];

  /** The signed-in person (from `staff.me`). */
  declare me: StaffOverview;
  /** The current page, to mark it in the navigation. */
  declare route: RouteName;
  declare error: string;
  /** The shop just joined from an invitation, to offer opening it. */
  declare joined: PendingInvitation['shop'] | null;
  declare isJoining: boolean;

  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.route = 'inbox';
    this.error = '';
    this.joined = null;
    this.isJoining = false;
  }

  /** Accepts an invitation; the refreshed session then lists the shop in the switcher. */
  private async join(invitation: PendingInvitation): Promise<void> {
    this.error = '';
    this.joined = null;
    this.isJoining = true;
    try {
      await api.staff.joinShop.mutate({ invitationId: invitation.id });
      await session.refresh();
      this.joined = invitation.shop;
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
      // A withdrawn or expired invitation: show the list as it is now.
      await session.refresh().catch(() => undefined);
    } finally {
      this.isJoining = false;
    }
  }

  /** Makes a shop the active one (from the switcher, or the notice of a shop just joined). */
  private async openShop(shopId: string): Promise<void> {
    this.joined = null;
    this.error = '';
    try {
      await session.switchShop(shopId);
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    }
  }

  private renderInvitations() {
    const { invitations } = this.me;
    const joined = this.joined;
    return html`
      ${invitations.length
        ? html`<section class="card invitations" part="invitations" aria-labelledby="invitations-title">
            <h2 id="invitations-title">${t('shell.invitations')}</h2>
            <ul>
              ${invitations.map(
                (invitation) => html`<li>
                  <span>${t('shell.invitation', {
                    shop: invitation.shop.name,
                    role: t(invitation.role === 'owner' ? 'role.owner' : 'role.staff'),
                    date: formatDateTime(invitation.expiresAt, false),
                  })}</span>
                  <button type="button" ?disabled=${this.isJoining} @click=${() => this.join(invitation)}>
                    ${t('shell.invitation.join', { shop: invitation.shop.name })}
                  </button>
                </li>`,
              )}
            </ul>
          </section>`
        : nothing}
      ${joined
        ? html`<p class="alert success invitations" role="status">
            ${t('shell.invitation.joined', { shop: joined.name })}
            ${joined.id === this.me.activeShop.id
              ? nothing
              : html`<button type="button" class="secondary" @click=${() => this.openShop(joined.id)}>
                  ${t('shell.invitation.open', { shop: joined.name })}
                </button>`}
          </p>`
        : nothing}
    `;
  }

  private switchShop(event: Event): Promise<void> {
    return this.openShop((event.target as HTMLSelectElement).value);
  }

  private renderShop() {
    const { activeShop, shops } = this.me;
    if (shops.length < 2) {
      return html`<span class="muted">${t('shell.shop')}</span> <strong>${activeShop.name}</strong>`;
    }
    return html`
      <label for="shop-switcher">${t('shell.switchShop')}</label>
      <select id="shop-switcher" @change=${this.switchShop}>
        ${shops.map((shop) => html`<option value=${shop.id} ?selected=${shop.id === activeShop.id}>${shop.name}</option>`)}
      </select>
    `;
  }

  override render() {
    void this.locale;
    const isOwner = this.me.activeShop.role === 'owner';
    return html`
      <a class="skip" href="#main" @click=${(event: Event) => {
        event.preventDefault();
        this.renderRoot.querySelector<HTMLElement>('main')?.focus();
      }}>${t('app.skipToContent')}</a>
      <header part="header">
        <p class="brand">${t('app.name')}</p>
        <div class="shop">${this.renderShop()}</div>
        <div class="tools">
          <span class="muted">${t('shell.signedInAs', { name: this.me.user.name })}</span>
          <comptoir-language-switcher></comptoir-language-switcher>
          <button type="button" class="secondary" @click=${() => session.logout()}>${t('shell.logout')}</button>
        </div>
      </header>
      <nav part="nav" aria-label=${t('shell.nav')}>
        <ul>
          ${navItems
            .filter((item) => isOwner || !item.isOwnerOnly)
            .map(
              (item) => html`<li>
                <a href="#/${item.route}" aria-current=${item.route === this.route ? 'page' : 'false'}>${t(item.label)}</a>
              </li>`,
            )}
        </ul>
      </nav>
      <main id="main" tabindex="-1">
        ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
        ${this.renderInvitations()}
        <slot></slot>
      </main>
    `;
  }
}

customElements.define('comptoir-app-shell', ComptoirAppShell);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-app-shell': ComptoirAppShell;
  }
}
