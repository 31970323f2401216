/**
 * What an order paid and what has been given back, per line, derived from refund allocations.
 * Pure: the service loads the rows, this computes what remains, and nothing is ever stored twice.
 */

/** A line as the ledger sees it. */
export interface LedgerLine {
  orderLineId: string;
  quantity: number;
  unitPriceMinor: number;
}

/** One allocation of a refund that counts (pending or succeeded; failed ones gave nothing back). */
export interface LedgerAllocation {
  orderLineId: string | null;
  kind: 'line' | 'shipping' | 'goodwill';
  amountMinor: number;
}

/** The refundable state of an order. */
export interface OrderLedger {
  lines: Array<{ orderLineId: string; paidMinor: number; refundedMinor: number; remainingMinor: number }>;
  shipping: { paidMinor: number; refundedMinor: number; remainingMinor: number };
  /** What the shopper paid in all and what is left to give back, goodwill included. */
  totalPaidMinor: number;
  totalRefundedMinor: number;
  totalRemainingMinor: number;
}

/** Computes the ledger of an order from its lines, shipping, total paid and counted allocations. */
export function computeLedger(input: {
  lines: readonly LedgerLine[];
  shippingMinor: number;
  totalMinor: number;
  allocations: readonly LedgerAllocation[];
}): OrderLedger {
  const refundedByLine = new Map<string, number>();
  let shippingRefunded = 0;
  let totalRefunded = 0;
  for (const allocation of input.allocations) {
    totalRefunded += allocation.amountMinor;
    if (allocation.kind === 'shipping') shippingRefunded += allocation.amountMinor;
    if (allocation.kind === 'line' && allocation.orderLineId) {
      refundedByLine.set(allocation.orderLineId, (refundedByLine.get(allocation.orderLineId) ?? 0) + allocation.amountMinor);
    }
  }
  return {
    lines: input.lines.map((line) => {
      const paidMinor = line.quantity * line.unitPriceMinor;
      const refundedMinor = refundedByLine.get(line.orderLineId) ?? 0;
      return { orderLineId: line.orderLineId, paidMinor, refundedMinor, remainingMinor: Math.max(0, paidMinor - refundedMinor) };
    }),
    shipping: {
      paidMinor: input.shippingMinor,
      refundedMinor: shippingRefunded,
      remainingMinor: Math.max(0, input.shippingMinor - shippingRefunded),
    },
    totalPaidMinor: input.totalMinor,
    totalRefundedMinor: totalRefunded,
    totalRemainingMinor: Math.max(0, input.totalMinor - totalRefunded),
  };
}

/** Why a requested refund does not fit the ledger, or null when it fits. */
export function findLedgerViolation(
  ledger: OrderLedger,
  allocations: readonly LedgerAllocation[],
): { code: 'REFUND_EXCEEDS_PAID'; params: { remaining: number; requested: number; part: string } } | null {
  const requestedByLine = new Map<string, number>();
  let shipping = 0;
  let total = 0;
  for (const allocation of allocations) {
    total += allocation.amountMinor;
    if (allocation.kind === 'shipping') shipping += allocation.amountMinor;
    if (allocation.kind === 'line' && allocation.orderLineId) {
      requestedByLine.set(allocation.orderLineId, (requestedByLine.get(allocation.orderLineId) ?? 0) + allocation.amountMinor);
    }
  }
  for (const [orderLineId, requested] of requestedByLine) {
    const line = ledger.lines.find((candidate) => candidate.orderLineId === orderLineId);
    const remaining = line?.remainingMinor ?? 0;
    if (requested > remaining) return { code: 'REFUND_EXCEEDS_PAID', params: { remaining, requested, part: orderLineId } };
  }
  if (shipping > ledger.shipping.remainingMinor) {
    return { code: 'REFUND_EXCEEDS_PAID', params: { remaining: ledger.shipping.remainingMinor, requested: shipping, part: 'shipping' } };
  }
  if (total > ledger.totalRemainingMinor) {
    return { code: 'REFUND_EXCEEDS_PAID', params: { remaining: ledger.totalRemainingMinor, requested: total, part: 'total' } };
  }
  return null;
}
