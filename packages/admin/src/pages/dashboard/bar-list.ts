import { LitElement, css, html } from 'lit';
import { controls, tokens } from '../../components/styles.js';
import { barPercent } from './dashboard-format.js';

/** One row of a bar list. */
export interface BarItem {
  label: string;
  /** A second line under the label (a SKU, say). */
  detail?: string;
  value: number;
}

/**
 * A small horizontal bar chart written as a table: each row its label, its number in words a
 * screen reader reads, and a bar drawn beside it (decorative, hidden from assistive technology).
 * Bars are sized through the CSSOM after rendering: the admin's CSP refuses style attributes, not
 * `element.style`.
 *
 * @csspart row - one row
 */
export class ComptoirBarList extends LitElement {
  static override properties = {
    items: { attribute: false },
    caption: {},
    labelHeader: { attribute: 'label-header' },
    valueHeader: { attribute: 'value-header' },
  };

  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
        min-width: 0;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        padding: 0.35rem 0.25rem;
        border-bottom: 1px solid var(--_border);
        text-align: left;
        vertical-align: top;
      }
      thead th {
        font-size: 0.85rem;
        color: var(--_muted);
      }
      tbody th {
        font-weight: 400;
        overflow-wrap: anywhere;
      }
      .detail {
        display: block;
        color: var(--_muted);
        font-size: 0.85rem;
      }
      td {
        width: 45%;
      }
      .value {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        font-variant-numeric: tabular-nums;
        font-weight: 700;
      }
      .track {
        flex: 1;
        height: 0.7rem;
        background: color-mix(in srgb, var(--_accent) 12%, transparent);
        border-radius: 999px;
        overflow: hidden;
      }
      .bar {
        display: block;
        height: 100%;
        background: var(--_accent);
        border-radius: 999px;
      }
    `,
  ];

  declare items: BarItem[];
  /** Names the table for screen readers (the visible heading says the same). */
  declare caption: string;
  declare labelHeader: string;
  declare valueHeader: string;

  constructor() {
    super();
    this.items = [];
    this.caption = '';
    this.labelHeader = '';
    this.valueHeader = '';
  }

  protected override updated(): void {
    for (const bar of this.renderRoot.querySelectorAll<HTMLElement>('.bar')) bar.style.width = `${bar.dataset.percent ?? 0}%`;
  }

  override render() {
    const max = Math.max(0, ...this.items.map((item) => item.value));
    return html`<table>
      <caption class="visually-hidden">${this.caption}</caption>
      <thead>
        <tr>
          <th scope="col">${this.labelHeader}</th>
          <th scope="col">${this.valueHeader}</th>
        </tr>
      </thead>
      <tbody>
        ${this.items.map(
          (item) => html`<tr part="row">
            <th scope="row">${item.label}${item.detail ? html`<span class="detail">${item.detail}</span>` : ''}</th>
            <td>
              <span class="value">
                ${item.value}
                <span class="track" aria-hidden="true"><span class="bar" data-percent=${barPercent(item.value, max)}></span></span>
              </span>
            </td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

customElements.define('comptoir-bar-list', ComptoirBarList);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-bar-list': ComptoirBarList;
  }
}
