import { LitElement, css, html, nothing } from 'lit';
import { LocaleController, t } from '../../i18n/index.js';
import { session } from '../../session.js';
import { api, errorMessageOf, type LoyaltyGroup } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';

/**
 * The loyalty group the shop belongs to (shops sharing members and points): its name and shops; an
 * owner creates one, adds another shop they own, or leaves.
 *
 * @csspart shop - one shop of the group
 */
export class ComptoirLoyaltyGroup extends LitElement {
  static override properties = {
    canEdit: { type: Boolean, attribute: 'can-edit' },
    group: { state: true },
    isLoaded: { state: true },
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
        gap: 0.75rem;
      }
      ul {
        margin: 0;
        padding-left: 1.25rem;
      }
      .row {
        display: grid;
        gap: 0.5rem;
      }
      @media (min-width: 48rem) {
        .row {
          grid-template-columns: 1fr auto;
          align-items: end;
        }
      }
    `,
  ];

  /** Whether the signed-in person may change the group (owners). */
  declare canEdit: boolean;
  declare group: LoyaltyGroup;
  declare isLoaded: boolean;
  declare error: string;
  declare notice: string;
  declare busy: boolean;

  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.canEdit = false;
    this.group = null;
    this.isLoaded = false;
    this.error = '';
    this.notice = '';
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.group = await api.loyalty.admin.group.query();
      this.isLoaded = true;
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    }
  }

  private async run(change: () => Promise<LoyaltyGroup>, done: string): Promise<boolean> {
    this.busy = true;
    this.error = '';
    this.notice = '';
    try {
      this.group = await change();
      this.notice = done;
      return true;
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const name = String(new FormData(event.target as HTMLFormElement).get('name') ?? '').trim();
    await this.run(() => api.loyalty.admin.createGroup.mutate({ name }), t('loyalty.group.created', { name }));
  }

  private async addShop(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const shopId = String(new FormData(event.target as HTMLFormElement).get('shopId') ?? '');
    const shop = session.me?.shops.find((candidate) => candidate.id === shopId);
    if (!shop) return;
    await this.run(() => api.loyalty.admin.addShopToGroup.mutate({ shopId }), t('loyalty.group.added', { name: shop.name }));
  }

  private async leave(): Promise<void> {
    if (!this.group || !confirm(t('loyalty.group.leave.confirm', { name: this.group.name }))) return;
    await this.run(async () => {
      await api.loyalty.admin.leaveGroup.mutate();
      return null;
    }, t('loyalty.group.left'));
  }

  /** Shops the person owns that are not in the group yet: only an owner of both may join them. */
  private candidates(group: NonNullable<LoyaltyGroup>) {
    const inGroup = new Set(group.shops.map((shop) => shop.id));
    return (session.me?.shops ?? []).filter((shop) => shop.role === 'owner' && !inGroup.has(shop.id));
  }

  private renderGroup(group: NonNullable<LoyaltyGroup>) {
    const candidates = this.candidates(group);
    return html`
      <p>${t('loyalty.group.member', { name: group.name })}</p>
      <ul aria-label=${t('loyalty.group.shops')}>
        ${group.shops.map((shop) => html`<li part="shop">${shop.name}</li>`)}
      </ul>
      ${this.canEdit && candidates.length > 0
        ? html`<form @submit=${this.addShop}>
            <div class="row">
              <div class="field">
                <label for="group-shop">${t('loyalty.group.addShop')}</label>
                <select id="group-shop" name="shopId">
                  ${candidates.map((shop) => html`<option value=${shop.id}>${shop.name}</option>`)}
                </select>
              </div>
              <button type="submit" ?disabled=${this.busy}>${t('loyalty.group.addShop.submit')}</button>
            </div>
          </form>`
        : nothing}
      ${this.canEdit
        ? html`<div><button type="button" class="danger" ?disabled=${this.busy} @click=${this.leave}>${t('loyalty.group.leave')}</button></div>`
        : nothing}
    `;
  }

  private renderNoGroup() {
    return html`
      <p>${t('loyalty.group.none')}</p>
      ${this.canEdit
        ? html`<form @submit=${this.create}>
            <div class="row">
              <div class="field">
                <label for="group-name">${t('loyalty.group.name')}</label>
                <input id="group-name" name="name" required maxlength="120" autocomplete="off" />
              </div>
              <button type="submit" ?disabled=${this.busy}>${t('loyalty.group.create')}</button>
            </div>
          </form>`
        : nothing}
    `;
  }

  override render() {
    void this.locale;
    return html`
      <p class="hint">${t('loyalty.group.intro')}</p>
      ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
      ${this.notice ? html`<p class="alert success" role="status">${this.notice}</p>` : nothing}
      ${!this.isLoaded ? (this.error ? nothing : html`<p class="muted" role="status">${t('app.loading')}</p>`) : this.group ? this.renderGroup(this.group) : this.renderNoGroup()}
    `;
  }
}

customElements.define('comptoir-loyalty-group', ComptoirLoyaltyGroup);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-loyalty-group': ComptoirLoyaltyGroup;
  }
}
