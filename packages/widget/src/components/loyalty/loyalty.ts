import { LitElement, html, css, nothing } from 'lit';
import { Task } from '@lit/task';
import type { LoyaltyEntry, LoyaltyReward, LoyaltySummary, LoyaltyVoucher, RedeemResult } from '../../controllers/api-types.js';
import { ApiError } from '../../controllers/api-client.js';
import { describeError, type WidgetContext } from '../../controllers/widget-context.js';
import { emit } from '../../events.js';
import { caseText, type CaseTextKey } from '../../i18n/cases.js';
import { controls, tokens } from '../styles.js';
import { statusStyles } from '../status-badge.js';
import { caseStyles } from '../case-styles.js';
import { appendEntries, RedeemKeys, tierPercent } from './redeem-keys.js';

/**
 * The shopper's loyalty account: points available and pending (each lot with the date it becomes
 * available), tier and progress to the next, rewards to redeem (one idempotency key per click,
 * reused on retry), vouchers with a copy button, and the history paged by `nextCursor`. Shows only
 * a short note when the shop runs no programme. Loaded on demand, in its own chunk.
 *
 * @fires comptoir-points-redeemed - points were turned into a voucher
 * @csspart button - the buttons
 * @csspart status - voucher status badges
 * @csspart timeline - the history
 * @csspart error - error messages
 */
export class ComptoirLoyalty extends LitElement {
  static override properties = {
    ctx: { attribute: false },
    history: { state: true },
    nextCursor: { state: true },
    historyError: { state: true },
    isLoadingMore: { state: true },
    redeeming: { state: true },
    redeemError: { state: true },
    notice: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    statusStyles,
    caseStyles,
    css`
      .balance {
        font-size: 1.1rem;
      }
      .balance strong {
        font-size: 2rem;
        line-height: 1.1;
        margin-inline-end: 0.3rem;
      }
      progress {
        width: 100%;
        height: 0.8rem;
        accent-color: var(--_accent);
      }
      .reward,
      .voucher {
        display: grid;
        gap: 0.4rem;
        padding: 0.8rem 1rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
      }
      input.code {
        flex: 1 1 9rem;
        min-width: 0;
        font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
        font-weight: 700;
        letter-spacing: 0.05em;
      }
      .entry {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 0.1rem 0.75rem;
      }
      .points {
        font-weight: 700;
        text-align: end;
      }
    `,
  ];

  declare ctx: WidgetContext;
  /** History pages loaded after the first (which comes with the summary). */
  declare history: LoyaltyEntry[];
  declare nextCursor: string | null;
  declare historyError: string;
  declare isLoadingMore: boolean;
  /** The reward being redeemed, or ''. */
  declare redeeming: string;
  declare redeemError: { rewardId: string; message: string; canRetry: boolean } | null;
  declare notice: string;

  private readonly keys = new RedeemKeys();

  constructor() {
    super();
    this.history = [];
    this.nextCursor = null;
    this.historyError = '';
    this.isLoadingMore = false;
    this.redeeming = '';
    this.redeemError = null;
    this.notice = '';
  }

  private readonly summary = new Task(this, {
    task: async ([ctx]) => {
      if (!ctx) return undefined;
      // The shop's settings already say the programme is off: nothing to ask (a deep link may still lead here).
      if (!ctx.shop.loyaltyEnabled) return null;
      const summary = await ctx.api.query<LoyaltySummary>('loyalty.widget.summary', { limit: 20 });
      this.history = summary.history;
      this.nextCursor = summary.nextCursor;
      return summary;
    },
    args: () => [this.ctx] as const,
  });

  private text(key: CaseTextKey, params?: Record<string, string | number>) {
    return caseText(this.ctx.t.locale, key, params);
  }

  private points(value: number): string {
    return new Intl.NumberFormat(this.ctx.t.locale).format(value);
  }

  override render() {
    const { t } = this.ctx;
    return html`<h2>${this.text('loyaltyTitle')}</h2>
      ${this.summary.render({
        pending: () => html`<div class="skeleton" aria-busy="true" aria-label=${t.t('loading')}></div>`,
        error: (error) =>
          html`<div class="error" part="error" role="alert">
            <p>${describeError(error, t)}</p>
            <button class="button secondary" part="button" @click=${() => this.summary.run()}>${t.t('retry')}</button>
          </div>`,
        complete: (summary) => {
          if (summary === undefined) return nothing;
          if (!summary?.enabled) return html`<p class="muted">${this.text('loyaltyOff')}</p>`;
          return this.renderAccount(summary);
        },
      })}`;
  }

