// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { $, fail, hasInjectedElement, hostile, mount, ok, testContext, textOf, type Handler } from '../../testing/fake-server.js';
import { claimPage, orderDetail, returnEligibility, returnPage, ticketPage } from '../../testing/fixtures.js';
import './order-detail.js';

afterEach(() => document.body.replaceChildren());

const routes: Record<string, Handler> = {
  'orders.widget.detail': ok(orderDetail),
  'returns.widget.eligibility': ok(returnEligibility),
  'returns.widget.list': ok(returnPage),
  'claims.widget.list': ok(claimPage),
  'tickets.widget.list': ok(ticketPage),
};

describe('<comptoir-order-detail>', () => {
  it('shows the order, its parcel timeline, lines and totals, and what can be done until when, in French', async () => {
    const { ctx, calls } = testContext('fr', routes);
    const element = await mount('comptoir-order-detail', { ctx, number: '1002' });
    expect(calls.find((call) => call.path === 'orders.widget.detail')?.input).toEqual({ number: '1002' });
    expect(calls.find((call) => call.path === 'returns.widget.eligibility')?.input).toEqual({ orderNumber: '1002' });
    const text = textOf(element);
    expect(text).toContain('Commande 1002');
    expect(text).toContain('Livrée');
    expect(text).toContain('Colis Colissimo n° 6A12345678901');
    expect([...element.shadowRoot!.querySelectorAll('.timeline .event-status')].map((node) => node.textContent)).toEqual(['Livré', 'En transit']);
    expect(text).toMatch(/Total ?38,90\s€/);
    expect(text).toContain('Retour possible jusqu’au 5 décembre 2026');
    expect(text).toContain('Retour R-7KX2 · Acceptée');
    expect(text).toContain('Mes réclamations');
    expect($(element, 'a[href^="https://www.laposte.fr"]').getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('speaks English', async () => {
    const { ctx } = testContext('en', routes);
    const text = textOf(await mount('comptoir-order-detail', { ctx, number: '1002' }));
    expect(text).toContain('Order 1002');
    expect(text).toContain('Return items');
    expect(text).toContain('Returnable until December 5, 2026');
    expect(text).toMatch(/Total ?€38\.90/);
  });

  it('shows hostile titles, descriptions and subjects as text, and no image from a javascript: URL', async () => {
    const { ctx } = testContext('fr', routes);
    const element = await mount('comptoir-order-detail', { ctx, number: '1002' });
    expect(textOf(element).split(hostile).length - 1).toBeGreaterThanOrEqual(3);
    expect(hasInjectedElement(element)).toBe(false);
    expect([...element.shadowRoot!.querySelectorAll('img')].map((img) => img.getAttribute('src'))).toEqual(['https://cdn.example.fr/carnet.jpg']);
  });

  it('leads to the return, the claim, a return case and a new question', async () => {
    const { ctx, navigations } = testContext('fr', routes);
    const element = await mount('comptoir-order-detail', { ctx, number: '1002' });
    const byText = (label: string) => [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent?.includes(label))!;
    byText('Retourner des articles').click();
    byText('Signaler un problème').click();
    $(element, 'button.return').click();
    byText('Poser une question').click();
    expect(navigations).toEqual([
      { name: 'return-request', number: '1002' },
      { name: 'claim-request', number: '1002' },
      { name: 'return', number: '1002', id: 'ret-1' },
      { name: 'ticket-new', number: '1002' },
    ]);
  });

  it('explains an order it cannot show', async () => {
    const { ctx } = testContext('en', { ...routes, 'orders.widget.detail': fail('ORDER_NOT_FOUND', 'This order does not exist.', 404) });
    const element = await mount('comptoir-order-detail', { ctx, number: '9999' });
    expect($(element, '[role="alert"]').textContent).toContain('This order does not exist.');
    expect(textOf($(element, '[role="alert"] button'))).toBe('Try again');
  });
});
