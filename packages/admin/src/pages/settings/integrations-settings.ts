import { LitElement, css, html, nothing } from 'lit';
import { currentLocale, LocaleController, t, type MessageKey } from '../../i18n/index.js';
import { session } from '../../session.js';
import { api, errorCodeOf, errorMessageOf } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import type { PlatformConnection, StripeConnection } from './settings-types.js';
import { issuePathsOf } from './secret-issues.js';
import '../../components/copy-field.js';

type PlatformName = PlatformConnection['platform'];

/** The order the platforms are shown in: the most common among small shops first. */
const platformOrder: readonly PlatformName[] = ['woocommerce', 'prestashop', 'shopify'];

/** Each connection's block: Stripe, or one of the platforms. */
type Section = 'stripe' | PlatformName;

/** The inputs of the tab, by element id: the values typed, never a saved secret. */
type FieldId = 'stripe-secret-key' | 'stripe-webhook-secret' | `platform-${PlatformName}-secret`;

/** Which input a refused value belongs to, from the server's `INVALID_INPUT` issues (`secretKey: …`). */
const stripeFieldOfIssue: Record<string, { id: FieldId; message: MessageKey }> = {
  secretKey: { id: 'stripe-secret-key', message: 'settings.integrations.stripe.error.secretKey' },
  webhookSecret: { id: 'stripe-webhook-secret', message: 'settings.integrations.stripe.error.webhookSecret' },
};

/** The inputs a failed call's `INVALID_INPUT` refusal points at; none for any other failure. */
function refusedInputsOf(error: unknown): string[] {
  if (errorCodeOf(error) !== 'INVALID_INPUT') return [];
  return issuePathsOf(String((error as { data?: { params?: { issues?: string } } }).data?.params?.issues ?? ''));
}

/**
 * Connecting the shop to Stripe (card refunds) and to its platforms (WooCommerce, PrestaShop,
 * Shopify order webhooks). Secrets are write-only: the owner types them in password fields that are
 * emptied once saved, and sees afterwards only whether one is set, its last 4 characters and when
 * it was saved, with the webhook URL to enter in the other service. The server answers these to the
 * owner only, so a staff member sees why, and no state.
 *
 * @csspart stripe - the Stripe block
 * @csspart platform - each platform's block
 */
