// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { OrderPage } from '../../controllers/api-types.js';
import { $, fail, hasInjectedElement, hostile, mount, ok, settle, testContext, textOf } from '../../testing/fake-server.js';
import './order-list.js';

afterEach(() => document.body.replaceChildren());

const page: OrderPage = {
  orders: [
    {
      id: '0193a0a0-0000-7000-8000-000000000002',
      number: '1006',
      stage: 'shipped',
      fulfilment: 'delivery',
      placedAt: '2026-11-20T09:30:00.000Z',
      total: { amountMinor: 4590, currency: 'EUR' },
      itemCount: 2,
      imageUrl: null,
      trackingStatus: 'in_transit',
    },
    {
      id: '0193a0a0-0000-7000-8000-000000000001',
      number: hostile,
      stage: 'delivered',
      fulfilment: 'delivery',
      placedAt: '2026-11-02T09:30:00.000Z',
      total: { amountMinor: 1200, currency: 'EUR' },
      itemCount: 1,
      imageUrl: null,
      trackingStatus: 'delivered',
    },
  ],
  nextCursor: null,
};

describe('<comptoir-order-list>', () => {
  it('lists the orders newest first with amount, date, items and status, in French', async () => {
    const { ctx, calls } = testContext('fr', { 'orders.widget.list': ok(page) });
    const element = await mount('comptoir-order-list', { ctx });
    expect(calls).toEqual([expect.objectContaining({ method: 'GET', path: 'orders.widget.list', input: { limit: 50 } })]);
    const rows = [...element.shadowRoot!.querySelectorAll('.order')].map((row) => textOf(row));
    expect(rows[0]).toMatch(/^Commande 1006 45,90\s€ Passée le 20 novembre 2026 · 2 article\(s\) Expédiée$/);
    expect(rows[1]).toContain(`Commande ${hostile}`);
    expect(rows[1]).toContain('Livrée');
    expect(hasInjectedElement(element)).toBe(false);
  });

  it('speaks English', async () => {
    const { ctx } = testContext('en', { 'orders.widget.list': ok(page) });
    const element = await mount('comptoir-order-list', { ctx });
    expect(textOf(element)).toContain('My orders');
    expect(textOf($(element, '.order'))).toMatch(/^Order 1006 €45\.90 Placed on November 20, 2026 · 2 item\(s\) Shipped$/);
  });

  it('opens an order when it is chosen', async () => {
    const { ctx, navigations } = testContext('fr', { 'orders.widget.list': ok(page) });
    const element = await mount('comptoir-order-list', { ctx });
    $(element, '.order').click();
    expect(navigations).toEqual([{ name: 'order', number: '1006' }]);
  });

  it('says when there is no order yet', async () => {
    const { ctx } = testContext('en', { 'orders.widget.list': ok({ orders: [], nextCursor: null }) });
    expect(textOf(await mount('comptoir-order-list', { ctx }))).toContain('No orders yet.');
  });

  it('explains a failure and loads again with “Réessayer”', async () => {
    let answer = fail('INTERNAL', 'Erreur interne', 500);
    const { ctx, calls } = testContext('fr', { 'orders.widget.list': () => answer });
    const element = await mount('comptoir-order-list', { ctx });
    expect($(element, '[role="alert"]').textContent).toContain('Erreur interne');
    answer = ok(page);
    $(element, '[role="alert"] button').click();
    await settle(element);
    expect(calls).toHaveLength(2);
    expect(element.shadowRoot!.querySelectorAll('.order')).toHaveLength(2);
  });
});
