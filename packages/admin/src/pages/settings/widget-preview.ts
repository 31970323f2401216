import { LitElement, css, html } from 'lit';
import { LocaleController, t } from '../../i18n/index.js';
import { controls, tokens } from '../../components/styles.js';
import { onAccentColor } from './brand-color.js';

/**
 * The page the preview frame shows: an empty shop page and the real `widget.js` this server serves,
 * which puts its launcher button in the corner. A frame, not this document: the loader defines its
 * elements and a fixed-position button in whatever document runs it, and the admin's must stay
 * untouched. No inline script or style (the frame inherits the admin's Content-Security-Policy);
 * the key is a stand-in, so only the launcher (which needs no call to the API) is shown, and the
 * frame is inert so nobody opens a panel that could not load.
 */
function previewDocument(serverOrigin: string, locale: string, title: string): string {
  const origin = serverOrigin.replace(/[^\w:/.[\]-]/g, '');
  const lang = locale === 'en' ? 'en' : 'fr';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title.replace(/[<>&"]/g, '')}</title></head><body><main></main><script src="${origin}/widget.js" data-key="pk_preview" data-locale="${lang}" async></script></body></html>`;
}

/**
 * A live preview of the shop's widget with a brand colour that may not be saved yet: the launcher
 * button as shoppers will see it, recoloured as soon as `color` changes.
 *
 * @csspart frame - the preview frame
 */
export class ComptoirWidgetPreview extends LitElement {
  static override properties = {
    color: {},
    locale: {},
  };

  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      figure {
        margin: 0;
        display: grid;
        gap: 0.35rem;
      }
      iframe {
        width: 100%;
        max-width: 22rem;
        height: 9rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: repeating-linear-gradient(180deg, #f1efe9 0 1.4rem, #ffffff 1.4rem 2.2rem);
      }
      figcaption {
        color: var(--_muted);
        font-size: 0.9rem;
      }
    `,
  ];

  /** The brand colour to show (`#rrggbb`); null shows the widget's own default. */
  declare color: string | null;
  /** The language of the launcher's label. */
  declare locale: string;

  private readonly localeController = new LocaleController(this);

  constructor() {
    super();
    this.color = null;
    this.locale = 'fr';
  }

  private get frame(): HTMLIFrameElement | null {
    return this.renderRoot.querySelector('iframe');
  }

  /** Sets the widget's colour tokens on the frame's root, where the launcher inherits them from. */
  private applyColor(): void {
    const root = this.frame?.contentDocument?.documentElement;
    if (!root) return;
    if (this.color) {
      root.style.setProperty('--comptoir-accent', this.color);
      root.style.setProperty('--comptoir-on-accent', onAccentColor(this.color));
    } else {
      root.style.removeProperty('--comptoir-accent');
      root.style.removeProperty('--comptoir-on-accent');
    }
  }

  protected override updated(): void {
    this.applyColor();
  }

  override render() {
    void this.localeController;
    return html`<figure>
      <iframe
        part="frame"
        title=${t('settings.preview.frame')}
        inert
        tabindex="-1"
        .srcdoc=${previewDocument(location.origin, this.locale, t('settings.preview.frame'))}
        @load=${() => this.applyColor()}
      ></iframe>
      <figcaption>${t('settings.preview.caption')}</figcaption>
    </figure>`;
  }
}

customElements.define('comptoir-widget-preview', ComptoirWidgetPreview);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-widget-preview': ComptoirWidgetPreview;
  }
}
