/**
 * `widget.js`: the script-tag entry. Tiny and dependency-free: it shows a launcher button at once
 * and loads the widget itself (Lit and the screens, in hashed chunks next to this file) only when
 * the shopper opens it, a command asks for it, a deep link points into it, or the page holds an
 * inline `<comptoir-widget>`. It defines only `comptoir-*` elements, sets no global but
 * `window.Comptoir`, adds no global CSS, and never lets an error reach the host page.
 *
 * Reads from its own `<script>`: `data-key` (publishable key, required), `data-locale` (`fr`/`en`),
 * `data-view` (first screen), `data-api` (server origin, default this script's), `data-launcher`
 * (`false` hides the button: use `Comptoir.open()` from your own).
 */

import { hashWithoutLinkToken, readLinkToken } from './link-token.js';

/** Set at build time: the widget chunk's path relative to widget.js. */
declare const __COMPTOIR_WIDGET_ENTRY__: string;

/** The command API on `window.Comptoir`. */
export interface ComptoirApi {
  readonly version: string;
  /** Opens the panel, on a view (`orders`, `order/1042`, `tickets`, `loyalty`) when given. */
  open(view?: string): void;
  close(): void;
  setLocale(locale: string): void;
}

type Command = [name: 'open' | 'close' | 'setLocale', ...args: string[]];
type WidgetElement = HTMLElement & {
  key: string;
  lang: string;
  view: string;
  api: string;
  floating: boolean;
  open: boolean;
  /** Sign in with an emailed link's single-use token. */
  signInWithLink(token: string): void;
};

declare global {
  interface Window {
    Comptoir?: ComptoirApi | { q?: ArrayLike<unknown>[] };
  }
}

const warn = (...args: unknown[]) => console.warn('[comptoir]', ...args);
const launcherLabels: Record<string, string> = { fr: 'Mes commandes', en: 'My orders' };

function start(): void {
  const existing = window.Comptoir;
  if (existing && 'version' in existing) return;
  const queued = existing && 'q' in existing && Array.isArray(existing.q) ? existing.q : [];

  const script =
    (document.currentScript as HTMLScriptElement | null) ??
    document.querySelector<HTMLScriptElement>('script[data-key][src*="widget.js"]');
  const data = script?.dataset ?? {};
  const scriptUrl = script?.src || location.href;
  const apiBase = data.api || new URL(scriptUrl).origin;
  let locale = data.locale ?? '';
  let loading: Promise<unknown> | null = null;
  let launcher: HTMLElement | null = null;
  let widget: WidgetElement | null = null;

  const loadWidget = () =>
    (loading ??= import(/* @vite-ignore */ new URL(__COMPTOIR_WIDGET_ENTRY__, scriptUrl).href).catch((error: unknown) => {
      loading = null;
      throw error;
    }));

  /** Inline widgets get the script's key and server when they have none. */
  const upgradeInline = () => {
    const inline = document.querySelectorAll<WidgetElement>('comptoir-widget:not([floating])');
    if (!inline.length) return;
    for (const element of inline) {
      if (!element.hasAttribute('key') && data.key) element.setAttribute('key', data.key);
      if (!element.hasAttribute('api')) element.setAttribute('api', apiBase);
      if (!element.hasAttribute('lang') && locale) element.setAttribute('lang', locale);
    }
    loadWidget().catch(warn);
  };

  const launcherLabel = () =>
    launcherLabels[(locale || document.documentElement.lang || navigator.language).slice(0, 2).toLowerCase()] ??
    launcherLabels.fr!;

  class ComptoirLauncher extends HTMLElement {
    button: HTMLButtonElement | null = null;

    connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: 'open' });
      // A constructed style sheet, unlike a <style> element, passes a strict style-src CSP.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(`:host{position:fixed;inset:auto 16px 16px auto;z-index:2147483000;--_accent:var(--comptoir-accent,#2f5d50);--_on-accent:var(--comptoir-on-accent,#fff)}
