import { html, nothing } from 'lit';
import type { Locale } from '@comptoir/protocol/locale';
import type { ReturnDetail } from '../../controllers/api-types.js';
import { returnText } from '../../i18n/returns.js';
import { hoursLines } from './opening-hours.js';

/** Where a drop-off return can be brought, as the server answers it on the return and its confirmation. */
export type DropOffInfo = NonNullable<ReturnDetail['dropOff']>;
/** The counters that take the return, with address, hours and the coming holidays. */
export function renderDropOff(info: DropOffInfo, locale: Locale) {
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' });
  return html`<section class="box" part="drop-off" aria-labelledby="drop-off">
    <h3 id="drop-off">${returnText(locale, 'dropOffTitle')}</h3>
    ${info.points.length === 0 ? html`<p>${returnText(locale, 'dropOffShop')}</p>` : nothing}
    ${info.points.map(
      (point) => html`<div>
        <strong>${point.name}</strong><br />${point.address}
        <ul class="muted">
          ${hoursLines(point.openingHours, locale).map((line) => html`<li>${line}</li>`)}
        </ul>
      </div>`,
    )}
    ${info.closedDates.length
      ? html`<p class="muted">${returnText(locale, 'closedOn', { dates: info.closedDates.map((day) => date.format(new Date(`${day}T00:00:00Z`))).join(', ') })}</p>`
      : nothing}
  </section>`;
}
