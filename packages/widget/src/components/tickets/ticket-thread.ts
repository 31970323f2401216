import { LitElement, html, css, nothing } from 'lit';
import { Task } from '@lit/task';
import { statusLabel } from '@comptoir/protocol/status/machine';
import { ticketMachine } from '@comptoir/protocol/status/ticket-status';
import type { ReplyTicketInput, ThreadMessage, TicketThread } from '../../controllers/api-types.js';
import { describeError, type WidgetContext } from '../../controllers/widget-context.js';
import { caseText, type CaseTextKey } from '../../i18n/cases.js';
import { fetchAttachmentUrl, formatSize, ticketFileRules, toUploads } from '../attachments.js';
import { controls, tokens } from '../styles.js';
import { statusStyles } from '../status-badge.js';
import { caseStyles } from '../case-styles.js';
import '../file-picker/file-picker.js';
import '../case-rating/case-rating.js';
import { authorKey, canRate, canReply } from './ticket-rules.js';

/**
 * One ticket's conversation: the shopper's messages, the shop's replies and automatic messages,
 * oldest first, with their files; a reply form while the ticket is not closed, and a rating once
 * it is resolved. Loaded on demand, with the other ticket screens.
 *
 * @csspart timeline - the list of messages
 * @csspart status - the status badge
 * @csspart form - the reply form
 * @csspart button - the buttons
 * @csspart error - error messages
 */
export class ComptoirTicketThread extends LitElement {
  static override properties = {
    ctx: { attribute: false },
    ticketId: { attribute: false },
    formError: { state: true },
    isSending: { state: true },
    notice: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    statusStyles,
    caseStyles,
    css`
      .message {
        display: grid;
        gap: 0.3rem;
        padding: 0.75rem 0.9rem;
        border-radius: var(--_radius);
        border: 1px solid var(--_border);
      }
      .message.you {
        margin-inline-start: 1.5rem;
        background: var(--_surface);
      }
      .message.shop {
        margin-inline-end: 1.5rem;
        border-color: var(--_accent);
      }
      .message.system {
        border-style: dashed;
        color: var(--_muted);
      }
      .author {
        font-weight: 600;
      }
      .files {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
      }
    `,
  ];

  declare ctx: WidgetContext;
  declare ticketId: string;
  declare formError: string;
  declare isSending: boolean;
  declare notice: string;

  private readonly urls: string[] = [];

