import { LitElement, html, nothing } from 'lit';
import { ApiError } from '../../controllers/api-client.js';
import type { RequestCodeResult, SignInResult } from '../../controllers/api-types.js';
import { describeError, type WidgetContext } from '../../controllers/widget-context.js';
import { signInCodeText, type SignInCodeTextKey } from '../../i18n/sign-in-code.js';
import { controls, tokens } from '../styles.js';
import { signInFieldStyles } from './field-styles.js';

/** How long before the shopper may ask for another code, and how many wrong tries one code allows (the server's rule). */
export const signInCodeRules = { resendDelayMs: 30_000, maxAttempts: 5 } as const;

/** The digits of what was typed or pasted ("123 456", "123-456"), at most six. */
export function codeDigits(value: string): string {
  return value.replace(/\D/g, '').slice(0, 6);
}

/**
 * Sign in with a 6-digit code sent by email: the email address first, then the code. Loaded on
 * demand from `comptoir-sign-in`, so the launcher does not carry it.
 *
 * @fires sign-in-method - asks the parent sign-in screen to show the order-number form again
 * @csspart form - each of the two forms
 * @csspart input - the email and code fields
 * @csspart button - the submit buttons
 * @csspart error - the message when a step failed
 */
export class ComptoirSignInCode extends LitElement {
  static override properties = {
    ctx: { attribute: false },
    resendDelayMs: { attribute: false },
    step: { state: true },
    email: { state: true },
    isBusy: { state: true },
    errorText: { state: true },
    noticeText: { state: true },
    fieldError: { state: true },
    resendAt: { state: true },
    now: { state: true },
    wrongTries: { state: true },
  };

  static override styles = [tokens, controls, signInFieldStyles];

  declare ctx: WidgetContext;
  /** Wait before "send again" is offered (tests shorten it). */
  declare resendDelayMs: number;
  declare step: 'email' | 'code';
  declare email: string;
  declare isBusy: boolean;
  declare errorText: string;
  declare noticeText: string;
  declare fieldError: string;
  declare resendAt: number;
  declare now: number;
  /** Wrong codes typed since the last code was sent: past the server's limit, that code is dead. */
  declare wrongTries: number;

  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.resendDelayMs = signInCodeRules.resendDelayMs;
    this.step = 'email';
    this.email = '';
    this.isBusy = false;
    this.errorText = '';
    this.noticeText = '';
    this.fieldError = '';
    this.resendAt = 0;
    this.now = Date.now();
    this.wrongTries = 0;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  private text(key: SignInCodeTextKey, params?: Record<string, string | number>): string {
    return signInCodeText(this.ctx.t.locale, key, params);
  }

  override render() {
    const { t } = this.ctx;
    const error = this.errorText ? html`<p class="error" part="error" role="alert">${this.errorText}</p>` : nothing;
    const otherMethod = html`<button class="link" type="button" @click=${this.useOrderNumber}>${this.text('useOrderNumber')}</button>`;
    if (this.step === 'email') {
      return html`
        <form part="form" novalidate @submit=${this.requestCode}>
          <h2>${this.text('title')}</h2>
          <p class="muted">${this.text('intro')}</p>
          <label>
            ${t.t('email')}
            <input
              part="input"
              name="email"
              type="email"
              autocomplete="email"
              maxlength="254"
              required
              .value=${this.email}
              aria-describedby="email-error"
              aria-invalid=${this.fieldError ? 'true' : 'false'}
            />
            ${this.fieldError ? html`<span class="field-error" id="email-error">${this.fieldError}</span>` : nothing}
          </label>
          ${error}
          <button class="button" part="button" type="submit" ?disabled=${this.isBusy}>
            ${this.isBusy ? this.text('sending') : this.text('send')}
          </button>
          ${otherMethod}
        </form>
      `;
    }
    const secondsLeft = Math.max(0, Math.ceil((this.resendAt - this.now) / 1000));
    const isCodeDead = this.wrongTries >= signInCodeRules.maxAttempts;
    return html`
      <form part="form" novalidate @submit=${this.verifyCode}>
        <h2>${this.text('title')}</h2>
        <p class="muted" role="status">${this.noticeText}</p>
        <label>
          ${this.text('code')}
          <span class="hint muted" id="code-hint">${this.text('codeHint')}</span>
          <input
            part="input"
            name="code"
            inputmode="numeric"
            autocomplete="one-time-code"
            pattern="[0-9]{6}"
            spellcheck="false"
            required
            ?disabled=${isCodeDead}
            aria-describedby="code-hint code-error"
            aria-invalid=${this.fieldError ? 'true' : 'false'}
            @input=${this.onCodeInput}
          />
          ${this.fieldError ? html`<span class="field-error" id="code-error">${this.fieldError}</span>` : nothing}
        </label>
        ${error}
        <button class="button" part="button" type="submit" ?disabled=${this.isBusy || isCodeDead}>
          ${this.isBusy ? this.text('verifying') : this.text('verify')}
        </button>
        <button class="link" type="button" ?disabled=${secondsLeft > 0 || this.isBusy} @click=${this.resend}>
          ${secondsLeft > 0 ? this.text('resendIn', { seconds: secondsLeft }) : this.text('resend')}
        </button>
        <button class="link" type="button" @click=${this.changeEmail}>${this.text('changeEmail')}</button>
        ${otherMethod}
      </form>
    `;
  }

