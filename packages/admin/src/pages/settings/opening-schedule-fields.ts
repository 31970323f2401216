import { html, nothing } from 'lit';
import { frenchPublicHolidays } from '@comptoir/protocol/policy/public-holidays';
import { weekdays, type OpeningInterval, type OpeningSchedule, type Weekday } from '@comptoir/protocol/policy/service-policy';
import { currentLocale, formatDateTime, t } from '../../i18n/index.js';
import type { PolicyErrorTarget, PolicyErrors } from './policy-form-model.js';

/** What the opening schedule's fields need from the policy editor they are part of. */
export interface ScheduleFieldsOptions {
  schedule: OpeningSchedule;
  errors: PolicyErrors;
  canEdit: boolean;
  /** The message of the error at a place of the schedule, or null. */
  errorText(target: PolicyErrorTarget): string | null;
  onChange(schedule: OpeningSchedule): void;
}

/** The most intervals a day may have (the schema's limit). */
const maxIntervals = 4;

/** A weekday's name in the current language (1 January 2024 was a Monday). */
function weekdayName(day: Weekday): string {
  const date = new Date(Date.UTC(2024, 0, 1 + weekdays.indexOf(day), 12));
  const name = new Intl.DateTimeFormat(currentLocale(), { weekday: 'long', timeZone: 'UTC' }).format(date);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function withDay(schedule: OpeningSchedule, day: Weekday, intervals: OpeningInterval[]): OpeningSchedule {
  return { ...schedule, openingHours: { ...schedule.openingHours, [day]: intervals } };
}

/** A sensible next interval: after the last one (an afternoon after a morning), or 9–19. */
function nextInterval(intervals: readonly OpeningInterval[]): OpeningInterval {
  const last = intervals.at(-1);
  if (!last) return { opens: '09:00', closes: '19:00' };
  return last.closes < '14:00' ? { opens: '14:00', closes: '19:00' } : { opens: last.closes, closes: '24:00' };
}

function errorLine(id: string, message: string | null) {
  return message ? html`<p class="field-error" id=${id}>${message}</p>` : nothing;
}

function renderDay(day: Weekday, options: ScheduleFieldsOptions) {
  const intervals = options.schedule.openingHours[day];
  const target = `schedule.openingHours.${day}` as const;
  const error = options.errorText(target);
  const errorId = `policy-hours-${day}-error`;
  const name = weekdayName(day);
  const set = (next: OpeningInterval[]) => options.onChange(withDay(options.schedule, day, next));
  return html`<fieldset class="day" id=${`policy-hours-${day}`} tabindex="-1" aria-describedby=${error ? errorId : nothing}>
    <legend>${name}</legend>
    ${intervals.length === 0 ? html`<p class="muted closed">${t('settings.hours.closed')}</p>` : nothing}
    ${intervals.map(
      (interval, index) => html`<div class="interval" role="group" aria-label=${t('settings.hours.interval', { day: name, number: index + 1 })}>
        <div class="field">
          <label for=${`policy-hours-${day}-${index}-opens`}>${t('settings.hours.opens')}</label>
          <input
            id=${`policy-hours-${day}-${index}-opens`}
            type="time"
            .value=${interval.opens}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${error ? errorId : nothing}
            @change=${(event: Event) => set(intervals.map((item, i) => (i === index ? { ...item, opens: (event.target as HTMLInputElement).value } : item)))}
          />
        </div>
        <div class="field">
          <label for=${`policy-hours-${day}-${index}-closes`}>${t('settings.hours.closes')}</label>
          <input
            id=${`policy-hours-${day}-${index}-closes`}
            type="time"
            .value=${interval.closes === '24:00' ? '23:59' : interval.closes}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${error ? errorId : nothing}
            @change=${(event: Event) => {
              const value = (event.target as HTMLInputElement).value;
              // A time input cannot say 24:00; 23:59 stands for "until midnight".
              set(intervals.map((item, i) => (i === index ? { ...item, closes: value === '23:59' ? '24:00' : value } : item)));
            }}
          />
        </div>
        ${options.canEdit
          ? html`<button type="button" class="danger small" @click=${() => set(intervals.filter((_, i) => i !== index))}>
              ${t('settings.hours.remove')}<span class="visually-hidden"> ${t('settings.hours.interval', { day: name, number: index + 1 })}</span>
            </button>`
          : nothing}
      </div>`,
    )}
    ${options.canEdit && intervals.length < maxIntervals
      ? html`<div><button type="button" class="secondary small" @click=${() => set([...intervals, nextInterval(intervals)])}>
          ${intervals.length === 0 ? t('settings.hours.open', { day: name }) : t('settings.hours.add', { day: name })}
        </button></div>`
      : nothing}
    ${errorLine(errorId, error)}
  </fieldset>`;
}

function renderHolidays(options: ScheduleFieldsOptions) {
  const { schedule } = options;
  const error = options.errorText('schedule.holidays');
  const holidays = [...schedule.holidays].sort();
  const add = (event: Event) => {
    const input = (event.target as HTMLElement).closest('.holiday-add')?.querySelector('input');
    const value = input?.value ?? '';
    if (!value || holidays.includes(value)) return;
    options.onChange({ ...schedule, holidays: [...holidays, value].sort() });
    input!.value = '';
  };
  return html`<fieldset id="policy-holidays" tabindex="-1" aria-describedby=${error ? 'policy-holidays-error' : 'policy-holidays-hint'}>
    <legend>${t('settings.hours.holidays')}</legend>
    <p class="hint" id="policy-holidays-hint">${t('settings.hours.holidays.hint')}</p>
    ${holidays.length === 0
      ? html`<p class="muted">${t('settings.hours.holidays.none')}</p>`
      : html`<ul class="holidays">
          ${holidays.map(
            (day) => html`<li>
              <span>${formatDateTime(`${day}T12:00:00Z`, false)}</span>
              ${options.canEdit
                ? html`<button type="button" class="danger small" @click=${() => options.onChange({ ...schedule, holidays: holidays.filter((item) => item !== day) })}>
                    ${t('settings.hours.holidays.remove')}<span class="visually-hidden"> ${formatDateTime(`${day}T12:00:00Z`, false)}</span>
                  </button>`
                : nothing}
            </li>`,
          )}
        </ul>`}
    ${options.canEdit
      ? html`<div class="holiday-add">
          <div class="field">
            <label for="policy-new-holiday">${t('settings.hours.holidays.new')}</label>
            <input id="policy-new-holiday" type="date" @keydown=${(event: KeyboardEvent) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add(event);
              }
            }} />
          </div>
          <button type="button" class="secondary" @click=${add}>${t('settings.hours.holidays.add')}</button>
        </div>`
      : nothing}
    ${errorLine('policy-holidays-error', error)}
  </fieldset>`;
}

