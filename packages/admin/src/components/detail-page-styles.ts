import { css } from 'lit';

/**
 * The layout of the pages that show one thing in detail (a case, an order): header, plain lists,
 * text areas, countdown colours, one column on a phone and two on a desk.
 */
export const detailPageStyles = css`
  :host {
    display: grid;
    gap: 1rem;
  }
  h1 {
    margin: 0;
  }
  .summary,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
  }
  .plain {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  .plain > li {
    border-top: 1px solid var(--_border);
    padding-top: 0.5rem;
  }
  .plain > li:first-child {
    border-top: 0;
    padding-top: 0;
  }
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_muted);
    border-radius: calc(var(--_radius) - 4px);
    padding: 0.6rem 0.7rem;
    width: 100%;
    min-height: 5rem;
  }
  .countdown.overdue {
    color: var(--_danger);
    font-weight: 700;
  }
  .countdown.soon {
    font-weight: 700;
  }
  .columns {
    display: grid;
    gap: 1rem;
    align-items: start;
  }
  @media (min-width: 48rem) {
    .columns {
      grid-template-columns: 1fr 1fr;
    }
  }
`;
