import { LitElement, css, html, nothing } from 'lit';
import type { LoyaltyReward, LoyaltySettings, LoyaltyTier } from '@comptoir/protocol';
import { LocaleController, t } from '../../i18n/index.js';
import { session } from '../../session.js';
import { api, errorMessageOf } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import { freeSlug, majorTextToMinor, minorToMajorText, patchAt } from './loyalty-form-model.js';

/** The `comptoir-loyalty-settings-saved` event's detail: the programme as the server kept it. */
export interface LoyaltySettingsSavedDetail {
  settings: LoyaltySettings;
}

const slugPattern = '[a-z0-9][a-z0-9_\\-]*';

/**
 * The loyalty programme's settings: earning, tiers, expiry, rewards. Everyone sees them; only an
 * owner can change them (the fields are read-only for staff).
 *
 * @fires comptoir-loyalty-settings-saved - after a save, with the programme as the server kept it
 * @csspart form - the settings form
 */
export class ComptoirLoyaltySettingsForm extends LitElement {
  static override properties = {
    settings: { attribute: false },
    canEdit: { type: Boolean, attribute: 'can-edit' },
    draft: { state: true },
    error: { state: true },
    notice: { state: true },
    busy: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      fieldset {
        border: 1px solid var(--_border);
        border-radius: calc(var(--_radius) - 4px);
        margin: 0;
        padding: 0.75rem;
        min-width: 0;
        display: grid;
        gap: 0.75rem;
      }
      fieldset.plain {
        border: 0;
        padding: 0;
      }
      legend {
        font-weight: 700;
        padding: 0 0.25rem;
      }
      .row {
        display: grid;
        gap: 0.75rem;
      }
      .item {
        border-top: 1px solid var(--_border);
        padding-top: 0.75rem;
      }
      .item:first-of-type {
        border-top: 0;
        padding-top: 0;
      }
      .check {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        min-height: 44px;
      }
      .check input {
        width: 22px;
        min-height: 22px;
        height: 22px;
      }
      .item button {
        justify-self: start;
      }
      @media (min-width: 48rem) {
        .row {
          grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
          align-items: end;
        }
      }
    `,
  ];

  /** The programme as the server has it. */
  declare settings: LoyaltySettings | null;
  /** Whether the signed-in person may change it (owners). */
  declare canEdit: boolean;
  declare draft: LoyaltySettings | null;
  declare error: string;
  declare notice: string;
  declare busy: boolean;

  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.settings = null;
    this.canEdit = false;
    this.draft = null;
    this.error = '';
    this.notice = '';
    this.busy = false;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('settings')) this.draft = this.settings ? structuredClone(this.settings) : null;
  }

  private patch(patch: Partial<LoyaltySettings>): void {
    if (this.draft) this.draft = { ...this.draft, ...patch };
  }

  private setTier(index: number, patch: Partial<LoyaltyTier>): void {
    if (this.draft) this.patch({ tiers: patchAt(this.draft.tiers, index, patch) });
  }

  private setReward(index: number, patch: Partial<LoyaltyReward>): void {
    if (this.draft) this.patch({ rewards: patchAt(this.draft.rewards, index, patch) });
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.draft) return;
    this.busy = true;
    this.error = '';
    this.notice = '';
    try {
      const settings = await api.loyalty.admin.updateSettings.mutate(this.draft);
      this.notice = t('loyalty.settings.saved');
      this.dispatchEvent(
        new CustomEvent<LoyaltySettingsSavedDetail>('comptoir-loyalty-settings-saved', { detail: { settings }, bubbles: true, composed: true }),
      );
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    } finally {
      this.busy = false;
    }
  }

  /** A number field bound to the draft: an empty or invalid entry is left to the browser's validation. */
  private numberField(id: string, label: string, value: number, apply: (value: number) => void, options: { min: number; max: number; step?: string; hint?: string }) {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        type="number"
        inputmode="decimal"
        required
        min=${options.min}
        max=${options.max}
        step=${options.step ?? '1'}
        .value=${String(value)}
        aria-describedby=${options.hint ? `${id}-hint` : nothing}
        @change=${(event: Event) => {
          const input = event.target as HTMLInputElement;
          if (input.value !== '' && !Number.isNaN(input.valueAsNumber)) apply(input.valueAsNumber);
        }}
      />
      ${options.hint ? html`<p class="hint" id=${`${id}-hint`}>${options.hint}</p>` : nothing}
    </div>`;
  }

