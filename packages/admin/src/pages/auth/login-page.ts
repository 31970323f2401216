import { LitElement, html, nothing } from 'lit';
import { LocaleController, t } from '../../i18n/index.js';
import { session } from '../../session.js';
import { errorMessageOf } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import { authLayout, authStyles } from './auth-layout.js';

/**
 * The sign-in screen: email and password; errors (wrong password, lockout with its wait) come from
 * the server in the person's language.
 *
 * @csspart form - the sign-in form
 */
export class ComptoirLoginPage extends LitElement {
  static override properties = {
    email: {},
    notice: {},
    error: { state: true },
    busy: { state: true },
  };

  static override styles = [tokens, controls, authStyles];

  /** Prefills the email (after setting a password). */
  declare email: string;
  /** A confirmation to show above the form (password saved). */
  declare notice: string;
  declare error: string;
  declare busy: boolean;

  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.email = '';
    this.notice = '';
    this.error = '';
    this.busy = false;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    this.busy = true;
    this.error = '';
    try {
      await session.login(String(form.get('email') ?? ''), String(form.get('password') ?? ''));
    } catch (error) {
      this.error = errorMessageOf(error);
      this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[role="alert"]')?.focus());
    } finally {
      this.busy = false;
    }
  }

  override render() {
    void this.locale;
    return authLayout(
      t('login.title'),
      html`
        ${this.notice ? html`<p class="alert success" role="status">${this.notice}</p>` : nothing}
        <form part="form" @submit=${this.submit} novalidate>
          ${this.error ? html`<p class="alert error" role="alert" tabindex="-1">${this.error}</p>` : nothing}
          <div class="field">
            <label for="email">${t('login.email')}</label>
            <input id="email" name="email" type="email" autocomplete="username" required .value=${this.email} />
          </div>
          <div class="field">
            <label for="password">${t('login.password')}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required />
          </div>
          <button type="submit" ?disabled=${this.busy}>${t('login.submit')}</button>
        </form>
        <p class="links"><a href="#/forgot">${t('login.forgot')}</a></p>
      `,
    );
  }
}

customElements.define('comptoir-login-page', ComptoirLoginPage);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-login-page': ComptoirLoginPage;
  }
}
