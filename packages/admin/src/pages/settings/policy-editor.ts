import { LitElement, css, html, nothing } from 'lit';
import { errorMessage } from '@comptoir/protocol/errors';
import type { OpeningSchedule } from '@comptoir/protocol/policy/service-policy';
import { currentLocale, formatDateTime, isMessageKey, LocaleController, t, type MessageKey } from '../../i18n/index.js';
import { session } from '../../session.js';
import { api, errorCodeOf, errorMessageOf } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import { minorToMajorText } from '../loyalty/loyalty-form-model.js';
import {
  errorsFromServer,
  firstErrorTarget,
  formValuesFromRules,
  groupOf,
  policyFields,
  policySections,
  validatePolicyForm,
  type PolicyErrors,
  type PolicyErrorTarget,
  type PolicyField,
  type PolicyFieldError,
  type PolicyFormValues,
  type PolicyPath,
  type PolicySection,
} from './policy-form-model.js';
import { renderOpeningSchedule } from './opening-schedule-fields.js';
import type { PolicyVersion, ShopPolicy } from './settings-types.js';

/** The id of a setting's input (`policy-returns-windowDays`), also used to move the focus to it. */
export function policyInputId(target: PolicyErrorTarget): string {
  if (target === 'schedule.openingHours') return 'policy-hours';
  if (target.startsWith('schedule.openingHours.')) return `policy-hours-${target.split('.')[2]}`;
  if (target === 'schedule.holidays') return 'policy-holidays';
  if (target === 'schedule.publicHolidays') return 'policy-public-holidays';
  return `policy-${target.replaceAll('.', '-')}`;
}

/**
 * The shop's service policy: every promise it makes, section by section, each number with its unit
 * and the legal floor or ceiling explained beside it; the opening hours and holidays deadlines count
 * on; the version being edited and the history of versions. Checked with the protocol's own schema
 * before sending; the server's refusals land on their field. Saving names the version it started
 * from: if someone saved meanwhile, the editor offers to reload. Read-only for staff.
 *
 * @csspart form - the policy form
 * @csspart history - the list of versions
 */
