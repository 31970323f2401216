import { LitElement, html, nothing } from 'lit';
import { passwordPolicy } from '@comptoir/protocol/password-policy';
import { LocaleController, t } from '../../i18n/index.js';
import { navigate } from '../../router.js';
import { session } from '../../session.js';
import { api, errorMessageOf } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import { authLayout, authStyles } from './auth-layout.js';

/** Which link brought the person here. */
export type SetPasswordMode = 'accept' | 'reset';

/**
 * Sets a password through a single-use link: accepting an invitation or resetting a forgotten
 * password. Then sends the person to sign in with their email filled in.
 *
 * An invitation to an account that already exists (`hasAccount`, from the link's `account=existing`)
 * never sets a password: the person confirms with their current one, and joins the shop.
 */
export class ComptoirSetPasswordPage extends LitElement {
  static override properties = {
    mode: {},
    token: {},
    hasAccount: { type: Boolean },
    error: { state: true },
    busy: { state: true },
  };

  static override styles = [tokens, controls, authStyles];

  declare mode: SetPasswordMode;
  /** The link's token, from the URL fragment. */
  declare token: string;
  /** The invitation is for an account that already has a password: confirm it, do not choose one. */
  declare hasAccount: boolean;
  declare error: string;
  declare busy: boolean;

  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.mode = 'accept';
    this.token = '';
    this.hasAccount = false;
    this.error = '';
    this.busy = false;
  }

  private get isJoining(): boolean {
    return this.mode === 'accept' && this.hasAccount;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const password = String(form.get('password') ?? '');
    if (this.isJoining) {
      await this.join(password);
      return;
    }
    if ([...password].length < passwordPolicy.minLength) {
      this.error = t('password.tooShort', { min: passwordPolicy.minLength });
      return;
    }
    if (password !== String(form.get('confirm') ?? '')) {
      this.error = t('password.mismatch');
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const input = { token: this.token, password };
      const { email } =
        this.mode === 'accept' ? await api.staff.acceptInvitation.mutate(input) : await api.staff.resetPassword.mutate(input);
      navigate('login', { email, done: this.mode });
    } catch (error) {
      this.error = errorMessageOf(error);
    } finally {
      this.busy = false;
    }
  }

  /** Accepts an existing account's invitation with its current password (which the server checks and keeps). */
  private async join(password: string): Promise<void> {
    if (!password) {
      this.error = t('accept.existing.passwordRequired');
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const { email } = await api.staff.acceptInvitation.mutate({ token: this.token, password });
      if (session.me?.user.email === email) {
        // Already signed in as this person: the new shop appears in the switcher at once.
        await session.refresh();
        navigate('inbox');
      } else {
        navigate('login', { email, done: 'joined' });
      }
    } catch (error) {
      this.error = errorMessageOf(error);
    } finally {
      this.busy = false;
    }
  }

  private renderJoin() {
    return authLayout(
      t('accept.existing.title'),
      html`
        <p>${t('accept.existing.intro')}</p>
        <form @submit=${this.submit} novalidate>
          ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
          <div class="field">
            <label for="password">${t('accept.existing.password')}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required maxlength=${passwordPolicy.maxLength} />
          </div>
          <button type="submit" ?disabled=${this.busy}>${t('accept.existing.submit')}</button>
        </form>
        <p class="links"><a href="#/forgot">${t('login.forgot')}</a> · <a href="#/login">${t('link.backToLogin')}</a></p>
      `,
    );
  }

  override render() {
    void this.locale;
    const isAccept = this.mode === 'accept';
    if (this.token && this.isJoining) return this.renderJoin();
    if (!this.token) {
      return authLayout(
        t(isAccept ? 'accept.title' : 'reset.title'),
        html`<p class="alert error" role="alert">${t('link.missingToken')}</p>
          <p class="links"><a href="#/login">${t('link.backToLogin')}</a></p>`,
      );
    }
    return authLayout(
      t(isAccept ? 'accept.title' : 'reset.title'),
      html`
        <p>${t(isAccept ? 'accept.intro' : 'reset.intro')}</p>
        <form @submit=${this.submit} novalidate>
          ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
          <div class="field">
            <label for="password">${t('password.new')}</label>
            <input
              id="password"
              name="password"
              type="password"
              autocomplete="new-password"
              minlength=${passwordPolicy.minLength}
              maxlength=${passwordPolicy.maxLength}
              required
              aria-describedby="password-hint"
            />
            <p id="password-hint" class="hint">${t('password.hint', { min: passwordPolicy.minLength })}</p>
          </div>
          <div class="field">
            <label for="confirm">${t('password.confirm')}</label>
            <input id="confirm" name="confirm" type="password" autocomplete="new-password" required />
          </div>
          <button type="submit" ?disabled=${this.busy}>${t(isAccept ? 'accept.submit' : 'reset.submit')}</button>
        </form>
        <p class="links"><a href="#/login">${t('link.backToLogin')}</a></p>
      `,
    );
  }
}

customElements.define('comptoir-set-password-page', ComptoirSetPasswordPage);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-set-password-page': ComptoirSetPasswordPage;
  }
}