  /** An amount field (typed in currency units, kept in minor units). */
  private moneyField(id: string, label: string, minor: number, apply: (minor: number) => void) {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        type="number"
        inputmode="decimal"
        required
        min="0"
        step="0.01"
        .value=${minorToMajorText(minor)}
        @change=${(event: Event) => {
          const parsed = majorTextToMinor((event.target as HTMLInputElement).value);
          if (parsed !== null) apply(parsed);
        }}
      />
    </div>`;
  }

  private slugField(id: string, label: string, value: string, apply: (value: string) => void) {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} required maxlength="40" pattern=${slugPattern} autocomplete="off" aria-describedby="slug-hint" .value=${value}
        @change=${(event: Event) => apply((event.target as HTMLInputElement).value.trim())} />
    </div>`;
  }

  private renderTier(tier: LoyaltyTier, index: number, count: number) {
    const id = `tier-${index}`;
    return html`<div class="row item" role="group" aria-label=${t('loyalty.tier.label', { number: index + 1 })}>
      ${this.slugField(`${id}-id`, t('loyalty.tier.id'), tier.id, (value) => this.setTier(index, { id: value }))}
      <div class="field">
        <label for=${`${id}-name`}>${t('loyalty.tier.name')}</label>
        <input id=${`${id}-name`} required maxlength="60" .value=${tier.name} @change=${(event: Event) => this.setTier(index, { name: (event.target as HTMLInputElement).value })} />
      </div>
      ${this.moneyField(`${id}-threshold`, t('loyalty.tier.threshold'), tier.thresholdMinor, (value) => this.setTier(index, { thresholdMinor: value }))}
      ${this.numberField(`${id}-multiplier`, t('loyalty.tier.multiplier'), tier.multiplier, (value) => this.setTier(index, { multiplier: value }), { min: 1, max: 10, step: '0.05' })}
      ${count > 1
        ? html`<button type="button" class="danger" @click=${() => this.patch({ tiers: this.draft!.tiers.filter((_, i) => i !== index) })}>
            ${t('loyalty.tier.remove', { name: tier.name || tier.id })}
          </button>`
        : nothing}
    </div>`;
  }

  private renderReward(reward: LoyaltyReward, index: number) {
    const id = `reward-${index}`;
    return html`<div class="row item" role="group" aria-label=${t('loyalty.reward.label', { number: index + 1 })}>
      ${this.slugField(`${id}-id`, t('loyalty.reward.id'), reward.id, (value) => this.setReward(index, { id: value }))}
      ${this.numberField(`${id}-points`, t('loyalty.reward.points'), reward.points, (value) => this.setReward(index, { points: value }), { min: 1, max: 1_000_000 })}
      ${this.moneyField(`${id}-value`, t('loyalty.reward.value'), reward.valueMinor, (value) => this.setReward(index, { valueMinor: value }))}
      <div class="field">
        <label for=${`${id}-source`}>${t('loyalty.reward.source')}</label>
        <select id=${`${id}-source`} @change=${(event: Event) => this.setReward(index, { codeSource: (event.target as HTMLSelectElement).value === 'pool' ? 'pool' : 'generated' })}>
          <option value="generated" ?selected=${reward.codeSource === 'generated'}>${t('loyalty.reward.source.generated')}</option>
          <option value="pool" ?selected=${reward.codeSource === 'pool'}>${t('loyalty.reward.source.pool')}</option>
        </select>
      </div>
      <div class="field">
        <label for=${`${id}-days`}>${t('loyalty.reward.validDays')}</label>
        <input id=${`${id}-days`} type="number" inputmode="numeric" min="1" max="3650" step="1" aria-describedby="valid-days-hint"
          .value=${reward.validDays === null ? '' : String(reward.validDays)}
          @change=${(event: Event) => {
            const input = event.target as HTMLInputElement;
            this.setReward(index, { validDays: input.value === '' ? null : input.valueAsNumber });
          }} />
      </div>
      <button type="button" class="danger" @click=${() => this.patch({ rewards: this.draft!.rewards.filter((_, i) => i !== index) })}>
        ${t('loyalty.reward.remove', { id: reward.id })}
      </button>
    </div>`;
  }

