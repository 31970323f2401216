import { LitElement, css, html, nothing, unsafeCSS, type PropertyValues } from 'lit';
import uPlot from 'uplot';
// Bundled into the element's adopted style sheet: no <style> tag or style attribute, which the admin's CSP forbids.
import uPlotCss from 'uplot/dist/uPlot.min.css?inline';
import { currentLocale, LocaleController, t, type MessageKey } from '../../i18n/index.js';
import { controls, tokens } from '../../components/styles.js';
import { dailyColumns, dailySeries, formatDay, hasDailyActivity, type DailyActivity, type DailySeries } from './dashboard-format.js';

const seriesKeys: Record<DailySeries, MessageKey> = {
  returnsRequested: 'dashboard.daily.returnsRequested',
  claimsOpened: 'dashboard.daily.claimsOpened',
  ticketsOpened: 'dashboard.daily.ticketsOpened',
  refundsSucceeded: 'dashboard.daily.refundsSucceeded',
};

/** Colour token and dash pattern per series: the dash tells the lines apart where colour cannot. */
const seriesLooks: Record<DailySeries, { token: string; fallback: string; dash: number[]; className: string }> = {
  returnsRequested: { token: '--_accent', fallback: '#1f5f4a', dash: [], className: 'solid' },
  claimsOpened: { token: '--_danger', fallback: '#a3261b', dash: [8, 4], className: 'dashed' },
  ticketsOpened: { token: '--_focus', fallback: '#1c5bd6', dash: [2, 3], className: 'dotted' },
  refundsSucceeded: { token: '--_muted', fallback: '#5c5850', dash: [12, 3, 2, 3], className: 'dashdot' },
};

/**
 * The cases opened and refunds made per day, as a uPlot line chart, with its legend in HTML and the
 * same figures as a table for screen readers (and anyone who prefers numbers). The canvas itself
 * is hidden from assistive technology; the table says everything it shows.
 *
 * @csspart chart - the box the canvas is drawn in
 * @csspart table - the table alternative
 */
export class ComptoirDailyChart extends LitElement {
  static override properties = {
    days: { attribute: false },
  };

  static override styles = [
    tokens,
    controls,
    unsafeCSS(uPlotCss),
    css`
      :host {
        display: grid;
        gap: 0.75rem;
        min-width: 0;
      }
      .chart {
        min-height: 220px;
        width: 100%;
        overflow: hidden;
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        margin: 0;
        padding: 0;
        list-style: none;
        font-size: 0.9rem;
      }
      .legend li {
        display: inline-flex;
        align-items: center;
        gap: 0.4rem;
      }
      .swatch {
        display: inline-block;
        width: 1.6rem;
        border-top: 3px solid var(--_accent);
      }
      .swatch.dashed {
        border-top: 3px dashed var(--_danger);
      }
      .swatch.dotted {
        border-top: 3px dotted var(--_focus);
      }
      .swatch.dashdot {
        border-top: 3px double var(--_muted);
      }
      .table-wrap {
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.9rem;
      }
      th,
      td {
        text-align: right;
        padding: 0.3rem 0.5rem;
        border-bottom: 1px solid var(--_border);
      }
      th:first-child,
      td:first-child {
        text-align: left;
      }
      summary {
        cursor: pointer;
        min-height: 44px;
        display: flex;
        align-items: center;
        color: var(--_accent);
        font-weight: 600;
      }
    `,
  ];

  /** One entry per day of the period, in the shop's calendar. */
  declare days: DailyActivity[];

  private readonly locale = new LocaleController(this);
  private plot: uPlot | null = null;
  private readonly resizeObserver = new ResizeObserver(() => this.fit());

  constructor() {
    super();
    this.days = [];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver.disconnect();
    this.plot?.destroy();
    this.plot = null;
  }

  private get box(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.chart');
  }

  private fit(): void {
    const box = this.box;
    if (this.plot && box && box.clientWidth > 0) this.plot.setSize({ width: box.clientWidth, height: 220 });
  }

  private color(token: string, fallback: string): string {
    return getComputedStyle(this).getPropertyValue(token).trim() || fallback;
  }

  /** (Re)draws the chart for the current days and language; uPlot owns the box's children. */
  private draw(): void {
    this.plot?.destroy();
    this.plot = null;
    this.resizeObserver.disconnect();
    const box = this.box;
    if (!box || !hasDailyActivity(this.days)) return;
    const locale = currentLocale();
    const text = this.color('--_text', '#1c1b19');
    const grid = this.color('--_border', '#d6d2c8');
    const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const options: uPlot.Options = {
      width: Math.max(240, box.clientWidth),
      height: 220,
      legend: { show: false },
      cursor: { show: false },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      // The x values are the shop's days at 00:00 UTC: read in UTC, they never slip to the day before.
      tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'UTC'),
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [
        { ...axis, values: (_u, splits) => splits.map((seconds) => formatDay(new Date(seconds * 1000).toISOString().slice(0, 10), locale)) },
        { ...axis, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000], values: (_u, splits) => splits.map((value) => String(value)) },
      ],
      series: [
        {},
        ...dailySeries.map((series) => {
          const look = seriesLooks[series];
          return {
            label: t(seriesKeys[series]),
            stroke: this.color(look.token, look.fallback),
            width: 2,
            dash: look.dash,
            points: { show: this.days.length <= 31, size: 5 },
          };
        }),
      ],
    };
    this.plot = new uPlot(options, dailyColumns(this.days), box);
    this.resizeObserver.observe(box);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.draw();
  }

  private renderTable() {
    return html`<details>
      <summary>${t('dashboard.daily.table')}</summary>
      <div class="table-wrap">
        <table part="table">
          <caption class="visually-hidden">${t('dashboard.daily')}</caption>
          <thead>
            <tr>
              <th scope="col">${t('dashboard.daily.date')}</th>
              ${dailySeries.map((series) => html`<th scope="col">${t(seriesKeys[series])}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${this.days.map(
              (day) => html`<tr>
                <th scope="row">${formatDay(day.date, currentLocale())}</th>
                ${dailySeries.map((series) => html`<td>${day[series]}</td>`)}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </details>`;
  }

  override render() {
    void this.locale;
    if (!hasDailyActivity(this.days)) return html`<p class="muted">${t('dashboard.daily.empty')}</p>`;
    const totals = dailySeries.map((series) =>
      t('dashboard.daily.total', { label: t(seriesKeys[series]), count: this.days.reduce((sum, day) => sum + day[series], 0) }),
    );
    return html`
      <ul class="legend">
        ${dailySeries.map(
          (series) => html`<li><span class="swatch ${seriesLooks[series].className}" aria-hidden="true"></span>${t(seriesKeys[series])}</li>`,
        )}
      </ul>
      <div class="chart" part="chart" role="img" aria-label=${totals.join(' · ')}></div>
      ${this.days.length ? this.renderTable() : nothing}
    `;
  }
}

customElements.define('comptoir-daily-chart', ComptoirDailyChart);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-daily-chart': ComptoirDailyChart;
  }
}