  constructor() {
    super();
    this.ticketId = '';
    this.formError = '';
    this.isSending = false;
    this.notice = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const url of this.urls.splice(0)) URL.revokeObjectURL(url);
  }

  private readonly thread = new Task(this, {
    task: async ([ctx, ticketId]) => (ctx && ticketId ? ctx.api.query<TicketThread>('tickets.widget.thread', { ticketId }) : undefined),
    args: () => [this.ctx, this.ticketId] as const,
  });

  private text(key: CaseTextKey, params?: Record<string, string | number>) {
    return caseText(this.ctx.t.locale, key, params);
  }

  override render() {
    const { t } = this.ctx;
    return this.thread.render({
      pending: () => html`<div class="skeleton" aria-busy="true" aria-label=${t.t('loading')}></div>`,
      error: (error) =>
        html`<div class="error" part="error" role="alert">
          <p>${describeError(error, t)}</p>
          <button class="button secondary" part="button" @click=${() => this.thread.run()}>${t.t('retry')}</button>
        </div>`,
      complete: (thread) => (thread ? this.renderThread(thread) : nothing),
    });
  }

  private renderThread(thread: TicketThread) {
    const { t } = this.ctx;
    return html`
      <section>
        <div class="head">
          <h2 class="text">${thread.subject}</h2>
          <span class="status" part="status">${statusLabel(ticketMachine, thread.status, t.locale)}</span>
        </div>
        <p class="muted">
          ${this.text('openedOn', { date: t.date(thread.openedAt) })}${thread.order ? html` · ${t.t('orderLabel', { number: thread.order.number })}` : nothing}
        </p>
        ${thread.nextDeadlineAt && !thread.firstRespondedAt && thread.status === 'open'
          ? html`<p class="box">${this.text('firstResponseBy', { date: t.dateTime(thread.nextDeadlineAt) })}</p>`
          : nothing}
      </section>
      <ol part="timeline" aria-label=${this.text('history')}>
        ${thread.messages.map((message) => this.renderMessage(message))}
      </ol>
      ${this.notice ? html`<p class="box" role="status">${this.notice}</p>` : nothing}
      ${canRate(thread)
        ? html`<comptoir-case-rating
            .ctx=${this.ctx}
            .send=${(rating: number, comment: string) => this.rate(thread, rating, comment)}
          ></comptoir-case-rating>`
        : nothing}
      ${thread.rating ? html`<p>${this.text('rated', { count: thread.rating })}</p>` : nothing}
      ${canReply(thread.status) ? this.renderReply() : html`<p class="muted">${this.text('ticketClosed')}</p>`}
    `;
  }

  private renderMessage(message: ThreadMessage) {
    const { t } = this.ctx;
    const author = authorKey(message.authorType);
    return html`<li class="message ${author}">
      <span class="author">${this.text(author)}</span>
      <p class="text">${message.body}</p>
      ${message.attachments.length
        ? html`<div class="files">
            ${message.attachments.map(
              (file) => html`<button class="button secondary" part="button" type="button" @click=${() => this.download(file.id)}>
                ${this.text('download', { name: file.filename, size: formatSize(t.locale, file.sizeBytes) })}
              </button>`,
            )}
          </div>`
        : nothing}
      <time class="muted" datetime=${message.createdAt}>${t.dateTime(message.createdAt)}</time>
    </li>`;
  }

  private renderReply() {
    const sizeMb = Math.round(ticketFileRules.maxBytes / (1024 * 1024));
    return html`<form part="form" novalidate @submit=${this.reply}>
      <label class="field"
        >${this.text('reply')}
        <textarea part="input" name="body" rows="4" maxlength="10000" required></textarea>
      </label>
      <comptoir-file-picker
        .locale=${this.ctx.t.locale}
        .rules=${ticketFileRules}
        .label=${this.text('attachments')}
        .hint=${this.text('attachmentsHint', { count: ticketFileRules.maxCount, size: sizeMb })}
      ></comptoir-file-picker>
      ${this.formError ? html`<p class="error" part="error" role="alert">${this.formError}</p>` : nothing}
      <div>
        <button class="button" part="button" type="submit" ?disabled=${this.isSending}>${this.isSending ? this.text('sending') : this.text('send')}</button>
      </div>
    </form>`;
  }

  private async reply(event: Event) {
    event.preventDefault();
    if (this.isSending) return;
    const form = event.currentTarget as HTMLFormElement;
    const body = String(new FormData(form).get('body') ?? '').trim();
    if (!body) {
      this.formError = this.text('fillReply');
      return;
    }
    this.isSending = true;
    this.formError = '';
    this.notice = '';
    try {
      const picker = this.renderRoot.querySelector('comptoir-file-picker');
      const input: ReplyTicketInput = { ticketId: this.ticketId, body, attachments: await toUploads(picker?.files ?? []) };
      await this.ctx.api.mutation('tickets.widget.reply', input);
      form.reset();
      picker?.clear();
      this.notice = this.text('replySent');
      await this.thread.run();
    } catch (error) {
      this.formError = describeError(error, this.ctx.t);
    } finally {
      this.isSending = false;
    }
  }

  private async rate(thread: TicketThread, rating: number, comment: string) {
    await this.ctx.api.mutation('tickets.widget.rate', { ticketId: thread.id, rating, comment: comment || null });
    this.notice = this.text('thanks');
    await this.thread.run();
  }

  /** Fetches a file and hands it to the browser as a download under its own name. */
  private async download(attachmentId: string) {
    try {
      const { url, file } = await fetchAttachmentUrl(this.ctx.api, attachmentId);
      this.urls.push(url);
      const link = document.createElement('a');
      link.href = url;
      link.download = file.filename;
      link.rel = 'noopener';
      this.renderRoot.appendChild(link);
      link.click();
      link.remove();
    } catch (error) {
      this.formError = describeError(error, this.ctx.t);
    }
  }
}

if (!customElements.get('comptoir-ticket-thread')) customElements.define('comptoir-ticket-thread', ComptoirTicketThread);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-ticket-thread': ComptoirTicketThread;
  }
}
