import { LitElement, css, html, nothing } from 'lit';
import { LocaleController, t } from '../../i18n/index.js';
import { session } from '../../session.js';
import { api, errorMessageOf, type InboxCase } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import { PagedListController } from '../../components/paged-list-controller.js';
import { caseStatusLabel, caseTypeLabel, caseTypes, countdownOf, type CaseTypeName } from './case-labels.js';

/** The overdue filter: every case, only late ones, or only those still on time. */
type OverdueFilter = 'all' | 'overdue' | 'onTime';

/**
 * Every open return, claim, exchange and ticket, the next deadline first, each with a countdown
 * coloured (and worded) by urgency; filters by type and lateness, a search, and bulk approval of
 * returns. Cards on a phone, a table from 48rem.
 *
 * @csspart case - one case of the list
 */
export class ComptoirInboxPage extends LitElement {
  static override properties = {
    error: { state: true },
    notice: { state: true },
    type: { state: true },
    overdue: { state: true },
    search: { state: true },
    selected: { state: true },
    busy: { state: true },
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
      .filters {
        display: grid;
        gap: 0.75rem;
        grid-template-columns: 1fr 1fr;
      }
      .filters .search {
        grid-column: 1 / -1;
      }
      .bulk {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
      }
      ul.cards {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.75rem;
      }
      .cards li {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.25rem 0.75rem;
        align-items: start;
      }
      .cards .body {
        grid-column: 2;
        display: grid;
        gap: 0.25rem;
      }
      .cards .select {
        grid-column: 1;
        grid-row: 1;
      }
      input[type='checkbox'] {
        width: 24px;
        min-height: 24px;
        height: 24px;
        margin: 0.6rem 0;
      }
      .countdown {
        display: inline-block;
        font-weight: 700;
        border-radius: 999px;
        padding: 0.1rem 0.6rem;
        border: 1px solid var(--_border);
      }
      .countdown.overdue {
        color: var(--_on-accent);
        background: var(--_danger);
        border-color: var(--_danger);
      }
      .countdown.soon {
        color: var(--comptoir-warning-text, #1c1b19);
        background: var(--comptoir-warning, #f2a33a);
        border-color: var(--comptoir-warning, #f2a33a);
      }
      .countdown.none {
        color: var(--_muted);
      }
      table {
        display: none;
        width: 100%;
        border-collapse: collapse;
        background: var(--_surface);
      }
      th,
      td {
        text-align: left;
        padding: 0.5rem;
        border-bottom: 1px solid var(--_border);
        vertical-align: middle;
      }
      @media (min-width: 48rem) {
        ul.cards {
          display: none;
        }
        table {
          display: table;
        }
        .filters {
          grid-template-columns: 10rem 10rem 1fr;
        }
        .filters .search {
          grid-column: auto;
        }
      }
    `,
  ];

  /** What went wrong with an action (a failed read of the list is the list's own error). */
  declare error: string;
  declare notice: string;
  declare type: CaseTypeName | '';
  declare overdue: OverdueFilter;
  declare search: string;
  declare selected: ReadonlySet<string>;
  declare busy: boolean;

  private readonly locale = new LocaleController(this);
  /** The cases, a page at a time; a later filter change wins over an answer that arrives late. */
  private readonly list = new PagedListController<InboxCase>(this, async (cursor) => {
    const page = await api.cases.admin.inbox.query({
      ...(this.type ? { types: [this.type] } : {}),
      ...(this.overdue === 'all' ? {} : { overdue: this.overdue === 'overdue' }),
      ...(this.search.trim() ? { search: this.search.trim() } : {}),
      limit: 50,
      cursor,
    });
    return { items: page.cases, nextCursor: page.nextCursor };
  });

  constructor() {
    super();
    this.error = '';
    this.notice = '';
    this.type = '';
    this.overdue = 'all';
    this.search = '';
    this.selected = new Set();
    this.busy = false;
  }

  /** The first page again for new filters; a selection made in the old list does not carry over. */
  private reload(): void {
    this.selected = new Set();
    this.error = '';
    void this.list.reload();
  }

  private onSearch(event: Event): void {
    this.search = (event.target as HTMLInputElement).value;
    this.selected = new Set();
    this.error = '';
    this.list.reloadSoon();
  }

  private toggle(id: string, isChecked: boolean): void {
    const next = new Set(this.selected);
    if (isChecked) next.add(id);
    else next.delete(id);
    this.selected = next;
  }

  private async bulkApprove(): Promise<void> {
    this.busy = true;
    this.error = '';
    this.notice = '';
    try {
      const result = await api.returns.admin.bulkApprove.mutate({ returnIds: [...this.selected] });
      const approved = result.filter((row) => row.ok).length;
      this.notice = t('inbox.bulk.done', { count: approved, failed: result.length - approved });
      this.reload();
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    } finally {
      this.busy = false;
    }
  }

  private isApprovable(row: InboxCase): boolean {
    return row.type === 'return' && (row.status === 'requested' || row.status === 'needs_review');
  }

  private caseLink(row: InboxCase) {
    const href = `#/case?type=${row.type}&id=${row.id}`;
    return html`<a href=${href}>${caseTypeLabel(row.type)} · ${row.orderNumber ?? t('inbox.noOrder')}</a>`;
  }

  private checkbox(row: InboxCase) {
    if (!this.isApprovable(row)) return nothing;
    return html`<input
      type="checkbox"
      aria-label=${t('inbox.select', { order: row.orderNumber ?? row.id })}
      .checked=${this.selected.has(row.id)}
      @change=${(event: Event) => this.toggle(row.id, (event.target as HTMLInputElement).checked)}
    />`;
  }

  private countdown(row: InboxCase) {
    const { urgency, text } = countdownOf(row.openedAt, row.nextDeadlineAt, Date.now());
    return html`<span class="countdown ${urgency}">${text}</span>`;
  }

  private renderList(cases: InboxCase[]) {
    if (cases.length === 0) return html`<div class="card"><p><strong>${t('inbox.empty')}</strong></p></div>`;
    return html`
      <ul class="cards">
        ${cases.map(
          (row) => html`<li class="card" part="case">
            <span class="select">${this.checkbox(row)}</span>
            <div class="body">
              <strong>${this.caseLink(row)}</strong>
              <span>${row.customerName ?? row.customerEmail}</span>
              <span class="muted">${caseStatusLabel(row.type, row.status)}</span>
              <span>${this.countdown(row)}</span>
            </div>
          </li>`,
        )}
      </ul>
      <table>
        <caption class="visually-hidden">${t('inbox.title')}</caption>
        <thead>
          <tr>
            <th scope="col"><span class="visually-hidden">${t('inbox.column.select')}</span></th>
            <th scope="col">${t('inbox.column.case')}</th>
            <th scope="col">${t('inbox.column.customer')}</th>
            <th scope="col">${t('inbox.column.status')}</th>
            <th scope="col">${t('inbox.column.deadline')}</th>
          </tr>
        </thead>
        <tbody>
          ${cases.map(
            (row) => html`<tr part="case">
              <td>${this.checkbox(row)}</td>
              <td>${this.caseLink(row)}</td>
              <td>${row.customerName ?? ''}<br /><span class="muted">${row.customerEmail}</span></td>
              <td>${caseStatusLabel(row.type, row.status)}</td>
              <td>${this.countdown(row)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.list.nextCursor
        ? html`<button type="button" class="secondary" @click=${() => this.list.more()}>${t('inbox.more')}</button>`
        : nothing}
    `;
  }

  override render() {
    void this.locale;
    return html`
      <h1>${t('inbox.title')}</h1>
      <div class="filters">
        <div class="field">
          <label for="type">${t('inbox.filter.type')}</label>
          <select
            id="type"
            @change=${(event: Event) => {
              this.type = (event.target as HTMLSelectElement).value as CaseTypeName | '';
              this.reload();
            }}
          >
            <option value="" ?selected=${this.type === ''}>${t('inbox.filter.all')}</option>
            ${caseTypes.map((type) => html`<option value=${type} ?selected=${this.type === type}>${caseTypeLabel(type)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="overdue">${t('inbox.filter.deadline')}</label>
          <select
            id="overdue"
            @change=${(event: Event) => {
              this.overdue = (event.target as HTMLSelectElement).value as OverdueFilter;
              this.reload();
            }}
          >
            <option value="all" ?selected=${this.overdue === 'all'}>${t('inbox.filter.all')}</option>
            <option value="overdue" ?selected=${this.overdue === 'overdue'}>${t('inbox.filter.overdue')}</option>
            <option value="onTime" ?selected=${this.overdue === 'onTime'}>${t('inbox.filter.onTime')}</option>
          </select>
        </div>
        <div class="field search">
          <label for="search">${t('inbox.search')}</label>
          <input id="search" type="search" .value=${this.search} @input=${this.onSearch} />
        </div>
      </div>
      ${this.list.error || this.error ? html`<p class="alert error" role="alert">${this.list.error || this.error}</p>` : nothing}
      ${this.notice ? html`<p class="alert success" role="status">${this.notice}</p>` : nothing}
      ${this.selected.size > 0
        ? html`<div class="bulk">
            <button type="button" id="bulk-approve" ?disabled=${this.busy} @click=${this.bulkApprove}>
              ${t('inbox.bulk.approve', { count: this.selected.size })}
            </button>
          </div>`
        : nothing}
      ${this.list.items === null ? html`<p class="muted" role="status">${t('app.loading')}</p>` : this.renderList(this.list.items)}
    `;
  }
}

customElements.define('comptoir-inbox-page', ComptoirInboxPage);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-inbox-page': ComptoirInboxPage;
  }
}
