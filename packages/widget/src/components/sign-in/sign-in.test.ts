// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { $, fail, hasInjectedElement, hostile, mount, ok, settle, testContext, textOf, type } from '../../testing/fake-server.js';
import './sign-in.js';

const session = { token: 'tok', expiresAt: '2026-11-24T10:00:00.000Z', customer: { name: 'Léa', emailMasked: 'l***@example.fr' } };

afterEach(() => document.body.replaceChildren());

async function submit(element: HTMLElement) {
  $<HTMLFormElement>(element, 'form').requestSubmit();
  await settle(element);
}

describe('<comptoir-sign-in>', () => {
  it('asks for an order number and email, in French and in English', async () => {
    const fr = await mount('comptoir-sign-in', { ctx: testContext('fr', {}).ctx });
    expect(textOf(fr)).toContain('Suivre mes commandes');
    expect(textOf(fr)).toContain('Numéro de commande');
    expect(textOf(fr)).toContain('Recevoir un code par e-mail');
    const en = await mount('comptoir-sign-in', { ctx: testContext('en', {}).ctx });
    expect(textOf(en)).toContain('Track my orders');
    expect(textOf(en)).toContain('Email me a code');
  });

  it('sends the trimmed order number and email, then hands the session to the widget', async () => {
    const { ctx, calls, signIns } = testContext('fr', { 'sessions.widget.signIn': ok(session) });
    const element = await mount('comptoir-sign-in', { ctx });
    type($(element, 'input[name="orderNumber"]'), ' 1001 ');
    type($(element, 'input[name="email"]'), 'lea@example.fr ');
    await submit(element);
    expect(calls).toEqual([expect.objectContaining({ method: 'POST', path: 'sessions.widget.signIn', input: { orderNumber: '1001', email: 'lea@example.fr' } })]);
    expect(calls[0]!.headers['x-comptoir-key']).toBe('pk_test');
    expect(signIns).toEqual([session]);
  });

  it('checks the fields before calling the server', async () => {
    const { ctx, calls } = testContext('en', {});
    const element = await mount('comptoir-sign-in', { ctx });
    await submit(element);
    expect(textOf(element)).toContain('This field is required.');
    type($(element, 'input[name="orderNumber"]'), '1001');
    type($(element, 'input[name="email"]'), 'not-an-email');
    await submit(element);
    expect(textOf(element)).toContain('This email address is not valid.');
    expect($(element, 'input[name="email"]').getAttribute('aria-invalid')).toBe('true');
    expect(calls).toEqual([]);
  });

  it('shows the server’s refusal, as text even when hostile', async () => {
    const { ctx, signIns } = testContext('fr', { 'sessions.widget.signIn': fail('SIGN_IN_FAILED', `Inconnu ${hostile}`, 401) });
    const element = await mount('comptoir-sign-in', { ctx });
    type($(element, 'input[name="orderNumber"]'), '1001');
    type($(element, 'input[name="email"]'), 'lea@example.fr');
    await submit(element);
    expect($(element, '[role="alert"]').textContent).toBe(`Inconnu ${hostile}`);
    expect(hasInjectedElement(element)).toBe(false);
    expect(signIns).toEqual([]);
  });

  it('says so when the network fails', async () => {
    const { ctx } = testContext('en', { 'sessions.widget.signIn': { network: true } });
    const element = await mount('comptoir-sign-in', { ctx });
    type($(element, 'input[name="orderNumber"]'), '1001');
    type($(element, 'input[name="email"]'), 'lea@example.fr');
    await submit(element);
    expect($(element, '[role="alert"]').textContent).toBe('Cannot reach the service. Check your connection and try again.');
  });

  it('switches to the emailed code and back', async () => {
    const element = await mount('comptoir-sign-in', { ctx: testContext('en', {}).ctx });
    $(element, 'button.link').click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await settle(element);
    const code = $(element, 'comptoir-sign-in-code');
    expect(textOf(code)).toContain('Send me the code');
    $(code, 'button.link').click();
    await settle(element);
    expect(element.shadowRoot!.querySelector('comptoir-sign-in-code')).toBeNull();
    expect($(element, 'input[name="orderNumber"]')).toBeTruthy();
  });
});
