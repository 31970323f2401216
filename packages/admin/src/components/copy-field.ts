import { LitElement, css, html } from 'lit';
import { LocaleController, t } from '../i18n/index.js';
import { controls, tokens } from './styles.js';

/**
 * A value shown once (a new key, an invitation link) in a read-only field, with a copy button.
 *
 * @csspart input - the read-only field
 * @csspart button - the copy button
 */
export class ComptoirCopyField extends LitElement {
  static override properties = {
    value: {},
    label: {},
    copied: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      .row {
        display: flex;
        gap: 0.5rem;
      }
      input {
        font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace;
        font-size: 0.9rem;
      }
    `,
  ];

  /** The value to show and copy. */
  declare value: string;
  /** Accessible name of the field. */
  declare label: string;
  declare copied: boolean;

  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.value = '';
    this.label = '';
    this.copied = false;
  }

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.value);
      this.copied = true;
    } catch {
      // Clipboard refused (permissions): select the text so the person can copy it themselves.
      this.renderRoot.querySelector('input')?.select();
    }
  }

  override render() {
    void this.locale;
    return html`
      <div class="row">
        <input part="input" readonly aria-label=${this.label} .value=${this.value} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
        <button part="button" type="button" class="secondary" @click=${() => this.copy()}>
          ${this.copied ? t('action.copied') : t('action.copy')}
        </button>
      </div>
    `;
  }
}

customElements.define('comptoir-copy-field', ComptoirCopyField);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-copy-field': ComptoirCopyField;
  }
}
