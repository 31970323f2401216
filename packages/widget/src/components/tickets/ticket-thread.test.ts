// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { TicketThread } from '../../controllers/api-types.js';
import { $, fail, hasInjectedElement, hostile, mount, ok, settle, testContext, textOf, type Handler } from '../../testing/fake-server.js';
import { ticketPage } from '../../testing/fixtures.js';
import './ticket-thread.js';

afterEach(() => document.body.replaceChildren());

function thread(overrides: Partial<TicketThread> = {}): TicketThread {
  return {
    ...ticketPage.tickets[0]!,
    subject: 'Taille du carnet',
    status: 'waiting_on_customer',
    firstRespondedAt: '2026-11-10T12:00:00.000Z',
    messages: [
      { id: 'm1', authorType: 'shopper', body: 'Existe-t-il en A4 ?', internal: false, createdAt: '2026-11-10T10:00:00.000Z', attachments: [] },
      { id: 'm2', authorType: 'staff', body: `Oui ! ${hostile}`, internal: false, createdAt: '2026-11-10T12:00:00.000Z', attachments: [{ id: 'att-1', filename: 'tarifs.pdf', contentType: 'application/pdf', sizeBytes: 2048 }] },
    ],
    ...overrides,
  };
}

async function show(locale: 'fr' | 'en', routes: Record<string, Handler>) {
  const fake = testContext(locale, routes);
  const element = await mount('comptoir-ticket-thread', { ctx: fake.ctx, ticketId: 'ticket-1' });
  return { ...fake, element };
}

describe('<comptoir-ticket-thread>', () => {
  it('shows the messages with their authors and files, the shop’s text as text, in French', async () => {
    const { element, calls } = await show('fr', { 'tickets.widget.thread': ok(thread()) });
    expect(calls[0]).toEqual(expect.objectContaining({ path: 'tickets.widget.thread', input: { ticketId: 'ticket-1' } }));
    const messages = [...element.shadowRoot!.querySelectorAll('.message')].map((message) => textOf(message));
    expect(messages[0]).toMatch(/^Vous Existe-t-il en A4 \?/);
    expect(messages[1]).toContain(`La boutique Oui ! ${hostile} Télécharger tarifs.pdf (2 ko)`);
    expect(hasInjectedElement(element)).toBe(false);
  });

  it('speaks English, and says a closed request takes no reply', async () => {
    const { element } = await show('en', { 'tickets.widget.thread': ok(thread({ status: 'closed' })) });
    expect(textOf(element)).toContain('This request is closed.');
    expect(textOf(element)).toContain('You');
    expect(element.shadowRoot!.querySelector('textarea[name="body"]')).toBeNull();
  });

  it('sends a reply, then shows the thread again from the server', async () => {
    let current = thread();
    const { element, calls } = await show('fr', {
      'tickets.widget.thread': () => ok(current),
      'tickets.widget.reply': (input) => {
        const body = (input as { body: string }).body;
        current = thread({ messages: [...current.messages, { id: 'm3', authorType: 'shopper', body, internal: false, createdAt: '2026-11-10T13:00:00.000Z', attachments: [] }] });
        return ok({ messageId: 'm3' });
      },
    });
    $<HTMLTextAreaElement>(element, 'textarea[name="body"]').value = '  Merci, je le commande.  ';
    $<HTMLFormElement>(element, 'form').requestSubmit();
    await settle(element);
    expect(calls.find((call) => call.path === 'tickets.widget.reply')?.input).toEqual({ ticketId: 'ticket-1', body: 'Merci, je le commande.', attachments: [] });
    expect(textOf(element)).toContain('Message envoyé.');
    expect(element.shadowRoot!.querySelectorAll('.message')).toHaveLength(3);
  });

  it('refuses an empty reply, and says why the server refused one', async () => {
    const { element, calls } = await show('en', { 'tickets.widget.thread': ok(thread()), 'tickets.widget.reply': fail('INVALID_TRANSITION', 'This request is closed.', 409) });
    $<HTMLFormElement>(element, 'form').requestSubmit();
    await settle(element);
    expect($(element, '[role="alert"]').textContent).toBe('Write your message.');
    expect(calls).toHaveLength(1);
    $<HTMLTextAreaElement>(element, 'textarea[name="body"]').value = 'Hello';
    $<HTMLFormElement>(element, 'form').requestSubmit();
    await settle(element);
    expect($(element, '[role="alert"]').textContent).toBe('This request is closed.');
  });
});
