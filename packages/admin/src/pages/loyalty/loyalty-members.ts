import { LitElement, css, html, nothing } from 'lit';
import { formatDateTime, LocaleController, t, type MessageKey } from '../../i18n/index.js';
import { session } from '../../session.js';
import { api, errorMessageOf, type LoyaltyMember, type LoyaltyMemberHistory } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import { PagedListController } from '../../components/paged-list-controller.js';
import { parseWholeNumber } from './loyalty-form-model.js';

type HistoryEntry = LoyaltyMemberHistory['history'][number];

/**
 * The programme's members with their balances (searchable by email, a page at a time); one member's
 * history, and a manual adjustment of their points with a required reason.
 *
 * @csspart member - one member of the list
 * @csspart entry - one line of a member's history
 */
export class ComptoirLoyaltyMembers extends LitElement {
  static override properties = {
    search: { state: true },
    selected: { state: true },
    history: { state: true },
    error: { state: true },
    notice: { state: true },
    adjustError: { state: true },
    busy: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: grid;
        gap: 1rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      li.member {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: center;
        gap: 0.5rem;
        border-top: 1px solid var(--_border);
        padding-top: 0.5rem;
      }
      li.member:first-child {
        border-top: 0;
      }
      .who {
        display: grid;
        gap: 0.15rem;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .muted {
        font-size: 0.9rem;
      }
      .balances {
        font-weight: 700;
        font-size: 1.1rem;
      }
      li.entry {
        display: grid;
        gap: 0.1rem;
        border-top: 1px solid var(--_border);
        padding-top: 0.4rem;
      }
      .points.plus {
        color: var(--_success);
      }
      .points.minus {
        color: var(--_danger);
      }
      .row {
        display: grid;
        gap: 0.75rem;
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
      @media (min-width: 48rem) {
        .row {
          grid-template-columns: 10rem 1fr;
        }
      }
    `,
  ];

  declare search: string;
  /** The member whose history is open. */
  declare selected: string | null;
  declare history: LoyaltyMemberHistory | null;
  declare error: string;
  declare notice: string;
  declare adjustError: string;
  declare busy: boolean;

  private readonly locale = new LocaleController(this);
  /** The members, a page at a time; a later search wins over an answer that arrives late. */
  private readonly list = new PagedListController<LoyaltyMember>(this, async (cursor) => {
    const search = this.search.trim();
    const page = await api.loyalty.admin.members.query({ limit: 25, ...(cursor ? { cursor } : {}), ...(search ? { search } : {}) });
    return { items: page.members, nextCursor: page.nextCursor };
  });

  constructor() {
    super();
    this.search = '';
    this.selected = null;
    this.history = null;
    this.error = '';
    this.notice = '';
    this.adjustError = '';
    this.busy = false;
  }

  /** Reads the list again (after an adjustment elsewhere, for example). */
  async reload(): Promise<void> {
    await this.list.reload();
  }

  private onSearch(event: Event): void {
    this.search = (event.target as HTMLInputElement).value;
    this.list.reloadSoon();
  }

  private async open(email: string): Promise<void> {
    this.selected = email;
    this.history = null;
    this.notice = '';
    this.adjustError = '';
    await this.loadHistory();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#member-title')?.focus();
  }

  private async loadHistory(cursor?: string): Promise<void> {
    const email = this.selected;
    if (!email) return;
    try {
      const page = await api.loyalty.admin.memberHistory.query({ email, limit: 20, ...(cursor ? { cursor } : {}) });
      if (this.selected !== email) return;
      this.history = cursor && this.history ? { ...page, history: [...this.history.history, ...page.history] } : page;
      this.error = '';
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    }
  }

  private async adjust(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const email = this.selected;
    if (!email) return;
    const formElement = event.target as HTMLFormElement;
    const form = new FormData(formElement);
    const points = parseWholeNumber(String(form.get('points') ?? ''));
    const reason = String(form.get('reason') ?? '').trim();
    this.notice = '';
    this.adjustError = '';
    if (points === null || points === 0) {
      this.adjustError = t('loyalty.adjust.invalidPoints');
      return;
    }
    if (!reason) {
      this.adjustError = t('loyalty.adjust.reasonRequired');
      return;
    }
    this.busy = true;
    try {
      const balance = await api.loyalty.admin.adjust.mutate({ email, points, reason });
      this.notice = t('loyalty.adjust.done', { available: balance.available, pending: balance.pending });
      formElement.reset();
      await Promise.all([this.loadHistory(), this.list.reload()]);
    } catch (error) {
      session.handleError(error);
      this.adjustError = errorMessageOf(error);
    } finally {
      this.busy = false;
    }
  }

  private kindLabel(kind: HistoryEntry['kind']): string {
    return t(`loyalty.kind.${kind}` as MessageKey);
  }

  private renderEntry(entry: HistoryEntry) {
    const sign = entry.points > 0 ? 'plus' : entry.points < 0 ? 'minus' : '';
    return html`<li class="entry" part="entry">
      <span><strong class="points ${sign}">${entry.points > 0 ? '+' : ''}${entry.points}</strong> · ${this.kindLabel(entry.kind)} ·
        ${entry.bucket === 'pending' ? t('loyalty.bucket.pending') : t('loyalty.bucket.available')}</span>
      ${entry.reason ? html`<span>${t('loyalty.entry.reason', { reason: entry.reason })}</span>` : nothing}
      <span class="muted">${formatDateTime(entry.createdAt)}${entry.availableAt && entry.bucket === 'pending'
        ? ` · ${t('loyalty.entry.availableAt', { date: formatDateTime(entry.availableAt) })}`
        : ''}</span>
    </li>`;
  }

  private renderMember(email: string) {
    const history = this.history;
    const member = history?.member ?? null;
    return html`<section class="card" aria-labelledby="member-title">
      <h3 id="member-title" tabindex="-1">${email}</h3>
      ${history === null
        ? html`<p class="muted" role="status">${t('app.loading')}</p>`
        : html`
            <p class="balances" id="member-balance">
              ${t('loyalty.member.balance', { available: member?.available ?? 0, pending: member?.pending ?? 0 })}
            </p>
            <form @submit=${this.adjust} aria-labelledby="adjust-title">
              <h4 id="adjust-title">${t('loyalty.adjust.title')}</h4>
              <div class="row">
                <div class="field">
                  <label for="adjust-points">${t('loyalty.adjust.points')}</label>
                  <input id="adjust-points" name="points" inputmode="numeric" required pattern="[+\\-]?[0-9]+" autocomplete="off" aria-describedby="adjust-points-hint" />
                  <p class="hint" id="adjust-points-hint">${t('loyalty.adjust.points.hint')}</p>
                </div>
                <div class="field">
                  <label for="adjust-reason">${t('loyalty.adjust.reason')}</label>
                  <textarea id="adjust-reason" name="reason" required maxlength="500" aria-describedby="adjust-reason-hint"></textarea>
                  <p class="hint" id="adjust-reason-hint">${t('loyalty.adjust.reason.hint')}</p>
                </div>
              </div>
              ${this.adjustError ? html`<p class="alert error" role="alert">${this.adjustError}</p>` : nothing}
              ${this.notice ? html`<p class="alert success" role="status">${this.notice}</p>` : nothing}
              <div><button type="submit" id="adjust-submit" ?disabled=${this.busy}>${t('loyalty.adjust.submit')}</button></div>
            </form>
            <h4>${t('loyalty.member.history')}</h4>
            ${history.history.length === 0
              ? html`<p class="muted">${t('loyalty.member.noHistory')}</p>`
              : html`<ul>${history.history.map((entry) => this.renderEntry(entry))}</ul>`}
            ${history.nextCursor
              ? html`<button type="button" class="secondary" @click=${() => this.loadHistory(history.nextCursor ?? undefined)}>${t('loyalty.more')}</button>`
              : nothing}
          `}
      <p><button type="button" class="secondary" @click=${() => (this.selected = null)}>${t('loyalty.member.close')}</button></p>
    </section>`;
  }

  private renderList(members: LoyaltyMember[]) {
    if (members.length === 0) return html`<p>${this.search.trim() ? t('loyalty.members.noMatch') : t('loyalty.members.empty')}</p>`;
    return html`<ul>
        ${members.map(
          (member) => html`<li class="member" part="member">
            <span class="who">
              <strong>${member.email}</strong>
              <span>${t('loyalty.member.balance', { available: member.available, pending: member.pending })}</span>
              <span class="muted">${t('loyalty.member.lastActivity', { date: formatDateTime(member.lastActivityAt) })}</span>
            </span>
            <button type="button" class="secondary" aria-label=${t('loyalty.member.open', { email: member.email })} @click=${() => this.open(member.email)}>
              ${t('loyalty.member.openShort')}
            </button>
          </li>`,
        )}
      </ul>
      ${this.list.nextCursor ? html`<button type="button" class="secondary" @click=${() => this.list.more()}>${t('loyalty.more')}</button>` : nothing}`;
  }

  override render() {
    void this.locale;
    return html`
      <div class="field">
        <label for="member-search">${t('loyalty.members.search')}</label>
        <input id="member-search" type="search" maxlength="200" .value=${this.search} @input=${this.onSearch} />
      </div>
      ${this.list.error || this.error ? html`<p class="alert error" role="alert">${this.list.error || this.error}</p>` : nothing}
      ${this.selected ? this.renderMember(this.selected) : nothing}
      ${this.list.items === null ? html`<p class="muted" role="status">${t('app.loading')}</p>` : this.renderList(this.list.items)}
    `;
  }
}

customElements.define('comptoir-loyalty-members', ComptoirLoyaltyMembers);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-loyalty-members': ComptoirLoyaltyMembers;
  }
}