/**
 * The opening schedule's part of the policy form: per weekday, any number of opening intervals (a
 * lunch break makes two), the days the shop closes, and the public-holiday calendar. Deadlines in
 * business days and opening hours are counted on it.
 */
export function renderOpeningSchedule(options: ScheduleFieldsOptions) {
  const weekError = options.errorText('schedule.openingHours');
  const year = new Date().getFullYear();
  const publicHolidays = frenchPublicHolidays(year).map((day) => new Intl.DateTimeFormat(currentLocale(), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`)));
  return html`
    <p class="hint" id="policy-hours-hint">${t('settings.hours.hint')}</p>
    <div class="days" id="policy-hours" tabindex="-1" aria-describedby=${weekError ? 'policy-hours-error' : 'policy-hours-hint'}>
      ${weekdays.map((day) => renderDay(day, options))}
    </div>
    ${errorLine('policy-hours-error', weekError)}
    ${renderHolidays(options)}
    <div class="field">
      <label for="policy-public-holidays">${t('settings.hours.publicHolidays')}</label>
      <select
        id="policy-public-holidays"
        aria-describedby="policy-public-holidays-hint"
        @change=${(event: Event) => options.onChange({ ...options.schedule, publicHolidays: (event.target as HTMLSelectElement).value === 'none' ? 'none' : 'FR' })}
      >
        <option value="FR" ?selected=${options.schedule.publicHolidays === 'FR'}>${t('settings.hours.publicHolidays.FR')}</option>
        <option value="none" ?selected=${options.schedule.publicHolidays === 'none'}>${t('settings.hours.publicHolidays.none')}</option>
      </select>
      <p class="hint" id="policy-public-holidays-hint">
        ${options.schedule.publicHolidays === 'FR'
          ? t('settings.hours.publicHolidays.FR.hint', { year, days: publicHolidays.join(', ') })
          : t('settings.hours.publicHolidays.none.hint')}
      </p>
      ${errorLine('policy-public-holidays-error', options.errorText('schedule.publicHolidays'))}
    </div>
  `;
}
