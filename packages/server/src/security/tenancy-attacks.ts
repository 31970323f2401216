/**
 * For each procedure, the inputs an attacker holding shop A's credentials would try in order to
 * reach shop B: B's ids, order numbers, emails, codes. The tenancy test calls each one with every
 * kind of A's credentials. Add an entry when you add a procedure (the test lists what is missing).
 */
import { randomUUID } from 'node:crypto';

/** What an attacker may know or guess of the victim shop: ids, numbers, codes, emails, tokens. */
export interface VictimShop {
  shopId: string;
  slug: string;
  orderId: string;
  orderExternalId: string;
  orderNumber: string;
  customerId: string;
  customerEmail: string;
  orderLineIds: string[];
  /** An order to collect at B's counter, with a booking. */
  pickupOrderId: string;
  pickupOrderExternalId: string;
  pickupOrderNumber: string;
  staffUserId: string;
  staffEmail: string;
  apiKeyIds: string[];
  secretKey: string;
  publishableKey: string;
  /** An approved return (refund) and a requested one (exchange), with the codes printed on their labels. */
  returnId: string;
  returnCode: string;
  exchangeReturnId: string;
  exchangeReturnCode: string;
  exchangeId: string;
  claimId: string;
  /** A photo of that claim. */
  attachmentId: string;
  ticketId: string;
  noteId: string;
  refundId: string;
  loyaltyAccountId: string;
  /** A generated voucher and a pool voucher, both issued, and a pool code not drawn yet. */
  voucherId: string;
  voucherCode: string;
  poolVoucherCode: string;
  poolCodeLeft: string;
  webhookEndpointId: string;
  /** A webhook message that failed, and its delivery log row. */
  webhookOutboxId: string;
  webhookDeliveryId: string;
  /** An email the shop sent, as "Emails sent" keeps it. */
  emailLogId: string;
  pickupLocationId: string;
  pickupBookingId: string;
  /** The QR code of the booking, as scanned at the counter. */
  pickupCode: string;
  pickupSlotStartsAt: string;
  /** The sign-in code and the link token last emailed to B's shopper. */
  shopperCode: string;
  shopperLinkToken: string;
  /** A saved reply of B's staff. */
  savedReplyId: string;
  /** B's pending invitation of an account that belongs to another shop (not A's). */
  staffInvitationId: string;
}

/** A's own objects, for attacks that pair them with B's (A's return refunded with B's order line…). */
export interface AttackerShop {
  orderId: string;
  orderLineIds: string[];
  pickupOrderId: string;
  pickupLocationId: string;
  returnId: string;
  ticketId: string;
}

const someToken = 'x'.repeat(43);
/** A 1×1 PNG, base64. */
const tinyPngBase64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** An order payload that reuses B's external id, number and customer email. */
function orderLike(b: VictimShop) {
  return {
    externalId: b.orderExternalId,
    number: b.orderNumber,
    customer: { email: b.customerEmail },
    currency: 'EUR',
    lines: [{ sku: 'ATTACK', title: 'Article', quantity: 1, unitPriceMinor: 100 }],
    placedAt: '2026-06-01T10:00:00Z',
  };
}

/** The fields of {@link VictimShop} a test with a single shop has at hand. */
export type CoreVictimShop = Pick<
  VictimShop,
  'shopId' | 'slug' | 'orderId' | 'orderExternalId' | 'orderNumber' | 'customerId' | 'customerEmail' | 'orderLineIds' | 'staffUserId' | 'apiKeyIds' | 'secretKey' | 'publishableKey'
>;

