import { LitElement, html, nothing } from 'lit';
import { statusLabel } from '@comptoir/protocol/status/machine';
import { ticketMachine } from '@comptoir/protocol/status/ticket-status';
import type { TicketPage, TicketSummary } from '../../controllers/api-types.js';
import { describeError, type WidgetContext } from '../../controllers/widget-context.js';
import { caseText, type CaseTextKey } from '../../i18n/cases.js';
import { controls, tokens } from '../styles.js';
import { statusStyles } from '../status-badge.js';
import { caseStyles } from '../case-styles.js';

/**
 * The shopper's tickets (questions to the shop), newest first, paged by `nextCursor`, with a
 * button to open a new one. Loaded on demand, with the other ticket screens.
 *
 * @csspart order - the button of each ticket
 * @csspart status - each status badge
 * @csspart button - the buttons
 * @csspart error - the message when the list cannot be loaded
 */
export class ComptoirTicketList extends LitElement {
  static override properties = {
    ctx: { attribute: false },
    tickets: { state: true },
    nextCursor: { state: true },
    errorText: { state: true },
    isLoading: { state: true },
  };

  static override styles = [tokens, controls, statusStyles, caseStyles];

  declare ctx: WidgetContext;
  declare tickets: TicketSummary[] | null;
  declare nextCursor: string | null;
  declare errorText: string;
  declare isLoading: boolean;

  constructor() {
    super();
    this.tickets = null;
    this.nextCursor = null;
    this.errorText = '';
    this.isLoading = false;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Not in connectedCallback: a screen upgraded after its chunk loads gets `ctx` only at its first update.
    if (changed.has('ctx') && this.ctx) void this.load(null);
  }

  private text(key: CaseTextKey, params?: Record<string, string | number>) {
    return caseText(this.ctx.t.locale, key, params);
  }

  /** Loads the first page (cursor null) or the page after `cursor`, appending it. */
  private async load(cursor: string | null) {
    if (this.isLoading || !this.ctx) return;
    this.isLoading = true;
    this.errorText = '';
    try {
      const page = await this.ctx.api.query<TicketPage>('tickets.widget.list', { limit: 20, ...(cursor ? { cursor } : {}) });
      const known = new Set((cursor ? (this.tickets ?? []) : []).map((ticket) => ticket.id));
      this.tickets = [...(cursor ? (this.tickets ?? []) : []), ...page.tickets.filter((ticket) => !known.has(ticket.id))];
      this.nextCursor = page.nextCursor;
    } catch (error) {
      this.errorText = describeError(error, this.ctx.t);
    } finally {
      this.isLoading = false;
    }
  }

  override render() {
    const { t } = this.ctx;
    const tickets = this.tickets;
    return html`
      <div class="head">
        <h2>${this.text('ticketsTitle')}</h2>
        <button class="button" part="button" @click=${() => this.ctx.navigate({ name: 'ticket-new' })}>${this.text('newTicket')}</button>
      </div>
      ${tickets === null && !this.errorText ? html`<div class="skeleton" aria-busy="true" aria-label=${t.t('loading')}></div>` : nothing}
      ${tickets && !tickets.length ? html`<p class="muted">${this.text('noTickets')}</p>` : nothing}
      ${tickets?.length
        ? html`<ul>
            ${tickets.map(
              (ticket) => html`<li>
                <button class="item ticket" part="order" @click=${() => this.ctx.navigate({ name: 'ticket', id: ticket.id })}>
                  <span class="title">${ticket.subject}</span>
                  <span><span class="status" part="status">${statusLabel(ticketMachine, ticket.status, t.locale)}</span></span>
                  <span class="muted"
                    >${this.text('openedOn', { date: t.date(ticket.openedAt) })}${ticket.order ? html` · ${t.t('orderLabel', { number: ticket.order.number })}` : nothing}</span
                  >
                </button>
              </li>`,
            )}
          </ul>`
        : nothing}
      ${this.errorText
        ? html`<div class="error" part="error" role="alert">
            <p>${this.errorText}</p>
            <button class="button secondary" part="button" @click=${() => this.load(tickets?.length ? this.nextCursor : null)}>${t.t('retry')}</button>
          </div>`
        : nothing}
      ${this.nextCursor && !this.errorText
        ? html`<div><button class="button secondary" part="button" ?disabled=${this.isLoading} @click=${() => this.load(this.nextCursor)}>${this.text('more')}</button></div>`
        : nothing}
    `;
  }
}

if (!customElements.get('comptoir-ticket-list')) customElements.define('comptoir-ticket-list', ComptoirTicketList);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-ticket-list': ComptoirTicketList;
  }
}
