/**
 * The widget's public events. Every event bubbles and crosses shadow roots (`composed`), so a shop
 * can listen on `document`. Details never carry personal data: no email, no name, no token.
 */
export interface ComptoirEventMap {
  /** The widget has loaded its shop's settings and can be used. */
  'comptoir-ready': { locale: string };
  /** The panel opened (floating mode) on a view. */
  'comptoir-open': { view: string };
  /** The panel closed. */
  'comptoir-close': Record<string, never>;
  /** A shopper signed in. */
  'comptoir-signed-in': Record<string, never>;
  /** The shopper signed out, or their session ended. */
  'comptoir-signed-out': Record<string, never>;
  /** A return was requested for an order (by its number). */
  'comptoir-return-requested': { orderNumber: string };
  /** The shopper opened a ticket (a question to the shop), about an order when `orderNumber` is set. */
  'comptoir-ticket-opened': { ticketId: string; orderNumber: string | null };
  /** The shopper turned points into a voucher (the code itself is not in the event). */
  'comptoir-points-redeemed': { rewardId: string; points: number };
}

/** The name of a Comptoir event. */
export type ComptoirEventName = keyof ComptoirEventMap;

/** Dispatches a typed `comptoir-*` event from `target`, bubbling and composed. */
export function emit<K extends ComptoirEventName>(target: EventTarget, name: K, detail: ComptoirEventMap[K]): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'comptoir-ready': CustomEvent<ComptoirEventMap['comptoir-ready']>;
    'comptoir-open': CustomEvent<ComptoirEventMap['comptoir-open']>;
    'comptoir-close': CustomEvent<ComptoirEventMap['comptoir-close']>;
    'comptoir-signed-in': CustomEvent<ComptoirEventMap['comptoir-signed-in']>;
    'comptoir-signed-out': CustomEvent<ComptoirEventMap['comptoir-signed-out']>;
    'comptoir-return-requested': CustomEvent<ComptoirEventMap['comptoir-return-requested']>;
    'comptoir-ticket-opened': CustomEvent<ComptoirEventMap['comptoir-ticket-opened']>;
    'comptoir-points-redeemed': CustomEvent<ComptoirEventMap['comptoir-points-redeemed']>;
  }
}
