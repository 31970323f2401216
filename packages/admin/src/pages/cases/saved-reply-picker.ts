import { LitElement, css, html, nothing } from 'lit';
import { currentLocale, LocaleController, localeNames, t, type Locale } from '../../i18n/index.js';
import { session } from '../../session.js';
import { api, errorMessageOf, type Outputs } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import { insertText } from './insert-text.js';
import { fetchCustomerHistory } from './customer-history-query.js';

type SavedReply = Outputs['savedReplies']['admin']['list'][number];

/** The detail of `comptoir-saved-reply-chosen`: the reply with the case's values filled in. */
export interface SavedReplyChosenDetail {
  body: string;
}

/** Puts a filled saved reply into a text box at the caret, where it stays editable before sending. */
export function insertIntoTextarea(box: HTMLTextAreaElement | null, text: string): void {
  if (!box) return;
  const next = insertText(box.value, box.selectionStart, box.selectionEnd, text);
  box.value = next.value;
  box.focus();
  box.setSelectionRange(next.caret, next.caret);
}

/**
 * Picks one of the shop's saved replies in the case's language and asks the server to fill its
 * variables for this case (customer's name, order number…). The page puts the text into its reply
 * box, where it stays editable before sending. Without a `language`, the replies offered first are
 * in the customer's language (their own, else the shop's, as `customers.admin.history` says), or the
 * shop's when the customer is not given or cannot be read; the staff member can switch.
 *
 * @fires comptoir-saved-reply-chosen - a reply was filled for this case ({@link SavedReplyChosenDetail})
 */
export class ComptoirSavedReplyPicker extends LitElement {
  static override properties = {
    caseType: { attribute: 'case-type' },
    caseId: { attribute: 'case-id' },
    customerId: { attribute: 'customer-id' },
    language: {},
    replies: { state: true },
    chosen: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      .row {
        display: grid;
        gap: 0.5rem;
        grid-template-columns: 1fr;
        align-items: end;
      }
      @media (min-width: 40rem) {
        .row {
          grid-template-columns: 2fr 1fr auto;
        }
      }
      button.ghost {
        background: transparent;
        color: var(--_accent);
      }
    `,
  ];

  declare caseType: 'return' | 'claim' | 'ticket';
  declare caseId: string;
  /** The case's customer, whose language the picker starts on. */
  declare customerId: string;
  /** The case's language: the replies offered first are in it (the shop's language when not given). */
  declare language: Locale | null;
  declare replies: SavedReply[] | null;
  declare chosen: string;
  declare error: string;
  declare busy: boolean;

  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.caseType = 'ticket';
    this.caseId = '';
    this.customerId = '';
    this.language = null;
    this.replies = null;
    this.chosen = '';
    this.error = '';
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    this.replies = null;
    this.chosen = '';
    try {
      const language = this.language ?? (this.language = await this.customerLanguage());
      this.replies = await api.savedReplies.admin.list.query({ locale: language });
      this.error = '';
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    }
  }

  /** The customer's language (the server falls back to the shop's), else the shop's. */
  private async customerLanguage(): Promise<Locale> {
    if (!this.customerId) return this.shopLanguage();
    try {
      const { customer } = await fetchCustomerHistory(this.customerId);
      return customer.locale === 'en' ? 'en' : 'fr';
    } catch (error) {
      session.handleError(error);
      return this.shopLanguage();
    }
  }

  /** The shop's language, or the admin's own when the shop's settings cannot be read. */
  private async shopLanguage(): Promise<Locale> {
    try {
      const { locale } = await api.shops.admin.get.query();
      return locale === 'en' ? 'en' : 'fr';
    } catch (error) {
      session.handleError(error);
      return currentLocale();
    }
  }

  private chooseLanguage(event: Event): void {
    this.language = (event.target as HTMLSelectElement).value as Locale;
    void this.load();
  }

  private async insert(): Promise<void> {
    if (!this.chosen) return;
    this.busy = true;
    this.error = '';
    try {
      const { body } = await api.savedReplies.admin.render.query({ id: this.chosen, caseType: this.caseType, caseId: this.caseId });
      this.dispatchEvent(new CustomEvent<SavedReplyChosenDetail>('comptoir-saved-reply-chosen', { detail: { body }, bubbles: true, composed: true }));
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    void this.locale;
    const replies = this.replies ?? [];
    return html`
      <div class="row">
        <div class="field">
          <label for="saved-reply">${t('savedReply.label')}</label>
          <select id="saved-reply" .value=${this.chosen} ?disabled=${replies.length === 0} @change=${(event: Event) => (this.chosen = (event.target as HTMLSelectElement).value)} aria-describedby="saved-reply-hint">
            <option value="">${replies.length ? t('savedReply.choose') : t('savedReply.none')}</option>
            ${replies.map((reply) => html`<option value=${reply.id} ?selected=${reply.id === this.chosen}>${reply.title}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="saved-reply-language">${t('savedReply.language')}</label>
          <select id="saved-reply-language" @change=${this.chooseLanguage}>
            ${(['fr', 'en'] as const).map((locale) => html`<option value=${locale} ?selected=${locale === this.language}>${localeNames[locale]}</option>`)}
          </select>
        </div>
        <button type="button" class="ghost" id="saved-reply-insert" ?disabled=${!this.chosen || this.busy} @click=${this.insert}>${t('savedReply.insert')}</button>
      </div>
      <p class="hint" id="saved-reply-hint">${t('savedReply.hint')}</p>
      ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
    `;
  }
}

customElements.define('comptoir-saved-reply-picker', ComptoirSavedReplyPicker);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-saved-reply-picker': ComptoirSavedReplyPicker;
  }
  interface HTMLElementEventMap {
    'comptoir-saved-reply-chosen': CustomEvent<SavedReplyChosenDetail>;
  }
}
