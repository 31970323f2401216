import { LitElement, html, nothing } from 'lit';
import { LocaleController, t } from '../../i18n/index.js';
import { api, errorMessageOf } from '../../trpc.js';
import { controls, tokens } from '../../components/styles.js';
import { authLayout, authStyles } from './auth-layout.js';

/** Asks for a password-reset link; the answer never tells whether the email has an account. */
export class ComptoirForgotPasswordPage extends LitElement {
  static override properties = {
    error: { state: true },
    isSent: { state: true },
    busy: { state: true },
  };

  static override styles = [tokens, controls, authStyles];

  declare error: string;
  declare isSent: boolean;
  declare busy: boolean;

  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    this.error = '';
    this.isSent = false;
    this.busy = false;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const email = String(new FormData(event.target as HTMLFormElement).get('email') ?? '');
    this.busy = true;
    this.error = '';
    try {
      await api.staff.requestPasswordReset.mutate({ email });
      this.isSent = true;
    } catch (error) {
      this.error = errorMessageOf(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    void this.locale;
    return authLayout(
      t('forgot.title'),
      html`
        ${this.isSent
          ? html`<p class="alert success" role="status">${t('forgot.done')}</p>`
          : html`
              <p>${t('forgot.intro')}</p>
              <form @submit=${this.submit} novalidate>
                ${this.error ? html`<p class="alert error" role="alert">${this.error}</p>` : nothing}
                <div class="field">
                  <label for="email">${t('login.email')}</label>
                  <input id="email" name="email" type="email" autocomplete="username" required />
                </div>
                <button type="submit" ?disabled=${this.busy}>${t('forgot.submit')}</button>
              </form>
            `}
        <p class="links"><a href="#/login">${t('link.backToLogin')}</a></p>
      `,
    );
  }
}

customElements.define('comptoir-forgot-password-page', ComptoirForgotPasswordPage);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-forgot-password-page': ComptoirForgotPasswordPage;
  }
}
