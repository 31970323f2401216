import { html, nothing, type TemplateResult } from 'lit';
import { t } from '../../i18n/index.js';
import { countdownOf } from '../inbox/case-labels.js';
import type { CaseActionController } from './case-action-controller.js';

/** What the top of a case page says. */
export interface CaseHeading {
  title: string;
  status: string;
  /** Further facts beside the status (order number, customer, kind of claim). */
  facts: ReadonlyArray<TemplateResult | string>;
  openedAt: string | Date;
  nextDeadlineAt: string | Date | null;
}

/**
 * The top of every case page: the title, the status, the facts, the countdown to the next deadline
 * (always in sight, coloured by urgency and said in words), then the last error or confirmation.
 */
export function renderCaseHeader(heading: CaseHeading, actions: CaseActionController) {
  const countdown = countdownOf(heading.openedAt, heading.nextDeadlineAt, Date.now());
  return html`
    <h1>${heading.title}</h1>
    <div class="summary">
      <strong>${heading.status}</strong>
      ${heading.facts.map((fact) => html`<span>${fact}</span>`)}
      ${heading.nextDeadlineAt ? html`<span class="countdown ${countdown.urgency}">${countdown.text}</span>` : nothing}
    </div>
    ${renderCaseAlerts(actions)}
  `;
}

/** The last error (an alert) and the last confirmation (a status message) of a case page. */
export function renderCaseAlerts(actions: CaseActionController) {
  return html`
    ${actions.error ? html`<p class="alert error" role="alert">${actions.error}</p>` : nothing}
    ${actions.notice ? html`<p class="alert success" role="status">${actions.notice}</p>` : nothing}
  `;
}

/**
 * The frame of a case page: the way back to the inbox, then the case once loaded, the error that
 * kept it from loading, or a loading message.
 */
export function renderCaseFrame<T>(value: T | null, actions: CaseActionController, body: (value: T) => unknown) {
  return html`
    <p><a href="#/inbox">${t('case.back')}</a></p>
    ${value !== null
      ? body(value)
      : actions.error
        ? html`<p class="alert error" role="alert">${actions.error}</p>`
        : html`<p class="muted" role="status">${t('app.loading')}</p>`}
  `;
}