export class ComptoirPolicyEditor extends LitElement {
  static override properties = {
    canEdit: { type: Boolean, attribute: 'can-edit' },
    currency: {},
    timeZone: {},
    policy: { state: true },
    history: { state: true },
    values: { state: true },
    schedule: { state: true },
    errors: { state: true },
    error: { state: true },
    notice: { state: true },
    conflictVersion: { state: true },
    busy: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: grid;
        gap: 1rem;
        min-width: 0;
      }
      fieldset {
        border: 1px solid var(--_border);
        border-radius: calc(var(--_radius) - 4px);
        margin: 0;
        padding: 0.75rem;
        min-width: 0;
        display: grid;
        gap: 0.9rem;
      }
      fieldset.plain {
        border: 0;
        padding: 0;
      }
      fieldset.section {
        background: var(--_surface);
      }
      legend {
        font-weight: 700;
        padding: 0 0.25rem;
      }
      .section > legend {
        font-size: 1.1rem;
      }
      .number {
        display: flex;
        align-items: center;
        gap: 0.5rem;
      }
      .number input {
        width: 8rem;
        flex: 0 0 auto;
      }
      .unit {
        color: var(--_muted);
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
      textarea[aria-invalid='true'],
      select[aria-invalid='true'] {
        border-color: var(--_danger);
      }
      .legal {
        margin: 0;
        font-size: 0.9rem;
        padding-left: 0.6rem;
        border-left: 3px solid var(--_accent);
      }
      input[type='time'] {
        min-width: 0;
      }
      .check {
        display: flex;
        align-items: flex-start;
        gap: 0.6rem;
        min-height: 44px;
        font-weight: 600;
      }
      .check input {
        width: 22px;
        min-height: 22px;
        height: 22px;
        margin: 0.1rem 0 0;
        flex: 0 0 auto;
      }
      .field-error {
        color: var(--_danger);
        margin: 0;
        font-weight: 600;
      }
      .days {
        display: grid;
        gap: 0.75rem;
      }
      .day {
        gap: 0.5rem;
      }
      .interval {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        gap: 0.5rem;
        align-items: end;
      }
      .interval button {
        grid-column: 1 / -1;
        justify-self: start;
      }
      button.small {
        min-height: 44px;
        padding: 0.3rem 0.75rem;
      }
      .holidays {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.35rem;
      }
      .holidays li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
      }
      .holiday-add {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.5rem;
      }
      .holiday-add .field {
        flex: 1 1 10rem;
      }
      .version {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: baseline;
        margin: 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .sticky {
        position: sticky;
        bottom: 0;
        background: var(--_bg);
        padding: 0.5rem 0;
        display: grid;
        gap: 0.5rem;
      }
      ol {
        margin: 0;
        padding-left: 1.25rem;
        display: grid;
        gap: 0.25rem;
      }
      summary {
        cursor: pointer;
        min-height: 44px;
        display: flex;
        align-items: center;
        font-weight: 700;
      }
      @media (min-width: 48rem) {
        .days {
          grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr));
        }
      }
    `,
  ];

  /** Whether the signed-in person may change the policy (owners). */
  declare canEdit: boolean;
  /** The shop's currency, for amounts. */
  declare currency: string;
  /** The shop's time zone, said next to the opening hours. */
  declare timeZone: string;
  declare policy: ShopPolicy | null;
  declare history: PolicyVersion[] | null;
  declare values: PolicyFormValues | null;
  declare schedule: OpeningSchedule | null;
  declare errors: PolicyErrors;
  declare error: string;
  declare notice: string;
  /** The version someone else saved while this one was edited, or null. */
  declare conflictVersion: number | null;
  declare busy: boolean;

  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.canEdit = false;
    this.currency = 'EUR';
    this.timeZone = 'Europe/Paris';
    this.policy = null;
    this.history = null;
    this.values = null;
    this.schedule = null;
    this.errors = {};
    this.error = '';
    this.notice = '';
    this.conflictVersion = null;
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** Loads the current version (dropping any edit) and the history. */
  private async load(): Promise<void> {
    try {
      const [policy, history] = await Promise.all([api.shops.admin.policy.query(), api.shops.admin.policyHistory.query()]);
      this.show(policy);
      this.history = history;
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    }
  }

  private show(policy: ShopPolicy): void {
    this.policy = policy;
    this.values = formValuesFromRules(policy.rules);
    this.schedule = structuredClone(policy.rules.schedule);
    this.errors = {};
    this.conflictVersion = null;
  }

  private async reload(): Promise<void> {
    this.error = '';
    this.notice = '';
    await this.load();
    if (!this.error) this.notice = t('settings.policy.reloaded', { version: this.policy?.version ?? '' });
  }

  private clearError(target: PolicyErrorTarget): void {
    const group = target.includes('.') ? groupOf(target) : null;
    if (this.errors[target] === undefined && (!group || this.errors[group] === undefined)) return;
    const errors = { ...this.errors };
    delete errors[target];
    if (group) delete errors[group];
    this.errors = errors;
  }

  private setValue(path: PolicyPath, value: string | boolean): void {
    if (!this.values) return;
    this.values = { ...this.values, [path]: value };
    this.notice = '';
    this.clearError(path);
  }

  private setSchedule(schedule: OpeningSchedule): void {
    this.schedule = schedule;
    this.notice = '';
    const errors = { ...this.errors };
    for (const key of Object.keys(errors) as PolicyErrorTarget[]) if (key.startsWith('schedule.')) delete errors[key];
    this.errors = errors;
  }

  private async focusFirstError(): Promise<void> {
    await this.updateComplete;
    const target = firstErrorTarget(this.errors);
    if (target && target !== 'form') this.renderRoot.querySelector<HTMLElement>(`#${policyInputId(target)}`)?.focus();
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.values || !this.schedule || !this.policy || !this.canEdit) return;
    this.error = '';
    this.notice = '';
    const result = validatePolicyForm(this.values, this.schedule);
    if (!result.ok) {
      this.errors = result.errors;
      this.error = t('settings.form.fixCount', { count: Object.keys(result.errors).length });
      await this.focusFirstError();
      return;
    }
    this.errors = {};
    this.busy = true;
    try {
      const saved = await api.shops.admin.updatePolicy.mutate({ expectedVersion: this.policy.version, rules: result.rules });
      this.show(saved);
      this.notice = t('settings.policy.saved', { version: saved.version });
      this.history = await api.shops.admin.policyHistory.query();
    } catch (error) {
      session.handleError(error);
      const code = errorCodeOf(error);
      const params = (error as { data?: { params?: Record<string, unknown> } }).data?.params;
      if (code === 'POLICY_VERSION_CONFLICT') {
        this.conflictVersion = Number(params?.currentVersion) || this.policy.version + 1;
        return;
      }
      this.error = errorMessageOf(error);
      const errors = errorsFromServer(code, params);
      if (errors) {
        this.errors = errors;
        await this.focusFirstError();
      }
    } finally {
      this.busy = false;
    }
  }

  private unitText(field: PolicyField): string {
    if (field.kind === 'money') return this.currency;
    return field.unit ? t(`settings.unit.${field.unit}`) : '';
  }

  private boundText(field: PolicyField, value: number): string {
    return field.kind === 'money' ? `${minorToMajorText(value)} ${this.currency}` : `${value} ${this.unitText(field)}`.trim();
  }

  /** The sentence that says why an error is one, for its place in the form. */
  private errorText(target: PolicyErrorTarget, error: PolicyFieldError): string {
    const field = policyFields.find((item) => item.path === target) as PolicyField | undefined;
    switch (error.kind) {
      case 'wholeNumber':
        return t('settings.error.wholeNumber');
      case 'amount':
        return t('settings.error.amount');
      case 'tooSmall':
        return t('settings.error.tooSmall', { min: field ? this.boundText(field, error.min) : error.min });
      case 'tooBig':
        return t('settings.error.tooBig', { max: field ? this.boundText(field, error.max) : error.max });
      case 'belowLegalFloor':
        return field?.legal ? t(`settings.legal.${field.legal.basis}.refused` as MessageKey, { value: error.floor }) : t('settings.error.tooSmall', { min: error.floor });
      case 'aboveLegalCeiling':
        return field?.legal
          ? t(`settings.legal.${field.legal.basis}.refused` as MessageKey, { value: error.ceiling, days: Math.round(error.ceiling / 24) })
          : t('settings.error.tooBig', { max: error.ceiling });
      case 'noReturnMethod':
        return errorMessage('POLICY_NO_RETURN_METHOD', currentLocale());
      case 'noOpeningHours':
        return errorMessage('POLICY_NO_OPENING_HOURS', currentLocale());
      case 'monthDay':
        return t('settings.error.monthDay');
      case 'invalidLine':
        return t('settings.error.invalidLine', { line: error.line });
      case 'time':
        return t('settings.error.time');
      case 'closesBeforeOpens':
        return t('settings.error.closesBeforeOpens', { number: error.interval });
      case 'overlap':
        return t('settings.error.overlap');
      default:
        return t('settings.error.invalid', { detail: error.detail });
    }
  }

  private errorOf(target: PolicyErrorTarget): string | null {
    const error = this.errors[target];
    return error ? this.errorText(target, error) : null;
  }

  private legalText(field: PolicyField): string | null {
    if (!field.legal) return null;
    return t(`settings.legal.${field.legal.basis}` as MessageKey, { value: field.legal.value, days: Math.round(field.legal.value / 24) });
  }

  private renderField(field: PolicyField) {
    const path = field.path as PolicyPath;
    const id = policyInputId(path);
    const value = this.values![path];
    const error = this.errorOf(path);
    const hintKey = `policy.hint.${path}`;
    const hint = isMessageKey(hintKey) ? t(hintKey) : null;
    const legal = this.legalText(field);
    const describedBy = [hint ? `${id}-hint` : '', legal ? `${id}-legal` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
    const label = t(`policy.field.${path}`);
    const after = html`${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
      ${legal ? html`<p class="legal" id=${`${id}-legal`}>${legal}</p>` : nothing}
      ${error ? html`<p class="field-error" id=${`${id}-error`}>${error}</p>` : nothing}`;
    switch (field.kind) {
      case 'boolean':
        return html`<div class="field">
          <label class="check">
            <input id=${id} type="checkbox" .checked=${value === true} aria-describedby=${describedBy} @change=${(event: Event) => this.setValue(path, (event.target as HTMLInputElement).checked)} />
            ${label}
          </label>
          ${after}
        </div>`;
      case 'choice':
        return html`<div class="field">
          <label for=${id}>${label}</label>
          <select id=${id} aria-describedby=${describedBy} aria-invalid=${error ? 'true' : 'false'} @change=${(event: Event) => this.setValue(path, (event.target as HTMLSelectElement).value)}>
            ${(field.options ?? []).map((option) => html`<option value=${option} ?selected=${value === option}>${t(`policy.option.${path}.${option}` as MessageKey)}</option>`)}
          </select>
          ${after}
        </div>`;
      case 'lines':
        return html`<div class="field">
          <label for=${id}>${label}</label>
          <textarea id=${id} rows="3" spellcheck="false" .value=${String(value)} aria-describedby=${describedBy} aria-invalid=${error ? 'true' : 'false'}
            @input=${(event: Event) => this.setValue(path, (event.target as HTMLTextAreaElement).value)}></textarea>
          ${after}
        </div>`;
      case 'monthDay':
        return html`<div class="field">
          <label for=${id}>${label}</label>
          <input id=${id} inputmode="numeric" autocomplete="off" maxlength="5" placeholder=${t('settings.monthDay.placeholder')} .value=${String(value)}
            aria-describedby=${describedBy} aria-invalid=${error ? 'true' : 'false'}
            @input=${(event: Event) => this.setValue(path, (event.target as HTMLInputElement).value)} />
          ${after}
        </div>`;
      default: {
        const unit = this.unitText(field);
        return html`<div class="field">
          <label for=${id}>${label}</label>
          <div class="number">
            <input
              id=${id}
              type="text"
              inputmode=${field.kind === 'money' ? 'decimal' : 'numeric'}
              autocomplete="off"
              .value=${String(value)}
              aria-describedby=${describedBy}
              aria-invalid=${error ? 'true' : 'false'}
              @input=${(event: Event) => this.setValue(path, (event.target as HTMLInputElement).value)}
            />
            <span class="unit">${unit}</span>
          </div>
          ${after}
        </div>`;
      }
    }
  }

  private renderSection(section: PolicySection) {
    const title = t(`settings.policy.section.${section}`);
    if (section === 'schedule') {
      return html`<fieldset class="section" id="policy-section-schedule">
        <legend>${title}</legend>
        ${renderOpeningSchedule({
          schedule: this.schedule!,
          errors: this.errors,
          canEdit: this.canEdit,
          errorText: (target) => this.errorOf(target),
          onChange: (schedule) => this.setSchedule(schedule),
        })}
        <p class="hint">${t('settings.hours.timeZone', { zone: this.timeZone })}</p>
      </fieldset>`;
    }
    const fields = (policyFields as readonly PolicyField[]).filter((field) => field.path.split('.')[0] === section);
    const parts: unknown[] = [];
    for (let i = 0; i < fields.length; ) {
      const group = groupOf(fields[i]!.path);
      if (!group) {
        parts.push(this.renderField(fields[i]!));
        i += 1;
        continue;
      }
      const members: PolicyField[] = [];
      while (i < fields.length && groupOf(fields[i]!.path) === group) members.push(fields[i++]!);
      const groupError = this.errorOf(group);
      const groupId = policyInputId(group);
      const hintKey = `policy.hint.${group}`;
      parts.push(html`<fieldset id=${groupId} tabindex="-1" aria-describedby=${[isMessageKey(hintKey) ? `${groupId}-hint` : '', groupError ? `${groupId}-error` : ''].filter(Boolean).join(' ') || nothing}>
        <legend>${t(`policy.group.${group}`)}</legend>
        ${isMessageKey(hintKey) ? html`<p class="hint" id=${`${groupId}-hint`}>${t(hintKey)}</p>` : nothing}
        ${members.map((field) => this.renderField(field))}
        ${groupError ? html`<p class="field-error" id=${`${groupId}-error`}>${groupError}</p>` : nothing}
      </fieldset>`);
    }
    return html`<fieldset class="section" id=${`policy-section-${section}`}>
      <legend>${title}</legend>
      ${parts}
    </fieldset>`;
  }

  private renderHistory() {
    if (!this.history) return nothing;
    return html`<details part="history">
      <summary>${t('settings.policy.history', { count: this.history.length })}</summary>
      <ol reversed>
        ${this.history.map(
          (version) => html`<li>
            ${t('settings.policy.versionLine', {
              version: version.version,
              date: formatDateTime(version.createdAt),
              by: version.createdBy?.name ?? t('settings.policy.bySystem'),
            })}
          </li>`,
        )}
      </ol>
    </details>`;
  }

  override render() {
    void this.locale;
    const policy = this.policy;
    if (!policy || !this.values || !this.schedule) {
      return this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : html`<p class="muted" role="status">${t('app.loading')}</p>`;
    }
    return html`
      <div class="card">
        <p class="version">
          <strong id="policy-version">${t('settings.policy.version', { version: policy.version })}</strong>
          <span class="muted">${t('settings.policy.savedBy', { date: formatDateTime(policy.createdAt), by: policy.createdBy?.name ?? t('settings.policy.bySystem') })}</span>
        </p>
        <p class="hint">${t('settings.policy.intro')}</p>
        ${this.renderHistory()}
      </div>
      ${this.conflictVersion !== null
        ? html`<div class="alert error" role="alert">
            <p>${t('settings.policy.conflict', { version: this.conflictVersion })}</p>
            <div class="actions"><button type="button" id="policy-reload" @click=${() => this.reload()}>${t('settings.policy.conflict.reload')}</button></div>
          </div>`
        : nothing}
      <form part="form" novalidate @submit=${this.save}>
        <fieldset class="plain" ?disabled=${!this.canEdit}>
          ${policySections.map((section) => this.renderSection(section))}
          <div class=${this.canEdit ? 'sticky' : ''}>
            <div aria-live="polite">
              ${this.error ? html`<p class="alert error" role="alert" id="policy-form-error">${this.error}</p>` : nothing}
              ${this.notice ? html`<p class="alert success" role="status">${this.notice}</p>` : nothing}
            </div>
            ${this.canEdit
              ? html`<div class="actions"><button type="submit" ?disabled=${this.busy}>${t('settings.policy.save', { version: policy.version + 1 })}</button></div>`
              : nothing}
          </div>
        </fieldset>
      </form>
    `;
  }
}

customElements.define('comptoir-policy-editor', ComptoirPolicyEditor);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-policy-editor': ComptoirPolicyEditor;
  }
}
