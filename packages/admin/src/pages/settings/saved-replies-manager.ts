import { LitElement, css, html, nothing } from 'lit';
import { savedReplyCreateInput, savedReplyVariables, unknownSavedReplyVariables } from '@comptoir/protocol/schemas/saved-replies';
import { formatDateTime, LocaleController, localeNames, t, type Locale } from '../../i18n/index.js';
import { session } from '../../session.js';
import { api, errorCodeOf, errorMessageOf } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import type { SavedReply } from './settings-types.js';

type ReplyField = 'title' | 'body';

interface ReplyDraft {
  id: string | null;
  title: string;
  locale: Locale;
  body: string;
}

/**
 * The team's saved replies, per language: listed by title, written with the variables a case fills
 * in (inserted at the cursor with a button), edited, deleted after confirmation. Any staff member
 * manages them.
 *
 * @csspart reply - one saved reply of the list
 * @csspart form - the reply form
 */
export class ComptoirSavedRepliesManager extends LitElement {
  static override properties = {
    defaultLocale: {},
    filter: { state: true },
    replies: { state: true },
    draft: { state: true },
    errors: { state: true },
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
        min-width: 0;
      }
      h2 {
        margin: 0;
      }
      .filter {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.5rem 1rem;
      }
      .filter .field {
        flex: 0 1 14rem;
      }
      ul.replies {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      ul.replies li {
        display: grid;
        gap: 0.35rem;
        padding: 0.75rem 0;
        border-top: 1px solid var(--_border);
        min-width: 0;
      }
      ul.replies li:first-child {
        border-top: 0;
      }
      .title {
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      .body {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        margin: 0;
        color: var(--_muted);
        max-height: 6.5em;
        overflow: hidden;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      textarea {
        font: inherit;
        color: var(--_text);
        background: var(--_surface);
        border: 1px solid var(--_muted);
        border-radius: calc(var(--_radius) - 4px);
        padding: 0.6rem 0.7rem;
        width: 100%;
        min-height: 9rem;
      }
      textarea[aria-invalid='true'] {
        border-color: var(--_danger);
      }
      .variables {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .variables button {
        font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace;
        font-size: 0.85rem;
        font-weight: 500;
        padding: 0.3rem 0.6rem;
      }
      .field-error {
        color: var(--_danger);
        margin: 0;
        font-weight: 600;
      }
    `,
  ];

  /** The language new replies start in (the shop's). */
  declare defaultLocale: Locale;
  /** The language the list shows, or all. */
  declare filter: Locale | 'all';
  declare replies: SavedReply[] | null;
  declare draft: ReplyDraft;
  declare errors: Partial<Record<ReplyField, string>>;
  declare error: string;
  declare notice: string;
  declare busy: boolean;

  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.defaultLocale = 'fr';
    this.filter = 'all';
    this.replies = null;
    this.draft = { id: null, title: '', locale: 'fr', body: '' };
    this.errors = {};
    this.error = '';
    this.notice = '';
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.draft = { ...this.draft, locale: this.defaultLocale };
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.replies = await api.savedReplies.admin.list.query(this.filter === 'all' ? {} : { locale: this.filter });
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    }
  }

  private patch(patch: Partial<ReplyDraft>): void {
    this.draft = { ...this.draft, ...patch };
    this.notice = '';
    const errors = { ...this.errors };
    for (const key of Object.keys(patch)) delete errors[key as ReplyField];
    this.errors = errors;
  }

  private startEdit(reply: SavedReply): void {
    this.draft = { id: reply.id, title: reply.title, locale: reply.locale === 'en' ? 'en' : 'fr', body: reply.body };
    this.errors = {};
    this.error = '';
    this.notice = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#reply-title')?.focus());
  }

  private resetDraft(): void {
    this.draft = { id: null, title: '', locale: this.draft.locale, body: '' };
    this.errors = {};
  }

  /** Puts `{{variable}}` where the cursor is in the body, and the cursor after it. */
  private insertVariable(variable: string): void {
    const textarea = this.renderRoot.querySelector<HTMLTextAreaElement>('#reply-body');
    if (!textarea) return;
    const token = `{{${variable}}}`;
    const start = textarea.selectionStart ?? textarea.value.length;
    const end = textarea.selectionEnd ?? start;
    const body = textarea.value.slice(0, start) + token + textarea.value.slice(end);
    this.patch({ body });
    void this.updateComplete.then(() => {
      textarea.focus();
      textarea.setSelectionRange(start + token.length, start + token.length);
    });
  }

  private validate(): boolean {
    const errors: Partial<Record<ReplyField, string>> = {};
    const parsed = savedReplyCreateInput.safeParse({ title: this.draft.title, locale: this.draft.locale, body: this.draft.body });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'title') errors.title ??= t('settings.replies.error.title');
        if (field === 'body') errors.body ??= t('settings.replies.error.body');
      }
    }
    const unknown = unknownSavedReplyVariables(this.draft.body);
    if (unknown.length > 0 && !errors.body) errors.body = t('settings.replies.error.variable', { variable: unknown.map((name) => `{{${name}}}`).join(', ') });
    this.errors = errors;
    return Object.keys(errors).length === 0;
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.error = '';
    this.notice = '';
    if (!this.validate()) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(this.errors.title ? '#reply-title' : '#reply-body')?.focus();
      return;
    }
    this.busy = true;
    const { id, title, locale, body } = this.draft;
    try {
      if (id) await api.savedReplies.admin.update.mutate({ id, title, locale, body });
      else await api.savedReplies.admin.create.mutate({ title, locale, body });
      this.notice = id ? t('settings.replies.updated', { title: title.trim() }) : t('settings.replies.created', { title: title.trim() });
      this.resetDraft();
      await this.load();
    } catch (error) {
      session.handleError(error);
      const code = errorCodeOf(error);
      if (code === 'SAVED_REPLY_UNKNOWN_VARIABLE') {
        this.errors = { body: errorMessageOf(error) };
        this.renderRoot.querySelector<HTMLElement>('#reply-body')?.focus();
      } else {
        this.error = errorMessageOf(error);
        if (code === 'SAVED_REPLY_NOT_FOUND') {
          this.resetDraft();
          await this.load();
        }
      }
    } finally {
      this.busy = false;
    }
  }

  private async deleteReply(reply: SavedReply): Promise<void> {
    if (!confirm(t('settings.replies.delete.confirm', { title: reply.title }))) return;
    this.error = '';
    this.notice = '';
    try {
      await api.savedReplies.admin.delete.mutate({ id: reply.id });
      if (this.draft.id === reply.id) this.resetDraft();
      this.notice = t('settings.replies.deleted', { title: reply.title });
      await this.load();
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    }
  }

  private renderForm() {
    const draft = this.draft;
    const isEditing = draft.id !== null;
    return html`<section class="card" aria-labelledby="reply-form-title">
      <h2 id="reply-form-title">${isEditing ? t('settings.replies.edit.title') : t('settings.replies.new.title')}</h2>
      <form part="form" novalidate @submit=${this.save}>
        <div class="field">
          <label for="reply-title">${t('settings.replies.field.title')}</label>
          <input id="reply-title" maxlength="120" autocomplete="off" .value=${draft.title}
            aria-invalid=${this.errors.title ? 'true' : 'false'} aria-describedby=${this.errors.title ? 'reply-title-error' : nothing}
            @input=${(event: Event) => this.patch({ title: (event.target as HTMLInputElement).value })} />
          ${this.errors.title ? html`<p class="field-error" id="reply-title-error">${this.errors.title}</p>` : nothing}
        </div>
        <div class="field">
          <label for="reply-locale">${t('settings.replies.field.locale')}</label>
          <select id="reply-locale" @change=${(event: Event) => this.patch({ locale: (event.target as HTMLSelectElement).value === 'en' ? 'en' : 'fr' })}>
            ${(['fr', 'en'] as const).map((locale) => html`<option value=${locale} ?selected=${draft.locale === locale}>${localeNames[locale]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="reply-body">${t('settings.replies.field.body')}</label>
          <textarea id="reply-body" maxlength="5000" .value=${draft.body}
            aria-invalid=${this.errors.body ? 'true' : 'false'}
            aria-describedby=${['reply-variables-hint', this.errors.body ? 'reply-body-error' : ''].filter(Boolean).join(' ')}
            @input=${(event: Event) => this.patch({ body: (event.target as HTMLTextAreaElement).value })}></textarea>
          ${this.errors.body ? html`<p class="field-error" id="reply-body-error">${this.errors.body}</p>` : nothing}
        </div>
        <div class="field">
          <p class="hint" id="reply-variables-hint">${t('settings.replies.variables.hint')}</p>
          <ul class="variables" aria-label=${t('settings.replies.variables')}>
            ${savedReplyVariables.map(
              (variable) => html`<li>
                <button type="button" class="secondary" data-variable=${variable} @click=${() => this.insertVariable(variable)}>
                  + {{${variable}}}<span class="visually-hidden"> (${t(`settings.replies.variable.${variable}`)})</span>
                </button>
              </li>`,
            )}
          </ul>
        </div>
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${isEditing ? t('settings.replies.update') : t('settings.replies.create')}</button>
          ${isEditing ? html`<button type="button" class="secondary" @click=${() => this.resetDraft()}>${t('action.cancel')}</button>` : nothing}
        </div>
      </form>
    </section>`;
  }

  private renderList() {
    const replies = this.replies;
    return html`<section class="card" aria-labelledby="replies-title">
      <h2 id="replies-title">${t('settings.replies.title')}</h2>
      <div class="filter">
        <div class="field">
          <label for="reply-filter">${t('settings.replies.filter')}</label>
          <select id="reply-filter" @change=${(event: Event) => {
            const value = (event.target as HTMLSelectElement).value;
            this.filter = value === 'fr' || value === 'en' ? value : 'all';
            void this.load();
          }}>
            <option value="all" ?selected=${this.filter === 'all'}>${t('settings.replies.filter.all')}</option>
            ${(['fr', 'en'] as const).map((locale) => html`<option value=${locale} ?selected=${this.filter === locale}>${localeNames[locale]}</option>`)}
          </select>
        </div>
      </div>
      ${replies === null
        ? html`<p class="muted" role="status">${t('app.loading')}</p>`
        : replies.length === 0
          ? html`<p class="muted">${t('settings.replies.none')}</p>`
          : html`<ul class="replies">
              ${replies.map(
                (reply) => html`<li part="reply">
                  <span class="title">${reply.title} <span class="muted">(${localeNames[reply.locale === 'en' ? 'en' : 'fr']})</span></span>
                  <p class="body">${reply.body}</p>
                  <span class="hint">${t('settings.replies.updatedAt', { date: formatDateTime(reply.updatedAt) })}</span>
                  <div class="actions">
                    <button type="button" class="secondary" data-action="edit" @click=${() => this.startEdit(reply)}>
                      ${t('settings.replies.edit')}<span class="visually-hidden"> ${reply.title}</span>
                    </button>
                    <button type="button" class="danger" data-action="delete" @click=${() => this.deleteReply(reply)}>
                      ${t('settings.replies.delete')}<span class="visually-hidden"> ${reply.title}</span>
                    </button>
                  </div>
                </li>`,
              )}
            </ul>`}
    </section>`;
  }

  override render() {
    void this.locale;
    return html`
      <p class="hint">${t('settings.replies.intro')}</p>
      <div aria-live="polite">
        ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
        ${this.notice ? html`<p class="alert success" role="status">${this.notice}</p>` : nothing}
      </div>
      ${this.renderForm()} ${this.renderList()}
    `;
  }
}

customElements.define('comptoir-saved-replies-manager', ComptoirSavedRepliesManager);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-saved-replies-manager': ComptoirSavedRepliesManager;
  }
}
