import { LitElement, css, html, nothing } from 'lit';
import { returnReasonLabels, type ReturnReason } from '@comptoir/protocol/policy/return-reasons';
import { currentLocale, LocaleController, t, type MessageKey } from '../../i18n/index.js';
import { session } from '../../session.js';
import { api, errorMessageOf, type Outputs } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import { casesExportName, downloadText, safeDownloadName } from '../../components/download-file.js';
import { automaticReasonLabel } from '../audit/event-labels.js';
import { formatHours, formatMinutes, formatRating, formatShare, hasDailyActivity } from './dashboard-format.js';
import './daily-chart.js';
import './bar-list.js';

/** What `dashboard.admin.summary` answers. */
export type DashboardSummary = Outputs['dashboard']['admin']['summary'];

/** The periods the dashboard offers, in days. */
export const periods = [7, 30, 90] as const;
export type Period = (typeof periods)[number];

const promiseKeys: Record<string, MessageKey> = {
  return_approval: 'dashboard.promise.return_approval',
  refund_due: 'dashboard.promise.refund_due',
  claim_answer: 'dashboard.promise.claim_answer',
  ticket_first_response: 'dashboard.promise.ticket_first_response',
};

/** A return reason code in words, from the protocol's labels; "none" when the shopper gave none, unknown codes as they are. */
function returnReasonLabel(reason: string): string {
  if (reason === 'none') return t('dashboard.reason.none');
  return Object.hasOwn(returnReasonLabels, reason) ? returnReasonLabels[reason as ReturnReason][currentLocale()] : reason;
}

/** Whether the period saw anything at all: no order, no case, no rating, no deadline settled. */
function isEmpty(summary: DashboardSummary): boolean {
  return (
    summary.returnRate.ordersPlaced === 0 &&
    summary.promisesKept.every((promise) => promise.kept + promise.missed === 0) &&
    summary.averageRating.count === 0 &&
    summary.automaticDecisions.length === 0 &&
    !hasDailyActivity(summary.daily)
  );
}

/**
 * The service dashboard: over 7, 30 or 90 days, the share of promises kept per kind, the median
 * first reply and receipt-to-refund times, the return rate, the average rating, the decisions
 * Comptoir took by itself; the daily activity as a chart (with its table), the return reasons and
 * the most returned products as bar lists; and the period's cases as a CSV file.
 *
 * @csspart tile - one figure
 */
