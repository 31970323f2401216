import { html, nothing } from 'lit';
import { currentLocale, formatDateTime, t, type MessageKey } from '../../i18n/index.js';
import { caseStatusLabel } from '../inbox/case-labels.js';
import { eventTypeLabel } from '../audit/event-labels.js';

const actorKeys: Record<string, MessageKey> = {
  shopper: 'actor.shopper',
  staff: 'actor.staff',
  shop_backend: 'actor.shop_backend',
  system: 'actor.system',
};

/** Who wrote or did something on a case, in words (its raw value when unknown). */
export function actorText(actorType: string): string {
  const key = actorKeys[actorType];
  return key ? t(key) : actorType;
}

/** What an event without a change of state was, in words (the audit log's label, else its raw type). */
export function eventLabel(type: string): string {
  if (type.endsWith('.note_added')) return t('timeline.noteAdded');
  if (type.endsWith('.deadline_reminder')) return t('timeline.reminder');
  if (type.endsWith('.message_added') || type.endsWith('.replied')) return t('timeline.message');
  return eventTypeLabel(type, currentLocale());
}

/** One entry of a case's history, as the staff case detail outputs carry it. */
export interface TimelineEvent {
  id: string;
  type: string;
  toStatus: string | null;
  actorType: string;
  reason: string | null;
  reasonMessage: { fr: string; en: string } | null;
  occurredAt: string | Date;
}

/**
 * The whole history of a case, oldest first: each change of state (or other event) with its actor,
 * time and reason; the server's own decisions in words. Refund events read as the refund's.
 */
export function renderCaseTimeline(events: readonly TimelineEvent[], caseType: 'return' | 'claim' | 'ticket') {
  return html`<section class="card" aria-labelledby="timeline-title">
    <h2 id="timeline-title">${t('timeline.title')}</h2>
    <ol class="plain">
      ${events.map((event) => {
        const subject = event.type.startsWith('refund.') ? 'refund' : caseType;
        const reason = event.reasonMessage?.[currentLocale()] ?? event.reason;
        return html`<li part="event">
          <strong>${event.toStatus ? caseStatusLabel(subject, event.toStatus) : eventLabel(event.type)}</strong>
          <span class="muted">· ${subject === 'refund' ? `${t('timeline.refund')} ` : ''}${actorText(event.actorType)} · ${formatDateTime(event.occurredAt)}</span>
          ${reason ? html`<br /><span>${t('timeline.reason', { reason })}</span>` : nothing}
        </li>`;
      })}
    </ol>
  </section>`;
}
