import { LitElement, html, nothing } from 'lit';
import { Task } from '@lit/task';
import type { OpenedTicket, OpenTicketInput, OrderPage } from '../../controllers/api-types.js';
import { describeError, type WidgetContext } from '../../controllers/widget-context.js';
import { emit } from '../../events.js';
import { caseText, type CaseTextKey } from '../../i18n/cases.js';
import { ticketFileRules, toUploads } from '../attachments.js';
import { controls, tokens } from '../styles.js';
import { caseStyles } from '../case-styles.js';
import '../file-picker/file-picker.js';

/**
 * Opens a ticket: a subject, a message, optionally the order it is about (preselected when opened
 * from an order) and files (photos or PDF, checked against the protocol's limits, sent as base64).
 * Lands on the new ticket's thread. Loaded on demand, with the other ticket screens.
 *
 * @fires comptoir-ticket-opened - the ticket was opened
 * @csspart form - the form
 * @csspart input - the fields
 * @csspart button - the submit button
 * @csspart error - the message when it cannot be sent
 */
export class ComptoirTicketForm extends LitElement {
  static override properties = {
    ctx: { attribute: false },
    number: {},
    formError: { state: true },
    isSending: { state: true },
  };

  static override styles = [tokens, controls, caseStyles];

  declare ctx: WidgetContext;
  /** The number of the order the question is about, when opened from it. */
  declare number: string;
  declare formError: string;
  declare isSending: boolean;

  constructor() {
    super();
    this.number = '';
    this.formError = '';
    this.isSending = false;
  }

  /** The shopper's orders, to say which one the question is about (the choice is optional). */
  private readonly orders = new Task(this, {
    task: async ([ctx]) => (ctx ? (await ctx.api.query<OrderPage>('orders.widget.list', { limit: 50 })).orders : []),
    args: () => [this.ctx] as const,
  });

  private text(key: CaseTextKey, params?: Record<string, string | number>) {
    return caseText(this.ctx.t.locale, key, params);
  }

  override render() {
    const { t } = this.ctx;
    const orders = this.orders.value ?? [];
    const locale = t.locale;
    const sizeMb = Math.round(ticketFileRules.maxBytes / (1024 * 1024));
    return html`<h2 id="ticket-title">${this.text('newTicket')}</h2>
      <form part="form" aria-labelledby="ticket-title" novalidate @submit=${this.submit}>
        <label class="field"
          >${this.text('subject')}
          <input part="input" type="text" name="subject" maxlength="200" required autocomplete="off" />
        </label>
        <label class="field"
          >${this.text('message')}
          <textarea part="input" name="body" rows="5" maxlength="10000" required></textarea>
        </label>
        <label class="field"
          >${this.text('aboutOrder')}
          <select part="input" name="orderId">
            <option value="">${this.text('noOrder')}</option>
            ${orders.map(
              (order) => html`<option value=${order.id} ?selected=${order.number === this.number}>${t.t('orderLabel', { number: order.number })}</option>`,
            )}
          </select>
        </label>
        <comptoir-file-picker
          .locale=${locale}
          .rules=${ticketFileRules}
          .label=${this.text('attachments')}
          .hint=${this.text('attachmentsHint', { count: ticketFileRules.maxCount, size: sizeMb })}
        ></comptoir-file-picker>
        ${this.formError ? html`<p class="error" part="error" role="alert">${this.formError}</p>` : nothing}
        <div>
          <button class="button" part="button" type="submit" ?disabled=${this.isSending}>
            ${this.isSending ? this.text('sending') : this.text('send')}
          </button>
        </div>
      </form>`;
  }

  private async submit(event: Event) {
    event.preventDefault();
    if (this.isSending) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const subject = String(data.get('subject') ?? '').trim();
    const body = String(data.get('body') ?? '').trim();
    const orderId = String(data.get('orderId') ?? '');
    if (!subject || !body) {
      this.formError = this.text('fillTicket');
      return;
    }
    this.isSending = true;
    this.formError = '';
    try {
      const picker = this.renderRoot.querySelector('comptoir-file-picker');
      const input: OpenTicketInput = { subject, body, orderId: orderId || null, attachments: await toUploads(picker?.files ?? []) };
      const opened = await this.ctx.api.mutation<OpenedTicket>('tickets.widget.open', input);
      const orderNumber = this.orders.value?.find((order) => order.id === orderId)?.number ?? null;
      emit(this, 'comptoir-ticket-opened', { ticketId: opened.ticketId, orderNumber });
      this.ctx.navigate({ name: 'ticket', id: opened.ticketId, ...(orderNumber && orderNumber === this.number ? { number: orderNumber } : {}) });
    } catch (error) {
      this.formError = describeError(error, this.ctx.t);
    } finally {
      this.isSending = false;
    }
  }
}

if (!customElements.get('comptoir-ticket-form')) customElements.define('comptoir-ticket-form', ComptoirTicketForm);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-ticket-form': ComptoirTicketForm;
  }
}
