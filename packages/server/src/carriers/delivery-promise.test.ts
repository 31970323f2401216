import { describe, expect, it } from 'vitest';
import { deliveryPromiseOf, isShipmentLate } from './delivery-promise.js';

const d = (iso: string) => new Date(iso);

describe('deliveryPromiseOf', () => {
  it.each([
    ['nothing promised nor estimated', null, [], null],
    ['the order’s promise', d('2026-06-20T21:59:59Z'), [{ promisedBy: null, estimatedAt: d('2026-06-25T21:59:59Z') }], { by: '2026-06-20T21:59:59.000Z', basis: 'promise' }],
    [
      'the later of the order’s and a parcel’s promises',
      d('2026-06-20T21:59:59Z'),
      [{ promisedBy: d('2026-06-22T21:59:59Z'), estimatedAt: null }],
      { by: '2026-06-22T21:59:59.000Z', basis: 'promise' },
    ],
    [
      'without a promise, the latest carrier estimate (every parcel must arrive)',
      null,
      [
        { promisedBy: null, estimatedAt: d('2026-06-18T21:59:59Z') },
        { promisedBy: null, estimatedAt: d('2026-06-19T21:59:59Z') },
      ],
      { by: '2026-06-19T21:59:59.000Z', basis: 'estimate' },
    ],
  ] as const)('%s', (_name, promisedDeliveryBy, shipments, expected) => {
    const promise = deliveryPromiseOf({ promisedDeliveryBy, shipments });
    expect(promise ? { by: promise.by.toISOString(), basis: promise.basis } : null).toEqual(expected);
  });
});

describe('isShipmentLate', () => {
  const estimate = d('2026-06-18T21:59:59Z');
  const after = d('2026-06-19T08:00:00Z');
  it.each([
    ['in transit after its estimate', { promisedBy: null, estimatedAt: estimate, status: 'in_transit' }, null, after, true],
    ['in transit before its estimate', { promisedBy: null, estimatedAt: estimate, status: 'in_transit' }, null, d('2026-06-18T12:00:00Z'), false],
    ['delivered after its estimate', { promisedBy: null, estimatedAt: estimate, status: 'delivered' }, null, after, false],
    ['waiting at the relay point', { promisedBy: null, estimatedAt: estimate, status: 'available_for_pickup' }, null, after, false],
    ['the shop’s promise for the order outranks the estimate', { promisedBy: null, estimatedAt: estimate, status: 'in_transit' }, d('2026-06-20T21:59:59Z'), after, false],
    ['the parcel’s own promise outranks the order’s', { promisedBy: d('2026-06-17T21:59:59Z'), estimatedAt: null, status: 'out_for_delivery' }, d('2026-06-20T21:59:59Z'), after, true],
    ['neither promise nor estimate', { promisedBy: null, estimatedAt: null, status: 'in_transit' }, null, after, false],
  ] as const)('%s → %s', (_name, shipment, promisedDeliveryBy, now, expected) => {
    expect(isShipmentLate(shipment, { promisedDeliveryBy }, now)).toBe(expected);
  });
});
