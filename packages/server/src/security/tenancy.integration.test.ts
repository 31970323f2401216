import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { backendHeaders, createShopWithKeys, widgetHeaders, type ShopWithKeys } from '../test/fixtures.js';
import { orderUpsertInput } from '@comptoir/protocol';
import { upsertOrder } from '../orders/upsert-order.js';
import { signShopperToken } from '../auth/shopper-token.js';
import { csrfTokenFor } from '../auth/staff-auth.js';
import { randomBytes } from 'node:crypto';
import { createStaffUser } from '../staff/service.js';
import { sha256 } from '../core/hash.js';
import { ApiKeyKind, generateApiKey } from '../auth/api-keys.js';
import { connectStripe } from '../payments/connections.js';
import { connectPlatform } from '../platforms/connections.js';
import { connectCarrier } from '../carriers/carrier-connections.js';
import { tinyPng } from '../cases/case-fixtures.js';
import { anonymousWidgetProcedures, callByPath, listProcedures, ownerOnlyProcedures, publicProcedures } from './procedure-walker.js';
import { attackInputs, type AttackerShop, type VictimShop } from './tenancy-attacks.js';

/**
 * Walks EVERY procedure of the router with shop A's credentials (back-end key, widget key with a
 * signed-in shopper, owner session) and inputs that name shop B's data. Whatever answers, nothing of
 * B may come back and nothing of B may change. A new procedure fails this test until it has an entry
 * in tenancy-attacks.ts, so no one has to remember to cover it.
 */
const originA = 'https://boutique-a.test';
const originB = 'https://boutique-b.test';

/** Wednesday 10 June 2026, noon in Paris. */
const now = '2026-06-10T10:00:00Z';
/** A slot of the counters below: Thursday 11 June 2026, 09:00 in Paris. */
const thursdayNine = '2026-06-11T07:00:00.000Z';
const everyDay = [{ opens: '09:00', closes: '19:00' }];
const openingHours = { monday: everyDay, tuesday: everyDay, wednesday: everyDay, thursday: everyDay, friday: everyDay, saturday: everyDay, sunday: [] };

let app: TestApp;
let victim: VictimShop;
let own: AttackerShop;
let attacker: { shopId: string; customerId: string; ownerId: string };
let secretsOfB: string[];
/** B's own credentials, for the control that the attack inputs name real rows. */
let requestsOfB: { owner: RequestOf; shopper: RequestOf; backEnd: RequestOf };
type RequestOf = Parameters<TestApp['caller']>[0];

/** A delivered order of two lines (each title given), or a pickup order ready at the counter. */
function order(
  externalId: string,
  number: string,
  customer: { email: string; name: string },
  titles: [string, ...string[]],
  fulfilment: 'shipping' | 'pickup' = 'shipping',
) {
  return orderUpsertInput.parse({
    externalId,
    number,
    customer,
    currency: 'EUR',
    fulfilment,
    lines: titles.map((title, index) => ({
      externalId: `${externalId}-l${index + 1}`,
      sku: `${externalId}-SKU${index + 1}`,
      title,
      quantity: 2,
      unitPriceMinor: 2500,
      // The variant B's shopper asks for in exchange: a return may name only a variant the shop offered.
      exchangeOptions: [{ sku: 'TAILLE-SECRETE-B', label: 'Taille secrète' }],
    })),
    shippingMinor: fulfilment === 'shipping' ? 490 : 0,
    placedAt: '2026-06-01T10:00:00Z',
    ...(fulfilment === 'shipping'
      ? { shippedAt: '2026-06-02T10:00:00Z', deliveredAt: '2026-06-04T10:00:00Z' }
      : { readyForPickupAt: '2026-06-09T10:00:00Z' }),
  });
}

/** Upserts an order as the shop's back end; its id, customer and line ids. */
async function placeOrder(shopId: string, input: ReturnType<typeof order>) {
  const { orderId } = await upsertOrder(app.deps, { shopId, order: input, actor: { type: 'shop_backend' } });
  const row = await app.deps.db.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { customerId: true, lines: { select: { id: true }, orderBy: { position: 'asc' } } },
  });
  return { orderId, customerId: row.customerId, lineIds: row.lines.map((line) => line.id) };
}

/** A caller signed in as a staff member of `shopId`, with a session row made without paying scrypt. */
async function staffCaller(staffUserId: string, shopId: string) {
  const token = randomBytes(32).toString('base64url');
  await app.deps.db.staffSession.create({
    data: { staffUserId, tokenHash: sha256(token), activeShopId: shopId, expiresAt: new Date(app.clock.now().getTime() + 3_600_000) },
  });
  return { cookies: { comptoir_staff: token }, headers: { 'x-csrf-token': csrfTokenFor(token) } };
}

