import { LitElement, css, html, nothing } from 'lit';
import { canTransition, ticketMachine } from '@comptoir/protocol/status/index';
import { formatDateTime, LocaleController, t } from '../../i18n/index.js';
import { api, type Outputs } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import { caseStatusLabel } from '../inbox/case-labels.js';
import { CaseActionController } from './case-action-controller.js';
import { renderCaseFrame, renderCaseHeader } from './case-header.js';
import { actorText } from './case-timeline.js';
import { detailPageStyles } from '../../components/detail-page-styles.js';
import { insertIntoTextarea, type SavedReplyChosenDetail } from './saved-reply-picker.js';
import './customer-history.js';
import './saved-reply-picker.js';

type TicketThread = Outputs['tickets']['admin']['thread'];

/**
 * One customer request as staff handle it: the thread (internal messages marked), the customer's
 * history, a reply box with the shop's saved replies, resolve or reopen when the ticket's state
 * machine allows it.
 *
 * @csspart message - one message of the thread
 */
export class ComptoirTicketCasePage extends LitElement {
  static override properties = {
    ticketId: {},
    thread: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    detailPageStyles,
    css`
      ol.thread {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.75rem;
      }
      ol.thread > li {
        max-width: 90%;
        overflow-wrap: anywhere;
      }
      .body {
        white-space: pre-wrap;
        margin: 0.25rem 0 0;
      }
      li.staff {
        justify-self: end;
        border-color: var(--_accent);
      }
      li.internal {
        border-style: dashed;
      }
      textarea {
        min-height: 6rem;
      }
    `,
  ];

  /** The ticket to show. */
  declare ticketId: string;
  declare thread: TicketThread | null;

  private readonly locale = new LocaleController(this);
  private readonly actions = new CaseActionController(this, async () => {
    this.thread = await api.tickets.admin.thread.query({ ticketId: this.ticketId });
  });

  constructor() {
    super();
    this.ticketId = '';
    this.thread = null;
  }

  private async reply(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const body = new FormData(form).get('reply')?.toString().trim() ?? '';
    if (!body) return;
    if (await this.actions.run(() => api.tickets.admin.reply.mutate({ ticketId: this.ticketId, body }), 'ticket.replied')) form.reset();
  }

  private renderThread(thread: TicketThread) {
    const canResolve = canTransition(ticketMachine, thread.status, 'resolved');
    const canReopen = canTransition(ticketMachine, thread.status, 'reopened');
    return html`
      ${renderCaseHeader(
        {
          title: thread.subject,
          status: caseStatusLabel('ticket', thread.status),
          facts: thread.order
            ? [html`<a href=${`#/order?id=${encodeURIComponent(thread.order.id)}`}>${t('return.order', { number: thread.order.number })}</a>`]
            : [],
          openedAt: thread.openedAt,
          nextDeadlineAt: thread.nextDeadlineAt,
        },
        this.actions,
      )}
      <section aria-labelledby="thread-title">
        <h2 id="thread-title">${t('ticket.thread')}</h2>
        <ol class="thread">
          ${thread.messages.map(
            (message) => html`<li part="message" class="card ${message.authorType} ${message.internal ? 'internal' : ''}">
              <span class="muted">
                ${actorText(message.authorType)}
                ${message.internal ? html` · ${t('ticket.internal')}` : nothing} · ${formatDateTime(message.createdAt)}
              </span>
              <p class="body">${message.body}</p>
            </li>`,
          )}
        </ol>
      </section>
      <form class="card" @submit=${this.reply}>
        <comptoir-saved-reply-picker
          case-type="ticket"
          customer-id=${thread.customerId}
          case-id=${this.ticketId}
          @comptoir-saved-reply-chosen=${(event: CustomEvent<SavedReplyChosenDetail>) => insertIntoTextarea(this.renderRoot.querySelector('#reply'), event.detail.body)}
        ></comptoir-saved-reply-picker>
        <div class="field">
          <label for="reply">${t('ticket.reply')}</label>
          <textarea id="reply" name="reply" required maxlength="10000"></textarea>
        </div>
        <div class="actions">
          <button type="submit" ?disabled=${this.actions.busy}>${t('ticket.send')}</button>
          ${canResolve
            ? html`<button type="button" class="secondary" ?disabled=${this.actions.busy}
                @click=${() => this.actions.run(() => api.tickets.admin.resolve.mutate({ ticketId: this.ticketId }), 'ticket.resolved')}>
                ${t('ticket.resolve')}
              </button>`
            : nothing}
          ${canReopen
            ? html`<button type="button" class="secondary" ?disabled=${this.actions.busy}
                @click=${() => this.actions.run(() => api.tickets.admin.reopen.mutate({ ticketId: this.ticketId }), 'ticket.reopened')}>
                ${t('ticket.reopen')}
              </button>`
            : nothing}
        </div>
      </form>
      <comptoir-customer-history customer-id=${thread.customerId}></comptoir-customer-history>
    `;
  }

  override render() {
    void this.locale;
    return renderCaseFrame(this.thread, this.actions, (thread) => this.renderThread(thread));
  }
}

customElements.define('comptoir-ticket-case-page', ComptoirTicketCasePage);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-ticket-case-page': ComptoirTicketCasePage;
  }
}
