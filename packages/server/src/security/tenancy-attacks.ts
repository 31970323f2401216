/**
 * For each procedure, the inputs an attacker holding shop A's credentials would try in order to
 * reach shop B: B's ids, order numbers, emails, codes. The tenancy test calls each one with every
 * kind of A's credentials. Add an entry when you add a procedure (the test lists what is missing).
 */

/** What an attacker may know or guess of the victim shop. */
export interface VictimShop {
  shopId: string;
  slug: string;
  orderId: string;
  orderExternalId: string;
  orderNumber: string;
  customerId: string;
  customerEmail: string;
  orderLineIds: string[];
  staffUserId: string;
  apiKeyIds: string[];
  secretKey: string;
  publishableKey: string;
}

const someToken = 'x'.repeat(43);

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

/** Inputs per procedure path; `undefined` stands for a procedure without input. */
export function attackInputs(b: VictimShop): Record<string, unknown[]> {
  const byOrder = { externalId: b.orderExternalId };
  return {
    'health.ping': [undefined],

    'shops.admin.get': [undefined],
    'shops.admin.listKeys': [undefined],
    'shops.admin.rotateKey': [{ kind: 'publishable' }],
    'shops.admin.revokeKey': b.apiKeyIds.map((keyId) => ({ keyId })),
    'shops.admin.updateAllowedOrigins': [{ origins: ['https://boutique-a.test', 'https://boutique-b.test'] }],
    'shops.widget.config': [undefined],

    'orders.backend.upsert': [orderLike(b)],
    'orders.backend.upsertBatch': [{ orders: [orderLike(b)] }],
    'orders.backend.get': [byOrder],
    'orders.backend.addShipment': [{ orderExternalId: b.orderExternalId, carrier: 'colissimo', trackingNumber: '6A12345678901' }],
    'orders.backend.addTrackingEvents': [
      {
        orderExternalId: b.orderExternalId,
        trackingNumber: '6A12345678901',
        events: [{ occurredAt: '2026-06-03T10:00:00Z', status: 'in_transit' }],
      },
    ],
    'orders.backend.markShipped': [byOrder],
    'orders.backend.markDelivered': [byOrder],
    'orders.backend.markReadyForPickup': [byOrder],
    'orders.backend.markPickedUp': [byOrder],
    'orders.backend.cancel': [{ ...byOrder, reason: 'test' }],
    'orders.widget.list': [{}],
    'orders.widget.detail': [{ number: b.orderNumber }, { id: b.orderId }],

    'sessions.widget.signIn': [{ orderNumber: b.orderNumber, email: b.customerEmail }],
    'sessions.widget.me': [undefined],

    'staff.login': [{ email: 'owner@b.test', password: 'not-the-password' }],
    'staff.acceptInvitation': [{ token: someToken, password: 'a-new-password-123' }],
    'staff.requestPasswordReset': [{ email: 'owner@b.test' }],
    'staff.resetPassword': [{ token: someToken, password: 'a-new-password-123' }],
    'staff.me': [undefined],
    'staff.logout': [undefined],
    'staff.switchShop': [{ shopId: b.shopId }],
    'staff.invite': [{ email: 'new-person@a.test', name: 'Nouvelle', role: 'staff' }],
    'staff.list': [undefined],
    'staff.remove': [{ staffUserId: b.staffUserId }],
  };
}