button{all:initial;display:inline-flex;align-items:center;gap:8px;min-height:48px;padding:0 18px;border-radius:999px;background:var(--_accent);color:var(--_on-accent);font:600 15px/1 var(--comptoir-font,system-ui,sans-serif);box-shadow:0 4px 16px rgb(0 0 0/.2);cursor:pointer}
button:focus-visible{outline:3px solid var(--comptoir-focus,#1a5fb4);outline-offset:3px}
svg{width:20px;height:20px}
:host([no-button]) button{display:none}`);
      root.adoptedStyleSheets = [sheet];
      root.innerHTML = `<button part="launcher" type="button" aria-haspopup="dialog" aria-expanded="false"><svg viewBox="0 0 24 24" aria-hidden="true"><path d="M3 7l9-4 9 4v10l-9 4-9-4zM3 7l9 4 9-4M12 11v10" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/></svg><span></span></button>`;
      this.button = root.querySelector('button');
      this.button!.addEventListener('click', () => api.open());
      // Fetching the widget code on the first sign of interest makes opening feel instant.
      this.button!.addEventListener('pointerenter', () => void loadWidget().catch(warn), { once: true });
      this.button!.addEventListener('focus', () => void loadWidget().catch(warn), { once: true });
      root.addEventListener('comptoir-close', () => {
        this.button?.setAttribute('aria-expanded', 'false');
        // After the dialog has closed: closing gives focus back to whatever had it before it opened
        // (the page's body when a deep link opened it), which would undo an earlier focus().
        setTimeout(() => this.button?.focus());
      });
      this.relabel();
    }

    relabel() {
      const span = this.shadowRoot?.querySelector('span');
      if (span) span.textContent = launcherLabel();
    }
  }

  const ensureLauncher = () => {
    if (launcher || !data.key) return;
    if (!customElements.get('comptoir-launcher')) customElements.define('comptoir-launcher', ComptoirLauncher);
    launcher = document.createElement('comptoir-launcher');
    // Only the button goes: the panel lives in this element and must still open from the command API.
    if (data.launcher === 'false') launcher.setAttribute('no-button', '');
    document.body.append(launcher);
  };

  const openPanel = async (view?: string, linkToken?: string) => {
    ensureLauncher();
    if (!launcher) throw new Error('data-key is missing on the widget.js script tag');
    await loadWidget();
    if (!widget) {
      widget = document.createElement('comptoir-widget') as WidgetElement;
      widget.key = data.key!;
      widget.api = apiBase;
      widget.floating = true;
      if (locale) widget.lang = locale;
      launcher.shadowRoot!.append(widget);
    }
    if (linkToken) widget.signInWithLink(linkToken);
    else if (view) widget.view = view;
    else if (data.view && !widget.open) widget.view = data.view;
    widget.open = true;
    (launcher as ComptoirLauncher).button?.setAttribute('aria-expanded', 'true');
  };

  const api: ComptoirApi = {
    version: '1',
    open: (view) => void openPanel(view).catch(warn),
    close: () => {
      if (widget) widget.open = false;
    },
    setLocale: (next) => {
      locale = next;
      (launcher as ComptoirLauncher | null)?.relabel();
      for (const element of document.querySelectorAll<WidgetElement>('comptoir-widget')) element.lang = next;
      if (widget) widget.lang = next;
    },
  };
  window.Comptoir = api;

  const openFromHash = () => {
    const linkToken = readLinkToken(location.hash);
    if (linkToken) {
      // Out of the address at once: the token is single use and must not be bookmarked or shared.
      history.replaceState(history.state, '', location.pathname + location.search + hashWithoutLinkToken(location.hash));
      void openPanel(undefined, linkToken).catch(warn);
      return;
    }
    const match = /[#&]comptoir=([^&]+)/.exec(location.hash);
    if (match?.[1]) api.open(decodeURIComponent(match[1]));
  };

  const ready = () => {
    try {
      ensureLauncher();
      upgradeInline();
      for (const command of queued) {
        const [name, ...args] = Array.from(command) as Command;
        if (typeof api[name] === 'function') (api[name] as (...values: string[]) => void)(...args);
      }
      openFromHash();
      addEventListener('hashchange', openFromHash);
    } catch (error) {
      warn(error);
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready, { once: true });
  else ready();
}

try {
  start();
} catch (error) {
  warn(error);
}