  protected override firstUpdated(): void {
    this.renderRoot.querySelector('input')?.focus();
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('step') && changed.get('step') !== undefined) this.renderRoot.querySelector('input')?.focus();
  }

  private useOrderNumber() {
    this.dispatchEvent(new CustomEvent('sign-in-method', { detail: { method: 'order' } }));
  }

  private changeEmail() {
    this.step = 'email';
    this.errorText = '';
    this.fieldError = '';
    this.noticeText = '';
  }

  private async requestCode(event: SubmitEvent) {
    event.preventDefault();
    if (this.isBusy) return;
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('email') as HTMLInputElement;
    const email = input.value.trim();
    this.errorText = '';
    this.fieldError = '';
    if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      this.fieldError = email ? this.ctx.t.t('invalidEmail') : this.ctx.t.t('required');
      input.focus();
      return;
    }
    this.email = email;
    if (await this.send('sent')) this.step = 'code';
  }

  private async resend() {
    this.errorText = '';
    this.fieldError = '';
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[name="code"]');
    if (input) input.value = '';
    await this.send('resent');
    this.renderRoot.querySelector<HTMLInputElement>('input[name="code"]')?.focus();
  }

  /** Asks the server to email a code; the answer is the same whether or not the address is known. */
  private async send(notice: 'sent' | 'resent'): Promise<boolean> {
    this.isBusy = true;
    try {
      const result = await this.ctx.api.mutation<RequestCodeResult>('sessions.widget.requestCode', { email: this.email });
      this.wrongTries = 0;
      this.noticeText =
        notice === 'sent' ? this.text('sent', { minutes: Math.round(result.expiresInSeconds / 60) }) : this.text('resent');
      this.startResendCountdown();
      return true;
    } catch (error) {
      this.errorText = describeError(error, this.ctx.t);
      return false;
    } finally {
      this.isBusy = false;
    }
  }

  private startResendCountdown() {
    this.now = Date.now();
    this.resendAt = this.now + this.resendDelayMs;
    clearInterval(this.ticker);
    this.ticker = setInterval(() => {
      this.now = Date.now();
      if (this.now >= this.resendAt) {
        clearInterval(this.ticker);
        this.ticker = undefined;
      }
    }, 1000);
  }

  /** Keeps digits only (a pasted "123 456" works) and confirms by itself once six are there. */
  private onCodeInput(event: InputEvent) {
    const input = event.currentTarget as HTMLInputElement;
    const digits = codeDigits(input.value);
    if (digits !== input.value) input.value = digits;
    this.fieldError = '';
    if (digits.length === 6 && !this.isBusy) input.form?.requestSubmit();
  }

  private async verifyCode(event: SubmitEvent) {
    event.preventDefault();
    if (this.isBusy) return;
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('code') as HTMLInputElement;
    const code = codeDigits(input.value);
    this.errorText = '';
    if (code.length !== 6) {
      this.fieldError = this.text('codeFormat');
      input.focus();
      return;
    }
    this.fieldError = '';
    this.isBusy = true;
    try {
      const result = await this.ctx.api.mutation<SignInResult>('sessions.widget.verifyCode', { email: this.email, code });
      this.ctx.signIn(result);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'SHOPPER_CODE_INVALID') {
        this.wrongTries += 1;
        this.errorText = this.text(this.wrongTries >= signInCodeRules.maxAttempts ? 'codeBurnt' : 'wrongCode');
      } else {
        this.errorText = describeError(error, this.ctx.t);
      }
      input.value = '';
      this.isBusy = false;
      await this.updateComplete;
      if (!input.disabled) input.focus();
      return;
    }
    this.isBusy = false;
  }
}

if (!customElements.get('comptoir-sign-in-code')) customElements.define('comptoir-sign-in-code', ComptoirSignInCode);

declare global {
  interface HTMLElementTagNameMap {
    'comptoir-sign-in-code': ComptoirSignInCode;
  }
}
