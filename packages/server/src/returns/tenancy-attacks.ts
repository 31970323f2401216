import type { VictimShop } from '../security/tenancy-attacks.js';

/**
 * The returns and refunds procedures' entries for the tenancy walk (src/security/tenancy-attacks.ts):
 * inputs naming shop B's orders, lines and numbers. Spread into `attackInputs`.
 */
export function returnsAttackInputs(b: VictimShop): Record<string, unknown[]> {
  const someId = '0190b0a0-0000-7000-8000-000000000001';
  const byReturn = [{ returnId: b.orderId }, { returnId: someId }];
  const lines = b.orderLineIds.map((orderLineId) => ({ orderLineId, quantity: 1 }));
  return {
    'returns.widget.eligibility': [{ orderNumber: b.orderNumber }],
    'returns.widget.create': [{ orderId: b.orderId, lines, method: 'drop_off', resolution: 'refund', idempotencyKey: 'attack-0001' }],
    'returns.widget.cancel': byReturn,
    'returns.widget.list': [{}],
    'returns.widget.detail': byReturn,
    'returns.widget.rate': byReturn.map((ref) => ({ ...ref, rating: 1 })),
    'returns.admin.detail': byReturn,
    'returns.admin.approve': byReturn,
    'returns.admin.bulkApprove': [{ returnIds: [b.orderId, someId] }],
    'returns.admin.refuse': byReturn.map((ref) => ({ ...ref, reason: 'attack' })),
    'returns.admin.receiveByCode': [{ code: 'R-AAAAAA' }],
    'returns.admin.refund': byReturn.map((ref) => ({ ...ref, provider: 'store_credit', idempotencyKey: 'attack-0002' })),
    'returns.admin.updateExchange': byReturn.map((ref) => ({ ...ref, to: 'cancelled' })),
    'returns.backend.recordParcelScan': [{ code: 'R-AAAAAA' }],
    'returns.backend.recordParcelDelivered': [{ code: 'R-AAAAAA' }],
    'refunds.admin.ledger': [{ orderId: b.orderId }],
    'refunds.admin.goodwill': [{ orderId: b.orderId, amountMinor: 100, provider: 'store_credit', reason: 'attack', idempotencyKey: 'attack-0003' }],
  };
}
