import { LitElement, css, html, nothing } from 'lit';
import { formatDateTime, LocaleController, t } from '../../i18n/index.js';
import { session } from '../../session.js';
import { api, errorMessageOf, type SentEmailRow } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';

/**
 * The emails the shop sent (to customers and to its staff), newest first, searchable by recipient or
 * subject, a page at a time; each opens as it was received (`#/emails?id=…`).
 *
 * @csspart email - one email of the list
 */
export class ComptoirEmailsPage extends LitElement {
  static override properties = {
    emails: { state: true },
    nextCursor: { state: true },
    search: { state: true },
    error: { state: true },
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
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      li {
        display: grid;
        gap: 0.2rem;
        min-width: 0;
      }
      li a {
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      .meta {
        color: var(--_muted);
        font-size: 0.9rem;
        overflow-wrap: anywhere;
      }
      .more {
        justify-self: start;
      }
    `,
  ];

  declare emails: SentEmailRow[] | null;
  declare nextCursor: string | null;
  declare search: string;
  declare error: string;

  private readonly locale = new LocaleController(this);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private loadSeq = 0;

  constructor() {
    super();
    this.emails = null;
    this.nextCursor = null;
    this.search = '';
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  private async load(cursor: string | null = null): Promise<void> {
    const seq = ++this.loadSeq;
    const search = this.search.trim();
    try {
      const page = await api.emails.admin.list.query({ limit: 25, cursor, ...(search ? { search } : {}) });
      // A later search wins over an answer that arrives late.
      if (seq !== this.loadSeq) return;
      this.emails = cursor && this.emails ? [...this.emails, ...page.emails] : page.emails;
      this.nextCursor = page.nextCursor;
      this.error = '';
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    }
  }

  private onSearch(event: Event): void {
    this.search = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.load(), 250);
  }

  private renderList(emails: SentEmailRow[]) {
    if (emails.length === 0) {
      return html`<p class="card">${this.search.trim() ? t('emails.noMatch') : t('emails.empty')}</p>`;
    }
    return html`
      <ul class="card" aria-label=${t('emails.title')}>
        ${emails.map(
          (email) => html`<li part="email">
            <a href=${`#/emails?id=${encodeURIComponent(email.id)}`}>${email.subject}</a>
            <span>${t('emails.to', { to: email.to })}</span>
            <span class="meta">${formatDateTime(email.createdAt)}${email.topic ? html` · ${email.topic}` : nothing} · ${email.transport}</span>
          </li>`,
        )}
      </ul>
      ${this.nextCursor
        ? html`<button type="button" class="secondary more" @click=${() => this.load(this.nextCursor)}>${t('emails.more')}</button>`
        : nothing}
    `;
  }

  override render() {
    void this.locale;
    return html`
      <h1>${t('emails.title')}</h1>
      <p class="muted">${t('emails.intro')}</p>
      <div class="field">
        <label for="email-search">${t('emails.search')}</label>
        <input id="email-search" type="search" maxlength="200" .value=${this.search} @input=${this.onSearch} />
      </div>
      ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
      ${this.emails === null ? html`<p class="muted" role="status">${t('app.loading')}</p>` : this.renderList(this.emails)}
    `;
  }
}

customElements.define('comptoir-emails-page', ComptoirEmailsPage);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-emails-page': ComptoirEmailsPage;
  }
}
