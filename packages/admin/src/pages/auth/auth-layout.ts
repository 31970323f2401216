import { css, html, type TemplateResult } from 'lit';
import { t } from '../../i18n/index.js';
import '../../components/language-switcher.js';

/** The frame of the screens shown before sign-in: the brand, the language, one card. */
export const authStyles = css`
  :host {
    display: block;
    min-height: 100vh;
    background: var(--_bg);
  }
  .top {
    display: flex;
    justify-content: space-between;
    align-items: center;
    flex-wrap: wrap;
    gap: 0.5rem;
    padding: 0.75rem 1rem;
  }
  .brand {
    font-weight: 800;
    font-size: 1.2rem;
    color: var(--_accent);
    margin: 0;
  }
  main {
    max-width: 26rem;
    margin: 0 auto;
    padding: 1rem;
  }
  .card {
    padding: 1.25rem;
  }
  .links {
    margin-top: 1rem;
  }
  @media (min-width: 48rem) {
    main {
      padding-top: 8vh;
    }
    .card {
      padding: 2rem;
    }
  }
`;

/** Renders a pre-sign-in screen around its card content. */
export function authLayout(title: string, content: TemplateResult): TemplateResult {
  return html`
    <header class="top">
      <p class="brand">${t('app.name')}</p>
      <comptoir-language-switcher></comptoir-language-switcher>
    </header>
    <main>
      <div class="card">
        <h1>${title}</h1>
        ${content}
      </div>
    </main>
  `;
}
