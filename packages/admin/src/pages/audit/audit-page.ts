import { LitElement, css, html, nothing } from 'lit';
import { currentLocale, formatDateTime, LocaleController, t } from '../../i18n/index.js';
import { session } from '../../session.js';
import { api, type Outputs } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import { PagedListController } from '../../components/paged-list-controller.js';
import { browserTimeZone, startOfShopDay } from './shop-day.js';
import { actorLabel, actorTypeLabel, actorTypes, eventTypeLabel, reasonText, statusChange, subjectHref, subjectTypeLabel, subjectTypes } from './event-labels.js';

/** One entry of the audit log, as `audit.admin.list` answers it. */
export type AuditEvent = Outputs['audit']['admin']['list']['items'][number];
type AuditActor = Outputs['audit']['admin']['actors'][number];

/** The filters as the form holds them (empty string: no filter). */
interface AuditFilters {
  actorType: string;
  actorId: string;
  subjectType: string;
  type: string;
  from: string;
  to: string;
}

const noFilters: AuditFilters = { actorType: '', actorId: '', subjectType: '', type: '', from: '', to: '' };

/**
 * The audit log: every event of the shop, newest first — who (a staff member by name, Comptoir, the
 * customer, the shop's back end), what, about which case or order (linked), the change of state and
 * the reason — filterable by author, staff member, subject, type and dates, a page at a time.
 *
 * @csspart event - one entry of the log
 */
