// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { $, fail, hasInjectedElement, hostile, mount, ok, settle, testContext, textOf, type } from '../../testing/fake-server.js';
import { codeDigits, type ComptoirSignInCode } from './sign-in-code.js';

const session = { token: 'tok', expiresAt: '2026-11-24T10:00:00.000Z', customer: { name: 'Léa', emailMasked: 'l***@example.fr' } };
const sent = ok({ sent: true, expiresInSeconds: 900 });

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

/** The screen after the shopper asked for a code for lea@example.fr. */
async function codeStep(locale: 'fr' | 'en', verify: Parameters<typeof testContext>[1][string], resendDelayMs = 30_000) {
  const fake = testContext(locale, { 'sessions.widget.requestCode': sent, 'sessions.widget.verifyCode': verify });
  const element = (await mount('comptoir-sign-in-code', { ctx: fake.ctx, resendDelayMs })) as ComptoirSignInCode;
  type($(element, 'input[name="email"]'), ' lea@example.fr ');
  $<HTMLFormElement>(element, 'form').requestSubmit();
  await settle(element);
  return { ...fake, element, code: () => $<HTMLInputElement>(element, 'input[name="code"]') };
}

describe('codeDigits', () => {
  it.each([
    ['123456', '123456'],
    ['123 456', '123456'],
    ['123-456\n', '123456'],
    ['1234567', '123456'],
    ['abc', ''],
  ])('keeps the digits of %j', (input, expected) => expect(codeDigits(input)).toBe(expected));
});

describe('<comptoir-sign-in-code>', () => {
  it('asks for the email, sends it, then asks for the code with a one-time-code numeric field (French)', async () => {
    const { element, calls, code } = await codeStep('fr', ok(session));
    expect(calls).toEqual([expect.objectContaining({ method: 'POST', path: 'sessions.widget.requestCode', input: { email: 'lea@example.fr' } })]);
    expect(textOf(element)).toContain('un code vient d’y être envoyé. Il reste valable 15 minutes.');
    expect(code().getAttribute('inputmode')).toBe('numeric');
    expect(code().getAttribute('autocomplete')).toBe('one-time-code');
    expect(textOf(element)).toContain('Renvoyer le code dans 30 s');
  });

  it('speaks English', async () => {
    const { element } = await codeStep('en', ok(session));
    expect(textOf(element)).toContain('6-digit code');
    expect(textOf(element)).toContain('Send the code again in 30 s');
  });

  it('takes a pasted code with spaces, sends it by itself at six digits, and signs in', async () => {
    const { element, calls, signIns, code } = await codeStep('fr', ok(session));
    type(code(), '482 913');
    await settle(element);
    expect(calls.at(-1)).toEqual(expect.objectContaining({ path: 'sessions.widget.verifyCode', input: { email: 'lea@example.fr', code: '482913' } }));
    expect(signIns).toEqual([session]);
  });

  it('refuses a short code without calling the server', async () => {
    const { element, calls, code } = await codeStep('en', ok(session));
    type(code(), '12345');
    $<HTMLFormElement>(element, 'form').requestSubmit();
    await settle(element);
    expect(textOf(element)).toContain('Enter the 6 digits of the code.');
    expect(calls.map((call) => call.path)).toEqual(['sessions.widget.requestCode']);
  });

  it('explains a wrong or expired code, then a code tried too many times, and disables it', async () => {
    const { element, code, signIns } = await codeStep('fr', fail('SHOPPER_CODE_INVALID', 'Ce code est incorrect ou a expiré.', 401));
    type(code(), '000000');
    await settle(element);
    expect($(element, '[role="alert"]').textContent).toBe('Ce code est incorrect ou a expiré. Vérifiez-le, ou demandez un nouveau code.');
    expect(code().value).toBe('');
    for (let attempt = 2; attempt <= 5; attempt++) {
      type(code(), `00000${attempt}`);
      await settle(element);
    }
    expect($(element, '[role="alert"]').textContent).toBe('Ce code a été essayé trop de fois. Demandez un nouveau code.');
    expect(code().disabled).toBe(true);
    expect(signIns).toEqual([]);
  });

  it('shows the server’s throttling message as it comes, as text', async () => {
    const { element, code } = await codeStep('en', fail('TOO_MANY_ATTEMPTS', `Too many attempts. Try again in 12 minute(s). ${hostile}`, 429));
    type(code(), '123456');
    await settle(element);
    expect($(element, '[role="alert"]').textContent).toBe(`Too many attempts. Try again in 12 minute(s). ${hostile}`);
    expect(hasInjectedElement(element)).toBe(false);
  });

  it('offers to send the code again only after the delay', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { element, calls } = await codeStep('en', ok(session), 3_000);
    const resend = () => element.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.link')[0]!;
    expect(resend().disabled).toBe(true);
    expect(resend().textContent?.trim()).toBe('Send the code again in 3 s');
    vi.advanceTimersByTime(3_000);
    await settle(element);
    expect(resend().disabled).toBe(false);
    expect(resend().textContent?.trim()).toBe('Send the code again');
    resend().click();
    await settle(element);
    expect(calls.filter((call) => call.path === 'sessions.widget.requestCode')).toHaveLength(2);
    expect(textOf(element)).toContain('A new code is on its way. Only the latest code you received works.');
  });

  it('checks the email before sending anything', async () => {
    const { ctx, calls } = testContext('fr', {});
    const element = await mount('comptoir-sign-in-code', { ctx });
    type($(element, 'input[name="email"]'), 'lea@');
    $<HTMLFormElement>(element, 'form').requestSubmit();
    await settle(element);
    expect(textOf(element)).toContain('Cette adresse e-mail n’est pas valide.');
    expect(calls).toEqual([]);
  });
});