export class ComptoirDashboardPage extends LitElement {
  static override properties = {
    days: { state: true },
    summary: { state: true },
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
        gap: 1rem;
      }
      h1 {
        margin: 0;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem 1.5rem;
        align-items: end;
        justify-content: space-between;
      }
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
      }
      legend {
        font-weight: 600;
        margin-bottom: 0.35rem;
      }
      .segments {
        display: inline-flex;
        border: 1px solid var(--_accent);
        border-radius: calc(var(--_radius) - 4px);
        overflow: hidden;
      }
      .segments label {
        position: relative;
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        padding: 0 1rem;
        cursor: pointer;
        color: var(--_accent);
        background: var(--_surface);
      }
      .segments label + label {
        border-left: 1px solid var(--_accent);
      }
      .segments input {
        position: absolute;
        opacity: 0;
        width: 1px;
        min-height: 0;
        height: 1px;
      }
      .segments label:has(input:checked) {
        background: var(--_accent);
        color: var(--_on-accent);
      }
      .segments label:has(input:focus-visible) {
        outline: 3px solid var(--_focus);
        outline-offset: -3px;
      }
      .tiles {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        gap: 0.75rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .tile {
        display: grid;
        gap: 0.25rem;
        align-content: start;
      }
      .tile h3 {
        margin: 0;
        font-size: 0.95rem;
        font-weight: 600;
      }
      .figure {
        font-size: 1.8rem;
        font-weight: 800;
        line-height: 1.1;
        font-variant-numeric: tabular-nums;
      }
      .promises {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      .promises li {
        display: flex;
        justify-content: space-between;
        gap: 0.75rem;
        align-items: baseline;
        border-top: 1px solid var(--_border);
        padding-top: 0.5rem;
      }
      .promises li:first-child {
        border-top: 0;
        padding-top: 0;
      }
      .promises .figure {
        font-size: 1.3rem;
      }
      .columns {
        display: grid;
        gap: 1rem;
      }
      @media (min-width: 60rem) {
        .columns {
          grid-template-columns: 1fr 1fr;
          align-items: start;
        }
      }
    `,
  ];

  declare days: Period;
  declare summary: DashboardSummary | null;
  declare error: string;
  declare exportError: string;
  declare isExporting: boolean;

  private readonly locale = new LocaleController(this);
  private loadSeq = 0;

  constructor() {
    super();
    this.days = 30;
    this.summary = null;
    this.error = '';
    this.exportError = '';
    this.isExporting = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const seq = ++this.loadSeq;
    const days = this.days;
    try {
      const summary = await api.dashboard.admin.summary.query({ days });
      // A later period wins over an answer that arrives late.
      if (seq !== this.loadSeq) return;
      this.summary = summary;
      this.error = '';
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    }
  }

  private choosePeriod(days: Period): void {
    if (days === this.days) return;
    this.days = days;
    void this.load();
  }

  private async exportCases(): Promise<void> {
    this.isExporting = true;
    this.exportError = '';
    try {
      const { filename, csv } = await api.dashboard.admin.exportCases.query({ days: this.days });
      const fallback = casesExportName(session.me?.activeShop.slug ?? 'shop', new Date());
      downloadText(this.renderRoot, safeDownloadName(filename, fallback), csv);
    } catch (error) {
      session.handleError(error);
      this.exportError = errorMessageOf(error);
    } finally {
      this.isExporting = false;
    }
  }

  /** A date of the period's bounds, in the shop's time zone. */
  private shopDate(value: string | Date, timeZone: string): string {
    return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'long', timeZone }).format(new Date(value));
  }

  private renderPeriod() {
    return html`<fieldset>
      <legend>${t('period.label')}</legend>
      <div class="segments">
        ${periods.map(
          (days) => html`<label for=${`period-${days}`}>
            <input
              type="radio"
              id=${`period-${days}`}
              name="period"
              value=${days}
              .checked=${this.days === days}
              @change=${() => this.choosePeriod(days)}
            />
            ${t('period.days', { days })}
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  private renderTiles(summary: DashboardSummary) {
    const locale = currentLocale();
    const { returnRate, averageRating } = summary;
    const automaticTotal = summary.automaticDecisions.reduce((sum, entry) => sum + entry.count, 0);
    const byKind = (kind: 'return' | 'claim' | 'ticket') => formatRating(averageRating.byKind[kind].average, locale);
    return html`<ul class="tiles">
      <li class="card tile" part="tile" id="tile-promises">
        <h3>${t('dashboard.promises')}</h3>
        <ul class="promises">
          ${summary.promisesKept.map(
            (promise) => html`<li data-kind=${promise.kind}>
              <span>
                ${promiseKeys[promise.kind] ? t(promiseKeys[promise.kind]!) : promise.kind}<br />
                <span class="muted">${t('dashboard.promise.kept', { kept: promise.kept, total: promise.kept + promise.missed })}</span>
              </span>
              <span class="figure">${formatShare(promise.share, locale)}</span>
            </li>`,
          )}
        </ul>
      </li>
      <li class="card tile" part="tile" id="tile-first-response">
        <h3>${t('dashboard.firstResponse')}</h3>
        <span class="figure">${formatMinutes(summary.medianFirstResponseMinutes, locale)}</span>
        <p class="hint">${t('dashboard.firstResponse.hint')}</p>
      </li>
      <li class="card tile" part="tile" id="tile-receipt-refund">
        <h3>${t('dashboard.receiptToRefund')}</h3>
        <span class="figure">${formatHours(summary.medianReceiptToRefundHours, locale)}</span>
        <p class="hint">${t('dashboard.receiptToRefund.hint')}</p>
      </li>
      <li class="card tile" part="tile" id="tile-return-rate">
        <h3>${t('dashboard.returnRate')}</h3>
        <span class="figure">${formatShare(returnRate.rate, locale)}</span>
        <p class="hint">${t('dashboard.returnRate.detail', { returned: returnRate.ordersReturned, placed: returnRate.ordersPlaced })}</p>
      </li>
      <li class="card tile" part="tile" id="tile-rating">
        <h3>${t('dashboard.rating')}</h3>
        <span class="figure">${formatRating(averageRating.average, locale)}</span>
        <p class="hint">
          ${t('dashboard.rating.detail', { count: averageRating.count })}<br />
          ${t('dashboard.rating.byKind', { return: byKind('return'), claim: byKind('claim'), ticket: byKind('ticket') })}
        </p>
      </li>
      <li class="card tile" part="tile" id="tile-automatic">
        <h3>${t('dashboard.automatic')}</h3>
        <span class="figure">${automaticTotal}</span>
        ${summary.automaticDecisions.length
          ? html`<ul class="promises">
              ${summary.automaticDecisions.map(
                (entry) => html`<li><span>${automaticReasonLabel(entry.reason, locale)}</span><strong>${entry.count}</strong></li>`,
              )}
            </ul>`
          : html`<p class="hint">${t('dashboard.automatic.empty')}</p>`}
      </li>
    </ul>`;
  }

  private renderSummary(summary: DashboardSummary) {
    return html`
      <p class="muted" id="period-bounds">
        ${t('dashboard.intro', { from: this.shopDate(summary.from, summary.timeZone), to: this.shopDate(summary.to, summary.timeZone) })}
      </p>
      ${isEmpty(summary) ? html`<p class="card" id="dashboard-empty">${t('dashboard.empty')}</p>` : nothing}
      ${this.renderTiles(summary)}
      <section class="card" aria-labelledby="daily-title">
        <h2 id="daily-title">${t('dashboard.daily')}</h2>
        <comptoir-daily-chart .days=${summary.daily}></comptoir-daily-chart>
      </section>
      <div class="columns">
        <section class="card" aria-labelledby="reasons-title">
          <h2 id="reasons-title">${t('dashboard.reasons')}</h2>
          ${summary.returnReasons.length
            ? html`<comptoir-bar-list
                id="reasons"
                caption=${t('dashboard.reasons')}
                label-header=${t('dashboard.reasons')}
                value-header=${t('dashboard.count')}
                .items=${summary.returnReasons.map((entry) => ({ label: returnReasonLabel(entry.reason), value: entry.count }))}
              ></comptoir-bar-list>`
            : html`<p class="muted">${t('dashboard.reasons.empty')}</p>`}
        </section>
        <section class="card" aria-labelledby="products-title">
          <h2 id="products-title">${t('dashboard.products')}</h2>
          ${summary.topReturnedProducts.length
            ? html`<comptoir-bar-list
                id="products"
                caption=${t('dashboard.products')}
                label-header=${t('dashboard.products.product')}
                value-header=${t('dashboard.products.quantity')}
                .items=${summary.topReturnedProducts.map((entry) => ({ label: entry.title, detail: entry.sku, value: entry.quantity }))}
              ></comptoir-bar-list>`
            : html`<p class="muted">${t('dashboard.products.empty')}</p>`}
        </section>
      </div>
    `;
  }

  override render() {
    void this.locale;
    return html`
      <h1>${t('dashboard.title')}</h1>
      <div class="toolbar">
        ${this.renderPeriod()}
        <div>
          <button type="button" id="export-cases" class="secondary" ?disabled=${this.isExporting} @click=${this.exportCases} aria-describedby="export-hint">
            ${t('dashboard.export')}
          </button>
          <p class="hint" id="export-hint">${t('dashboard.export.hint')}</p>
        </div>
      </div>
      ${this.exportError ? html`<p class="alert error" role="alert">${this.exportError}</p>` : nothing}
      ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
      ${this.summary ? this.renderSummary(this.summary) : this.error ? nothing : html`<p class="muted" role="status">${t('app.loading')}</p>`}
    `;
  }
}

customElements.define('comptoir-dashboard-page', ComptoirDashboardPage);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-dashboard-page': ComptoirDashboardPage;
  }
}
