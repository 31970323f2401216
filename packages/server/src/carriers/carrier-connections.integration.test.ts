import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { createShopWithKeys, type ShopWithKeys } from '../test/fixtures.js';
import { testDatabaseKind } from '../test/test-database.js';
import { DomainError } from '../core/domain-error.js';
import { sha256 } from '../core/hash.js';
import { csrfTokenFor } from '../auth/staff-auth.js';

async function failure(call: Promise<unknown>): Promise<{ trpc: string; domain: string | null }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError) return { trpc: error.code, domain: error.cause instanceof DomainError ? error.cause.code : null };
    throw error;
  }
  throw new Error('expected the call to fail');
}

const okapiKey = 'f3b9c2d1e0a4b5c6d7e8f9a0b1c2WXYZ';

describe(`connecting a carrier's API from the admin on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let shop: ShopWithKeys;
  let other: ShopWithKeys;

  async function staffCaller(target: ShopWithKeys, role: 'owner' | 'staff') {
    const token = randomBytes(24).toString('base64url');
    const user = await app.deps.db.staffUser.create({
      data: { email: `${role}.${target.shop.slug}.${token.slice(0, 6)}@example.fr`, name: role, memberships: { create: { shopId: target.shop.id, role } } },
      select: { id: true },
    });
    await app.deps.db.staffSession.create({
      data: { staffUserId: user.id, tokenHash: sha256(token), activeShopId: target.shop.id, expiresAt: new Date(app.clock.now().getTime() + 86_400_000) },
    });
    return app.caller({ cookies: { comptoir_staff: token }, headers: { 'x-csrf-token': csrfTokenFor(token) } });
  }

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-05-06T08:00:00Z' });
    shop = await createShopWithKeys(app.deps.db, { slug: 'herboristerie' });
    other = await createShopWithKeys(app.deps.db, { slug: 'herboristerie-voisine' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lets the owner save a La Poste key and never answers it back', async () => {
    const owner = await staffCaller(shop, 'owner');
    expect(await owner.carriers.admin.list()).toEqual([
      {
        carrier: 'colissimo',
        label: 'La Poste (Colissimo, Chronopost)',
        covers: ['colissimo', 'chronopost'],
        isConfigured: false,
        apiKeyLast4: null,
        savedAt: null,
        lastPolledAt: null,
        lastError: null,
        lastErrorAt: null,
        isPaused: false,
        unknownParcels: 0,
      },
    ]);
    const saved = await owner.carriers.admin.connect({ carrier: 'colissimo', apiKey: ` ${okapiKey} ` });
    expect(saved).toEqual([expect.objectContaining({ carrier: 'colissimo', isConfigured: true, apiKeyLast4: 'WXYZ', savedAt: new Date('2026-05-06T08:00:00Z') })]);
    expect(JSON.stringify([saved, await owner.carriers.admin.list()])).not.toContain(okapiKey);
    // Saved as typed (trimmed), for the poller.
    expect(await app.deps.db.carrierConnection.findFirstOrThrow({ where: { shopId: shop.shop.id }, select: { apiKey: true } })).toEqual({ apiKey: okapiKey });
    const events = await app.deps.db.event.findMany({ where: { shopId: shop.shop.id, type: 'carriers.connected' }, select: { actorType: true, data: true } });
    expect(events).toEqual([{ actorType: 'staff', data: { carrier: 'colissimo', apiKeyLast4: 'WXYZ' } }]);
    // The other shop sees nothing of it.
    expect((await (await staffCaller(other, 'owner')).carriers.admin.list())[0]!.isConfigured).toBe(false);
  });

  it('refuses what is not an API key, an unknown carrier, and anyone but the owner', async () => {
    const owner = await staffCaller(shop, 'owner');
    expect(await failure(owner.carriers.admin.connect({ carrier: 'colissimo', apiKey: 'court' }))).toEqual({ trpc: 'BAD_REQUEST', domain: 'INVALID_INPUT' });
    expect(await failure(owner.carriers.admin.connect({ carrier: 'colissimo', apiKey: 'une clé avec des espaces et des accents' }))).toEqual({
      trpc: 'BAD_REQUEST',
      domain: 'INVALID_INPUT',
    });
    expect((await failure(owner.carriers.admin.connect({ carrier: 'dpd' as 'colissimo', apiKey: okapiKey }))).trpc).toBe('BAD_REQUEST');
    const clerk = await staffCaller(shop, 'staff');
    expect(await failure(clerk.carriers.admin.list())).toEqual({ trpc: 'FORBIDDEN', domain: 'STAFF_ROLE_REQUIRED' });
    expect(await failure(clerk.carriers.admin.connect({ carrier: 'colissimo', apiKey: 'cle-du-vendeur-0000000001' }))).toEqual({ trpc: 'FORBIDDEN', domain: 'STAFF_ROLE_REQUIRED' });
    expect(await failure(clerk.carriers.admin.disconnect({ carrier: 'colissimo' }))).toEqual({ trpc: 'FORBIDDEN', domain: 'STAFF_ROLE_REQUIRED' });
    // Nothing changed.
    expect((await owner.carriers.admin.list())[0]).toMatchObject({ apiKeyLast4: 'WXYZ' });
  });

  it('shows the last poll and its error, and a new key lifts a pause', async () => {
    const owner = await staffCaller(shop, 'owner');
    await app.deps.db.carrierConnection.updateMany({
      where: { shopId: shop.shop.id },
      data: { lastPolledAt: new Date('2026-05-06T09:00:00Z'), lastError: 'CARRIER_CREDENTIALS_INVALID', lastErrorAt: new Date('2026-05-06T09:00:00Z'), credentialsRejectedAt: new Date('2026-05-06T09:00:00Z') },
    });
    expect((await owner.carriers.admin.list())[0]).toMatchObject({
      lastPolledAt: new Date('2026-05-06T09:00:00Z'),
      lastError: 'CARRIER_CREDENTIALS_INVALID',
      lastErrorAt: new Date('2026-05-06T09:00:00Z'),
      isPaused: true,
    });
    app.clock.set('2026-05-06T10:00:00Z');
    const [replaced] = await owner.carriers.admin.connect({ carrier: 'colissimo', apiKey: 'a1b2c3d4e5f6a7b8c9d0NEWK' });
    expect(replaced).toMatchObject({ apiKeyLast4: 'NEWK', savedAt: new Date('2026-05-06T10:00:00Z'), lastError: null, lastErrorAt: null, isPaused: false });
  });

  it('forgets the key on disconnect, once, without recording it', async () => {
    const owner = await staffCaller(shop, 'owner');
    expect(await owner.carriers.admin.disconnect({ carrier: 'colissimo' })).toEqual({ removed: true });
    expect(await owner.carriers.admin.disconnect({ carrier: 'colissimo' })).toEqual({ removed: false });
    expect((await owner.carriers.admin.list())[0]).toMatchObject({ isConfigured: false, apiKeyLast4: null });
    expect(await app.deps.db.carrierConnection.count({ where: { shopId: shop.shop.id } })).toBe(0);
    const events = await app.deps.db.event.findMany({
      where: { shopId: shop.shop.id, type: { startsWith: 'carriers.' } },
      select: { type: true, data: true },
      orderBy: { id: 'asc' },
    });
    expect(events.map((event) => event.type)).toEqual(['carriers.connected', 'carriers.connected', 'carriers.disconnected']);
    expect(JSON.stringify(events)).not.toContain(okapiKey);
    expect(JSON.stringify(events)).not.toContain('a1b2c3d4e5f6a7b8c9d0NEWK');
  });
});
