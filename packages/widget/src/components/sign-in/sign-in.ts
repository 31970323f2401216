import { LitElement, html, nothing } from 'lit';
import type { SignInInput, SignInResult } from '../../controllers/api-types.js';
import { describeError, type WidgetContext } from '../../controllers/widget-context.js';
import { controls, tokens } from '../styles.js';
import { signInFieldStyles } from './field-styles.js';

/**
 * Sign in with an order number and the email on that order, or (`comptoir-sign-in-code`, loaded
 * when chosen) with a 6-digit code sent by email.
 *
 * @csspart form - the form
 * @csspart input - each text field
 * @csspart button - the submit button
 * @csspart error - the message when signing in failed
 */
export class ComptoirSignIn extends LitElement {
  static override properties = {
    ctx: { attribute: false },
    shouldFocus: { attribute: false },
    isBusy: { state: true },
    errorText: { state: true },
    invalidField: { state: true },
    method: { state: true },
  };

  static override styles = [
    tokens,
    controls,
    signInFieldStyles,
  ];

  declare ctx: WidgetContext;
  /** Moves focus to the first field once shown (in the floating panel, not inline in a page). */
  declare shouldFocus: boolean;
  declare isBusy: boolean;
  declare errorText: string;
  declare invalidField: { name: 'orderNumber' | 'email'; message: string } | null;
  /** By order number and email, or by a code sent by email (its screen is loaded on demand). */
  declare method: 'order' | 'code';

  constructor() {
    super();
    this.shouldFocus = false;
    this.isBusy = false;
    this.errorText = '';
    this.invalidField = null;
    this.method = 'order';
  }

  override render() {
    const { t } = this.ctx;
    if (this.method === 'code') {
      return html`<comptoir-sign-in-code
        exportparts="form,input,button,error"
        .ctx=${this.ctx}
        @sign-in-method=${this.useOrderNumber}
      ></comptoir-sign-in-code>`;
    }
    const fieldError = (name: 'orderNumber' | 'email') =>
      this.invalidField?.name === name
        ? html`<span class="field-error" id="${name}-error">${this.invalidField.message}</span>`
        : nothing;
    return html`
      <form part="form" novalidate @submit=${this.submit}>
        <h2>${t.t('signInTitle')}</h2>
        <p class="muted">${t.t('signInIntro')}</p>
        <label>
          ${t.t('orderNumber')}
          <span class="hint muted" id="orderNumber-hint">${t.t('orderNumberHint')}</span>
          <input
            part="input"
            name="orderNumber"
            autocomplete="off"
            maxlength="64"
            required
            aria-describedby="orderNumber-hint orderNumber-error"
            aria-invalid=${this.invalidField?.name === 'orderNumber' ? 'true' : 'false'}
          />
          ${fieldError('orderNumber')}
        </label>
        <label>
          ${t.t('email')}
          <input
            part="input"
            name="email"
            type="email"
            autocomplete="email"
            maxlength="254"
            required
            aria-describedby="email-error"
            aria-invalid=${this.invalidField?.name === 'email' ? 'true' : 'false'}
          />
          ${fieldError('email')}
        </label>
        ${this.errorText ? html`<p class="error" part="error" role="alert">${this.errorText}</p>` : nothing}
        <button class="button" part="button" type="submit" ?disabled=${this.isBusy}>
          ${this.isBusy ? t.t('signingIn') : t.t('signIn')}
        </button>
        <button class="link" type="button" @click=${this.useCode}>${t.t('emailMeCode')}</button>
      </form>
    `;
  }

  protected override firstUpdated(): void {
    if (this.shouldFocus) this.renderRoot.querySelector('input')?.focus();
  }

  private async useCode() {
    this.errorText = '';
    try {
      await import('./sign-in-code.js');
      this.method = 'code';
    } catch (error) {
      console.warn('[comptoir] screen', error);
      this.errorText = this.ctx.t.t(navigator.onLine === false ? 'offline' : 'networkError');
    }
  }

  private async useOrderNumber() {
    this.method = 'order';
    await this.updateComplete;
    this.renderRoot.querySelector('input')?.focus();
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.isBusy) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const orderNumber = String(data.get('orderNumber') ?? '').trim();
    const email = String(data.get('email') ?? '').trim();
    const { t } = this.ctx;
    this.errorText = '';
    if (!orderNumber) return this.reject(form, 'orderNumber', t.t('required'));
    if (!email) return this.reject(form, 'email', t.t('required'));
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return this.reject(form, 'email', t.t('invalidEmail'));
    this.invalidField = null;
    this.isBusy = true;
    try {
      const result = await this.ctx.api.mutation<SignInResult>('sessions.widget.signIn', { orderNumber, email } satisfies SignInInput);
      this.ctx.signIn(result);
    } catch (error) {
      this.errorText = describeError(error, t);
    } finally {
      this.isBusy = false;
    }
  }

  private reject(form: HTMLFormElement, name: 'orderNumber' | 'email', message: string) {
    this.invalidField = { name, message };
    (form.elements.namedItem(name) as HTMLInputElement | null)?.focus();
  }
}

if (!customElements.get('comptoir-sign-in')) customElements.define('comptoir-sign-in', ComptoirSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-sign-in': ComptoirSignIn;
  }
}
