import { LitElement, css, html } from 'lit';
import { LocaleController, t } from '../../i18n/index.js';
import { controls, tokens } from '../../components/styles.js';

/** Open cases sorted by next deadline. For now a placeholder: cases arrive with the guarantees engine. */
export class ComptoirInboxPage extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
    `,
  ];

  private readonly locale = new LocaleController(this);

  override render() {
    void this.locale;
    return html`
      <h1>${t('inbox.title')}</h1>
      <div class="card">
        <p><strong>${t('inbox.empty')}</strong></p>
        <p class="muted">${t('inbox.placeholder')}</p>
      </div>
    `;
  }
}

customElements.define('comptoir-inbox-page', ComptoirInboxPage);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-inbox-page': ComptoirInboxPage;
  }
}
