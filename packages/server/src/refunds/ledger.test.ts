import { describe, expect, it } from 'vitest';
import { computeLedger, findLedgerViolation, type LedgerAllocation } from './ledger.js';

const order = {
  lines: [
    { orderLineId: 'pull', quantity: 2, unitPriceMinor: 4500 },
    { orderLineId: 'mug', quantity: 1, unitPriceMinor: 1800 },
  ],
  shippingMinor: 590,
  totalMinor: 2 * 4500 + 1800 + 590,
};

describe('computeLedger', () => {
  it('derives what remains per line, for shipping and in total from the allocations', () => {
    const ledger = computeLedger({
      ...order,
      allocations: [
        { orderLineId: 'pull', kind: 'line', amountMinor: 4500 },
        { orderLineId: null, kind: 'shipping', amountMinor: 590 },
        { orderLineId: null, kind: 'goodwill', amountMinor: 500 },
      ],
    });
    expect(ledger.lines).toEqual([
      { orderLineId: 'pull', paidMinor: 9000, refundedMinor: 4500, remainingMinor: 4500 },
      { orderLineId: 'mug', paidMinor: 1800, refundedMinor: 0, remainingMinor: 1800 },
    ]);
    expect(ledger.shipping).toEqual({ paidMinor: 590, refundedMinor: 590, remainingMinor: 0 });
    expect(ledger.totalRefundedMinor).toBe(5590);
    expect(ledger.totalRemainingMinor).toBe(order.totalMinor - 5590);
  });
});

describe('findLedgerViolation', () => {
  const refundedOnce = computeLedger({ ...order, allocations: [{ orderLineId: 'mug', kind: 'line', amountMinor: 1800 }] });

  it.each<[string, LedgerAllocation[], string | null]>([
    ['a line within what remains', [{ orderLineId: 'pull', kind: 'line', amountMinor: 9000 }], null],
    ['a line already refunded in full', [{ orderLineId: 'mug', kind: 'line', amountMinor: 1 }], 'mug'],
    ['more than a line paid', [{ orderLineId: 'pull', kind: 'line', amountMinor: 9001 }], 'pull'],
    ['a line split into parts that add up to too much', [
      { orderLineId: 'pull', kind: 'line', amountMinor: 5000 },
      { orderLineId: 'pull', kind: 'line', amountMinor: 4001 },
    ], 'pull'],
    ['shipping twice', [{ orderLineId: null, kind: 'shipping', amountMinor: 591 }], 'shipping'],
    ['goodwill within the order total', [{ orderLineId: null, kind: 'goodwill', amountMinor: 9590 }], null],
    ['goodwill above the order total', [{ orderLineId: null, kind: 'goodwill', amountMinor: 9591 }], 'total'],
    ['an unknown line', [{ orderLineId: 'ghost', kind: 'line', amountMinor: 1 }], 'ghost'],
  ])('%s', (_title, allocations, violatedPart) => {
    const violation = findLedgerViolation(refundedOnce, allocations);
    expect(violation?.params.part ?? null).toBe(violatedPart);
  });
});
