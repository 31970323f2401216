import { isMessageKey, t } from '../../i18n/index.js';
import type { Outputs } from '../../trpc.js';

/** An event type a webhook endpoint can subscribe to, as the server lists them. */
export type WebhookEventType = Outputs['webhooks']['admin']['eventTypes'][number];

/** The event type in words, in the current language; an unknown type (a newer server) shows as is. */
export function eventTypeLabel(type: string): string {
  const key = `webhooks.event.${type}`;
  return isMessageKey(key) ? t(key) : type;
}

/** The event types ticked in a form (checkboxes named `eventTypes`), keeping only those the server offers. */
export function selectedEventTypes(form: FormData, offered: readonly WebhookEventType[]): WebhookEventType[] {
  const ticked = new Set(form.getAll('eventTypes').map(String));
  return offered.filter((type) => ticked.has(type));
}
