import { LitElement, html, css, nothing } from 'lit';
import type { Locale } from '../../i18n/index.js';
import { caseText } from '../../i18n/cases.js';
import { addPickedFiles, formatSize, type FileRules } from '../attachments.js';
import { controls, tokens } from '../styles.js';

/**
 * Picks files to attach (photos of a claim, files of a ticket message), checking their types,
 * sizes and count against the protocol's limits before anything is sent; each kept file can be
 * removed. The parent reads `files` when it sends.
 *
 * @csspart input - the file input
 * @csspart button - the remove buttons
 * @csspart error - the reasons files were refused
 */
export class ComptoirFilePicker extends LitElement {
  static override properties = {
    locale: { attribute: false },
    rules: { attribute: false },
    label: { attribute: false },
    hint: { attribute: false },
    files: { state: true },
    problems: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: grid;
        gap: 0.4rem;
      }
      label {
        display: grid;
        gap: 0.3rem;
        font-weight: 600;
      }
      input {
        min-height: 44px;
        max-width: 100%;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.3rem;
      }
      li {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
        overflow-wrap: anywhere;
      }
      .error {
        margin: 0;
      }
    `,
  ];

  declare locale: Locale;
  declare rules: FileRules;
  declare label: string;
  declare hint: string;
  declare files: File[];
  declare problems: string[];

  constructor() {
    super();
    this.locale = 'fr';
    this.label = '';
    this.hint = '';
    this.files = [];
    this.problems = [];
  }

  /** Forgets the picked files (after they were sent). */
  clear(): void {
    this.files = [];
    this.problems = [];
  }

  override render() {
    return html`<label
        >${this.label}
        <input
          part="input"
          type="file"
          multiple
          accept=${this.rules.types.join(',')}
          aria-describedby="hint"
          @change=${this.pick}
      /></label>
      <p class="muted" id="hint">${this.hint}</p>
      ${this.files.length
        ? html`<ul>
            ${this.files.map(
              (file, index) => html`<li>
                <span>${file.name} <span class="muted">(${formatSize(this.locale, file.size)})</span></span>
                <button
                  class="button secondary"
                  part="button"
                  type="button"
                  aria-label=${caseText(this.locale, 'removeFile', { name: file.name })}
                  @click=${() => (this.files = this.files.filter((_, kept) => kept !== index))}
                >
                  ✕
                </button>
              </li>`,
            )}
          </ul>`
        : nothing}
      ${this.problems.length
        ? html`<div class="error" part="error" role="alert">${this.problems.map((problem) => html`<p>${problem}</p>`)}</div>`
        : nothing}`;
  }

  private pick(event: Event) {
    const input = event.target as HTMLInputElement;
    const { kept, problems } = addPickedFiles(this.files, [...(input.files ?? [])], this.rules);
    this.files = kept;
    this.problems = problems.map((problem) => caseText(this.locale, problem.key, problem.params));
    // Emptied so that picking the same file again after removing it fires `change`.
    input.value = '';
  }
}

if (!customElements.get('comptoir-file-picker')) customElements.define('comptoir-file-picker', ComptoirFilePicker);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-file-picker': ComptoirFilePicker;
  }
}