/** Request headers of a shopper of `shop` signed in in its widget. */
function shopperRequest(shop: ShopWithKeys, origin: string, customerId: string) {
  const token = signShopperToken(app.deps.secrets.shopperTokenKey, {
    shopId: shop.shop.id,
    customerId,
    exp: Math.floor(app.clock.now().getTime() / 1000) + 3600,
  });
  return { headers: { ...widgetHeaders(shop.publishableKey, origin), 'x-comptoir-session': token } };
}

/** Everything stored for shop B, to prove no call changed it. */
async function snapshotOfB(): Promise<string> {
  const db = app.deps.db;
  const shopId = victim.shopId;
  const byId = { orderBy: { id: 'asc' as const } };
  const rows = {
    shop: await db.shop.findUnique({ where: { id: shopId } }),
    keys: await db.apiKey.findMany({ where: { shopId }, ...byId }),
    memberships: await db.staffMembership.findMany({ where: { shopId }, ...byId }),
    staffUsers: await db.staffUser.findMany({ where: { memberships: { some: { shopId } } }, ...byId }),
    staffSessions: await db.staffSession.findMany({ where: { staffUserId: victim.staffUserId }, ...byId }),
    oneTimeTokens: await db.oneTimeToken.findMany({ where: { shopId }, ...byId }),
    rateLimits: await db.rateLimitBucket.findMany({ where: { key: { contains: shopId } }, orderBy: { key: 'asc' } }),
    customers: await db.customer.findMany({ where: { shopId }, ...byId }),
    orders: await db.order.findMany({ where: { shopId }, include: { lines: true, shipments: { include: { events: true } } }, ...byId }),
    events: await db.event.findMany({ where: { shopId }, ...byId }),
    policies: await db.servicePolicy.findMany({ where: { shopId }, ...byId }),
    returns: await db.returnCase.findMany({ where: { shopId }, include: { lines: true }, ...byId }),
    refunds: await db.refund.findMany({ where: { shopId }, include: { allocations: true }, ...byId }),
    storeCredit: await db.storeCreditEntry.findMany({ where: { shopId }, ...byId }),
    exchanges: await db.exchange.findMany({ where: { shopId }, ...byId }),
    claims: await db.claim.findMany({ where: { shopId }, ...byId }),
    tickets: await db.ticket.findMany({ where: { shopId }, include: { messages: true }, ...byId }),
    attachments: await db.attachment.findMany({ where: { shopId }, ...byId }),
    notes: await db.internalNote.findMany({ where: { shopId }, ...byId }),
    savedReplies: await db.savedReply.findMany({ where: { shopId }, ...byId }),
    deadlines: await db.deadline.findMany({ where: { shopId }, ...byId }),
    loyaltyAccounts: await db.loyaltyAccount.findMany({ where: { scope: `shop:${shopId}` }, include: { entries: true, shortfalls: true }, ...byId }),
    loyaltyEntries: await db.loyaltyEntry.findMany({ where: { OR: [{ shopId }, { counterpartShopId: shopId }] }, ...byId }),
    loyaltyShortfalls: await db.loyaltyShortfall.findMany({ where: { shopId }, ...byId }),
    vouchers: await db.voucher.findMany({ where: { OR: [{ shopId }, { redeemedAtShopId: shopId }] }, ...byId }),
    voucherPool: await db.voucherCodePool.findMany({ where: { shopId }, ...byId }),
    outbox: await db.outboxMessage.findMany({ where: { shopId }, ...byId }),
    emails: await db.emailLog.findMany({ where: { shopId }, ...byId }),
    platforms: await db.platformConnection.findMany({ where: { shopId }, ...byId }),
    payments: await db.paymentConnection.findMany({ where: { shopId }, ...byId }),
    carriers: await db.carrierConnection.findMany({ where: { shopId }, ...byId }),
    webhooks: await db.webhookEndpoint.findMany({ where: { shopId }, include: { deliveries: true }, ...byId }),
    pickupLocations: await db.pickupLocation.findMany({ where: { shopId }, include: { slots: true }, ...byId }),
    pickupBookings: await db.pickupBooking.findMany({ where: { shopId }, ...byId }),
    pickupSettings: await db.pickupSettings.findMany({ where: { shopId } }),
    pickupNoShows: await db.pickupNoShow.findMany({ where: { shopId }, orderBy: { orderId: 'asc' } }),
  };
  return JSON.stringify(rows);
}

