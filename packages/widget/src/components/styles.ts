import { css } from 'lit';

/**
 * Design tokens, declared on each component's `:host` (never on the page's `:root`). A page
 * overrides them on `comptoir-widget` or `comptoir-launcher`; they inherit into nested components.
 */
export const tokens = css`
  :host {
    --_accent: var(--comptoir-accent, #2f5d50);
    --_on-accent: var(--comptoir-on-accent, #fff);
    --_bg: var(--comptoir-bg, #fff);
    --_surface: var(--comptoir-surface, #f5f3ef);
    --_text: var(--comptoir-text, #1f1d1a);
    --_muted: var(--comptoir-muted, #5c5750);
    --_border: var(--comptoir-border, #d9d4cc);
    --_danger: var(--comptoir-danger, #a3261b);
    --_radius: var(--comptoir-radius, 12px);
    --_font: var(--comptoir-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_focus: var(--comptoir-focus, #1a5fb4);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--comptoir-accent, #8fc5b3);
      --_on-accent: var(--comptoir-on-accent, #10201b);
      --_bg: var(--comptoir-bg, #1c1b19);
      --_surface: var(--comptoir-surface, #282622);
      --_text: var(--comptoir-text, #f3f0ea);
      --_muted: var(--comptoir-muted, #bdb6ab);
      --_border: var(--comptoir-border, #48443e);
      --_danger: var(--comptoir-danger, #ff9b8f);
      --_focus: var(--comptoir-focus, #8cb8ff);
    }
  }
`;

/** Controls shared by the screens: buttons, fields, messages. */
export const controls = css`
  :host {
    font: 400 1rem/1.45 var(--_font);
    color: var(--_text);
  }
  * {
    box-sizing: border-box;
  }
  h2,
  h3,
  p {
    margin: 0;
  }
  h2 {
    font-size: 1.15rem;
  }
  h3 {
    font-size: 1rem;
  }
  .muted {
    color: var(--_muted);
    font-size: 0.9rem;
  }
  button,
  input,
  a {
    font: inherit;
  }
  a {
    color: var(--_accent);
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
    min-height: 44px;
    padding: 0.6rem 1.1rem;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
    cursor: pointer;
  }
  .button.secondary {
    background: transparent;
    color: var(--_text);
    border: 1px solid var(--_border);
  }
  .button[disabled] {
    opacity: 0.7;
    cursor: progress;
  }
  .error {
    display: grid;
    gap: 0.6rem;
    justify-items: start;
    padding: 0.8rem 1rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_danger);
    color: var(--_danger);
    background: var(--_surface);
  }
  .skeleton {
    height: 4.5rem;
    border-radius: var(--_radius);
    background: var(--_surface);
    animation: pulse 1.2s ease-in-out infinite alternate;
  }
  @keyframes pulse {
    to {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      animation: none !important;
      transition: none !important;
    }
  }
`;