/** A victim whose other objects are well-formed stand-ins (fresh ids, codes of the right shape): valid inputs for tests that only need them to pass validation. */
export function withPlaceholders(core: CoreVictimShop): VictimShop {
  return {
    ...core,
    pickupOrderId: randomUUID(),
    pickupOrderExternalId: `${core.orderExternalId}-pickup`,
    pickupOrderNumber: `${core.orderNumber}-P`,
    staffEmail: 'owner@example.test',
    returnId: randomUUID(),
    returnCode: 'R-AAAAAA',
    exchangeReturnId: randomUUID(),
    exchangeReturnCode: 'R-BBBBBB',
    exchangeId: randomUUID(),
    claimId: randomUUID(),
    attachmentId: randomUUID(),
    ticketId: randomUUID(),
    noteId: randomUUID(),
    refundId: randomUUID(),
    loyaltyAccountId: randomUUID(),
    voucherId: randomUUID(),
    voucherCode: 'VOUCHER-0001',
    poolVoucherCode: 'POOL0001',
    poolCodeLeft: 'POOL0002',
    webhookEndpointId: randomUUID(),
    webhookOutboxId: randomUUID(),
    webhookDeliveryId: randomUUID(),
    emailLogId: randomUUID(),
    pickupLocationId: randomUUID(),
    pickupBookingId: randomUUID(),
    pickupCode: 'PU-AAAA-BBBB',
    pickupSlotStartsAt: '2026-06-11T07:00:00.000Z',
    shopperCode: '123456',
    shopperLinkToken: 'y'.repeat(43),
    savedReplyId: randomUUID(),
    staffInvitationId: randomUUID(),
  };
}