/** A fresh set of A's credentials: calls like key rotation or logout must not weaken later calls. */
async function credentialsOfA() {
  const db = app.deps.db;
  const publishable = generateApiKey(ApiKeyKind.publishable);
  const secret = generateApiKey(ApiKeyKind.secret);
  await db.apiKey.createMany({
    data: [publishable, secret].map((key) => ({ shopId: attacker.shopId, kind: key.kind, hash: key.hash, displayPrefix: key.displayPrefix })),
  });
  const shopA = { shop: { id: attacker.shopId, slug: 'boutique-a', currency: 'EUR' }, publishableKey: publishable.plaintext, secretKey: secret.plaintext };
  return [
    { name: 'back end of A', request: { headers: backendHeaders(secret.plaintext) } },
    { name: 'widget of A with its shopper', request: shopperRequest(shopA, originA, attacker.customerId) },
    { name: 'owner of A', request: await staffCaller(attacker.ownerId, attacker.shopId) },
  ];
}

/** Creates in shop A the few objects mixed attacks pair with B's ids (A's order with B's line…). */
async function seedAttackerShop(shopA: ShopWithKeys, ownerId: string) {
  const orderA = await placeOrder(shopA.shop.id, order('a-1', 'A-1001', { email: 'client@a.test', name: 'Client A' }, ['Bougie A', 'Savon A']));
  const pickupA = await placeOrder(shopA.shop.id, order('a-2', 'A-1002', { email: 'client@a.test', name: 'Client A' }, ['Miel A'], 'pickup'));
  const owner = app.caller(await staffCaller(ownerId, shopA.shop.id));
  const shopper = app.caller(shopperRequest(shopA, originA, orderA.customerId));
  const location = await owner.pickup.admin.locations.create({ name: 'Comptoir A', address: '1 rue A', openingHours });
  const created = await shopper.returns.widget.create({
    orderId: orderA.orderId,
    lines: [{ orderLineId: orderA.lineIds[0]!, quantity: 1 }],
    method: 'drop_off',
    resolution: 'refund',
    idempotencyKey: 'a-return-0001',
  });
  await owner.returns.admin.approve({ returnId: created.returnId });
  const ticket = await shopper.tickets.widget.open({ subject: 'Question A', body: 'Bonjour', orderId: orderA.orderId });
  return {
    customerId: orderA.customerId,
    own: {
      orderId: orderA.orderId,
      orderLineIds: orderA.lineIds,
      pickupOrderId: pickupA.orderId,
      pickupLocationId: location.id,
      returnId: created.returnId,
      ticketId: ticket.ticketId,
    } satisfies AttackerShop,
  };
}

/**
 * Creates in shop B one object of every kind, through its own procedures (as its owner and its
 * shopper would), so the attack inputs name real rows; answers what an attacker may know of them.
 */
