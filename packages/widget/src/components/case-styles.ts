import { css } from 'lit';

/** Layout shared by the ticket, claim case and loyalty screens: sections, boxes, fields, lists. */
export const caseStyles = css`
  :host,
  section,
  form {
    display: grid;
    gap: 1rem;
  }
  section {
    gap: 0.6rem;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .box {
    padding: 0.9rem 1rem;
    border-radius: var(--_radius);
    background: var(--_surface);
    display: grid;
    gap: 0.4rem;
  }
  ul,
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.6rem;
  }
  label.field {
    display: grid;
    gap: 0.3rem;
    font-weight: 600;
  }
  input[type='text'],
  select,
  textarea {
    font: inherit;
    min-height: 44px;
    padding: 0.5rem 0.7rem;
    border: 1px solid var(--_muted);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_bg);
    color: var(--_text);
    width: 100%;
    font-weight: 400;
  }
  .text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .item {
    display: grid;
    gap: 0.2rem;
    width: 100%;
    padding: 0.8rem 1rem;
    text-align: start;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    cursor: pointer;
    font: inherit;
  }
  .item:hover {
    border-color: var(--_accent);
  }
  .item .title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
`;
