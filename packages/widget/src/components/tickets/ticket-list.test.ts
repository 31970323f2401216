// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { TicketPage } from '../../controllers/api-types.js';
import { $, fail, hasInjectedElement, hostile, mount, ok, settle, testContext, textOf } from '../../testing/fake-server.js';
import { ticketPage } from '../../testing/fixtures.js';
import './ticket-list.js';

afterEach(() => document.body.replaceChildren());

const secondPage: TicketPage = {
  tickets: [{ ...ticketPage.tickets[0]!, id: 'ticket-0', subject: 'Facture', status: 'resolved', order: null, openedAt: '2026-10-01T10:00:00.000Z' }],
  nextCursor: null,
};

describe('<comptoir-ticket-list>', () => {
  it('lists the requests with their status and order, hostile subjects as text, in French', async () => {
    const { ctx, calls } = testContext('fr', { 'tickets.widget.list': ok(ticketPage) });
    const element = await mount('comptoir-ticket-list', { ctx });
    expect(calls[0]).toEqual(expect.objectContaining({ path: 'tickets.widget.list', input: { limit: 20 } }));
    expect(textOf(element)).toContain('Mes demandes');
    expect(textOf($(element, '.ticket'))).toBe(`${hostile} Nouveau Ouverte le 10 novembre 2026 · Commande 1002`);
    expect(hasInjectedElement(element)).toBe(false);
  });

  it('says there is none yet, in English, and offers a new request', async () => {
    const { ctx, navigations } = testContext('en', { 'tickets.widget.list': ok({ tickets: [], nextCursor: null }) });
    const element = await mount('comptoir-ticket-list', { ctx });
    expect(textOf(element)).toContain('No requests yet.');
    [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent === 'New request')!.click();
    expect(navigations).toEqual([{ name: 'ticket-new' }]);
  });

  it('loads the next page with the cursor and opens a request', async () => {
    const { ctx, calls, navigations } = testContext('fr', {
      'tickets.widget.list': (input) => ok((input as { cursor?: string }).cursor === 'c2' ? secondPage : { ...ticketPage, nextCursor: 'c2' }),
    });
    const element = await mount('comptoir-ticket-list', { ctx });
    [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent === 'Afficher plus')!.click();
    await settle(element);
    expect(calls.at(-1)!.input).toEqual({ limit: 20, cursor: 'c2' });
    expect(element.shadowRoot!.querySelectorAll('.ticket')).toHaveLength(2);
    element.shadowRoot!.querySelectorAll<HTMLButtonElement>('.ticket')[1]!.click();
    expect(navigations).toEqual([{ name: 'ticket', id: 'ticket-0' }]);
  });

  it('explains a failure and retries', async () => {
    let answer = fail('INTERNAL', 'Service unavailable', 503);
    const { ctx } = testContext('en', { 'tickets.widget.list': () => answer });
    const element = await mount('comptoir-ticket-list', { ctx });
    expect($(element, '[role="alert"]').textContent).toContain('Service unavailable');
    answer = ok(ticketPage);
    $(element, '[role="alert"] button').click();
    await settle(element);
    expect(element.shadowRoot!.querySelectorAll('.ticket')).toHaveLength(1);
  });
});
