import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { orderUpsertInput } from '@comptoir/protocol';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { createShopWithKeys, widgetHeaders, type ShopWithKeys } from '../test/fixtures.js';
import { testDatabaseKind } from '../test/test-database.js';
import { DomainError } from '../core/domain-error.js';
import { upsertOrder } from '../orders/upsert-order.js';
import { shopperSignInLimits } from './service.js';

/** The domain error a call failed with. */
async function failureOf(call: Promise<unknown>): Promise<{ code: string; params: Record<string, unknown>; message: string }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError && error.cause instanceof DomainError) {
      return { code: error.cause.code, params: error.cause.params, message: error.message };
    }
    throw error;
  }
  throw new Error('expected the call to fail');
}

const origin = 'https://marais.example';

describe(`shopper sign-in on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let shopA: ShopWithKeys;
  let shopB: ShopWithKeys;
  let ipCounter = 0;

  /** A caller as the widget of `shop`, from a fresh client address unless one is given. */
  function widget(shop: ShopWithKeys, options: { ip?: string; session?: string } = {}) {
    ipCounter += 1;
    return app.caller({
      ip: options.ip ?? `198.51.100.${ipCounter}`,
      headers: { ...widgetHeaders(shop.publishableKey, origin), ...(options.session ? { 'x-comptoir-session': options.session } : {}) },
    });
  }

  async function placeOrder(shop: ShopWithKeys, number: string, email: string, name?: string) {
    await upsertOrder(app.deps, {
      shopId: shop.shop.id,
      actor: { type: 'system' },
      order: orderUpsertInput.parse({
        externalId: `ext-${number}`,
        number,
        customer: { email, ...(name ? { name } : {}) },
        currency: 'EUR',
        lines: [{ sku: 'BOU-FIG', title: 'Bougie parfumée Figuier', quantity: 1, unitPriceMinor: 2490 }],
        placedAt: '2026-06-10T09:00:00Z',
      }),
    });
  }

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-06-15T10:00:00Z' });
    shopA = await createShopWithKeys(app.deps.db, { slug: 'shop-a', origins: [origin] });
    shopB = await createShopWithKeys(app.deps.db, { slug: 'shop-b', origins: [origin] });
    await placeOrder(shopA, '1001', 'camille.durand@example.fr', 'Camille Durand');
    await placeOrder(shopA, '1002', 'lucas.martin@example.fr');
    await placeOrder(shopB, '1001', 'camille.durand@example.fr', 'Camille Durand');
    for (let n = 0; n < 3; n += 1) await placeOrder(shopA, `20${n}`, `limit${n}@example.fr`);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('signs in with the order number and its email, whatever the case and spaces', async () => {
    const session = await widget(shopA).sessions.widget.signIn({ orderNumber: ' 1001 ', email: '  Camille.DURAND@example.fr ' });
    expect(session.token).toMatch(/^v1\./);
    expect(session.expiresAt).toEqual(new Date('2026-06-15T12:00:00Z'));
    expect(session.customer).toEqual({ name: 'Camille Durand', emailMasked: 'c•••@example.fr' });
    const me = await widget(shopA, { session: session.token }).sessions.widget.me();
    expect(me).toEqual({ name: 'Camille Durand', emailMasked: 'c•••@example.fr', locale: null });
  });

  it('answers a wrong email and an unknown order with the same error', async () => {
    const wrongEmail = await failureOf(widget(shopA).sessions.widget.signIn({ orderNumber: '1002', email: 'camille.durand@example.fr' }));
    const unknownOrder = await failureOf(widget(shopA).sessions.widget.signIn({ orderNumber: '9999', email: 'camille.durand@example.fr' }));
    const notAnEmail = await failureOf(widget(shopA).sessions.widget.signIn({ orderNumber: '1002', email: 'pas un email' }));
    expect(wrongEmail).toEqual(unknownOrder);
    expect(notAnEmail).toEqual(unknownOrder);
    expect(wrongEmail.code).toBe('SHOPPER_SIGN_IN_FAILED');
  });

  it('does not sign in at one shop with an order of another', async () => {
    await placeOrder(shopB, '3001', 'only-at-b@example.fr');
    const failure = await failureOf(widget(shopA).sessions.widget.signIn({ orderNumber: '3001', email: 'only-at-b@example.fr' }));
    expect(failure.code).toBe('SHOPPER_SIGN_IN_FAILED');
  });

  it('locks an order number after repeated failures, then lets it in once the window has passed', async () => {
    const { limit, windowMs } = shopperSignInLimits.failuresPerOrder;
    for (let attempt = 0; attempt < limit; attempt += 1) {
      const failure = await failureOf(widget(shopA).sessions.widget.signIn({ orderNumber: '200', email: `guess${attempt}@example.fr` }));
      expect(failure.code).toBe('SHOPPER_SIGN_IN_FAILED');
    }
    // Even the right email is refused while the order number is locked, from any address.
    const locked = await failureOf(widget(shopA).sessions.widget.signIn({ orderNumber: '200', email: 'limit0@example.fr' }));
    expect(locked.code).toBe('TOO_MANY_ATTEMPTS');
    expect(locked.params).toEqual({ minutes: windowMs / 60_000 });
    expect(locked.message).toBe(`Trop de tentatives. Réessayez dans ${windowMs / 60_000} minute(s).`);
    // The same order number at another shop is another counter.
    await placeOrder(shopB, '200', 'other-shop@example.fr');
    await widget(shopB).sessions.widget.signIn({ orderNumber: '200', email: 'other-shop@example.fr' });

    app.clock.advance(windowMs - 60_000);
    expect((await failureOf(widget(shopA).sessions.widget.signIn({ orderNumber: '200', email: 'limit0@example.fr' }))).params).toEqual({
      minutes: 1,
    });
    app.clock.advance(60_000);
    const session = await widget(shopA).sessions.widget.signIn({ orderNumber: '200', email: 'limit0@example.fr' });
    expect(session.token).toBeTruthy();
  });

  it('limits attempts per client address across order numbers', async () => {
    const { limit } = shopperSignInLimits.attemptsPerIp;
    const ip = '203.0.113.9';
    for (let attempt = 0; attempt < limit; attempt += 1) {
      const failure = await failureOf(widget(shopA, { ip }).sessions.widget.signIn({ orderNumber: `x${attempt}`, email: 'a@example.fr' }));
      expect(failure.code).toBe('SHOPPER_SIGN_IN_FAILED');
    }
    const blocked = await failureOf(widget(shopA, { ip }).sessions.widget.signIn({ orderNumber: '201', email: 'limit1@example.fr' }));
    expect(blocked.code).toBe('TOO_MANY_ATTEMPTS');
    expect(blocked.params.minutes).toBeGreaterThanOrEqual(1);
    // Another address is not affected.
    await widget(shopA, { ip: '203.0.113.10' }).sessions.widget.signIn({ orderNumber: '201', email: 'limit1@example.fr' });
  });

  it('expires the session token with the clock', async () => {
    const session = await widget(shopA).sessions.widget.signIn({ orderNumber: '1002', email: 'lucas.martin@example.fr' });
    app.clock.advance(2 * 60 * 60_000 - 1_000);
    await widget(shopA, { session: session.token }).sessions.widget.me();
    app.clock.advance(1_000);
    expect((await failureOf(widget(shopA, { session: session.token }).sessions.widget.me())).code).toBe('SHOPPER_SESSION_REQUIRED');
  });

  it('refuses a token of shop A at shop B, and a tampered or missing token', async () => {
    const session = await widget(shopA).sessions.widget.signIn({ orderNumber: '1001', email: 'camille.durand@example.fr' });
    expect((await failureOf(widget(shopB, { session: session.token }).sessions.widget.me())).code).toBe('SHOPPER_SESSION_REQUIRED');
    expect((await failureOf(widget(shopB, { session: session.token }).orders.widget.list({}))).code).toBe('SHOPPER_SESSION_REQUIRED');
    const tampered = `${session.token.slice(0, -2)}${session.token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await failureOf(widget(shopA, { session: tampered }).sessions.widget.me())).code).toBe('SHOPPER_SESSION_REQUIRED');
    expect((await failureOf(widget(shopA).sessions.widget.me())).code).toBe('SHOPPER_SESSION_REQUIRED');
  });
});
