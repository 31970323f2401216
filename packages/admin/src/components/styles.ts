import { css } from 'lit';

/**
 * Design tokens, declared on each element's `:host` (never on `:root`), overridable through the
 * `--comptoir-*` custom properties. Colours keep at least 4.5:1 contrast in light and dark schemes.
 */
export const tokens = css`
  :host {
    --_bg: var(--comptoir-bg, #f6f5f2);
    --_surface: var(--comptoir-surface, #ffffff);
    --_text: var(--comptoir-text, #1c1b19);
    --_muted: var(--comptoir-muted, #5c5850);
    --_border: var(--comptoir-border, #d6d2c8);
    --_accent: var(--comptoir-accent, #1f5f4a);
    --_on-accent: var(--comptoir-on-accent, #ffffff);
    --_danger: var(--comptoir-danger, #a3261b);
    --_success: var(--comptoir-success, #1d6b34);
    --_focus: var(--comptoir-focus, #1c5bd6);
    --_radius: var(--comptoir-radius, 10px);
    --_font: var(--comptoir-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-family: var(--_font);
    color: var(--_text);
    box-sizing: border-box;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_bg: var(--comptoir-bg, #141413);
      --_surface: var(--comptoir-surface, #1f1e1c);
      --_text: var(--comptoir-text, #f1efe9);
      --_muted: var(--comptoir-muted, #b9b4a8);
      --_border: var(--comptoir-border, #45423c);
      --_accent: var(--comptoir-accent, #7fd1b0);
      --_on-accent: var(--comptoir-on-accent, #0f2a20);
      --_danger: var(--comptoir-danger, #ff9c8f);
      --_success: var(--comptoir-success, #8fdca4);
      --_focus: var(--comptoir-focus, #8db4ff);
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;

/** Forms, buttons, messages and cards shared by the screens. */
export const controls = css`
  h1 {
    font-size: 1.4rem;
    margin: 0 0 1rem;
  }
  h2 {
    font-size: 1.1rem;
    margin: 0 0 0.75rem;
  }
  p {
    line-height: 1.5;
  }
  .card {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 1rem;
  }
  form {
    display: grid;
    gap: 1rem;
  }
  .field {
    display: grid;
    gap: 0.35rem;
  }
  label {
    font-weight: 600;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9rem;
    margin: 0;
  }
  input,
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_muted);
    border-radius: calc(var(--_radius) - 4px);
    padding: 0.6rem 0.7rem;
    min-height: 44px;
    width: 100%;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  button,
  .button {
    font: inherit;
    font-weight: 600;
    min-height: 44px;
    padding: 0.55rem 1rem;
    border-radius: calc(var(--_radius) - 4px);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4rem;
  }
  button.secondary,
  .button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  button.danger {
    background: transparent;
    border-color: var(--_danger);
    color: var(--_danger);
  }
  button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  a {
    color: var(--_accent);
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .alert {
    border-radius: calc(var(--_radius) - 4px);
    padding: 0.75rem 0.9rem;
    border: 1px solid currentColor;
    margin: 0;
  }
  .alert.error {
    color: var(--_danger);
  }
  .alert.success {
    color: var(--_success);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .muted {
    color: var(--_muted);
  }
`;