  override render() {
    void this.locale;
    const draft = this.draft;
    if (!draft) return html`<p class="muted" role="status">${t('app.loading')}</p>`;
    return html`
      ${this.canEdit ? nothing : html`<p class="hint">${t('loyalty.settings.ownerOnly')}</p>`}
      <form part="form" @submit=${this.save}>
        <fieldset class="plain" ?disabled=${!this.canEdit}>
          <label class="check">
            <input id="loyalty-enabled" type="checkbox" .checked=${draft.enabled} @change=${(event: Event) => this.patch({ enabled: (event.target as HTMLInputElement).checked })} />
            ${t('loyalty.settings.enabled')}
          </label>
          <fieldset>
            <legend>${t('loyalty.settings.earning')}</legend>
            <div class="row">
              ${this.numberField('points-per-unit', t('loyalty.settings.pointsPerUnit'), draft.earning.pointsPerUnit, (value) => this.patch({ earning: { ...draft.earning, pointsPerUnit: value } }), { min: 0, max: 100, step: 'any' })}
              ${this.numberField('first-order-bonus', t('loyalty.settings.firstOrderBonus'), draft.earning.firstOrderBonus, (value) => this.patch({ earning: { ...draft.earning, firstOrderBonus: value } }), { min: 0, max: 100_000 })}
              ${this.numberField('store-credit-bonus', t('loyalty.settings.storeCreditBonus'), draft.earning.storeCreditBonus, (value) => this.patch({ earning: { ...draft.earning, storeCreditBonus: value } }), { min: 0, max: 100_000 })}
            </div>
          </fieldset>
          <p class="hint" id="slug-hint">${t('loyalty.settings.slugHint')}</p>
          <fieldset>
            <legend>${t('loyalty.settings.tiers')}</legend>
            <p class="hint">${t('loyalty.settings.tiersHint')}</p>
            ${draft.tiers.map((tier, index) => this.renderTier(tier, index, draft.tiers.length))}
            ${draft.tiers.length < 10
              ? html`<div><button type="button" class="secondary" @click=${() => {
                  const last = draft.tiers.at(-1);
                  this.patch({
                    tiers: [...draft.tiers, { id: freeSlug('tier', draft.tiers), name: '', thresholdMinor: (last?.thresholdMinor ?? 0) + 10_000, multiplier: last?.multiplier ?? 1 }],
                  });
                }}>${t('loyalty.tier.add')}</button></div>`
              : nothing}
          </fieldset>
          <fieldset>
            <legend>${t('loyalty.settings.expiry')}</legend>
            <label class="check">
              <input id="expiry-enabled" type="checkbox" .checked=${draft.expiry.enabled} @change=${(event: Event) => this.patch({ expiry: { ...draft.expiry, enabled: (event.target as HTMLInputElement).checked } })} />
              ${t('loyalty.settings.expiryEnabled')}
            </label>
            <div class="row">
              ${this.numberField('expiry-months', t('loyalty.settings.expiryMonths'), draft.expiry.inactiveMonths, (value) => this.patch({ expiry: { ...draft.expiry, inactiveMonths: value } }), { min: 1, max: 120 })}
              ${this.numberField('expiry-reminder', t('loyalty.settings.reminderDays'), draft.expiry.reminderDays, (value) => this.patch({ expiry: { ...draft.expiry, reminderDays: value } }), { min: 1, max: 180 })}
            </div>
          </fieldset>
          <fieldset>
            <legend>${t('loyalty.settings.rewards')}</legend>
            <p class="hint" id="valid-days-hint">${t('loyalty.reward.validDays.hint')}</p>
            ${draft.rewards.length === 0 ? html`<p class="muted">${t('loyalty.reward.none')}</p>` : nothing}
            ${draft.rewards.map((reward, index) => this.renderReward(reward, index))}
            ${draft.rewards.length < 20
              ? html`<div><button type="button" class="secondary" @click=${() => {
                  this.patch({ rewards: [...draft.rewards, { id: freeSlug('reward', draft.rewards), points: 100, valueMinor: 500, codeSource: 'generated', validDays: 365 }] });
                }}>${t('loyalty.reward.add')}</button></div>`
              : nothing}
          </fieldset>
          ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
          ${this.notice ? html`<p class="alert success" role="status">${this.notice}</p>` : nothing}
          ${this.canEdit ? html`<div><button type="submit" ?disabled=${this.busy}>${t('loyalty.settings.save')}</button></div>` : nothing}
        </fieldset>
      </form>
    `;
  }
}

customElements.define('comptoir-loyalty-settings-form', ComptoirLoyaltySettingsForm);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-loyalty-settings-form': ComptoirLoyaltySettingsForm;
  }
  interface HTMLElementEventMap {
    'comptoir-loyalty-settings-saved': CustomEvent<LoyaltySettingsSavedDetail>;
  }
}