export class ComptoirIntegrationsSettings extends LitElement {
  static override properties = {
    isOwner: { type: Boolean, attribute: 'is-owner' },
    timeZone: { attribute: 'time-zone' },
    stripe: { state: true },
    platforms: { state: true },
    values: { state: true },
    errors: { state: true },
    notices: { state: true },
    failures: { state: true },
    busy: { state: true },
    loadError: { state: true },
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
      p {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .status {
        display: inline-flex;
        align-items: center;
        gap: 0.4rem;
        font-weight: 700;
      }
      .status::before {
        content: '';
        width: 0.7rem;
        height: 0.7rem;
        border-radius: 50%;
        border: 2px solid var(--_muted);
      }
      .status.on {
        color: var(--_success);
      }
      .status.on::before {
        background: var(--_success);
        border-color: var(--_success);
      }
      .field-error {
        color: var(--_danger);
        margin: 0;
        font-weight: 600;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      input[type='password'] {
        font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace;
      }
    `,
  ];

  /** Owners see and change the connections; the server refuses them to everyone else. */
  declare isOwner: boolean;
  /** The shop's time zone: when a key was saved is shown in it. */
  declare timeZone: string;
  declare stripe: StripeConnection | null;
  declare platforms: PlatformConnection[] | null;
  declare values: Partial<Record<FieldId, string>>;
  declare errors: Partial<Record<FieldId, string>>;
  declare notices: Partial<Record<Section, string>>;
  declare failures: Partial<Record<Section, string>>;
  declare busy: Section | null;
  declare loadError: string;

  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.isOwner = false;
    this.timeZone = 'Europe/Paris';
    this.stripe = null;
    this.platforms = null;
    this.values = {};
    this.errors = {};
    this.notices = {};
    this.failures = {};
    this.busy = null;
    this.loadError = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.isOwner) void this.load();
  }

  private async load(): Promise<void> {
    try {
      const [stripe, platforms] = await Promise.all([api.payments.admin.stripe.query(), api.platforms.admin.list.query()]);
      this.stripe = stripe;
      this.platforms = platforms;
    } catch (error) {
      session.handleError(error);
      this.loadError = errorMessageOf(error);
    }
  }

  private formatSavedAt(value: string | Date): string {
    const date = typeof value === 'string' ? new Date(value) : value;
    return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: this.timeZone }).format(date);
  }

  private platformName(platform: PlatformName): string {
    return t(`settings.integrations.platform.${platform}`);
  }

  /** Starts an action on a block: its earlier messages go. */
  private begin(section: Section): void {
    this.busy = section;
    this.notices = { ...this.notices, [section]: '' };
    this.failures = { ...this.failures, [section]: '' };
  }

  private setValue(id: FieldId, value: string): void {
    this.values = { ...this.values, [id]: value };
    if (this.errors[id]) this.errors = { ...this.errors, [id]: '' };
  }

  /** Empties the typed secrets once saved: a secret is never kept on screen. */
  private forget(ids: readonly FieldId[]): void {
    const values = { ...this.values };
    for (const id of ids) delete values[id];
    this.values = values;
    for (const id of ids) {
      const input = this.renderRoot.querySelector<HTMLInputElement>(`#${id}`);
      if (input) input.value = '';
    }
  }

  /** Shows the refusals on their fields and moves the focus to the first. */
  private async refuse(errors: Partial<Record<FieldId, string>>): Promise<void> {
    this.errors = { ...this.errors, ...errors };
    await this.updateComplete;
    const first = (Object.keys(errors) as FieldId[]).find((id) => errors[id]);
    if (first) this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus();
  }

  private async connectStripe(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const secretKey = (this.values['stripe-secret-key'] ?? '').trim();
    const webhookSecret = (this.values['stripe-webhook-secret'] ?? '').trim();
    const missing: Partial<Record<FieldId, string>> = {};
    if (!secretKey) missing['stripe-secret-key'] = t('settings.integrations.error.required');
    if (!webhookSecret) missing['stripe-webhook-secret'] = t('settings.integrations.error.required');
    if (Object.keys(missing).length > 0) return this.refuse(missing);
    this.begin('stripe');
    try {
      this.stripe = await api.payments.admin.connectStripe.mutate({ secretKey, webhookSecret });
      this.forget(['stripe-secret-key', 'stripe-webhook-secret']);
      this.notices = { ...this.notices, stripe: t('settings.integrations.stripe.connected', { last4: this.stripe.secretKeyLast4 ?? '' }) };
    } catch (error) {
      session.handleError(error);
      const refused: Partial<Record<FieldId, string>> = {};
      for (const path of refusedInputsOf(error)) {
        const field = stripeFieldOfIssue[path];
        if (field) refused[field.id] = t(field.message);
      }
      this.failures = { ...this.failures, stripe: errorMessageOf(error) };
      await this.refuse(refused);
    } finally {
      this.busy = null;
    }
  }

  private async disconnectStripe(): Promise<void> {
    if (!confirm(t('settings.integrations.stripe.disconnectConfirm'))) return;
    this.begin('stripe');
    try {
      await api.payments.admin.disconnectStripe.mutate();
      this.stripe = await api.payments.admin.stripe.query();
      this.notices = { ...this.notices, stripe: t('settings.integrations.stripe.disconnected') };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#stripe-secret-key')?.focus();
    } catch (error) {
      session.handleError(error);
      this.failures = { ...this.failures, stripe: errorMessageOf(error) };
    } finally {
      this.busy = null;
    }
  }

  private async connectPlatform(event: SubmitEvent, platform: PlatformName): Promise<void> {
    event.preventDefault();
    const id: FieldId = `platform-${platform}-secret`;
    const secret = (this.values[id] ?? '').trim();
    if (!secret) return this.refuse({ [id]: t('settings.integrations.error.required') });
    this.begin(platform);
    try {
      this.platforms = await api.platforms.admin.connect.mutate({ platform, secret });
      this.forget([id]);
      const saved = this.platforms.find((row) => row.platform === platform);
      this.notices = {
        ...this.notices,
        [platform]: t('settings.integrations.platform.connected', { name: this.platformName(platform), last4: saved?.secretLast4 ?? '' }),
      };
    } catch (error) {
      session.handleError(error);
      this.failures = { ...this.failures, [platform]: errorMessageOf(error) };
      if (refusedInputsOf(error).includes('secret')) await this.refuse({ [id]: t('settings.integrations.platform.error.secret') });
    } finally {
      this.busy = null;
    }
  }

  private async disconnectPlatform(platform: PlatformName): Promise<void> {
    if (!confirm(t('settings.integrations.platform.disconnectConfirm', { name: this.platformName(platform) }))) return;
    this.begin(platform);
    try {
      await api.platforms.admin.disconnect.mutate({ platform });
      this.platforms = await api.platforms.admin.list.query();
      this.notices = { ...this.notices, [platform]: t('settings.integrations.platform.disconnected', { name: this.platformName(platform) }) };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#platform-${platform}-secret`)?.focus();
    } catch (error) {
      session.handleError(error);
      this.failures = { ...this.failures, [platform]: errorMessageOf(error) };
    } finally {
      this.busy = null;
    }
  }

  /** A password field for a secret: never filled in by the browser, never shown back. */
  private secretField(id: FieldId, label: string, hint: string) {
    const error = this.errors[id];
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        name=${id}
        type="password"
        autocomplete="off"
        autocapitalize="off"
        spellcheck="false"
        .value=${this.values[id] ?? ''}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
        @input=${(event: Event) => this.setValue(id, (event.target as HTMLInputElement).value)}
      />
      <p class="hint" id=${`${id}-hint`}>${hint}</p>
      ${error ? html`<p class="field-error" id=${`${id}-error`}>${error}</p>` : nothing}
    </div>`;
  }

  /** The block's outcome, announced as it changes. */
  private messages(section: Section) {
    const failure = this.failures[section];
    const notice = this.notices[section];
    return html`<div aria-live="polite">
      ${failure ? html`<p class="alert error" role="alert" id=${`${section}-error`}>${failure}</p>` : nothing}
      ${notice ? html`<p class="alert success" role="status" id=${`${section}-notice`}>${notice}</p>` : nothing}
    </div>`;
  }

  private status(isConfigured: boolean, id: string) {
    return html`<p class="status ${isConfigured ? 'on' : ''}" id=${id}>
      ${isConfigured ? t('settings.integrations.connected') : t('settings.integrations.notConnected')}
    </p>`;
  }

  private renderStripe(stripe: StripeConnection) {
    const isBusy = this.busy === 'stripe';
    return html`<section class="card" part="stripe" aria-labelledby="stripe-title">
      <h2 id="stripe-title">${t('settings.integrations.stripe.title')}</h2>
      <p class="hint">${t('settings.integrations.stripe.intro')}</p>
      ${this.status(stripe.isConfigured, 'stripe-status')}
      ${stripe.isConfigured
        ? html`<p id="stripe-keys">
            ${stripe.mode ? html`<strong>${t(`settings.integrations.stripe.mode.${stripe.mode}`)}</strong> — ` : nothing}
            ${t('settings.integrations.stripe.keys', { secretKeyLast4: stripe.secretKeyLast4 ?? '', webhookSecretLast4: stripe.webhookSecretLast4 ?? '' })}
            ${stripe.updatedAt ? t('settings.integrations.savedAt', { date: this.formatSavedAt(stripe.updatedAt) }) : nothing}
          </p>`
        : nothing}
      <comptoir-copy-field id="stripe-webhook-url" .value=${stripe.webhookUrl} label=${t('settings.integrations.webhookUrl', { name: 'Stripe' })}></comptoir-copy-field>
      <p class="hint">${t('settings.integrations.stripe.webhookHint')}</p>
      <form novalidate @submit=${this.connectStripe} aria-labelledby="stripe-title">
        ${stripe.isConfigured ? html`<p class="hint">${t('settings.integrations.secretHidden')}</p>` : nothing}
        ${this.secretField('stripe-secret-key', t('settings.integrations.stripe.secretKey'), t('settings.integrations.stripe.secretKey.hint'))}
        ${this.secretField('stripe-webhook-secret', t('settings.integrations.stripe.webhookSecret'), t('settings.integrations.stripe.webhookSecret.hint'))}
        <div class="actions">
          <button type="submit" id="stripe-connect" ?disabled=${isBusy}>
            ${stripe.isConfigured ? t('settings.integrations.stripe.replace') : t('settings.integrations.stripe.connect')}
          </button>
          ${stripe.isConfigured
            ? html`<button type="button" class="danger" id="stripe-disconnect" ?disabled=${isBusy} @click=${() => this.disconnectStripe()}>
                ${t('settings.integrations.stripe.disconnect')}
              </button>`
            : nothing}
        </div>
      </form>
      ${this.messages('stripe')}
    </section>`;
  }

  private renderPlatform(connection: PlatformConnection) {
    const { platform } = connection;
    const name = this.platformName(platform);
    const isBusy = this.busy === platform;
    const titleId = `platform-${platform}-title`;
    return html`<section class="card" part="platform" id=${`platform-${platform}`} aria-labelledby=${titleId}>
      <h2 id=${titleId}>${name}</h2>
      ${this.status(connection.isConfigured, `platform-${platform}-status`)}
      ${connection.isConfigured
        ? html`<p id=${`platform-${platform}-saved`}>
            ${t('settings.integrations.platform.secretEnds', { last4: connection.secretLast4 ?? '' })}
            ${connection.savedAt ? t('settings.integrations.savedAt', { date: this.formatSavedAt(connection.savedAt) }) : nothing}
          </p>`
        : nothing}
      <comptoir-copy-field
        id=${`platform-${platform}-webhook-url`}
        .value=${connection.webhookUrl}
        label=${t('settings.integrations.webhookUrl', { name })}
      ></comptoir-copy-field>
      <p class="hint">${t(`settings.integrations.platform.intro.${platform}`)}</p>
      <form novalidate @submit=${(event: SubmitEvent) => this.connectPlatform(event, platform)} aria-labelledby=${titleId}>
        ${this.secretField(
          `platform-${platform}-secret`,
          t('settings.integrations.platform.secret', { name }),
          t('settings.integrations.platform.secret.hint'),
        )}
        <div class="actions">
          <button type="submit" id=${`platform-${platform}-connect`} ?disabled=${isBusy}>
            ${connection.isConfigured ? t('settings.integrations.platform.replace') : t('settings.integrations.platform.connect', { name })}
          </button>
          ${connection.isConfigured
            ? html`<button type="button" class="danger" id=${`platform-${platform}-disconnect`} ?disabled=${isBusy} @click=${() => this.disconnectPlatform(platform)}>
                ${t('settings.integrations.platform.disconnect', { name })}
              </button>`
            : nothing}
        </div>
      </form>
      ${this.messages(platform)}
    </section>`;
  }

  override render() {
    void this.locale;
    if (!this.isOwner) {
      return html`<section class="card" aria-labelledby="integrations-owner-only-title">
        <h2 id="integrations-owner-only-title">${t('settings.tab.integrations')}</h2>
        <p id="integrations-owner-only">${t('settings.integrations.ownerOnly')}</p>
        <ul>
          <li>${t('settings.integrations.stripe.title')}</li>
          ${platformOrder.map((platform) => html`<li>${this.platformName(platform)}</li>`)}
        </ul>
      </section>`;
    }
    if (this.loadError) return html`<p class="alert error" role="alert">${this.loadError}</p>`;
    if (!this.stripe || !this.platforms) return html`<p class="muted" role="status">${t('app.loading')}</p>`;
    const platforms = this.platforms;
    return html`
      <p class="hint">${t('settings.integrations.intro')}</p>
      ${this.renderStripe(this.stripe)}
      ${platformOrder.map((platform) => {
        const connection = platforms.find((row) => row.platform === platform);
        return connection ? this.renderPlatform(connection) : nothing;
      })}
    `;
  }
}

customElements.define('comptoir-integrations-settings', ComptoirIntegrationsSettings);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-integrations-settings': ComptoirIntegrationsSettings;
  }
}