/** Inputs per procedure path; `undefined` stands for a procedure without input. `a` defaults to B's own objects. */
export function attackInputs(b: VictimShop, a: AttackerShop = b): Record<string, unknown[]> {
  const byOrder = { externalId: b.orderExternalId };
  const byPickupOrder = { externalId: b.pickupOrderExternalId };
  const [lineB = '', otherLineB = lineB] = b.orderLineIds;
  const [lineA = ''] = a.orderLineIds;
  const bReturns = [{ returnId: b.returnId }, { returnId: b.exchangeReturnId }];
  const bCodes = [b.returnCode, b.exchangeReturnCode, b.returnCode.toLowerCase()];
  const bVoucherCodes = [b.voucherCode, b.poolVoucherCode, b.poolCodeLeft];
  const bCases = [
    { caseType: 'return', caseId: b.returnId },
    { caseType: 'exchange', caseId: b.exchangeId },
    { caseType: 'exchange', caseId: b.exchangeReturnId },
    { caseType: 'claim', caseId: b.claimId },
    { caseType: 'ticket', caseId: b.ticketId },
  ];
  const attachment = { filename: 'a.png', contentType: 'image/png', dataBase64: tinyPngBase64 };
  const key = (name: string) => `attack-${name}-0001`;
  return {
    'health.ping': [undefined],

    'shops.admin.get': [undefined],
    'shops.admin.listKeys': [undefined],
    'shops.admin.rotateKey': [{ kind: 'publishable' }],
    'shops.admin.revokeKey': b.apiKeyIds.map((keyId) => ({ keyId })),
    'shops.admin.updateAllowedOrigins': [{ origins: ['https://boutique-a.test', 'https://boutique-b.test'] }],
    'shops.admin.updateProfile': [
      { name: 'Boutique A', locale: 'fr', timeZone: 'Europe/Paris', country: 'FR', brandColor: '#112233', logoUrl: null, emailFrom: b.staffEmail, emailReplyTo: null },
    ],
    'shops.admin.policy': [undefined],
    'shops.admin.updatePolicy': [{ expectedVersion: 1, rules: { returns: { windowDays: 20 } } }, { expectedVersion: 2, rules: {} }],
    'shops.admin.policyHistory': [undefined],
    'shops.widget.config': [undefined],

    'orders.backend.upsert': [orderLike(b)],
    'orders.backend.upsertBatch': [{ orders: [orderLike(b)] }],
    'orders.backend.get': [byOrder, byPickupOrder],
    'orders.backend.addShipment': [
      { orderExternalId: b.orderExternalId, carrier: 'colissimo', trackingNumber: '6A12345678901' },
      { orderExternalId: b.orderExternalId, carrier: 'colissimo', trackingNumber: '6A99999999999' },
      { orderExternalId: b.pickupOrderExternalId, carrier: 'colissimo', trackingNumber: '6A12345678902' },
    ],
    'orders.backend.addTrackingEvents': [
      {
        orderExternalId: b.orderExternalId,
        trackingNumber: '6A99999999999',
        events: [{ occurredAt: '2026-06-05T10:00:00Z', status: 'delivered' }],
      },
      {
        orderExternalId: b.orderExternalId,
        trackingNumber: '6A12345678901',
        events: [{ occurredAt: '2026-06-03T10:00:00Z', status: 'in_transit' }],
      },
    ],
    // b-2 exists only in B (A's own upsert above made an A order b-1): these reach for B's row itself.
    'orders.backend.markShipped': [byOrder, byPickupOrder],
    'orders.backend.markDelivered': [byOrder, byPickupOrder],
    'orders.backend.markReadyForPickup': [byOrder, byPickupOrder],
    'orders.backend.markPickedUp': [byOrder, byPickupOrder],
    'orders.backend.cancel': [{ ...byOrder, reason: 'test' }, { ...byPickupOrder, reason: 'test' }],
    'orders.widget.list': [{}],
    'orders.widget.detail': [{ number: b.orderNumber }, { id: b.orderId }, { id: b.pickupOrderId }],

    'sessions.widget.signIn': [{ orderNumber: b.orderNumber, email: b.customerEmail }],
    'sessions.widget.me': [undefined],
    'sessions.widget.requestCode': [{ email: b.customerEmail }],
    'sessions.widget.verifyCode': [{ email: b.customerEmail, code: b.shopperCode }],
    'sessions.widget.verifyLink': [{ token: b.shopperLinkToken }],

    'staff.login': [{ email: 'owner@b.test', password: 'not-the-password' }],
    'staff.acceptInvitation': [{ token: someToken, password: 'a-new-password-123' }],
    'staff.requestPasswordReset': [{ email: 'owner@b.test' }],
    'staff.resetPassword': [{ token: someToken, password: 'a-new-password-123' }],
    'staff.me': [undefined],
    'staff.logout': [undefined],
    'staff.switchShop': [{ shopId: b.shopId }],
    'staff.invite': [{ email: 'new-person@a.test', name: 'Nouvelle', role: 'staff' }],
    'staff.list': [undefined],
    'staff.joinShop': [{ invitationId: b.staffInvitationId }],
    'staff.remove': [{ staffUserId: b.staffUserId }],

    'privacy.admin.exportCustomer': [{ customerId: b.customerId }, { email: b.customerEmail }],
    'privacy.admin.eraseCustomer': [{ customerId: b.customerId }, { email: b.customerEmail }],
    'privacy.backend.exportCustomer': [{ customerId: b.customerId }, { email: b.customerEmail }],
    'privacy.backend.eraseCustomer': [{ customerId: b.customerId }, { email: b.customerEmail }],

    'loyalty.widget.summary': [{}, { cursor: b.loyaltyAccountId }],
    'loyalty.widget.redeem': [{ rewardId: 'voucher-5', idempotencyKey: key('redeem') }, { rewardId: 'pool-10', idempotencyKey: key('redeem-pool') }],
    'loyalty.backend.validateVoucher': bVoucherCodes.map((code) => ({ code })),
    'loyalty.backend.redeemVoucher': bVoucherCodes.map((code) => ({ code, redeemKey: key('voucher'), orderRef: b.orderNumber })),
    'loyalty.admin.settings': [undefined],
    'loyalty.admin.updateSettings': [{ rewards: [{ id: 'pool-10', points: 1, valueMinor: 1000, codeSource: 'pool' }] }],
    'loyalty.admin.members': [{}, { search: b.customerEmail }, { search: 'Victime' }, { cursor: b.loyaltyAccountId }],
    'loyalty.admin.memberHistory': [{ email: b.customerEmail }, { email: b.customerEmail, cursor: b.loyaltyAccountId }],
    'loyalty.admin.adjust': [{ email: b.customerEmail, points: -900, reason: 'attack' }],
    'loyalty.admin.exportCsv': [undefined],
    'loyalty.admin.statement': [{}, { from: '2026-01-01T00:00:00Z', to: '2026-12-31T00:00:00Z' }],
    'loyalty.admin.uploadCodes': [{ rewardId: 'pool-10', codes: [b.poolCodeLeft, b.poolVoucherCode] }],
    'loyalty.admin.group': [undefined],
    'loyalty.admin.createGroup': [{ name: 'Groupe A' }],
    'loyalty.admin.addShopToGroup': [{ shopId: b.shopId }],
    'loyalty.admin.leaveGroup': [undefined],

    'claims.widget.eligibility': [{ orderId: b.orderId }],
    'claims.widget.open': [
      { orderId: b.orderId, kind: 'damaged', description: 'attack', photos: [attachment] },
      { orderId: b.orderId, kind: 'not_received', description: 'attack' },
    ],
    'claims.widget.list': [{}, { cursor: b.claimId }],
    'claims.widget.detail': [{ claimId: b.claimId }],
    'claims.widget.withdraw': [{ claimId: b.claimId }],
    'claims.widget.appeal': [{ claimId: b.claimId }],
    'claims.widget.rate': [{ claimId: b.claimId, rating: 1, comment: 'attack' }],
    'claims.admin.detail': [{ claimId: b.claimId }],
    'claims.admin.answer': [{ claimId: b.claimId, message: 'attack' }],
    'claims.admin.resolve': [
      { claimId: b.claimId, resolution: 'refund', provider: 'store_credit', amountMinor: 100, idempotencyKey: key('claim-refund') },
      { claimId: b.claimId, resolution: 'replacement' },
      { claimId: b.claimId, resolution: 'reject', reason: 'attack' },
    ],
    'claims.admin.close': [{ claimId: b.claimId }],

    'tickets.widget.open': [{ subject: 'attack', body: 'attack', orderId: b.orderId }],
    'tickets.widget.reply': [{ ticketId: b.ticketId, body: 'attack', attachments: [attachment] }],
    'tickets.widget.list': [{}, { cursor: b.ticketId }],
    'tickets.widget.thread': [{ ticketId: b.ticketId }],
    'tickets.widget.rate': [{ ticketId: b.ticketId, rating: 1 }],
    'tickets.admin.thread': [{ ticketId: b.ticketId }],
    'tickets.admin.reply': [{ ticketId: b.ticketId, body: 'attack' }],
    'tickets.admin.resolve': [{ ticketId: b.ticketId, reason: 'attack' }],
    'tickets.admin.reopen': [{ ticketId: b.ticketId, reason: 'attack' }],
    'tickets.admin.addNote': [{ ticketId: b.ticketId, body: 'attack' }],

    'cases.widget.attachment': [{ attachmentId: b.attachmentId }],
    'cases.admin.attachment': [{ attachmentId: b.attachmentId }],
    'cases.admin.inbox': [
      {},
      { search: b.orderNumber },
      { search: b.customerEmail },
      { search: 'Victime' },
      { types: ['return', 'claim', 'exchange', 'ticket'], statuses: ['requested', 'approved', 'open', 'answered', 'closed'] },
      { overdue: true },
      { cursor: b.ticketId },
    ],
    'cases.admin.timeline': bCases,
    'cases.admin.notes': bCases,
    'cases.admin.addNote': bCases.map((ref) => ({ ...ref, body: 'attack' })),

    'pickup.widget.slots': [{ orderId: b.pickupOrderId }],
    'pickup.widget.booking': [{ orderId: b.pickupOrderId }],
    'pickup.widget.book': [
      { orderId: b.pickupOrderId, locationId: b.pickupLocationId, startsAt: b.pickupSlotStartsAt },
      { orderId: a.pickupOrderId, locationId: b.pickupLocationId, startsAt: b.pickupSlotStartsAt },
      { orderId: b.pickupOrderId, locationId: a.pickupLocationId, startsAt: b.pickupSlotStartsAt },
    ],
    'pickup.widget.reschedule': [
      { orderId: b.pickupOrderId, locationId: b.pickupLocationId, startsAt: '2026-06-11T08:00:00.000Z' },
      { orderId: b.pickupOrderId, locationId: a.pickupLocationId, startsAt: '2026-06-11T08:00:00.000Z' },
    ],
    'pickup.admin.scan': [{ code: b.pickupCode }, { code: b.pickupCode.replace(/-/g, '').toLowerCase() }],
    'counter.admin.scan': [{ code: b.pickupCode }, { code: b.pickupCode.replace(/-/g, '').toLowerCase() }, ...bCodes.map((code) => ({ code }))],
    'pickup.admin.locations.list': [undefined],
    'pickup.admin.locations.create': [{ name: 'Comptoir A2', address: '3 rue A', openingHours: {} }],
    'pickup.admin.locations.update': [{ locationId: b.pickupLocationId, name: 'attack', address: 'attack', openingHours: {}, active: false }],
    'pickup.admin.locations.delete': [{ locationId: b.pickupLocationId }],
    'pickup.admin.settings.get': [undefined],
    'pickup.admin.settings.update': [{ uncollectedDays: 1, uncollectedRefund: 'none' }],

    'returns.widget.eligibility': [{ orderNumber: b.orderNumber }, { orderNumber: b.pickupOrderNumber }],
    'returns.widget.create': [
      { orderId: b.orderId, lines: [{ orderLineId: lineB, quantity: 1 }], method: 'drop_off', resolution: 'refund', idempotencyKey: key('return') },
      { orderId: a.orderId, lines: [{ orderLineId: otherLineB, quantity: 1 }], method: 'drop_off', resolution: 'refund', idempotencyKey: key('return-mixed') },
      // B's idempotency key: must not answer B's return.
      { orderId: a.orderId, lines: [{ orderLineId: lineA, quantity: 1 }], method: 'drop_off', resolution: 'refund', idempotencyKey: 'b-return-0001' },
    ],
    'returns.widget.cancel': bReturns,
    'returns.widget.list': [{}, { cursor: b.returnId }],
    'returns.widget.detail': bReturns,
    'returns.widget.rate': bReturns.map((ref) => ({ ...ref, rating: 1 })),
    'returns.admin.detail': bReturns,
    'returns.admin.approve': bReturns,
    'returns.admin.bulkApprove': [{ returnIds: [b.returnId, b.exchangeReturnId, a.returnId] }],
    'returns.admin.refuse': bReturns.map((ref) => ({ ...ref, reason: 'attack' })),
    'returns.admin.receiveByCode': bCodes.map((code) => ({ code })),
    'returns.admin.refund': [
      { returnId: b.returnId, provider: 'store_credit', idempotencyKey: key('refund') },
      { returnId: b.returnId, mode: 'amount', amountMinor: 100, provider: 'manual', reference: 'attack', idempotencyKey: key('refund-amount') },
      { returnId: a.returnId, mode: 'lines', lines: [{ orderLineId: lineB, amountMinor: 100 }], provider: 'store_credit', idempotencyKey: key('refund-mixed') },
    ],
    'returns.admin.updateExchange': [
      { returnId: b.exchangeReturnId, to: 'confirmed', replacementOrder: 'A-9999' },
      { returnId: b.exchangeReturnId, to: 'cancelled' },
    ],
    'returns.backend.recordParcelScan': bCodes.map((code) => ({ code, at: '2026-06-10T09:00:00Z' })),
    'returns.backend.recordParcelDelivered': bCodes.map((code) => ({ code })),

    'refunds.admin.ledger': [{ orderId: b.orderId }],
    'refunds.admin.goodwill': [{ orderId: b.orderId, amountMinor: 100, provider: 'store_credit', reason: 'attack', idempotencyKey: key('goodwill') }],

    'webhooks.admin.eventTypes': [undefined],
    'webhooks.admin.list': [undefined],
    'emails.admin.list': [{}, { search: b.customerEmail }, { cursor: b.emailLogId }],
    'emails.admin.get': [{ emailId: b.emailLogId }],

    'savedReplies.admin.list': [{}, { locale: 'fr' }],
    'savedReplies.admin.create': [{ title: 'Réponse A', locale: 'fr', body: 'Bonjour {{customer.name}}' }],
    'savedReplies.admin.update': [{ id: b.savedReplyId, title: 'attack', locale: 'fr', body: 'attack' }],
    'savedReplies.admin.delete': [{ id: b.savedReplyId }],
    'savedReplies.admin.render': [
      { id: b.savedReplyId, caseType: 'ticket', caseId: b.ticketId },
      ...(a.ticketId === b.ticketId ? [] : [{ id: b.savedReplyId, caseType: 'ticket', caseId: a.ticketId }]),
      { id: b.savedReplyId, caseType: 'return', caseId: b.returnId },
      { id: b.savedReplyId, caseType: 'claim', caseId: b.claimId },
    ],
    'audit.admin.list': [{}, { actorId: b.staffUserId }, { subjectType: 'return', type: 'return.' }, { cursor: Buffer.from(JSON.stringify(['2030-01-01T00:00:00.000Z', b.returnId])).toString('base64url') }],
    'audit.admin.actors': [undefined],
    'dashboard.admin.summary': [{ days: 7 }, { days: 30 }, { days: 90 }],
    'dashboard.admin.exportCases': [{ days: 90 }],
    'customers.admin.history': [{ customerId: b.customerId }],
    'orders.admin.list': [{}, { query: b.orderNumber }, { query: b.customerEmail }, { query: 'Victime' }, { state: 'delivered' }],
    'orders.admin.detail': [{ orderId: b.orderId }, { orderId: b.pickupOrderId }],
    'webhooks.admin.create': [{ url: 'http://127.0.0.1:9/hook-a', eventTypes: ['return.requested'] }],
    'webhooks.admin.update': [
      { id: b.webhookEndpointId, url: 'http://127.0.0.1:9/hook-a' },
      { id: b.webhookEndpointId, enabled: false },
    ],
    'webhooks.admin.delete': [{ id: b.webhookEndpointId }],
    'webhooks.admin.deliveries': [{ endpointId: b.webhookEndpointId }],
    'webhooks.admin.sendAgain': [{ outboxId: b.webhookOutboxId }],
    'webhooks.backend.list': [{}],
    'webhooks.backend.create': [{ url: 'http://127.0.0.1:9/hook-a', eventTypes: ['refund.succeeded'] }],
    'webhooks.backend.delete': [{ id: b.webhookEndpointId }],

    'payments.admin.stripe': [undefined],
    'payments.admin.connectStripe': [{ secretKey: 'rk_test_ATTACKERKEY0001', webhookSecret: 'whsec_ATTACKERSECRET01' }],
    'payments.admin.disconnectStripe': [undefined],
    'platforms.admin.list': [undefined],
    'platforms.admin.connect': [
      { platform: 'woocommerce', secret: 'secret-of-the-attacker-0001' },
      { platform: 'shopify', secret: 'secret-of-the-attacker-0002' },
    ],
    'platforms.admin.disconnect': [{ platform: 'woocommerce' }, { platform: 'prestashop' }],
    'carriers.admin.list': [undefined],
    'carriers.admin.connect': [{ carrier: 'colissimo', apiKey: 'cle-okapi-de-l-attaquant-0001' }],
    'carriers.admin.disconnect': [{ carrier: 'colissimo' }],
  };
}
