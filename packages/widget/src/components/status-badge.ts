import { html, css } from 'lit';
import type { Translator } from '../i18n/index.js';

const toneByStatus: Record<string, string> = {
  delivered: 'done',
  picked_up: 'done',
  ready_for_pickup: 'action',
  available_for_pickup: 'action',
  cancelled: 'off',
  delivery_failed: 'alert',
  returned_to_sender: 'alert',
};

/** Styles of the status badge. */
export const statusStyles = css`
  .status {
    display: inline-block;
    padding: 0.1rem 0.55rem;
    border-radius: 999px;
    font-size: 0.85rem;
    font-weight: 600;
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
  }
  .status.done {
    border-color: var(--_accent);
  }
  .status.action {
    background: var(--_accent);
    color: var(--_on-accent);
    border-color: var(--_accent);
  }
  .status.alert {
    color: var(--_danger);
    border-color: var(--_danger);
  }
  .status.off {
    color: var(--_muted);
  }
`;

/** A badge with the label of an order status. */
export function statusBadge(t: Translator, status: string, kind: 'status' | 'tracking' = 'status') {
  return html`<span class="status ${toneByStatus[status] ?? ''}" part="status">${t.label(kind, status)}</span>`;
}
