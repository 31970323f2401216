import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { orderUpsertInput } from '@comptoir/protocol';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { backendHeaders, createShopWithKeys, type ShopWithKeys } from '../test/fixtures.js';
import { testDatabaseKind } from '../test/test-database.js';
import { upsertOrder } from '../orders/upsert-order.js';
import { createRefund } from '../refunds/service.js';
import { createStaffUser } from '../staff/service.js';
import { sha256 } from '../core/hash.js';
import { csrfTokenFor } from '../auth/staff-auth.js';
import { redactedText, tombstoneEmail } from './service.js';

const shopperEmail = 'camille.durand@example.fr';
const shopperName = 'Camille Durand';
const ticketBody = 'Bonjour, je suis Camille Durand, 12 rue des Lilas, mon colis est abîmé.';

describe(`GDPR export and erasure on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let shop: ShopWithKeys;
  let otherShop: ShopWithKeys;
  let customerId: string;
  let orderId: string;
  let refundId: string;
  let ownerCaller: ReturnType<TestApp['caller']>;
  let staffCaller: ReturnType<TestApp['caller']>;

  /** A signed-in admin as staff.login leaves it, without paying scrypt. */
  async function sessionOf(staffUserId: string, shopId: string) {
    const token = randomBytes(32).toString('base64url');
    await app.deps.db.staffSession.create({
      data: { staffUserId, tokenHash: sha256(token), activeShopId: shopId, expiresAt: new Date(app.clock.now().getTime() + 3_600_000) },
    });
    return app.caller({ cookies: { comptoir_staff: token }, headers: { 'x-csrf-token': csrfTokenFor(token) } });
  }

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-06-10T10:00:00Z' });
    const db = app.deps.db;
    shop = await createShopWithKeys(db, { slug: 'privacy-shop' });
    otherShop = await createShopWithKeys(db, { slug: 'privacy-other' });
    const placed = await upsertOrder(app.deps, {
      shopId: shop.shop.id,
      actor: { type: 'system' },
      order: orderUpsertInput.parse({
        externalId: 'p-1',
        number: 'P-1',
        customer: { email: shopperEmail, name: shopperName, phone: '+33612345678' },
        currency: 'EUR',
        lines: [{ sku: 'BOU', title: 'Bougie', quantity: 2, unitPriceMinor: 2500 }],
        shippingMinor: 490,
        placedAt: '2026-06-01T10:00:00Z',
      }),
    });
    // The same person at another shop is another controller's customer: erasure here must not touch it.
    await upsertOrder(app.deps, {
      shopId: otherShop.shop.id,
      actor: { type: 'system' },
      order: orderUpsertInput.parse({
        externalId: 'o-1',
        number: 'O-1',
        customer: { email: shopperEmail, name: shopperName },
        currency: 'EUR',
        lines: [{ sku: 'X', title: 'Tasse', quantity: 1, unitPriceMinor: 1200 }],
        placedAt: '2026-06-01T10:00:00Z',
      }),
    });
    orderId = placed.orderId;
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { customerId: true, lines: { select: { id: true } } } });
    customerId = order.customerId;
    const shopId = shop.shop.id;
    const now = app.clock.now();

    const returnCase = await db.returnCase.create({
      data: {
        shopId, orderId, customerId, code: 'R-PRIV', status: 'requested', method: 'drop_off', resolution: 'refund',
        policyVersion: 1, reasonText: 'Trop petit pour Camille', requestedAt: now,
        lines: { create: [{ orderLineId: order.lines[0]!.id, quantity: 1 }] },
      },
    });
    const refund = await createRefund(app.deps, {
      shopId, orderId, idempotencyKey: 'priv-refund', provider: 'manual', reference: 'VIR-42', returnId: returnCase.id,
      allocations: [{ kind: 'line', orderLineId: order.lines[0]!.id, amountMinor: 2500 }],
      actor: { type: 'system' },
    });
    refundId = refund.id;
    const claim = await db.claim.create({
      data: { shopId, orderId, customerId, kind: 'damaged', status: 'open', description: 'Carton écrasé, voir photo', policyVersion: 1, openedAt: now },
    });
    await db.attachment.create({
      data: { shopId, claimId: claim.id, filename: 'photo.jpg', contentType: 'image/jpeg', sizeBytes: 3, data: Buffer.from([1, 2, 3]) },
    });
    await db.ticket.create({
      data: {
        shopId, customerId, orderId, subject: 'Colis abîmé — Camille', status: 'open', policyVersion: 1, openedAt: now,
        messages: {
          create: [
            { authorType: 'shopper', body: ticketBody, attachments: { create: [{ shopId, filename: 'colis.png', contentType: 'image/png', sizeBytes: 2, data: Buffer.from([9, 9]) }] } },
            { authorType: 'staff', body: 'Bonjour Camille, nous regardons.' },
          ],
        },
      },
    });
    await db.emailLog.create({
      data: { shopId, to: shopperEmail, subject: 'Votre retour R-PRIV', html: '<p>Bonjour Camille</p>', text: 'Bonjour Camille', transport: 'dev' },
    });
    const account = await db.loyaltyAccount.create({ data: { scope: `shop:${shopId}`, email: shopperEmail } });
    await db.loyaltyEntry.create({ data: { accountId: account.id, shopId, kind: 'earn', bucket: 'available', points: 50, actorType: 'system' } });
    await db.storeCreditEntry.create({ data: { shopId, customerId, kind: 'issue', amountMinor: 500, currency: 'EUR' } });

    const owner = await createStaffUser(app.deps, { email: 'owner@privacy.test', name: 'Owner', password: 'owner-password-1', shopId, role: 'owner' });
    const staff = await createStaffUser(app.deps, { email: 'staff@privacy.test', name: 'Staff', password: 'staff-password-1', shopId, role: 'staff' });
    ownerCaller = await sessionOf(owner.staffUserId, shopId);
    staffCaller = await sessionOf(staff.staffUserId, shopId);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('exports every kind of data of the shopper in this shop as JSON, by email or id', async () => {
    const byEmail = await ownerCaller.privacy.admin.exportCustomer({ email: 'Camille.Durand@example.fr ' });
    const byId = await app.caller({ headers: backendHeaders(shop.secretKey) }).privacy.backend.exportCustomer({ customerId });
    expect({ ...byId, exportedAt: '' }).toEqual({ ...byEmail, exportedAt: '' });

    expect(byEmail.format).toBe('comptoir.customer-export.v1');
    expect(byEmail.customer).toMatchObject({ id: customerId, email: shopperEmail, name: shopperName, phone: '+33612345678' });
    expect(byEmail.orders).toHaveLength(1);
    expect(byEmail.orders[0]).toMatchObject({ number: 'P-1', totalMinor: 5490 });
    expect(byEmail.orders[0]!.lines).toHaveLength(1);
    expect(byEmail.orders[0]).not.toHaveProperty('payloadHash');
    expect(byEmail.returns[0]).toMatchObject({ code: 'R-PRIV', reasonText: 'Trop petit pour Camille' });
    expect(byEmail.refunds[0]).toMatchObject({ id: refundId, amountMinor: 2500, allocations: [expect.objectContaining({ amountMinor: 2500 })] });
    expect(byEmail.claims[0]).toMatchObject({ description: 'Carton écrasé, voir photo', attachments: [expect.objectContaining({ data: 'AQID' })] });
    expect(byEmail.tickets[0]!.messages).toHaveLength(2);
    expect(JSON.stringify(byEmail.tickets)).toContain(ticketBody);
    expect(byEmail.loyalty[0]).toMatchObject({ email: shopperEmail, entries: [expect.objectContaining({ points: 50 })] });
    expect(byEmail.storeCredit[0]).toMatchObject({ amountMinor: 500 });
    expect(byEmail.emails[0]).toMatchObject({ subject: 'Votre retour R-PRIV' });
    expect(byEmail.events.some((event) => event.type === 'order.created' || event.subjectId === orderId)).toBe(true);
    // Nothing of the same person's orders at another shop.
    expect(JSON.stringify(byEmail)).not.toContain('O-1');
  });

  it('refuses export and erasure to a staff member who is not the owner, and to a widget key', async () => {
    await expect(staffCaller.privacy.admin.exportCustomer({ customerId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(staffCaller.privacy.admin.eraseCustomer({ customerId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const widget = app.caller({ headers: { 'x-comptoir-key': shop.publishableKey, origin: 'https://x.test' } });
    await expect(widget.privacy.backend.exportCustomer({ customerId })).rejects.toBeInstanceOf(TRPCError);
  });

  it('answers an unknown shopper with CUSTOMER_NOT_FOUND, and a request naming both or neither as invalid', async () => {
    await expect(ownerCaller.privacy.admin.exportCustomer({ email: 'nobody@example.fr' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(ownerCaller.privacy.admin.exportCustomer({})).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(ownerCaller.privacy.admin.eraseCustomer({ customerId, email: shopperEmail })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('erases personal data but keeps the accounting records, records an event, and is idempotent', async () => {
    const db = app.deps.db;
    const ledgerBefore = await db.refund.findMany({ where: { orderId }, include: { allocations: true } });
    const first = await app.caller({ headers: backendHeaders(shop.secretKey) }).privacy.backend.eraseCustomer({
      email: shopperEmail,
      reason: 'ticket #123',
    });
    expect(first).toMatchObject({ customerId, alreadyErased: false });

    const customer = await db.customer.findUniqueOrThrow({ where: { id: customerId } });
    expect(customer).toMatchObject({ email: tombstoneEmail(customerId), name: null, phone: null, emailOptOut: true });
    expect(customer.erasedAt?.toISOString()).toBe(first.erasedAt);

    const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { lines: true } });
    expect(order).toMatchObject({ totalMinor: 5490, number: 'P-1', customerId });
    expect(order.lines).toHaveLength(1);
    expect(await db.refund.findMany({ where: { orderId }, include: { allocations: true } })).toEqual(ledgerBefore);
    expect(await db.storeCreditEntry.count({ where: { customerId } })).toBe(1);

    expect(await db.returnCase.findFirstOrThrow({ where: { customerId } })).toMatchObject({ reasonText: null });
    expect(await db.claim.findFirstOrThrow({ where: { customerId } })).toMatchObject({ description: null });
    const ticket = await db.ticket.findFirstOrThrow({ where: { customerId }, include: { messages: true } });
    expect(ticket.subject).toBe(redactedText);
    expect(ticket.messages.map((message) => message.body)).toEqual([redactedText, redactedText]);
    expect(await db.attachment.count({ where: { shopId: shop.shop.id } })).toBe(0);
    expect(await db.emailLog.findFirstOrThrow({ where: { shopId: shop.shop.id } })).toMatchObject({ to: tombstoneEmail(customerId), html: '', text: '' });
    const account = await db.loyaltyAccount.findFirstOrThrow({ where: { scope: `shop:${shop.shop.id}` }, include: { entries: true } });
    expect(account.email).toBe(tombstoneEmail(customerId));
    expect(account.entries.map((entry) => entry.points)).toEqual([50]);

    const everything = JSON.stringify(
      await app.caller({ headers: backendHeaders(shop.secretKey) }).privacy.backend.exportCustomer({ customerId }),
    );
    for (const personal of [shopperEmail, shopperName, '+33612345678', 'Lilas', 'Trop petit', 'Carton']) {
      expect(everything, personal).not.toContain(personal);
    }

    const events = await db.event.findMany({ where: { subjectId: customerId, type: 'customer.erased' } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: 'shop_backend', reason: 'ticket #123' });

    const again = await ownerCaller.privacy.admin.eraseCustomer({ customerId });
    expect(again).toEqual({ customerId, erasedAt: first.erasedAt, alreadyErased: true });
    expect(await db.event.count({ where: { subjectId: customerId, type: 'customer.erased' } })).toBe(1);

    // The same person's data at another shop is untouched.
    const elsewhere = await db.customer.findFirstOrThrow({ where: { shopId: otherShop.shop.id } });
    expect(elsewhere).toMatchObject({ email: shopperEmail, name: shopperName, erasedAt: null });
  });

  it('lets a new order with the erased address start a fresh customer', async () => {
    const placed = await upsertOrder(app.deps, {
      shopId: shop.shop.id,
      actor: { type: 'system' },
      order: orderUpsertInput.parse({
        externalId: 'p-2',
        number: 'P-2',
        customer: { email: shopperEmail },
        currency: 'EUR',
        lines: [{ sku: 'BOU', title: 'Bougie', quantity: 1, unitPriceMinor: 2500 }],
        placedAt: '2026-06-09T10:00:00Z',
      }),
    });
    const order = await app.deps.db.order.findUniqueOrThrow({ where: { id: placed.orderId }, select: { customerId: true } });
    expect(order.customerId).not.toBe(customerId);
  });
});
