import { LitElement, css, html, nothing } from 'lit';
import type { LoyaltySettings } from '@comptoir/protocol';
import { LocaleController, t } from '../../i18n/index.js';
import { session } from '../../session.js';
import { api, errorMessageOf } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import './loyalty-settings-form.js';
import './loyalty-members.js';
import './loyalty-group.js';
import './voucher-pool-upload.js';

/**
 * The loyalty programme: its settings (owners change them), the members and their points, the group
 * of shops, the members' CSV export, and the voucher code pool (owners).
 */
export class ComptoirLoyaltyPage extends LitElement {
  static override properties = {
    settings: { state: true },
    error: { state: true },
    exportError: { state: true },
    isExporting: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: grid;
        gap: 1.25rem;
      }
      h1 {
        margin: 0;
      }
    `,
  ];

  declare settings: LoyaltySettings | null;
  declare error: string;
  declare exportError: string;
  declare isExporting: boolean;

  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.settings = null;
    this.error = '';
    this.exportError = '';
    this.isExporting = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.settings = await api.loyalty.admin.settings.query();
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    }
  }

  /** Downloads the members as the CSV the server writes, through a temporary Blob link. */
  private async exportCsv(): Promise<void> {
    this.isExporting = true;
    this.exportError = '';
    try {
      const { filename, csv } = await api.loyalty.admin.exportCsv.query();
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      link.hidden = true;
      this.renderRoot.appendChild(link);
      link.click();
      link.remove();
      // Revoked later: some browsers start reading the Blob only after the click returns.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      session.handleError(error);
      this.exportError = errorMessageOf(error);
    } finally {
      this.isExporting = false;
    }
  }

  override render() {
    void this.locale;
    const isOwner = session.me?.activeShop.role === 'owner';
    return html`
      <h1>${t('loyalty.title')}</h1>
      ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
      <section class="card" aria-labelledby="members-title">
        <h2 id="members-title">${t('loyalty.members.title')}</h2>
        <comptoir-loyalty-members></comptoir-loyalty-members>
      </section>
      <section class="card" aria-labelledby="export-title">
        <h2 id="export-title">${t('loyalty.export.title')}</h2>
        <p class="hint">${t('loyalty.export.hint')}</p>
        ${this.exportError ? html`<p class="alert error" role="alert">${this.exportError}</p>` : nothing}
        <p><button type="button" id="export-csv" class="secondary" ?disabled=${this.isExporting} @click=${this.exportCsv}>${t('loyalty.export.submit')}</button></p>
      </section>
      <section class="card" aria-labelledby="settings-title">
        <h2 id="settings-title">${t('loyalty.settings.title')}</h2>
        <comptoir-loyalty-settings-form
          .settings=${this.settings}
          ?can-edit=${isOwner}
          @comptoir-loyalty-settings-saved=${(event: CustomEvent<{ settings: LoyaltySettings }>) => (this.settings = event.detail.settings)}
        ></comptoir-loyalty-settings-form>
      </section>
      ${isOwner
        ? html`<section class="card" aria-labelledby="pool-title">
            <h2 id="pool-title">${t('loyalty.pool.title')}</h2>
            <comptoir-voucher-pool-upload .rewards=${this.settings?.rewards ?? []}></comptoir-voucher-pool-upload>
          </section>`
        : nothing}
      <section class="card" aria-labelledby="group-title">
        <h2 id="group-title">${t('loyalty.group.title')}</h2>
        <comptoir-loyalty-group ?can-edit=${isOwner}></comptoir-loyalty-group>
      </section>
    `;
  }
}

customElements.define('comptoir-loyalty-page', ComptoirLoyaltyPage);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-loyalty-page': ComptoirLoyaltyPage;
  }
}
