// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { LoyaltySummary, RedeemResult } from '../../controllers/api-types.js';
import { $, fail, hasInjectedElement, hostile, mount, networkDown, ok, settle, testContext, textOf, type Handler } from '../../testing/fake-server.js';
import './loyalty.js';

afterEach(() => document.body.replaceChildren());

const voucher: RedeemResult['voucher'] = {
  id: 'v-1',
  code: 'FID-7K2Q',
  valueMinor: 500,
  currency: 'EUR',
  points: 100,
  status: 'issued',
  shopId: 'shop-1',
  expiresAt: '2027-05-24T22:59:00.000Z',
  redeemedAt: null,
  createdAt: '2026-11-24T10:00:00.000Z',
};

function summary(overrides: Partial<LoyaltySummary> = {}): LoyaltySummary {
  return {
    enabled: true,
    available: 150,
    pending: 40,
    pendingLots: [{ points: 40, availableAt: '2026-12-08T10:00:00.000Z', sourceType: 'order', sourceId: 'o-1' }],
    tier: { current: { id: 't1', name: 'Bronze', multiplier: 1 }, next: { id: 't2', name: 'Argent', thresholdMinor: 50_000 }, spendMinor: 30_000, remainingMinor: 20_000, currency: 'EUR' },
    history: [
      { id: 'e1', kind: 'adjust', bucket: 'available', points: 150, shopId: 'shop-1', availableAt: null, sourceType: null, sourceId: null, reason: hostile, createdAt: '2026-11-20T10:00:00.000Z' },
    ],
    nextCursor: null,
    vouchers: [],
    rewards: [
      { id: 'r-100', points: 100, valueMinor: 500, currency: 'EUR', isAffordable: true },
      { id: 'r-500', points: 500, valueMinor: 3000, currency: 'EUR', isAffordable: false },
    ],
    expiresAt: null,
    ...overrides,
  };
}

async function show(locale: 'fr' | 'en', routes: Record<string, Handler>, loyaltyEnabled = true) {
  const fake = testContext(locale, routes, { loyaltyEnabled });
  const element = await mount('comptoir-loyalty', { ctx: fake.ctx });
  return { ...fake, element };
}

const redeemButton = (element: HTMLElement, points: number) =>
  [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.redeem')].find((button) => button.getAttribute('aria-label')?.includes(`${points} point`))!;

describe('<comptoir-loyalty>', () => {
  it('shows the balance, pending points, tier, rewards and history, the shop’s reason as text, in French', async () => {
    const { element, calls } = await show('fr', { 'loyalty.widget.summary': ok(summary()) });
    expect(calls[0]).toEqual(expect.objectContaining({ path: 'loyalty.widget.summary', input: { limit: 20 } }));
    const text = textOf(element);
    expect(text).toContain('150 points disponibles');
    expect(text).toContain('Niveau Bronze');
    expect(text).toMatch(/Encore 200,00\s€ d’achats pour atteindre le niveau Argent\./);
    expect(text).toContain('Il vous manque 350 points.');
    expect(redeemButton(element, 500).disabled).toBe(true);
    expect(text).toContain('Ajustement de la boutique');
    expect(text).toContain(hostile);
    expect(hasInjectedElement(element)).toBe(false);
  });

  it('speaks English, and says when the shop has no programme without asking the server', async () => {
    const { element } = await show('en', { 'loyalty.widget.summary': ok(summary()) });
    expect(textOf(element)).toContain('150 points available');
    expect(textOf(element)).toContain('Bronze tier');
    const off = await show('en', {}, false);
    expect(textOf(off.element)).toContain('This shop has no loyalty programme.');
    expect(off.calls).toEqual([]);
  });

  it('redeems points once for a voucher, announces it without the code, and shows the new balance', async () => {
    let current = summary();
    const { element, calls } = await show('fr', {
      'loyalty.widget.summary': () => ok(current),
      'loyalty.widget.redeem': () => {
        current = summary({ available: 50, vouchers: [voucher] });
        return ok({ voucher, available: 50, created: true } satisfies RedeemResult);
      },
    });
    const events: unknown[] = [];
    element.addEventListener('comptoir-points-redeemed', (event) => events.push(event.detail));
    redeemButton(element, 100).click();
    redeemButton(element, 100).click();
    await settle(element);
    const redeems = calls.filter((call) => call.path === 'loyalty.widget.redeem');
    expect(redeems).toHaveLength(1);
    expect(redeems[0]!.input).toEqual({ rewardId: 'r-100', idempotencyKey: expect.any(String) });
    expect($(element, '.notice').textContent).toMatch(/^Votre bon d’achat de 5,00\s€ est prêt : FID-7K2Q$/);
    expect(events).toEqual([{ rewardId: 'r-100', points: 100 }]);
    expect(textOf(element)).toContain('50 points disponibles');
    expect($<HTMLInputElement>(element, 'input.code').value).toBe('FID-7K2Q');
  });

  it('retries a redeem lost on the network with the same idempotency key', async () => {
    let attempts = 0;
    const { element, calls } = await show('en', {
      'loyalty.widget.summary': ok(summary()),
      'loyalty.widget.redeem': () => (++attempts === 1 ? networkDown : ok({ voucher, available: 50, created: true })),
    });
    redeemButton(element, 100).click();
    await settle(element);
    expect($(element, '.reward [role="alert"]').textContent).toBe('Cannot reach the service. Check your connection and try again.');
    [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('.reward button')].find((button) => button.textContent?.trim() === 'Try again')!.click();
    await settle(element);
    const keys = calls.filter((call) => call.path === 'loyalty.widget.redeem').map((call) => (call.input as { idempotencyKey: string }).idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('explains a summary it cannot load', async () => {
    const { element } = await show('fr', { 'loyalty.widget.summary': fail('INTERNAL', 'Erreur interne', 500) });
    expect($(element, '[role="alert"]').textContent).toContain('Erreur interne');
  });
});