  private renderAccount(summary: LoyaltySummary) {
    const { t } = this.ctx;
    const tier = summary.tier;
    const percent = tierPercent(tier);
    return html`
      <section class="box" aria-labelledby="balance">
        <p class="balance" id="balance"><strong>${this.points(summary.available)}</strong> ${this.text('available', { points: '' }).trim()}</p>
        ${summary.pending ? html`<p>${this.text('pending', { points: this.points(summary.pending) })}</p>` : nothing}
        ${summary.pendingLots.length
          ? html`<ul class="lots">
              ${summary.pendingLots.map(
                (lot) => html`<li class="muted">
                  ${lot.availableAt
                    ? this.text('pendingLot', { points: this.points(lot.points), date: t.date(lot.availableAt) })
                    : this.text('pendingLotLater', { points: this.points(lot.points) })}
                </li>`,
              )}
            </ul>`
          : nothing}
        ${summary.expiresAt ? html`<p class="muted">${this.text('expiresAt', { date: t.date(summary.expiresAt) })}</p>` : nothing}
      </section>
      <section aria-labelledby="tier">
        <h3 id="tier">${this.text('tier', { name: tier.current.name })}</h3>
        ${tier.next
          ? html`<progress max="100" .value=${percent} aria-label=${this.text('tierProgress', { name: tier.next.name })}></progress>
              <p>${this.text('tierRemaining', { amount: t.money(tier.remainingMinor, tier.currency), name: tier.next.name })}</p>`
          : html`<p>${this.text('tierTop')}</p>`}
        ${tier.current.multiplier > 1
          ? html`<p class="muted">${this.text('tierMultiplier', { multiplier: new Intl.NumberFormat(t.locale).format(tier.current.multiplier) })}</p>`
          : nothing}
      </section>
      ${this.notice ? html`<p class="box notice" role="status">${this.notice}</p>` : nothing}
      ${summary.rewards.length
        ? html`<section aria-labelledby="rewards">
            <h3 id="rewards">${this.text('rewards')}</h3>
            <ul>
              ${summary.rewards.map((reward) => this.renderReward(summary, reward))}
            </ul>
          </section>`
        : nothing}
      <section aria-labelledby="vouchers">
        <h3 id="vouchers">${this.text('vouchers')}</h3>
        ${summary.vouchers.length
          ? html`<ul>
              ${summary.vouchers.map((voucher) => this.renderVoucher(voucher))}
            </ul>`
          : html`<p class="muted">${this.text('noVouchers')}</p>`}
      </section>
      <section aria-labelledby="history">
        <h3 id="history">${this.text('historyTitle')}</h3>
        ${this.history.length
          ? html`<ol part="timeline">
              ${this.history.map((entry) => this.renderEntry(entry))}
            </ol>`
          : html`<p class="muted">${this.text('noHistory')}</p>`}
        ${this.historyError ? html`<p class="error" part="error" role="alert">${this.historyError}</p>` : nothing}
        ${this.nextCursor
          ? html`<div>
              <button class="button secondary" part="button" ?disabled=${this.isLoadingMore} @click=${this.loadMore}>${this.text('more')}</button>
            </div>`
          : nothing}
      </section>
    `;
  }

  private renderReward(summary: LoyaltySummary, reward: LoyaltyReward) {
    const { t } = this.ctx;
    const value = t.money(reward.valueMinor, reward.currency);
    const error = this.redeemError?.rewardId === reward.id ? this.redeemError : null;
    const missingId = `missing-${reward.id}`;
    return html`<li class="reward">
      <span class="row"><strong>${this.text('reward', { value })}</strong><span class="muted">${this.text('rewardPoints', { points: this.points(reward.points) })}</span></span>
      ${reward.isAffordable
        ? nothing
        : html`<span class="muted" id=${missingId}>${this.text('missing', { points: this.points(reward.points - summary.available) })}</span>`}
      ${error ? html`<p class="error" part="error" role="alert">${error.message}</p>` : nothing}
      <div class="row">
        <button
          class="button redeem"
          part="button"
          aria-label=${this.text('redeemLabel', { points: this.points(reward.points), value })}
          aria-describedby=${reward.isAffordable ? nothing : missingId}
          ?disabled=${!reward.isAffordable || Boolean(this.redeeming)}
          @click=${() => this.redeem(reward, this.keys.start(reward.id))}
        >
          ${this.redeeming === reward.id ? this.text('sending') : this.text('redeem')}
        </button>
        ${error?.canRetry
          ? html`<button class="button secondary" part="button" ?disabled=${Boolean(this.redeeming)} @click=${() => this.redeem(reward, this.keys.retry(reward.id))}>
              ${t.t('retry')}
            </button>`
          : nothing}
      </div>
    </li>`;
  }

