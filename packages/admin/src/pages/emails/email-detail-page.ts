import { LitElement, css, html, nothing } from 'lit';
import { formatDateTime, LocaleController, t } from '../../i18n/index.js';
import { session } from '../../session.js';
import { api, errorMessageOf, type SentEmail } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';

/** The two ways of reading an email. */
const EmailView = { html: 'html', text: 'text' } as const;
type EmailView = (typeof EmailView)[keyof typeof EmailView];

/** The server's preview of a sent email (its own strict CSP, inline styles allowed; staff session). */
export function emailPreviewUrl(emailId: string): string {
  return `/admin/emails/${encodeURIComponent(emailId)}/preview`;
}

/**
 * One sent email as its recipient received it: the HTML in an iframe sandboxed with no permission
 * at all (no script, no form, no navigation, an opaque origin), and the plain text in a second tab.
 * The frame loads the server's preview route rather than a srcdoc: a srcdoc frame inherits the
 * admin's CSP (`style-src 'self'`), which dropped the emails' inline styles.
 *
 * @csspart frame - the iframe showing the HTML
 * @csspart text - the plain text
 */
export class ComptoirEmailDetailPage extends LitElement {
  static override properties = {
    emailId: {},
    email: { state: true },
    view: { state: true },
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
        overflow-wrap: anywhere;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.25rem 0.75rem;
        margin: 0;
      }
      dt {
        color: var(--_muted);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      [role='tablist'] {
        display: flex;
        gap: 0.25rem;
        border-bottom: 1px solid var(--_border);
      }
      [role='tab'] {
        background: transparent;
        color: var(--_text);
        border: 0;
        border-bottom: 3px solid transparent;
        border-radius: 0;
      }
      [role='tab'][aria-selected='true'] {
        border-bottom-color: var(--_accent);
      }
      iframe {
        width: 100%;
        min-height: 32rem;
        border: 1px solid var(--_border);
        border-radius: calc(var(--_radius) - 4px);
        background: #ffffff;
      }
      pre {
        margin: 0;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace;
        font-size: 0.9rem;
      }
    `,
  ];

  /** The email to show. */
  declare emailId: string;
  declare email: SentEmail | null;
  declare view: EmailView;
  declare error: string;

  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.emailId = '';
    this.email = null;
    this.view = EmailView.html;
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.email = await api.emails.admin.get.query({ emailId: this.emailId });
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    }
  }

  private select(view: EmailView, moveFocus = false): void {
    this.view = view;
    if (moveFocus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${view}`)?.focus());
  }

  /** Arrow keys, Home and End move between the tabs (WAI-ARIA tabs pattern, automatic activation). */
  private onTabKey(event: KeyboardEvent): void {
    const views = Object.values(EmailView);
    const index = views.indexOf(this.view);
    const next =
      event.key === 'ArrowRight' ? views[(index + 1) % views.length]
      : event.key === 'ArrowLeft' ? views[(index + views.length - 1) % views.length]
      : event.key === 'Home' ? views[0]
      : event.key === 'End' ? views[views.length - 1]
      : undefined;
    if (!next) return;
    event.preventDefault();
    this.select(next, true);
  }

  private tab(view: EmailView, label: string) {
    const isSelected = this.view === view;
    return html`<button
      type="button"
      role="tab"
      id=${`tab-${view}`}
      aria-controls=${`panel-${view}`}
      aria-selected=${isSelected ? 'true' : 'false'}
      tabindex=${isSelected ? '0' : '-1'}
      @click=${() => this.select(view)}
      @keydown=${this.onTabKey}
    >
      ${label}
    </button>`;
  }

  private renderEmail(email: SentEmail) {
    return html`
      <h1>${email.subject}</h1>
      <dl class="card">
        <dt>${t('emails.column.to')}</dt>
        <dd>${email.to}</dd>
        <dt>${t('emails.column.sentAt')}</dt>
        <dd>${formatDateTime(email.createdAt)}</dd>
        <dt>${t('emails.column.topic')}</dt>
        <dd>${email.topic ?? '–'}</dd>
        <dt>${t('emails.column.transport')}</dt>
        <dd>${email.transport}${email.providerId ? html` · <code>${email.providerId}</code>` : nothing}</dd>
      </dl>
      <div role="tablist" aria-label=${t('emails.views')}>
        ${this.tab(EmailView.html, t('emails.view.html'))} ${this.tab(EmailView.text, t('emails.view.text'))}
      </div>
      <div role="tabpanel" id="panel-html" aria-labelledby="tab-html" ?hidden=${this.view !== EmailView.html}>
        <iframe part="frame" sandbox="" referrerpolicy="no-referrer" title=${t('emails.frameTitle', { subject: email.subject })} src=${emailPreviewUrl(email.id)}></iframe>
      </div>
      <div role="tabpanel" id="panel-text" aria-labelledby="tab-text" tabindex="0" class="card" ?hidden=${this.view !== EmailView.text}>
        <pre part="text">${email.text}</pre>
      </div>
    `;
  }

  override render() {
    void this.locale;
    return html`
      <p><a href="#/emails">${t('emails.back')}</a></p>
      ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
      ${this.email ? this.renderEmail(this.email) : this.error ? nothing : html`<p class="muted" role="status">${t('app.loading')}</p>`}
    `;
  }
}

customElements.define('comptoir-email-detail-page', ComptoirEmailDetailPage);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-email-detail-page': ComptoirEmailDetailPage;
  }
}