async function seedVictimShop(shopB: ShopWithKeys, ownerId: string): Promise<VictimShop> {
  const db = app.deps.db;
  const customer = { email: 'victime@b.test', name: 'Victime Secrète' };
  const orderB = await placeOrder(shopB.shop.id, order('b-1', 'B-1001', customer, ['PRODUIT-SECRET-DE-B', 'ECHANGE-SECRET-DE-B']));
  const pickupB = await placeOrder(shopB.shop.id, order('b-2', 'B-1002', customer, ['RETRAIT-SECRET-DE-B'], 'pickup'));
  const owner = app.caller(await staffCaller(ownerId, shopB.shop.id));
  const shopper = app.caller(shopperRequest(shopB, originB, orderB.customerId));
  const backEnd = app.caller({ headers: backendHeaders(shopB.secretKey) });
  await backEnd.orders.backend.addShipment({ orderExternalId: 'b-1', carrier: 'colissimo', trackingNumber: '6A99999999999' });
  await backEnd.orders.backend.addTrackingEvents({
    orderExternalId: 'b-1',
    trackingNumber: '6A99999999999',
    events: [{ occurredAt: '2026-06-03T10:00:00Z', status: 'in_transit', location: 'ENTREPOT-SECRET-DE-B' }],
  });

  const endpoint = await owner.webhooks.admin.create({ url: 'http://127.0.0.1:9/hook-secret-de-b', eventTypes: ['return.requested', 'ticket.opened'] });
  await owner.pickup.admin.settings.update({ uncollectedDays: 7, uncollectedRefund: 'store_credit' });
  const location = await owner.pickup.admin.locations.create({ name: 'COMPTOIR-SECRET-DE-B', address: '2 rue Secrète', openingHours });
  const booking = await shopper.pickup.widget.book({ orderId: pickupB.orderId, locationId: location.id, startsAt: thursdayNine });

  const returned = await shopper.returns.widget.create({
    orderId: orderB.orderId,
    lines: [{ orderLineId: orderB.lineIds[0]!, quantity: 1 }],
    method: 'drop_off',
    resolution: 'refund',
    comment: 'RETOUR-SECRET-DE-B',
    idempotencyKey: 'b-return-0001',
  });
  await owner.returns.admin.approve({ returnId: returned.returnId });
  const exchanged = await shopper.returns.widget.create({
    orderId: orderB.orderId,
    lines: [{ orderLineId: orderB.lineIds[1]!, quantity: 1, exchangeSku: 'TAILLE-SECRETE-B' }],
    method: 'drop_off',
    resolution: 'exchange',
    idempotencyKey: 'b-return-0002',
  });
  const exchange = await db.exchange.findFirstOrThrow({ where: { returnId: exchanged.returnId }, select: { id: true } });

  const claim = await shopper.claims.widget.open({
    orderId: orderB.orderId,
    kind: 'damaged',
    description: 'RECLAMATION-SECRETE-DE-B',
    photos: [{ filename: 'photo-secrete-b.png', contentType: 'image/png', dataBase64: tinyPng }],
  });
  const photo = await db.attachment.findFirstOrThrow({ where: { claimId: claim.claimId }, select: { id: true } });
  const ticket = await shopper.tickets.widget.open({ subject: 'SUJET-SECRET-DE-B', body: 'MESSAGE-SECRET-DE-B', orderId: orderB.orderId });
  await owner.tickets.admin.reply({ ticketId: ticket.ticketId, body: 'REPONSE-SECRETE-DE-B' });
  const note = await owner.cases.admin.addNote({ caseType: 'claim', caseId: claim.claimId, body: 'NOTE-SECRETE-DE-B' });

  const refund = await owner.refunds.admin.goodwill({
    orderId: orderB.orderId,
    amountMinor: 300,
    provider: 'store_credit',
    reason: 'GESTE-SECRET-DE-B',
    idempotencyKey: 'b-goodwill-0001',
  });

  await owner.loyalty.admin.updateSettings({
    rewards: [
      { id: 'voucher-5', points: 100, valueMinor: 500 },
      { id: 'pool-10', points: 200, valueMinor: 1000, codeSource: 'pool' },
    ],
  });
  await owner.loyalty.admin.uploadCodes({ rewardId: 'pool-10', codes: ['POOLSECRETB01', 'POOLSECRETB02'] });
  await owner.loyalty.admin.adjust({ email: customer.email, points: 900, reason: 'POINTS-SECRETS-DE-B' });
  const { voucher } = await shopper.loyalty.widget.redeem({ rewardId: 'voucher-5', idempotencyKey: 'b-redeem-0001' });
  const { voucher: poolVoucher } = await shopper.loyalty.widget.redeem({ rewardId: 'pool-10', idempotencyKey: 'b-redeem-0002' });
  const account = await db.loyaltyAccount.findFirstOrThrow({ where: { scope: `shop:${shopB.shop.id}`, email: customer.email }, select: { id: true } });

  // A sign-in code and link as the widget's "email me a code" makes them, read back from the email.
  await app.caller({ headers: widgetHeaders(shopB.publishableKey, originB) }).sessions.widget.requestCode({ email: customer.email });
  const codeEmail = await db.outboxMessage.findFirstOrThrow({ where: { shopId: shopB.shop.id, topic: 'shopper_sign_in_code' }, select: { payload: true } });
  const emailData = (codeEmail.payload as { data: { code: string; url: string } }).data;
  const linkToken = decodeURIComponent(emailData.url.split('#comptoir-link=')[1]!);

  // A webhook message that failed once, with its delivery log (the dispatcher would need a network).
  const message = await db.outboxMessage.findFirstOrThrow({ where: { shopId: shopB.shop.id, channel: 'webhook' }, select: { id: true } });
  await db.outboxMessage.update({ where: { id: message.id }, data: { status: 'failed', attempts: 1, lastError: 'HTTP 500' } });
  const delivery = await db.webhookDelivery.create({
    data: { endpointId: endpoint.id, outboxId: message.id, attempt: 1, statusCode: 500, error: 'LIVRAISON-SECRETE-DE-B', durationMs: 12 },
    select: { id: true },
  });
  // An email as the dispatcher logs it once sent.
  const sentEmail = await db.emailLog.create({
    data: { shopId: shopB.shop.id, to: customer.email, subject: 'SUJET-EMAIL-SECRET-DE-B', html: '<p>EMAIL-SECRET-DE-B</p>', text: 'EMAIL-SECRET-DE-B', transport: 'dev' },
    select: { id: true },
  });

  const savedReply = await owner.savedReplies.admin.create({ title: 'REPONSE-ENREGISTREE-SECRETE-DE-B', locale: 'fr', body: 'Bonjour {{customer.name}}, CORPS-SECRET-DE-B' });
  // An account of a third shop, invited by B and not yet answered: A's owner must not accept it.
  const shopC = await createShopWithKeys(db, { slug: 'boutique-c' });
  await createStaffUser(app.deps, { email: 'invitee@c.test', name: 'Invitée C', password: 'invitee-password-1', shopId: shopC.shop.id, role: 'owner' });
  await owner.staff.invite({ email: 'invitee@c.test', name: 'Invitée C', role: 'staff' });
  const invitation = await db.oneTimeToken.findFirstOrThrow({ where: { purpose: 'staff_invite', shopId: shopB.shop.id, email: 'invitee@c.test' }, select: { id: true } });

  // Last, so no refund above goes through Stripe.
  await connectStripe(app.deps, { shopId: shopB.shop.id, secretKey: 'rk_test_STRIPESECRETB01', webhookSecret: 'whsec_STRIPESECRETB01' });
  await connectPlatform(app.deps, { shopId: shopB.shop.id, platform: 'woocommerce', secret: 'PLATEFORME-SECRETE-DE-B' });
  await connectCarrier(app.deps, { shopId: shopB.shop.id, carrier: 'colissimo', apiKey: 'OKAPI-SECRETE-DE-B-0001' });

  const keys = await db.apiKey.findMany({ where: { shopId: shopB.shop.id }, select: { id: true } });
  requestsOfB = {
    owner: await staffCaller(ownerId, shopB.shop.id),
    shopper: shopperRequest(shopB, originB, orderB.customerId),
    backEnd: { headers: backendHeaders(shopB.secretKey) },
  };
  return {
    shopId: shopB.shop.id,
    slug: shopB.shop.slug,
    orderId: orderB.orderId,
    orderExternalId: 'b-1',
    orderNumber: 'B-1001',
    customerId: orderB.customerId,
    customerEmail: customer.email,
    orderLineIds: orderB.lineIds,
    pickupOrderId: pickupB.orderId,
    pickupOrderExternalId: 'b-2',
    pickupOrderNumber: 'B-1002',
    staffUserId: ownerId,
    staffEmail: 'owner@b.test',
    apiKeyIds: keys.map((key) => key.id),
    secretKey: shopB.secretKey,
    publishableKey: shopB.publishableKey,
    returnId: returned.returnId,
    returnCode: returned.code,
    exchangeReturnId: exchanged.returnId,
    exchangeReturnCode: exchanged.code,
    exchangeId: exchange.id,
    claimId: claim.claimId,
    attachmentId: photo.id,
    ticketId: ticket.ticketId,
    noteId: note.noteId,
    refundId: refund.id,
    loyaltyAccountId: account.id,
    voucherId: voucher.id,
    voucherCode: voucher.code,
    poolVoucherCode: poolVoucher.code,
    poolCodeLeft: 'POOLSECRETB02',
    webhookEndpointId: endpoint.id,
    webhookOutboxId: message.id,
    webhookDeliveryId: delivery.id,
    emailLogId: sentEmail.id,
    pickupLocationId: location.id,
    pickupBookingId: booking.bookingId,
    pickupCode: booking.code,
    pickupSlotStartsAt: thursdayNine,
    shopperCode: emailData.code,
    shopperLinkToken: linkToken,
    savedReplyId: savedReply.id,
    staffInvitationId: invitation.id,
  };
}