  private renderVoucher(voucher: LoyaltyVoucher) {
    const { t } = this.ctx;
    const value = t.money(voucher.valueMinor, voucher.currency);
    const isUsed = voucher.status === 'redeemed';
    return html`<li class="voucher">
      <span class="row">
        <strong>${this.text('reward', { value })}</strong>
        ${isUsed && voucher.redeemedAt ? html`<span class="status off" part="status">${this.text('voucherUsed', { date: t.date(voucher.redeemedAt) })}</span>` : nothing}
      </span>
      <span class="row">
        <input class="code" type="text" readonly .value=${voucher.code} aria-label=${this.text('voucherCode', { value })} />
        ${isUsed
          ? nothing
          : html`<button class="button secondary copy" part="button" aria-label=${this.text('copyLabel', { code: voucher.code })} @click=${(event: Event) => this.copy(event, voucher.code)}>
              ${this.text('copy')}
            </button>`}
      </span>
      ${!isUsed && voucher.expiresAt ? html`<span class="muted">${this.text('voucherUntil', { date: t.date(voucher.expiresAt) })}</span>` : nothing}
    </li>`;
  }

  private renderEntry(entry: LoyaltyEntry) {
    const { t } = this.ctx;
    const sign = entry.points > 0 ? '+' : entry.points < 0 ? '−' : '';
    return html`<li class="entry">
      <span>${this.text(`kind.${entry.kind}`)}${entry.bucket === 'pending' && entry.kind === 'earn' ? html` <span class="muted">(${this.text('pending', { points: '' }).trim()})</span>` : nothing}</span>
      <span class="points">${this.text('pointsDelta', { points: `${sign}${this.points(Math.abs(entry.points))}` })}</span>
      <time class="muted" datetime=${entry.createdAt}>${t.date(entry.createdAt)}</time>
      ${entry.reason && entry.kind === 'adjust' ? html`<span class="muted text">${entry.reason}</span>` : nothing}
    </li>`;
  }

  /** Redeems with `key`: a new one per click, the same one when retrying a failed attempt. */
  private async redeem(reward: LoyaltyReward, key: string) {
    if (this.redeeming) return;
    this.redeeming = reward.id;
    this.redeemError = null;
    this.notice = '';
    try {
      const result = await this.ctx.api.mutation<RedeemResult>('loyalty.widget.redeem', { rewardId: reward.id, idempotencyKey: key });
      this.keys.settle(reward.id);
      this.notice = this.text('redeemed', { value: this.ctx.t.money(result.voucher.valueMinor, result.voucher.currency), code: result.voucher.code });
      emit(this, 'comptoir-points-redeemed', { rewardId: reward.id, points: result.voucher.points });
      await this.summary.run();
    } catch (error) {
      // Only a failure that may not have reached the server keeps its key for a retry.
      const canRetry = !(error instanceof ApiError) || error.isRetryable;
      if (!canRetry) this.keys.settle(reward.id);
      this.redeemError = { rewardId: reward.id, message: describeError(error, this.ctx.t), canRetry };
    } finally {
      this.redeeming = '';
    }
  }

  /** Copies a code; where the clipboard is refused, selects it for the shopper to copy. */
  private async copy(event: Event, code: string) {
    const input = (event.currentTarget as HTMLElement).parentElement?.querySelector('input');
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(code);
      this.notice = this.text('copied');
    } catch {
      input?.focus();
      input?.select();
      this.notice = this.text('selected');
    }
  }

  private async loadMore() {
    if (this.isLoadingMore || !this.nextCursor) return;
    this.isLoadingMore = true;
    this.historyError = '';
    try {
      const page = await this.ctx.api.query<LoyaltySummary>('loyalty.widget.summary', { limit: 20, cursor: this.nextCursor });
      this.history = appendEntries(this.history, page.history);
      this.nextCursor = page.nextCursor;
    } catch (error) {
      this.historyError = describeError(error, this.ctx.t);
    } finally {
      this.isLoadingMore = false;
    }
  }
}

if (!customElements.get('comptoir-loyalty')) customElements.define('comptoir-loyalty', ComptoirLoyalty);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-loyalty': ComptoirLoyalty;
  }
}