export class ComptoirAuditPage extends LitElement {
  static override properties = {
    actors: { state: true },
    filters: { state: true },
    timeZone: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: grid;
        gap: 1rem;
      }
      h1 {
        margin: 0;
      }
      .filters {
        display: grid;
        gap: 0.75rem;
        grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
        align-items: start;
      }
      .filters > * {
        min-width: 0;
      }
      .filters .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      details > summary {
        cursor: pointer;
        min-height: 44px;
        display: flex;
        align-items: center;
        font-weight: 700;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      li {
        display: grid;
        gap: 0.2rem;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 0.25rem 1rem;
      }
      .what {
        font-weight: 700;
      }
      .meta {
        color: var(--_muted);
        font-size: 0.9rem;
      }
      .more {
        justify-self: start;
      }
      .dates-hint {
        grid-column: 1 / -1;
        margin: 0;
      }
    `,
  ];

  declare actors: AuditActor[];
  declare filters: AuditFilters;
  /** The shop's time zone, in which the date filters' days are read; null until known. */
  declare timeZone: string | null;

  private readonly locale = new LocaleController(this);
  private timeZoneRequest: Promise<string> | null = null;
  private readonly list = new PagedListController<AuditEvent>(this, async (cursor) => {
    // Only a date filter needs the shop's time zone: the plain log does not wait for it.
    const hasDates = this.filters.from !== '' || this.filters.to !== '';
    return api.audit.admin.list.query(this.query(cursor, hasDates ? await this.shopTimeZone() : browserTimeZone()));
  });

  constructor() {
    super();
    this.actors = [];
    this.filters = noFilters;
    this.timeZone = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadActors();
    void this.shopTimeZone();
  }

  /** The shop's time zone (asked once), or the browser's when the shop's settings cannot be read. */
  private shopTimeZone(): Promise<string> {
    this.timeZoneRequest ??= api.shops.admin.get.query().then(
      (shop) => shop.timeZone,
      (error: unknown) => {
        session.handleError(error);
        return browserTimeZone();
      },
    );
    return this.timeZoneRequest.then((zone) => (this.timeZone = zone));
  }

  private async loadActors(): Promise<void> {
    try {
      this.actors = await api.audit.admin.actors.query();
    } catch (error) {
      // The staff filter is a convenience: the log stays usable without it.
      session.handleError(error);
    }
  }

  private query(cursor: string | null, timeZone: string) {
    const { actorType, actorId, subjectType, type, from, to } = this.filters;
    return {
      limit: 50,
      ...(cursor ? { cursor } : {}),
      ...(actorType ? { actorType: actorType as (typeof actorTypes)[number] } : {}),
      ...(actorId ? { actorId } : {}),
      ...(subjectType ? { subjectType } : {}),
      ...(type.trim() ? { type: type.trim() } : {}),
      // Days as the shop lives them, whatever the zone of the browser looking at the log.
      ...(from ? { from: startOfShopDay(from, timeZone) } : {}),
      // "To" is the last day shown, included: the window ends when the next day starts.
      ...(to ? { to: startOfShopDay(to, timeZone, 1) } : {}),
    };
  }

  private applyFilters(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: keyof AuditFilters) => data.get(name)?.toString() ?? '';
    const actorType = value('actorType');
    this.filters = {
      actorType,
      // A staff member is only a filter for staff actions.
      actorId: actorType === '' || actorType === 'staff' ? value('actorId') : '',
      subjectType: value('subjectType'),
      type: value('type'),
      from: value('from'),
      to: value('to'),
    };
    if (this.filters.actorId && !this.filters.actorType) this.filters = { ...this.filters, actorType: 'staff' };
    void this.list.reload();
  }

  private resetFilters(): void {
    this.filters = noFilters;
    void this.list.reload();
  }

  private get hasFilters(): boolean {
    return Object.values(this.filters).some((value) => value !== '');
  }

  private renderFilters() {
    const locale = currentLocale();
    const filters = this.filters;
    return html`<details class="card" ?open=${this.hasFilters || window.matchMedia('(min-width: 48rem)').matches}>
      <summary>${t('audit.filters')}</summary>
      <form class="filters" id="audit-filters" @submit=${this.applyFilters}>
        <div class="field">
          <label for="filter-actor-type">${t('audit.filter.actorType')}</label>
          <select id="filter-actor-type" name="actorType">
            <option value="" ?selected=${filters.actorType === ''}>${t('audit.filter.any')}</option>
            ${actorTypes.map((type) => html`<option value=${type} ?selected=${filters.actorType === type}>${actorTypeLabel(type, locale)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="filter-actor">${t('audit.filter.actor')}</label>
          <select id="filter-actor" name="actorId">
            <option value="" ?selected=${filters.actorId === ''}>${t('audit.filter.any')}</option>
            ${this.actors.map((actor) => html`<option value=${actor.id} ?selected=${filters.actorId === actor.id}>${actor.name}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="filter-subject">${t('audit.filter.subjectType')}</label>
          <select id="filter-subject" name="subjectType">
            <option value="" ?selected=${filters.subjectType === ''}>${t('audit.filter.any')}</option>
            ${subjectTypes.map((type) => html`<option value=${type} ?selected=${filters.subjectType === type}>${subjectTypeLabel(type, locale)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="filter-type">${t('audit.filter.type')}</label>
          <input id="filter-type" name="type" maxlength="100" autocomplete="off" spellcheck="false" .value=${filters.type} aria-describedby="filter-type-hint" />
          <p class="hint" id="filter-type-hint">${t('audit.filter.type.hint')}</p>
        </div>
        <div class="field">
          <label for="filter-from">${t('audit.filter.from')}</label>
          <input id="filter-from" name="from" type="date" .value=${filters.from} aria-describedby=${this.timeZone ? 'filter-dates-hint' : nothing} />
        </div>
        <div class="field">
          <label for="filter-to">${t('audit.filter.to')}</label>
          <input id="filter-to" name="to" type="date" .value=${filters.to} aria-describedby=${this.timeZone ? 'filter-dates-hint' : nothing} />
        </div>
        ${this.timeZone ? html`<p class="hint dates-hint" id="filter-dates-hint">${t('audit.filter.timeZone', { zone: this.timeZone.replaceAll('_', ' ') })}</p>` : nothing}
        <div class="actions">
          <button type="submit" id="filter-apply">${t('audit.filter.apply')}</button>
          ${this.hasFilters ? html`<button type="button" class="secondary" @click=${this.resetFilters}>${t('audit.filter.reset')}</button>` : nothing}
        </div>
      </form>
    </details>`;
  }

  private renderEvent(event: AuditEvent) {
    const locale = currentLocale();
    const href = subjectHref(event.subjectType, event.subjectId);
    const change = statusChange(event, locale);
    const reason = reasonText(event.reason, event.data, locale);
    return html`<li class="card" part="event" data-type=${event.type}>
      <div class="head">
        <span class="what">${eventTypeLabel(event.type, locale)}</span>
        <time class="meta" datetime=${new Date(event.occurredAt).toISOString()}>${formatDateTime(event.occurredAt)}</time>
      </div>
      <span><span class="muted">${t('audit.labelled', { label: t('audit.who') })}</span> <span class="who">${actorLabel(event, locale)}</span></span>
      <span>
        <span class="muted">${t('audit.labelled', { label: t('audit.subject') })}</span>
        ${subjectTypeLabel(event.subjectType, locale)}
        ${href ? html`<a href=${href}>${t('audit.subject.open')}<span class="visually-hidden"> ${subjectTypeLabel(event.subjectType, locale)} ${event.subjectId}</span></a>` : nothing}
      </span>
      ${change ? html`<span><span class="muted">${t('audit.labelled', { label: t('audit.change') })}</span> ${change}</span>` : nothing}
      ${reason ? html`<span><span class="muted">${t('audit.labelled', { label: t('audit.reason') })}</span> <span class="reason">${reason}</span></span>` : nothing}
    </li>`;
  }

  private renderList(events: AuditEvent[]) {
    if (events.length === 0) return html`<p class="card" id="audit-empty">${this.hasFilters ? t('audit.noMatch') : t('audit.empty')}</p>`;
    return html`
      <ol aria-label=${t('audit.title')}>
        ${events.map((event) => this.renderEvent(event))}
      </ol>
      ${this.list.nextCursor
        ? html`<button type="button" class="secondary more" id="audit-more" ?disabled=${this.list.isLoading} @click=${() => this.list.more()}>
            ${t('audit.more')}
          </button>`
        : nothing}
    `;
  }

  override render() {
    void this.locale;
    return html`
      <h1>${t('audit.title')}</h1>
      <p class="muted">${t('audit.intro')}</p>
      ${this.renderFilters()}
      ${this.list.error ? html`<p class="alert error" role="alert">${this.list.error}</p>` : nothing}
      ${this.list.items === null
        ? this.list.error
          ? nothing
          : html`<p class="muted" role="status">${t('app.loading')}</p>`
        : this.renderList(this.list.items)}
    `;
  }
}

customElements.define('comptoir-audit-page', ComptoirAuditPage);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-audit-page': ComptoirAuditPage;
  }
}
