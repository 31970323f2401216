import { orderUpsertInput, type OrderUpsertInput, type ServicePolicyRulesInput } from '@comptoir/protocol';
import { TRPCError } from '@trpc/server';
import { csrfTokenFor } from '../auth/staff-auth.js';
import { signShopperToken } from '../auth/shopper-token.js';
import { DomainError } from '../core/domain-error.js';
import { upsertOrder } from '../orders/upsert-order.js';
import { createStaffUser, login } from '../staff/service.js';
import { createShopWithKeys, widgetHeaders, type ShopWithKeys } from '../test/fixtures.js';
import type { TestApp } from '../test/test-app.js';

/** Test helpers shared by the claims, tickets and cases integration tests. */

export const testOrigin = 'https://boutique.example';

/** The domain code of a failed call (through tRPC or straight from a service). */
export async function failureCode(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError && error.cause instanceof DomainError) return error.cause.code;
    if (error instanceof DomainError) return error.code;
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** A shop with a staff owner signed in and helpers to place orders and act as its shoppers. */
export interface CaseShop extends ShopWithKeys {
  staff: ReturnType<TestApp['caller']>;
  staffUserId: string;
  placeOrder(order: Partial<OrderUpsertInput> & { number: string; email: string }): Promise<{ orderId: string; customerId: string }>;
  shopper(customerId: string): ReturnType<TestApp['caller']>;
  setPolicy(rules: ServicePolicyRulesInput): Promise<void>;
}

/** Creates a shop with keys, a signed-in owner and helpers. */
export async function createCaseShop(app: TestApp, slug: string): Promise<CaseShop> {
  const shop = await createShopWithKeys(app.deps.db, { slug, origins: [testOrigin] });
  const email = `owner@${slug}.example`;
  const password = 'un mot de passe assez long 42';
  const created = await createStaffUser(app.deps, { email, name: `Owner ${slug}`, password, shopId: shop.shop.id, role: 'owner' });
  const session = await login(app.deps, { email, password, ip: '10.0.0.1' });
  // These tests move the clock by days: keep the session alive (and untouched) across the moves.
  const farAhead = new Date(app.clock.now().getTime() + 25 * 86_400_000);
  await app.deps.db.staffSession.updateMany({ where: { staffUserId: session.staffUserId }, data: { expiresAt: farAhead, lastSeenAt: farAhead } });
  const staff = app.caller({ cookies: { comptoir_staff: session.token }, headers: { 'x-csrf-token': csrfTokenFor(session.token) } });
  let policyVersion = 1;
  return {
    ...shop,
    staff,
    staffUserId: created.staffUserId,
    async placeOrder(order) {
      const { email: customerEmail, ...rest } = order;
      const result = await upsertOrder(app.deps, {
        shopId: shop.shop.id,
        actor: { type: 'system' },
        order: orderUpsertInput.parse({
          externalId: `ext-${order.number}`,
          customer: { email: customerEmail, name: `Client ${order.number}` },
          currency: 'EUR',
          lines: [{ sku: 'TAS', title: 'Tasse en grès', quantity: 2, unitPriceMinor: 1_500 }],
          shippingMinor: 500,
          placedAt: '2026-06-01T09:00:00Z',
          deliveredAt: '2026-06-04T09:00:00Z',
          ...rest,
        }),
      });
      const row = await app.deps.db.order.findUniqueOrThrow({ where: { id: result.orderId }, select: { customerId: true } });
      return { orderId: result.orderId, customerId: row.customerId };
    },
    shopper(customerId) {
      const token = signShopperToken(app.deps.secrets.shopperTokenKey, {
        shopId: shop.shop.id,
        customerId,
        exp: Math.floor(app.clock.now().getTime() / 1000) + 365 * 86_400,
      });
      return app.caller({ headers: { ...widgetHeaders(shop.publishableKey, testOrigin), 'x-comptoir-session': token } });
    },
    async setPolicy(rules) {
      policyVersion += 1;
      await app.deps.db.servicePolicy.create({ data: { shopId: shop.shop.id, version: policyVersion, rules: rules as object } });
      await app.deps.db.shop.update({ where: { id: shop.shop.id }, data: { currentPolicyVersion: policyVersion } });
    },
  };
}

/** A 1×1 PNG, base64. */
export const tinyPng =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
