import { LitElement, html, css, nothing } from 'lit';
import { tokens, controls } from '../styles.js';
import { deepActiveElement, findFocusables, isInComposedTree } from './focus.js';

/**
 * The floating panel: a modal dialog, full screen on phones and a side sheet on larger screens.
 * Focus stays inside while it is open (Tab wraps), Escape closes it, and it asks its owner to
 * close through a `panel-close` event (internal, not composed).
 *
 * @slot - the current screen
 * @csspart dialog - the dialog
 * @csspart header - its header (logo, title, back and close buttons)
 * @csspart body - the scrolling area holding the screen
 */
export class ComptoirPanel extends LitElement {
  static override properties = {
    open: { type: Boolean, reflect: true },
    heading: {},
    logoUrl: { attribute: false },
    closeLabel: { attribute: false },
    backLabel: { attribute: false },
    canGoBack: { attribute: false },
  };

  static override styles = [
    tokens,
    controls,
    css`
      dialog {
        margin: 0;
        padding: 0;
        border: 0;
        inset: 0;
        width: 100%;
        max-width: 100%;
        height: 100%;
        max-height: 100%;
        background: var(--_bg);
        color: var(--_text);
        display: flex;
        flex-direction: column;
      }
      dialog:not([open]) {
        display: none;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.35);
      }
      @media (min-width: 640px) {
        dialog {
          inset: 0 0 0 auto;
          width: min(420px, 100%);
          box-shadow: -8px 0 32px rgb(0 0 0 / 0.18);
          animation: slide 0.18s ease-out;
        }
      }
      @keyframes slide {
        from {
          transform: translateX(24px);
          opacity: 0;
        }
      }
      header {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        padding: 0.5rem 0.75rem;
        border-bottom: 1px solid var(--_border);
        min-height: 60px;
      }
      header h1:focus {
        /* Focused only to keep focus in the dialog when a screen is replaced: not a control. */
        outline: none;
      }
      header h1 {
        flex: 1;
        margin: 0;
        font-size: 1.05rem;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      header img {
        height: 32px;
        width: auto;
        max-width: 96px;
      }
      .icon {
        display: inline-grid;
        place-items: center;
        width: 44px;
        height: 44px;
        border: 0;
        border-radius: 50%;
        background: transparent;
        color: var(--_text);
        cursor: pointer;
      }
      .icon:hover {
        background: var(--_surface);
      }
      .body {
        flex: 1;
        overflow: auto;
        padding: 1rem;
        overscroll-behavior: contain;
      }
    `,
  ];

  declare open: boolean;
  declare heading: string;
  declare logoUrl: string | null;
  declare closeLabel: string;
  declare backLabel: string;
  declare canGoBack: boolean;

  constructor() {
    super();
    this.open = false;
    this.heading = '';
    this.logoUrl = null;
    this.closeLabel = 'Fermer';
    this.backLabel = 'Retour';
    this.canGoBack = false;
  }

  override render() {
    return html`
      <dialog part="dialog" aria-labelledby="title" @cancel=${this.cancel}>
        <header part="header">
          ${this.canGoBack
            ? html`<button class="icon" part="back-button" aria-label=${this.backLabel} @click=${this.goBack}>
                <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true"><path d="M15 5l-7 7 7 7" fill="none" stroke="currentColor" stroke-width="2"/></svg>
              </button>`
            : nothing}
          ${this.logoUrl ? html`<img src=${this.logoUrl} alt="" />` : nothing}
          <h1 id="title" tabindex="-1">${this.heading}</h1>
          <button class="icon" part="close-button" aria-label=${this.closeLabel} @click=${this.requestClose}>
            <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18" fill="none" stroke="currentColor" stroke-width="2"/></svg>
          </button>
        </header>
        <!-- Focusable, so a keyboard can scroll a long screen between its controls (axe: scrollable-region-focusable). -->
        <div class="body" part="body" tabindex="0" role="region" aria-labelledby="title"><slot></slot></div>
      </dialog>
    `;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // On the document: when the focused element went away with its screen, Tab starts from the page.
    document.addEventListener('keydown', this.trapTab, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.trapTab, true);
  }

  /**
   * Keeps focus in the open dialog when the element that had it is gone (the screen changed): the
   * title takes it, so a screen reader says where the shopper is and Tab goes on from the top.
   */
  holdFocus(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (!dialog?.open || isInComposedTree(dialog, deepActiveElement())) return;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  protected override updated(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (!dialog) return;
    if (this.open && !dialog.open) {
      dialog.showModal();
      findFocusables(dialog).find((element) => element.localName === 'input')?.focus();
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  private cancel(event: Event) {
    event.preventDefault();
    this.requestClose();
  }

  private requestClose() {
    this.dispatchEvent(new Event('panel-close'));
  }

  private goBack() {
    this.dispatchEvent(new Event('panel-back'));
  }

  private readonly trapTab = (event: KeyboardEvent) => {
    const dialog = this.renderRoot.querySelector('dialog');
    if (event.key !== 'Tab' || !this.open || !dialog?.open) return;
    const focusables = findFocusables(dialog);
    const first = focusables[0];
    const last = focusables[focusables.length - 1];
    if (!first || !last) return;
    const active = deepActiveElement();
    if (!isInComposedTree(dialog, active)) {
      event.preventDefault();
      (event.shiftKey ? last : first).focus();
    } else if (event.shiftKey && active === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };
}

if (!customElements.get('comptoir-panel')) customElements.define('comptoir-panel', ComptoirPanel);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-panel': ComptoirPanel;
  }
}
