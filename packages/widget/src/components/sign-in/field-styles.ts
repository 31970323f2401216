import { css } from 'lit';

/** The sign-in forms' layout and text fields (by order number and by emailed code). */
export const signInFieldStyles = css`
  form {
    display: grid;
    gap: 1rem;
  }
  label {
    display: grid;
    gap: 0.3rem;
    font-weight: 600;
  }
  input {
    min-height: 44px;
    padding: 0.55rem 0.75rem;
    border: 1px solid var(--_muted);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_bg);
    color: var(--_text);
    width: 100%;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .hint {
    font-weight: 400;
  }
  .field-error {
    color: var(--_danger);
    font-weight: 400;
    font-size: 0.9rem;
  }
  .link {
    justify-self: start;
    text-align: start;
    min-height: 44px;
    padding: 0.5rem 0;
    border: 0;
    background: none;
    /* Text colour, not the accent: a shop's dark brand colour would be unreadable as text in the dark scheme. */
    color: var(--_text);
    text-decoration: underline;
    cursor: pointer;
  }
  .link[disabled] {
    color: var(--_muted);
    text-decoration: none;
    cursor: default;
  }
`;
