import { LitElement, css, html, nothing } from 'lit';
import { formatDateTime, LocaleController, t } from '../../i18n/index.js';
import { session } from '../../session.js';
import { api, errorMessageOf, type StaffMember } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import '../../components/copy-field.js';

interface InvitationShown {
  name: string;
  email: string;
  url: string | null;
  expiresAt: string | null;
}

/**
 * The shop's team (owners only): invite someone (a new account's link is shown once; someone who
 * already has an account is only emailed an invitation they must accept), see who is active or
 * invited, remove someone or withdraw an invitation.
 *
 * @csspart invite-form - the invitation form
 * @csspart member - one row of the team
 */
export class ComptoirStaffPage extends LitElement {
  static override properties = {
    members: { state: true },
    error: { state: true },
    notice: { state: true },
    invitation: { state: true },
    busy: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: grid;
        gap: 1.25rem;
      }
      h1 {
        margin: 0;
      }
      .grid {
        display: grid;
        gap: 1rem;
      }
      @media (min-width: 48rem) {
        .invite-row {
          display: grid;
          grid-template-columns: 1fr 1fr 12rem;
          gap: 1rem;
        }
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: center;
        gap: 0.5rem;
        padding: 0.75rem 0;
        border-top: 1px solid var(--_border);
      }
      li:first-child {
        border-top: 0;
      }
      .who {
        display: grid;
        gap: 0.15rem;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .badge {
        font-size: 0.85rem;
        color: var(--_muted);
      }
    `,
  ];

  declare members: StaffMember[] | null;
  declare error: string;
  declare notice: string;
  declare invitation: InvitationShown | null;
  declare busy: boolean;

  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.members = null;
    this.error = '';
    this.notice = '';
    this.invitation = null;
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.members = await api.staff.list.query();
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    }
  }

  private async invite(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const formElement = event.target as HTMLFormElement;
    const form = new FormData(formElement);
    const input = {
      name: String(form.get('name') ?? ''),
      email: String(form.get('email') ?? ''),
      role: form.get('role') === 'owner' ? ('owner' as const) : ('staff' as const),
    };
    this.busy = true;
    this.error = '';
    this.notice = '';
    this.invitation = null;
    try {
      const result = await api.staff.invite.mutate(input);
      this.invitation = { name: input.name, email: input.email, url: result.invitationUrl, expiresAt: result.expiresAt };
      formElement.reset();
      await this.load();
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    } finally {
      this.busy = false;
    }
  }

  /** Removes a member, or withdraws the invitation of someone who has not accepted yet (the same call). */
  private async removeMember(member: StaffMember): Promise<void> {
    const isInvited = member.status === 'invited';
    if (!confirm(t(isInvited ? 'staff.withdraw.confirm' : 'staff.remove.confirm', { name: member.name }))) return;
    this.error = '';
    this.notice = '';
    // The message about the last invitation no longer holds once someone leaves or is uninvited.
    this.invitation = null;
    try {
      await api.staff.remove.mutate({ staffUserId: member.staffUserId });
      this.notice = t(isInvited ? 'staff.withdrawn' : 'staff.removed', { name: member.name });
      await this.load();
    } catch (error) {
      session.handleError(error);
      this.error = errorMessageOf(error);
    }
  }

  private renderInvitation(invitation: InvitationShown) {
    // No link: the email already has an account, so the invitation went to them only and waits for their consent.
    if (!invitation.url) return html`<p class="alert success" role="status">${t('staff.invite.emailed', { email: invitation.email })}</p>`;
    return html`
      <div class="grid" role="status">
        <p class="alert success">
          ${t('staff.invite.link', { name: invitation.name, date: invitation.expiresAt ? formatDateTime(invitation.expiresAt) : '' })}
        </p>
        <comptoir-copy-field .value=${invitation.url} label=${t('staff.invite.title')}></comptoir-copy-field>
      </div>
    `;
  }

  override render() {
    void this.locale;
    return html`
      <h1>${t('staff.title')}</h1>
      ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
      ${this.notice ? html`<p class="alert success" role="status">${this.notice}</p>` : nothing}
      <section class="card" aria-labelledby="invite-title">
        <h2 id="invite-title">${t('staff.invite.title')}</h2>
        <form part="invite-form" @submit=${this.invite}>
          <div class="invite-row grid">
            <div class="field">
              <label for="invite-name">${t('staff.invite.name')}</label>
              <input id="invite-name" name="name" autocomplete="off" required maxlength="200" />
            </div>
            <div class="field">
              <label for="invite-email">${t('staff.invite.email')}</label>
              <input id="invite-email" name="email" type="email" autocomplete="off" required maxlength="254" />
            </div>
            <div class="field">
              <label for="invite-role">${t('staff.invite.role')}</label>
              <select id="invite-role" name="role">
                <option value="staff">${t('role.staff')}</option>
                <option value="owner">${t('role.owner')}</option>
              </select>
            </div>
          </div>
          <div><button type="submit" ?disabled=${this.busy}>${t('staff.invite.submit')}</button></div>
        </form>
        ${this.invitation ? this.renderInvitation(this.invitation) : nothing}
      </section>
      <section class="card" aria-labelledby="members-title">
        <h2 id="members-title">${t('staff.list.title')}</h2>
        ${this.members === null
          ? html`<p class="muted">${t('app.loading')}</p>`
          : html`<ul>
              ${this.members.map(
                (member) => html`
                  <li part="member">
                    <span class="who">
                      <strong>${member.name}${member.isYou ? html` <span class="badge">(${t('staff.you')})</span>` : nothing}</strong>
                      <span>${member.email}</span>
                      <span class="badge">${t(member.role === 'owner' ? 'role.owner' : 'role.staff')} ·
                        ${t(member.status === 'invited' ? 'staff.status.invited' : 'staff.status.active')}</span>
                    </span>
                    ${member.isYou || session.me?.user.id === member.staffUserId
                      ? nothing
                      : html`<button type="button" class=${member.status === 'invited' ? 'secondary' : 'danger'} @click=${() => this.removeMember(member)}>
                          ${t(member.status === 'invited' ? 'staff.withdraw' : 'staff.remove', { name: member.name })}
                        </button>`}
                  </li>
                `,
              )}
            </ul>`}
      </section>
    `;
  }
}

customElements.define('comptoir-staff-page', ComptoirStaffPage);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-staff-page': ComptoirStaffPage;
  }
}
