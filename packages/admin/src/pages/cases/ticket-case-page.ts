import { LitElement, css, html, nothing } from 'lit';
import { canTransition, ticketMachine } from '@comptoir/protocol/status/index';
import { formatDateTime, LocaleController, t, type MessageKey } from '../../i18n/index.js';
import { session } from '../../session.js';
import { api, errorMessageOf, type Outputs } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import { caseStatusLabel, countdownOf } from '../inbox/case-labels.js';

type TicketThread = Outputs['tickets']['admin']['thread'];

const authorKeys: Record<string, MessageKey> = {
  shopper: 'actor.shopper',
  staff: 'actor.staff',
  system: 'actor.system',
};

/**
 * One customer request as staff handle it: the thread (internal messages marked), a reply box,
 * resolve or reopen when the ticket's state machine allows it.
 *
 * @csspart message - one message of the thread
 */
export class ComptoirTicketCasePage extends LitElement {
  static override properties = {
    ticketId: {},
    thread: { state: true },
    error: { state: true },
    notice: { state: true },
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
      .summary,
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.75rem;
      }
      li {
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
        font: inherit;
        color: var(--_text);
        background: var(--_surface);
        border: 1px solid var(--_muted);
        border-radius: calc(var(--_radius) - 4px);
        padding: 0.6rem 0.7rem;
        width: 100%;
        min-height: 6rem;
      }
      .countdown.overdue {
        color: var(--_danger);
        font-weight: 700;
      }
    `,
  ];

  /** The ticket to show. */
  declare ticketId: string;
  declare thread: TicketThread | null;
  declare error: string;
  declare notice: string;
  declare busy: boolean;

  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.ticketId = '';
    this.thread = null;
    this.error = '';
    this.notice = '';
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.thread = await api.tickets.admin.thread.query({ ticketId: this.ticketId });
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    }
  }

  private async act(action: () => Promise<unknown>, done: MessageKey): Promise<boolean> {
    this.busy = true;
    this.error = '';
    this.notice = '';
    try {
      await action();
      this.notice = t(done);
      await this.load();
      return true;
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async reply(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const body = new FormData(form).get('reply')?.toString().trim() ?? '';
    if (!body) return;
    if (await this.act(() => api.tickets.admin.reply.mutate({ ticketId: this.ticketId, body }), 'ticket.replied')) form.reset();
  }

  private renderThread(thread: TicketThread) {
    const countdown = countdownOf(thread.openedAt, thread.nextDeadlineAt, Date.now());
    const canResolve = canTransition(ticketMachine, thread.status, 'resolved');
    const canReopen = canTransition(ticketMachine, thread.status, 'reopened');
    return html`
      <h1>${thread.subject}</h1>
      <div class="summary">
        <strong>${caseStatusLabel('ticket', thread.status)}</strong>
        ${thread.order ? html`<span>${t('return.order', { number: thread.order.number })}</span>` : nothing}
        ${thread.nextDeadlineAt ? html`<span class="countdown ${countdown.urgency}">${countdown.text}</span>` : nothing}
      </div>
      ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
      ${this.notice ? html`<p class="alert success" role="status">${this.notice}</p>` : nothing}
      <section aria-labelledby="thread-title">
        <h2 id="thread-title">${t('ticket.thread')}</h2>
        <ol>
          ${thread.messages.map(
            (message) => html`<li part="message" class="card ${message.authorType} ${message.internal ? 'internal' : ''}">
              <span class="muted">
                ${authorKeys[message.authorType] ? t(authorKeys[message.authorType]!) : message.authorType}
                ${message.internal ? html` · ${t('ticket.internal')}` : nothing} · ${formatDateTime(message.createdAt)}
              </span>
              <p class="body">${message.body}</p>
            </li>`,
          )}
        </ol>
      </section>
      <form class="card" @submit=${this.reply}>
        <div class="field">
          <label for="reply">${t('ticket.reply')}</label>
          <textarea id="reply" name="reply" required maxlength="10000"></textarea>
        </div>
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${t('ticket.send')}</button>
          ${canResolve
            ? html`<button type="button" class="secondary" ?disabled=${this.busy}
                @click=${() => this.act(() => api.tickets.admin.resolve.mutate({ ticketId: this.ticketId }), 'ticket.resolved')}>
                ${t('ticket.resolve')}
              </button>`
            : nothing}
          ${canReopen
            ? html`<button type="button" class="secondary" ?disabled=${this.busy}
                @click=${() => this.act(() => api.tickets.admin.reopen.mutate({ ticketId: this.ticketId }), 'ticket.reopened')}>
                ${t('ticket.reopen')}
              </button>`
            : nothing}
        </div>
      </form>
    `;
  }

  override render() {
    void this.locale;
    return html`
      <p><a href="#/inbox">${t('case.back')}</a></p>
      ${this.thread
        ? this.renderThread(this.thread)
        : this.error
          ? html`<p class="alert error" role="alert">${this.error}</p>`
          : html`<p class="muted" role="status">${t('app.loading')}</p>`}
    `;
  }
}

customElements.define('comptoir-ticket-case-page', ComptoirTicketCasePage);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-ticket-case-page': ComptoirTicketCasePage;
  }
}
