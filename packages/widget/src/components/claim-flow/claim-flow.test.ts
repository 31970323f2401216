// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenedClaim } from '../../controllers/api-types.js';
import { $, fail, hasInjectedElement, hostile, mount, ok, pickFiles, settle, testContext, textOf, type, type Handler } from '../../testing/fake-server.js';
import { claimEligibility, orderDetail } from '../../testing/fixtures.js';
import './claim-flow.js';

afterEach(() => document.body.replaceChildren());

async function flow(locale: 'fr' | 'en', routes: Record<string, Handler> = {}) {
  const fake = testContext(locale, { 'orders.widget.detail': ok(orderDetail), 'claims.widget.eligibility': ok(claimEligibility), ...routes });
  const element = await mount('comptoir-claim-flow', { ctx: fake.ctx, number: '1002' });
  return { ...fake, element };
}

function chooseKind(element: HTMLElement, kind: string) {
  const radio = $<HTMLInputElement>(element, `input[name="kind"][value="${kind}"]`);
  radio.checked = true;
  radio.dispatchEvent(new Event('change'));
}

describe('<comptoir-claim-flow>', () => {
  it('offers the kinds of claim the order allows, and says why not the others, in French', async () => {
    const { element, calls } = await flow('fr');
    expect(calls.map((call) => [call.path, call.input])).toEqual([
      ['orders.widget.detail', { number: '1002' }],
      ['claims.widget.eligibility', { orderId: orderDetail.id }],
    ]);
    const text = textOf(element);
    expect(text).toContain('Signaler un problème');
    expect(text).toContain('La commande a été livrée.');
    expect($<HTMLInputElement>(element, 'input[value="not_received"]').disabled).toBe(true);
    expect($<HTMLInputElement>(element, 'input[value="damaged"]').disabled).toBe(false);
  });

  it('speaks English', async () => {
    const { element } = await flow('en');
    expect(textOf(element)).toContain('What is the problem?');
    expect(textOf(element)).toContain('Send the claim');
  });

  it('asks for a kind and a description before sending', async () => {
    const { element, calls } = await flow('en');
    $<HTMLFormElement>(element, 'form').requestSubmit();
    await settle(element);
    expect($(element, '[role="alert"]').textContent).toBe('Choose the problem and describe it.');
    expect(calls).toHaveLength(2);
  });

  it('sends the kind, the description and the photo, then opens the new claim', async () => {
    const opened: OpenedClaim = { claimId: 'claim-9', status: 'open', answerDueAt: '2026-11-26T10:00:00.000Z' };
    const { element, calls, navigations } = await flow('fr', { 'claims.widget.open': ok(opened) });
    chooseKind(element, 'damaged');
    type($(element, 'textarea[name="description"]'), `  Carton écrasé ${hostile} `);
    const picker = $(element, 'comptoir-file-picker');
    pickFiles($(picker, 'input[type="file"]'), [new File([new Uint8Array([1, 2, 3])], 'colis.jpg', { type: 'image/jpeg' })]);
    await settle(picker);
    $<HTMLFormElement>(element, 'form').requestSubmit();
    await settle(element);
    expect(calls.at(-1)).toEqual(
      expect.objectContaining({
        path: 'claims.widget.open',
        input: { orderId: orderDetail.id, kind: 'damaged', description: `Carton écrasé ${hostile}`, photos: [{ filename: 'colis.jpg', contentType: 'image/jpeg', dataBase64: 'AQID' }] },
      }),
    );
    expect(navigations).toEqual([{ name: 'claim', number: '1002', id: 'claim-9', isNew: true }]);
    expect(hasInjectedElement(element)).toBe(false);
  });

  it('says why the server refused', async () => {
    const { element } = await flow('fr', { 'claims.widget.open': fail('CLAIM_WINDOW_CLOSED', 'Le délai pour signaler ce problème est dépassé.', 412) });
    chooseKind(element, 'damaged');
    type($(element, 'textarea[name="description"]'), 'Carton écrasé');
    $<HTMLFormElement>(element, 'form').requestSubmit();
    await settle(element);
    expect($(element, '[role="alert"]').textContent).toBe('Le délai pour signaler ce problème est dépassé.');
  });
});
