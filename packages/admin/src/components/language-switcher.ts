import { LitElement, css, html } from 'lit';
import { currentLocale, localeNames, LocaleController, setLocale, t, type Locale } from '../i18n/index.js';
import { controls, tokens } from './styles.js';

/**
 * Chooses the admin's language (French or English), remembered on this device.
 *
 * @csspart select - the language menu
 */
export class ComptoirLanguageSwitcher extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: inline-flex;
        align-items: center;
        gap: 0.4rem;
      }
      label {
        font-weight: 500;
        font-size: 0.9rem;
      }
      select {
        width: auto;
        min-height: 40px;
        padding: 0.3rem 0.5rem;
      }
    `,
  ];

  private readonly locale = new LocaleController(this);

  override render() {
    void this.locale;
    return html`
      <label for="language">${t('app.language')}</label>
      <select id="language" part="select" @change=${(event: Event) => setLocale((event.target as HTMLSelectElement).value as Locale)}>
        ${(Object.keys(localeNames) as Locale[]).map(
          (locale) => html`<option value=${locale} lang=${locale} ?selected=${locale === currentLocale()}>${localeNames[locale]}</option>`,
        )}
      </select>
    `;
  }
}

customElements.define('comptoir-language-switcher', ComptoirLanguageSwitcher);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-language-switcher': ComptoirLanguageSwitcher;
  }
}
