import { LitElement, css, html, nothing } from 'lit';
import { LocaleController, t, type MessageKey } from '../../i18n/index.js';
import { session } from '../../session.js';
import { api, errorMessageOf } from '../../trpc.js';
import type { ShopSettings } from './settings-types.js';
import { controls, tokens } from '../../components/styles.js';
import { SettingsTab } from './settings-tab.js';
import './shop-profile-form.js';
import './policy-editor.js';
import './saved-replies-manager.js';
import './widget-settings.js';
import './integrations-settings.js';

const tabLabels: Record<SettingsTab, MessageKey> = {
  profile: 'settings.tab.profile',
  policy: 'settings.tab.policy',
  replies: 'settings.tab.replies',
  widget: 'settings.tab.widget',
  integrations: 'settings.tab.integrations',
};

/**
 * The active shop's settings: its profile and looks, the service policy with its opening hours,
 * the saved replies, the widget's installation with a live preview, and the connections to Stripe
 * and the shop platforms. Everyone sees them; only owners change the profile, the policy and the
 * connections (saved replies are the whole team's).
 *
 * @csspart sections - the navigation between the sections
 */
export class ComptoirSettingsPage extends LitElement {
  static override properties = {
    tab: {},
    shop: { state: true },
    error: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: grid;
        gap: 1rem;
        min-width: 0;
      }
      h1 {
        margin: 0;
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.5rem;
        margin: 0;
        padding: 0;
        list-style: none;
        border-bottom: 1px solid var(--_border);
      }
      nav a {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        padding: 0 0.6rem;
        color: var(--_text);
        text-decoration: none;
        border-bottom: 3px solid transparent;
      }
      nav a[aria-current='page'] {
        border-bottom-color: var(--_accent);
        font-weight: 700;
      }
    `,
  ];

  /** The section shown. */
  declare tab: SettingsTab;
  declare shop: ShopSettings | null;
  declare error: string;

  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.tab = SettingsTab.profile;
    this.shop = null;
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.shop = await api.shops.admin.get.query();
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    }
  }

  private renderTab(shop: ShopSettings, isOwner: boolean) {
    switch (this.tab) {
      case 'policy':
        return html`<comptoir-policy-editor ?can-edit=${isOwner} .currency=${shop.currency} .timeZone=${shop.timeZone}></comptoir-policy-editor>`;
      case 'replies':
        return html`<comptoir-saved-replies-manager .defaultLocale=${shop.locale === 'en' ? 'en' : 'fr'}></comptoir-saved-replies-manager>`;
      case 'widget':
        return html`<comptoir-widget-settings .shop=${shop} ?is-owner=${isOwner}></comptoir-widget-settings>`;
      case 'integrations':
        return html`<comptoir-integrations-settings ?is-owner=${isOwner} .timeZone=${shop.timeZone}></comptoir-integrations-settings>`;
      default:
        return html`<comptoir-shop-profile-form
          .shop=${shop}
          ?can-edit=${isOwner}
          @comptoir-shop-profile-saved=${(event: CustomEvent<{ shop: ShopSettings }>) => (this.shop = event.detail.shop)}
        ></comptoir-shop-profile-form>`;
    }
  }

  override render() {
    void this.locale;
    const isOwner = session.me?.activeShop.role === 'owner';
    return html`
      <h1>${t('settings.title')}</h1>
      <nav part="sections" aria-label=${t('settings.sections')}>
        <ul>
          ${Object.values(SettingsTab).map(
            (tab) => html`<li>
              <a href="#/settings?tab=${tab}" id=${`tab-${tab}`} aria-current=${tab === this.tab ? 'page' : 'false'}>${t(tabLabels[tab])}</a>
            </li>`,
          )}
        </ul>
      </nav>
      ${isOwner || this.tab === 'replies' ? nothing : html`<p class="hint" id="read-only-note">${t('settings.readOnly')}</p>`}
      ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
      ${this.shop ? this.renderTab(this.shop, isOwner) : this.error ? nothing : html`<p class="muted" role="status">${t('app.loading')}</p>`}
    `;
  }
}

customElements.define('comptoir-settings-page', ComptoirSettingsPage);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-settings-page': ComptoirSettingsPage;
  }
}
