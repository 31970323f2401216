// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CreatedReturn } from '../../controllers/api-types.js';
import { $, fail, hasInjectedElement, hostile, mount, ok, settle, testContext, textOf, type Handler } from '../../testing/fake-server.js';
import { returnEligibility } from '../../testing/fixtures.js';
import './return-flow.js';

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

const created: CreatedReturn = {
  returnId: 'ret-9',
  code: 'R-9QZ4',
  status: 'approved',
  isNew: true,
  refundDueAt: null,
  approvalDueAt: null,
  reviewNotice: null,
  dropOff: null,
};

function change(element: HTMLElement, selector: string, value?: string) {
  const control = $<HTMLInputElement | HTMLSelectElement>(element, selector);
  if (control instanceof HTMLInputElement) control.checked = true;
  else if (value !== undefined) control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

async function fillForm(element: HTMLElement, { method = 'drop_off', resolution = 'store_credit' } = {}) {
  change(element, 'input[name="line"]');
  await settle(element);
  change(element, 'select[name="quantity"]', '1');
  change(element, 'select[name="reason"]', 'wrong_size');
  change(element, `input[name="method"][value="${method}"]`);
  await settle(element);
  change(element, `input[name="resolution"][value="${resolution}"]`);
  await settle(element);
}

async function submit(element: HTMLElement) {
  $<HTMLFormElement>(element, 'form').requestSubmit();
  await settle(element);
}

async function flow(locale: 'fr' | 'en', routes: Record<string, Handler> = {}) {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const fake = testContext(locale, { 'returns.widget.eligibility': ok(returnEligibility), 'returns.widget.create': ok(created), ...routes });
  const element = await mount('comptoir-return-flow', { ctx: fake.ctx, number: '1002' });
  return { ...fake, element };
}

describe('<comptoir-return-flow>', () => {
  it('lists what can be returned and why the rest cannot, with the reasons to pick from, in French', async () => {
    const { element, calls } = await flow('fr');
    expect(calls[0]).toEqual(expect.objectContaining({ path: 'returns.widget.eligibility', input: { orderNumber: '1002' } }));
    const text = textOf(element);
    expect(text).toContain('Retourner des articles');
    expect(text).toContain('Non retournable — Article personnalisé : non repris.');
    expect([...element.shadowRoot!.querySelectorAll('select[name="reason"] option')].map((option) => option.textContent?.trim())).toEqual([
      'Sans motif',
      'J’ai changé d’avis',
      'Taille ou modèle ne convient pas',
      'Article défectueux',
      'Article abîmé à la livraison',
      'Non conforme à la description',
      'Ce n’est pas l’article commandé',
      'Arrivé trop tard',
      'Autre',
    ]);
    expect(text).toContain(hostile);
    expect(hasInjectedElement(element)).toBe(false);
  });

  it('speaks English', async () => {
    const { element } = await flow('en');
    const text = textOf(element);
    expect(text).toContain('Return items');
    expect(text).toContain('Not returnable — Personalised item: not returnable.');
    expect(text).toContain('Drop off at the shop');
  });

  it('asks for a line, then a method and a resolution, before the summary', async () => {
    const { element, calls } = await flow('en');
    await submit(element);
    expect($(element, '[role="alert"]').textContent).toBe('Choose at least one item.');
    change(element, 'input[name="line"]');
    await submit(element);
    expect($(element, '[role="alert"]').textContent).toBe('Choose how to send it back and what you would like.');
    expect(calls).toHaveLength(1);
  });

  it('sums up the return with its store credit bonus and refund date, then sends it once and shows its code', async () => {
    const { element, calls, navigations } = await flow('fr');
    const events: string[] = [];
    element.addEventListener('comptoir-return-requested', (event) => events.push(JSON.stringify(event.detail)));
    await fillForm(element);
    expect(textOf(element)).toMatch(/Avoir de 13,75\s€ \(dont 1,25\s€ offerts\)/);
    await submit(element);
    const summary = textOf(element);
    expect(summary).toContain('Récapitulatif');
    expect(summary).toMatch(/1 × Carnet A5 \( ?Ligné ?\)/);
    expect(summary).toContain('Remboursé au plus tard 72 h après réception de l’article, et au plus tard le 19 décembre 2026.');
    expect(summary).toContain('Déposer en boutique');
    const confirm = [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('.actions button')][0]!;
    confirm.click();
    confirm.click();
    await settle(element);
    const sent = calls.filter((call) => call.path === 'returns.widget.create');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.input).toEqual({
      orderId: returnEligibility.orderId,
      lines: [{ orderLineId: 'line-1', quantity: 1, reason: 'wrong_size' }],
      method: 'drop_off',
      resolution: 'store_credit',
      idempotencyKey: expect.any(String),
    });
    expect(textOf(element)).toContain('Code de retour : R-9QZ4');
    expect(events).toEqual(['{"orderNumber":"1002"}']);
    [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('.actions button')][0]!.click();
    expect(navigations).toEqual([{ name: 'return', number: '1002', id: 'ret-9' }]);
  });

  it('asks which variant for an exchange and sends its SKU', async () => {
    const { element, calls } = await flow('en');
    await fillForm(element, { resolution: 'exchange' });
    await submit(element);
    expect($(element, '[role="alert"]').textContent).toBe('Choose what you would like in exchange for each item.');
    change(element, 'select[name="exchange"]', 'CARNET-A5-Q');
    await submit(element);
    expect(textOf(element)).toContain('Exchanged for: Quadrillé');
    [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('.actions button')][0]!.click();
    await settle(element);
    expect(calls.at(-1)!.input).toEqual(expect.objectContaining({ resolution: 'exchange', lines: [expect.objectContaining({ exchangeSku: 'CARNET-A5-Q' })] }));
  });

  it('keeps the summary and says why when the server refuses', async () => {
    const { element } = await flow('fr', { 'returns.widget.create': fail('RETURN_WINDOW_CLOSED', 'Le délai de retour est dépassé.', 412) });
    await fillForm(element);
    await submit(element);
    [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('.actions button')][0]!.click();
    await settle(element);
    expect($(element, '[role="alert"]').textContent?.trim()).toBe('Le délai de retour est dépassé.');
    expect(textOf(element)).toContain('Récapitulatif');
  });
});
