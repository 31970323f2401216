import { LitElement, html, nothing } from 'lit';
import { formatDateTime, LocaleController, t } from '../../i18n/index.js';
import { session } from '../../session.js';
import { api, errorMessageOf, type CaseNote } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import { detailPageStyles } from '../../components/detail-page-styles.js';

/** The detail of `comptoir-case-note-added`. */
export interface CaseNoteAddedDetail {
  caseType: 'return' | 'claim' | 'ticket';
  caseId: string;
}

/**
 * A case's internal notes (never shown to the customer): the list, newest last, and a form to add
 * one. The page listening shows the confirmation and reloads its timeline, where the note's event
 * appears.
 *
 * @fires comptoir-case-note-added - a note was saved ({@link CaseNoteAddedDetail})
 * @csspart note - one note
 */
export class ComptoirCaseNotes extends LitElement {
  static override properties = {
    caseType: { attribute: 'case-type' },
    caseId: { attribute: 'case-id' },
    notes: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  static override styles = [tokens, controls, detailPageStyles];

  declare caseType: 'return' | 'claim' | 'ticket';
  declare caseId: string;
  declare notes: CaseNote[];
  declare error: string;
  declare busy: boolean;

  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.caseType = 'return';
    this.caseId = '';
    this.notes = [];
    this.error = '';
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.notes = await api.cases.admin.notes.query({ caseType: this.caseType, caseId: this.caseId });
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    }
  }

  private async add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const body = new FormData(form).get('note')?.toString().trim() ?? '';
    if (!body) return;
    this.busy = true;
    this.error = '';
    try {
      await api.cases.admin.addNote.mutate({ caseType: this.caseType, caseId: this.caseId, body });
      form.reset();
      await this.load();
      this.dispatchEvent(
        new CustomEvent<CaseNoteAddedDetail>('comptoir-case-note-added', { detail: { caseType: this.caseType, caseId: this.caseId }, bubbles: true, composed: true }),
      );
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    void this.locale;
    return html`<section class="card" aria-labelledby="notes-title">
      <h2 id="notes-title">${t('notes.title')}</h2>
      ${this.notes.length
        ? html`<ul class="plain">
            ${this.notes.map(
              (note) => html`<li part="note">
                <span class="muted">${note.authorName ?? ''} · ${formatDateTime(note.createdAt)}</span><br />${note.body}
              </li>`,
            )}
          </ul>`
        : html`<p class="muted">${t('notes.empty')}</p>`}
      ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
      <form @submit=${this.add}>
        <div class="field">
          <label for="note">${t('notes.add')}</label>
          <textarea id="note" name="note" required maxlength="5000"></textarea>
        </div>
        <button type="submit" class="secondary" ?disabled=${this.busy}>${t('notes.submit')}</button>
      </form>
    </section>`;
  }
}

customElements.define('comptoir-case-notes', ComptoirCaseNotes);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-case-notes': ComptoirCaseNotes;
  }
  interface HTMLElementEventMap {
    'comptoir-case-note-added': CustomEvent<CaseNoteAddedDetail>;
  }
}
