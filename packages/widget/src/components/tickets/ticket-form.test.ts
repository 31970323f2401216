// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { OrderPage } from '../../controllers/api-types.js';
import { $, fail, mount, ok, pickFiles, settle, testContext, textOf, type Handler } from '../../testing/fake-server.js';
import { orderDetail } from '../../testing/fixtures.js';
import './ticket-form.js';

afterEach(() => document.body.replaceChildren());

const orders: OrderPage = {
  orders: [{ id: orderDetail.id, number: '1002', stage: 'delivered', fulfilment: 'shipping', placedAt: orderDetail.placedAt, total: orderDetail.total, itemCount: 3, imageUrl: null, trackingStatus: 'delivered' }],
  nextCursor: null,
};

async function form(locale: 'fr' | 'en', routes: Record<string, Handler> = {}, number = '') {
  const fake = testContext(locale, { 'orders.widget.list': ok(orders), ...routes });
  const element = await mount('comptoir-ticket-form', { ctx: fake.ctx, number });
  return { ...fake, element };
}

function fill(element: HTMLElement, subject: string, body: string) {
  $<HTMLInputElement>(element, 'input[name="subject"]').value = subject;
  $<HTMLTextAreaElement>(element, 'textarea[name="body"]').value = body;
}

describe('<comptoir-ticket-form>', () => {
  it('asks for a subject and a message, with the shopper’s orders to pick from (French)', async () => {
    const { element } = await form('fr', {}, '1002');
    expect(textOf(element)).toContain('Nouvelle demande');
    expect([...element.shadowRoot!.querySelectorAll('select[name="orderId"] option')].map((option) => option.textContent)).toEqual(['Aucune commande en particulier', 'Commande 1002']);
    expect($<HTMLSelectElement>(element, 'select[name="orderId"]').value).toBe(orderDetail.id);
  });

  it('refuses an empty request in English without calling the server', async () => {
    const { element, calls } = await form('en');
    $<HTMLFormElement>(element, 'form').requestSubmit();
    await settle(element);
    expect($(element, '[role="alert"]').textContent).toBe('Enter a subject and a message.');
    expect(calls.map((call) => call.path)).toEqual(['orders.widget.list']);
  });

  it('sends the request with its order and file, announces it and opens it', async () => {
    const { element, calls, navigations } = await form('fr', { 'tickets.widget.open': ok({ ticketId: 'ticket-9', status: 'open', firstResponseDueAt: '2026-11-25T10:00:00.000Z' }) }, '1002');
    const events: unknown[] = [];
    element.addEventListener('comptoir-ticket-opened', (event) => events.push(event.detail));
    fill(element, ' Taille du carnet ', 'Existe-t-il en A4 ?');
    const picker = $(element, 'comptoir-file-picker');
    pickFiles($(picker, 'input[type="file"]'), [new File([new Uint8Array([37, 80])], 'bon.pdf', { type: 'application/pdf' })]);
    await settle(picker);
    $<HTMLFormElement>(element, 'form').requestSubmit();
    await settle(element);
    expect(calls.at(-1)).toEqual(
      expect.objectContaining({
        path: 'tickets.widget.open',
        input: { subject: 'Taille du carnet', body: 'Existe-t-il en A4 ?', orderId: orderDetail.id, attachments: [{ filename: 'bon.pdf', contentType: 'application/pdf', dataBase64: 'JVA=' }] },
      }),
    );
    expect(events).toEqual([{ ticketId: 'ticket-9', orderNumber: '1002' }]);
    expect(navigations).toEqual([{ name: 'ticket', id: 'ticket-9', number: '1002' }]);
  });

  it('keeps the text and says why when the server refuses', async () => {
    const { element } = await form('en', { 'tickets.widget.open': fail('TOO_MANY_ATTEMPTS', 'Too many attempts. Try again in 3 minute(s).', 429) });
    fill(element, 'Size', 'A4?');
    $<HTMLFormElement>(element, 'form').requestSubmit();
    await settle(element);
    expect($(element, '[role="alert"]').textContent).toBe('Too many attempts. Try again in 3 minute(s).');
    expect($<HTMLInputElement>(element, 'input[name="subject"]').value).toBe('Size');
  });
});
