import { LitElement, css, html, nothing } from 'lit';
import type { LoyaltyReward } from '@comptoir/protocol';
import { LocaleController, t } from '../../i18n/index.js';
import { session } from '../../session.js';
import { api, errorMessageOf } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import { invalidCodes, parseCodeLines } from './loyalty-form-model.js';

/**
 * Uploads the shop's own voucher codes (from its till or e-shop) for a reward drawn from a pool,
 * one code a line; tells how many were added, already known, and how many remain.
 */
export class ComptoirVoucherPoolUpload extends LitElement {
  static override properties = {
    rewards: { attribute: false },
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
      textarea {
        font: inherit;
        font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace;
        color: var(--_text);
        background: var(--_surface);
        border: 1px solid var(--_muted);
        border-radius: calc(var(--_radius) - 4px);
        padding: 0.6rem 0.7rem;
        width: 100%;
        min-height: 8rem;
      }
    `,
  ];

  /** The programme's rewards; only those drawn from a pool take codes. */
  declare rewards: readonly LoyaltyReward[];
  declare error: string;
  declare notice: string;
  declare busy: boolean;

  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.rewards = [];
    this.error = '';
    this.notice = '';
    this.busy = false;
  }

  private async upload(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const formElement = event.target as HTMLFormElement;
    const form = new FormData(formElement);
    const rewardId = String(form.get('rewardId') ?? '');
    const codes = parseCodeLines(String(form.get('codes') ?? ''));
    this.error = '';
    this.notice = '';
    if (codes.length === 0) {
      this.error = t('loyalty.pool.empty');
      return;
    }
    const refused = invalidCodes(codes);
    if (refused.length > 0) {
      this.error = t('loyalty.pool.invalid', { codes: refused.slice(0, 5).join(', ') });
      return;
    }
    this.busy = true;
    try {
      const result = await api.loyalty.admin.uploadCodes.mutate({ rewardId, codes });
      this.notice = t('loyalty.pool.done', result);
      formElement.reset();
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    void this.locale;
    const pools = this.rewards.filter((reward) => reward.codeSource === 'pool');
    if (pools.length === 0) return html`<p class="hint">${t('loyalty.pool.noPoolReward')}</p>`;
    return html`
      <form @submit=${this.upload}>
        <div class="field">
          <label for="pool-reward">${t('loyalty.pool.reward')}</label>
          <select id="pool-reward" name="rewardId">
            ${pools.map((reward) => html`<option value=${reward.id}>${t('loyalty.pool.rewardOption', { id: reward.id, points: reward.points })}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="pool-codes">${t('loyalty.pool.codes')}</label>
          <textarea id="pool-codes" name="codes" required spellcheck="false" autocomplete="off" aria-describedby="pool-codes-hint"></textarea>
          <p class="hint" id="pool-codes-hint">${t('loyalty.pool.codes.hint')}</p>
        </div>
        ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
        ${this.notice ? html`<p class="alert success" role="status">${this.notice}</p>` : nothing}
        <div><button type="submit" ?disabled=${this.busy}>${t('loyalty.pool.submit')}</button></div>
      </form>
    `;
  }
}

customElements.define('comptoir-voucher-pool-upload', ComptoirVoucherPoolUpload);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-voucher-pool-upload': ComptoirVoucherPoolUpload;
  }
}
