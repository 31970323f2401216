import { LitElement, css, html, nothing } from 'lit';
import { origin as originSchema } from '@comptoir/protocol/schemas/common';
import { LocaleController, t } from '../../i18n/index.js';
import { session } from '../../session.js';
import { api, errorMessageOf } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import { parseLines } from './policy-form-model.js';
import { keyPlaceholder, widgetSnippet } from './widget-snippet.js';
import type { ShopSettings } from './settings-types.js';
import '../../components/copy-field.js';
import './widget-preview.js';

/** The most origins a shop may allow (the server's limit). */
const maxOrigins = 20;

/**
 * Installing the widget: the line to paste in the shop's pages (with the key's first characters:
 * the full key is shown once, on the API keys page, when it is made), a live preview in the shop's
 * colour, and the sites allowed to use the key (owners change them).
 *
 * @csspart snippet - the installation line
 * @csspart origins - the allowed origins form
 */
export class ComptoirWidgetSettings extends LitElement {
  static override properties = {
    shop: { attribute: false },
    isOwner: { type: Boolean, attribute: 'is-owner' },
    keyPrefix: { state: true },
    originsText: { state: true },
    originsError: { state: true },
    error: { state: true },
    notice: { state: true },
    busy: { state: true },
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
      section {
        display: grid;
        gap: 0.75rem;
        min-width: 0;
      }
      h2 {
        margin: 0;
      }
      textarea {
        font: inherit;
        font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace;
        color: var(--_text);
        background: var(--_surface);
        border: 1px solid var(--_muted);
        border-radius: calc(var(--_radius) - 4px);
        padding: 0.6rem 0.7rem;
        width: 100%;
        min-height: 6rem;
      }
      textarea[aria-invalid='true'] {
        border-color: var(--_danger);
      }
      .field-error {
        color: var(--_danger);
        margin: 0;
        font-weight: 600;
      }
      ul {
        margin: 0;
        padding-left: 1.25rem;
        overflow-wrap: anywhere;
      }
    `,
  ];

  /** The active shop. */
  declare shop: ShopSettings | null;
  /** Owners see the key's first characters and change the allowed origins. */
  declare isOwner: boolean;
  declare keyPrefix: string | null;
  declare originsText: string;
  declare originsError: string;
  declare error: string;
  declare notice: string;
  declare busy: boolean;

  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.shop = null;
    this.isOwner = false;
    this.keyPrefix = null;
    this.originsText = '';
    this.originsError = '';
    this.error = '';
    this.notice = '';
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.isOwner) void this.loadKeyPrefix();
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('shop')) this.originsText = (this.shop?.allowedOrigins ?? []).join('\n');
  }

  /** The first characters of the active publishable key (keys are listed to owners only). */
  private async loadKeyPrefix(): Promise<void> {
    try {
      const keys = await api.shops.admin.listKeys.query();
      this.keyPrefix = keys.find((key) => key.kind === 'publishable' && !key.revokedAt)?.displayPrefix ?? null;
    } catch (error) {
      session.handleError(error);
    }
  }

  private async saveOrigins(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.error = '';
    this.notice = '';
    const lines = parseLines(this.originsText);
    const refused = lines.filter((line) => !originSchema.safeParse(line).success);
    if (lines.length === 0) this.originsError = t('settings.widget.origins.error.empty');
    else if (lines.length > maxOrigins) this.originsError = t('settings.widget.origins.error.tooMany', { max: maxOrigins });
    else if (refused.length > 0) this.originsError = t('settings.widget.origins.error.invalid', { origins: refused.join(', ') });
    else this.originsError = '';
    if (this.originsError) {
      this.renderRoot.querySelector<HTMLElement>('#allowed-origins')?.focus();
      return;
    }
    this.busy = true;
    try {
      const shop = await api.shops.admin.updateAllowedOrigins.mutate({ origins: lines.map((line) => originSchema.parse(line)) });
      this.originsText = shop.allowedOrigins.join('\n');
      if (this.shop) this.shop = { ...this.shop, allowedOrigins: shop.allowedOrigins };
      this.notice = t('settings.widget.origins.saved');
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    } finally {
      this.busy = false;
    }
  }

  private renderOrigins(shop: ShopSettings) {
    if (!this.isOwner) {
      return html`<ul>
        ${shop.allowedOrigins.map((item) => html`<li>${item}</li>`)}
      </ul>`;
    }
    return html`<form part="origins" novalidate @submit=${this.saveOrigins}>
      <div class="field">
        <label for="allowed-origins">${t('settings.widget.origins.label')}</label>
        <textarea
          id="allowed-origins"
          rows="4"
          spellcheck="false"
          autocomplete="off"
          .value=${this.originsText}
          aria-invalid=${this.originsError ? 'true' : 'false'}
          aria-describedby=${['allowed-origins-hint', this.originsError ? 'allowed-origins-error' : ''].filter(Boolean).join(' ')}
          @input=${(event: Event) => {
            this.originsText = (event.target as HTMLTextAreaElement).value;
            this.originsError = '';
            this.notice = '';
          }}
        ></textarea>
        <p class="hint" id="allowed-origins-hint">${t('settings.widget.origins.hint')}</p>
        ${this.originsError ? html`<p class="field-error" id="allowed-origins-error">${this.originsError}</p>` : nothing}
      </div>
      <div><button type="submit" ?disabled=${this.busy}>${t('settings.widget.origins.save')}</button></div>
    </form>`;
  }

  override render() {
    void this.locale;
    const shop = this.shop;
    if (!shop) return html`<p class="muted" role="status">${t('app.loading')}</p>`;
    const snippet = widgetSnippet(location.origin, keyPlaceholder(this.keyPrefix));
    return html`
      <section class="card" aria-labelledby="snippet-title">
        <h2 id="snippet-title">${t('settings.widget.snippet.title')}</h2>
        <p class="hint">${t('settings.widget.snippet.intro')}</p>
        <comptoir-copy-field part="snippet" .value=${snippet} label=${t('settings.widget.snippet.label')}></comptoir-copy-field>
        <p class="hint">
          ${this.keyPrefix
            ? t('settings.widget.snippet.prefix', { prefix: this.keyPrefix })
            : t('settings.widget.snippet.noKey')}
          ${this.isOwner ? html`<a href="#/keys">${t('settings.widget.snippet.keysLink')}</a>` : nothing}
        </p>
      </section>
      <section class="card" aria-labelledby="preview-title">
        <h2 id="preview-title">${t('settings.widget.preview.title')}</h2>
        <comptoir-widget-preview .color=${shop.brandColor} .locale=${shop.locale}></comptoir-widget-preview>
        <p class="hint"><a href="#/settings?tab=profile">${t('settings.widget.preview.change')}</a></p>
      </section>
      <section class="card" aria-labelledby="origins-title">
        <h2 id="origins-title">${t('settings.widget.origins.title')}</h2>
        <p class="hint">${t('settings.widget.origins.intro')}</p>
        ${this.renderOrigins(shop)}
        <div aria-live="polite">
          ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
          ${this.notice ? html`<p class="alert success" role="status">${this.notice}</p>` : nothing}
        </div>
      </section>
    `;
  }
}

customElements.define('comptoir-widget-settings', ComptoirWidgetSettings);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-widget-settings': ComptoirWidgetSettings;
  }
}