beforeAll(async () => {
  app = await createTestApp({ now });
  const db = app.deps.db;
  const shopA = await createShopWithKeys(db, { slug: 'boutique-a', origins: [originA] });
  const shopB = await createShopWithKeys(db, { slug: 'boutique-b', origins: [originB] });
  const ownerA = await createStaffUser(app.deps, { email: 'owner@a.test', name: 'Owner A', password: 'attacker-password-1', shopId: shopA.shop.id, role: 'owner' });
  const ownerB = await createStaffUser(app.deps, { email: 'owner@b.test', name: 'Owner B', password: 'victim-password-1', shopId: shopB.shop.id, role: 'owner' });

  const seededA = await seedAttackerShop(shopA, ownerA.staffUserId);
  own = seededA.own;
  attacker = { shopId: shopA.shop.id, customerId: seededA.customerId, ownerId: ownerA.staffUserId };
  victim = await seedVictimShop(shopB, ownerB.staffUserId);

  const stored = await Promise.all([
    db.attachment.findMany({ where: { shopId: victim.shopId }, select: { id: true } }),
    db.ticketMessage.findMany({ where: { ticketId: victim.ticketId }, select: { id: true } }),
    db.storeCreditEntry.findMany({ where: { shopId: victim.shopId }, select: { id: true } }),
    db.event.findMany({ where: { shopId: victim.shopId }, select: { id: true } }),
    db.outboxMessage.findMany({ where: { shopId: victim.shopId }, select: { id: true } }),
    db.deadline.findMany({ where: { shopId: victim.shopId }, select: { id: true } }),
    db.loyaltyEntry.findMany({ where: { shopId: victim.shopId }, select: { id: true } }),
    db.returnLine.findMany({ where: { returnCase: { shopId: victim.shopId } }, select: { id: true } }),
    db.pickupSlot.findMany({ where: { location: { shopId: victim.shopId } }, select: { id: true } }),
  ]);
  secretsOfB = [
    victim.shopId,
    victim.orderId,
    victim.pickupOrderId,
    victim.customerId,
    victim.staffUserId,
    ...victim.orderLineIds,
    ...victim.apiKeyIds,
    victim.returnId,
    victim.returnCode,
    victim.exchangeReturnId,
    victim.exchangeReturnCode,
    victim.exchangeId,
    victim.claimId,
    victim.ticketId,
    victim.noteId,
    victim.refundId,
    victim.loyaltyAccountId,
    victim.voucherId,
    victim.voucherCode,
    victim.poolVoucherCode,
    victim.poolCodeLeft,
    victim.webhookEndpointId,
    victim.webhookOutboxId,
    victim.webhookDeliveryId,
    victim.emailLogId,
    'EMAIL-SECRET-DE-B',
    victim.pickupLocationId,
    victim.pickupBookingId,
    victim.pickupCode,
    victim.shopperLinkToken,
    ...stored.flat().map((row) => row.id),
    'PRODUIT-SECRET-DE-B',
    'ENTREPOT-SECRET-DE-B',
    'ECHANGE-SECRET-DE-B',
    'RETRAIT-SECRET-DE-B',
    'TAILLE-SECRETE-B',
    'RETOUR-SECRET-DE-B',
    'RECLAMATION-SECRETE-DE-B',
    'photo-secrete-b',
    'SUJET-SECRET-DE-B',
    'MESSAGE-SECRET-DE-B',
    'REPONSE-SECRETE-DE-B',
    'NOTE-SECRETE-DE-B',
    'GESTE-SECRET-DE-B',
    'POINTS-SECRETS-DE-B',
    'COMPTOIR-SECRET-DE-B',
    'hook-secret-de-b',
    'LIVRAISON-SECRETE-DE-B',
    'STRIPESECRETB01',
    'PLATEFORME-SECRETE-DE-B',
    'OKAPI-SECRETE-DE-B',
    'Victime Secrète',
    'owner@b.test',
    victim.savedReplyId,
    'REPONSE-ENREGISTREE-SECRETE-DE-B',
    'CORPS-SECRET-DE-B',
    victim.staffInvitationId,
  ];
  // The webhook's signing secret, shown once to B's owner.
  const endpointRow = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: victim.webhookEndpointId }, select: { secret: true } });
  secretsOfB.push(endpointRow.secret);
  // A moment passes after the seeding: windows that end at "now" (the dashboard's) include B's cases.
  app.clock.advance(1_000);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('tenancy across every procedure', () => {
  it('has attack inputs for every procedure of the router', () => {
    const table = attackInputs(victim, own);
    const missing = listProcedures()
      .map((procedure) => procedure.path)
      .filter((path) => !(path in table));
    expect(missing, 'add these procedures to src/security/tenancy-attacks.ts').toEqual([]);
  });

  it("names real rows of B: B's own owner, shopper and back end read the secrets through the same inputs", async () => {
    const table = attackInputs(victim, own);
    const controls: Array<[string, keyof typeof requestsOfB, number]> = [
      ['returns.admin.detail', 'owner', 0],
      ['returns.admin.detail', 'owner', 1],
      ['returns.widget.detail', 'shopper', 0],
      ['claims.admin.detail', 'owner', 0],
      ['claims.widget.detail', 'shopper', 0],
      ['tickets.admin.thread', 'owner', 0],
      ['tickets.widget.thread', 'shopper', 0],
      ['cases.admin.notes', 'owner', 3],
      ['cases.admin.timeline', 'owner', 4],
      ['cases.admin.inbox', 'owner', 1],
      ['refunds.admin.ledger', 'owner', 0],
      ['orders.widget.detail', 'shopper', 2],
      ['orders.backend.get', 'backEnd', 0],
      ['pickup.widget.booking', 'shopper', 0],
      ['pickup.admin.locations.list', 'owner', 0],
      ['webhooks.admin.deliveries', 'owner', 0],
      ['loyalty.admin.memberHistory', 'owner', 0],
      ['loyalty.widget.summary', 'shopper', 0],
      ['privacy.backend.exportCustomer', 'backEnd', 0],
      ['orders.admin.detail', 'owner', 0],
      ['orders.admin.list', 'owner', 1],
      ['customers.admin.history', 'owner', 0],
      ['savedReplies.admin.list', 'owner', 0],
      ['savedReplies.admin.render', 'owner', 0],
      ['audit.admin.list', 'owner', 0],
      ['dashboard.admin.exportCases', 'owner', 0],
    ];
    const blind: string[] = [];
    for (const [path, who, index] of controls) {
      const input = table[path]![index];
      const asked = JSON.stringify(input) ?? '';
      const text = JSON.stringify(await callByPath(app.caller(requestsOfB[who]), path, input)) ?? '';
      if (!secretsOfB.some((secret) => text.includes(secret) && !asked.includes(secret))) blind.push(`${path} #${index} as B's ${who}`);
    }
    expect(blind, 'these inputs do not reach B’s rows, so the attack with them proves nothing').toEqual([]);
  });

  it("answers a staff member of A with NOT_FOUND for B's saved reply, order, customer and invitation", async () => {
    const ownerOfA = app.caller(await staffCaller(attacker.ownerId, attacker.shopId));
    const codeOf = async (call: Promise<unknown>) =>
      call.then(
        () => 'answered',
        (error: unknown) => ((error as TRPCError).cause as { code?: string } | undefined)?.code ?? (error as TRPCError).code,
      );
    expect(await codeOf(ownerOfA.savedReplies.admin.update({ id: victim.savedReplyId, title: 'x', locale: 'fr', body: 'x' }))).toBe('SAVED_REPLY_NOT_FOUND');
    expect(await codeOf(ownerOfA.savedReplies.admin.delete({ id: victim.savedReplyId }))).toBe('SAVED_REPLY_NOT_FOUND');
    expect(await codeOf(ownerOfA.savedReplies.admin.render({ id: victim.savedReplyId, caseType: 'ticket', caseId: own.ticketId }))).toBe('SAVED_REPLY_NOT_FOUND');
    expect(await codeOf(ownerOfA.orders.admin.detail({ orderId: victim.orderId }))).toBe('ORDER_NOT_FOUND');
    expect(await codeOf(ownerOfA.customers.admin.history({ customerId: victim.customerId }))).toBe('CUSTOMER_NOT_FOUND');
    expect(await codeOf(ownerOfA.staff.joinShop({ invitationId: victim.staffInvitationId }))).toBe('STAFF_INVITATION_NOT_FOUND');
  });

  it('refuses every owner-only procedure to a member with the staff role', async () => {
    const table = attackInputs(victim, own);
    const clerk = await createStaffUser(app.deps, { email: 'clerk@a.test', name: 'Clerk A', shopId: attacker.shopId, role: 'staff' });
    const asClerk = app.caller(await staffCaller(clerk.staffUserId, attacker.shopId));
    // The list is read from the router (procedures built on ownerProcedure): it must find the known ones…
    expect(ownerOnlyProcedures).toEqual(
      expect.arrayContaining([
        'shops.admin.rotateKey',
        'shops.admin.updatePolicy',
        'staff.invite',
        'webhooks.admin.create',
        'privacy.admin.eraseCustomer',
        'payments.admin.stripe',
        'payments.admin.connectStripe',
        'payments.admin.disconnectStripe',
        'platforms.admin.list',
        'platforms.admin.connect',
        'platforms.admin.disconnect',
        'carriers.admin.list',
        'carriers.admin.connect',
        'carriers.admin.disconnect',
      ]),
    );
    // …and only them: what the staff role may do is not in it.
    expect(ownerOnlyProcedures).not.toContain('shops.admin.policy');
    expect(ownerOnlyProcedures).not.toContain('dashboard.admin.summary');
    const answered: string[] = [];
    for (const path of ownerOnlyProcedures) {
      for (const input of table[path] ?? [undefined]) {
        try {
          await callByPath(asClerk, path, input);
          answered.push(path);
        } catch (error) {
          expect(((error as TRPCError).cause as { code?: string } | undefined)?.code, path).toBe('STAFF_ROLE_REQUIRED');
        }
      }
    }
    expect(answered).toEqual([]);
    // And the staff role does reach the staff procedures added with them.
    await expect(asClerk.shops.admin.policy()).resolves.toMatchObject({ version: expect.any(Number) });
    await expect(asClerk.dashboard.admin.summary({ days: 7 })).resolves.toMatchObject({ days: 7 });
  });

  it("refuses a shopper token of shop A presented with shop B's public widget key", async () => {
    // B's publishable key is public (it is in B's pages) and an Origin header is easy to forge
    // outside a browser: only the token's own shop may make it a shopper of B.
    const table = attackInputs(victim, own);
    const tokenOfA = shopperRequest(
      { shop: { id: attacker.shopId, slug: 'boutique-a', currency: 'EUR' }, publishableKey: victim.publishableKey, secretKey: '' },
      originB,
      attacker.customerId,
    );
    const answered: string[] = [];
    for (const { path } of listProcedures()) {
      if (publicProcedures.has(path) || anonymousWidgetProcedures.has(path)) continue;
      for (const input of table[path] ?? []) {
        try {
          await callByPath(app.caller(tokenOfA), path, input);
          answered.push(path);
        } catch (error) {
          expect(error, path).toBeInstanceOf(TRPCError);
          expect(['UNAUTHORIZED', 'FORBIDDEN'], path).toContain((error as TRPCError).code);
        }
      }
    }
    expect(answered).toEqual([]);
  });

  it('refuses every non-public procedure to a caller without credentials', async () => {
    const table = attackInputs(victim, own);
    const answered: string[] = [];
    for (const { path } of listProcedures()) {
      if (publicProcedures.has(path)) continue;
      const [input] = table[path] ?? [undefined];
      try {
        await callByPath(app.caller({ headers: {} }), path, input);
        answered.push(path);
      } catch (error) {
        expect(error, path).toBeInstanceOf(TRPCError);
        expect(['UNAUTHORIZED', 'FORBIDDEN'], path).toContain((error as TRPCError).code);
      }
    }
    expect(answered).toEqual([]);
  });

  it("never returns or changes shop B's data with shop A's keys, tokens or sessions", async () => {
    const before = await snapshotOfB();
    const table = attackInputs(victim, own);
    const leaks: string[] = [];
    const invalid: string[] = [];
    // Credentials are renewed after every mutation (it may have rotated a key or ended the session).
    let credentials = await credentialsOfA();
    for (const { path, type } of listProcedures()) {
      for (const input of table[path] ?? []) {
        // A value the attacker sent and the answer repeats (an unknown code, an email) is no leak:
        // the other markers of B (titles, messages, other ids) still catch a real one.
        const asked = JSON.stringify(input) ?? '';
        for (const caller of credentials) {
          let output: unknown;
          try {
            output = await callByPath(app.caller(caller.request), path, input);
          } catch (error) {
            expect(error, `${path} as ${caller.name}`).toBeInstanceOf(TRPCError);
            const code = (error as TRPCError).code;
            expect(code, `${path} as ${caller.name}`).not.toBe('INTERNAL_SERVER_ERROR');
            // An input the schema refuses tests nothing: the table must be fixed.
            if (code === 'BAD_REQUEST' && (error as TRPCError).cause instanceof ZodError) invalid.push(`${path} ${asked}`);
            continue;
          }
          const text = JSON.stringify(output) ?? '';
          for (const secret of secretsOfB) {
            if (text.includes(secret) && !asked.includes(secret)) leaks.push(`${path} as ${caller.name} returned ${secret}`);
          }
        }
        if (type === 'mutation') credentials = await credentialsOfA();
      }
    }
    expect(leaks).toEqual([]);
    expect([...new Set(invalid)], 'fix these attack inputs: the schema refuses them').toEqual([]);
    expect(await snapshotOfB()).toBe(before);
  }, 300_000);
});
