import type {
  ClaimDetail,
  ClaimEligibility,
  ClaimPage,
  OrderDetail,
  ReturnDetail,
  ReturnEligibility,
  ReturnPage,
  TicketPage,
} from '../controllers/api-types.js';
import { hostile } from './fake-server.js';

/**
 * Answers of the widget's procedures as the server sends them (typed by the router, so a change of
 * the API breaks these fixtures at compile time), for the component tests. Product titles and
 * texts typed by people carry the hostile string: every screen must show it as text.
 */

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

/** Order 1002: delivered, one parcel, two lines (one with a hostile title). */
export const orderDetail: OrderDetail = {
  id: '0193a0a0-0000-7000-8000-00000000a002',
  number: '1002',
  stage: 'delivered',
  fulfilment: 'shipping',
  placedAt: '2026-11-02T09:30:00.000Z',
  shippedAt: '2026-11-03T09:30:00.000Z',
  deliveredAt: '2026-11-05T09:30:00.000Z',
  cancelledAt: null,
  promisedDeliveryBy: '2026-11-06T22:59:00.000Z',
  pickup: null,
  lines: [
    { id: 'line-1', sku: 'CARNET-A5', title: 'Carnet A5', variant: 'Ligné', imageUrl: 'https://cdn.example.fr/carnet.jpg', quantity: 2, unitPrice: eur(1250), lineTotal: eur(2500) },
    { id: 'line-2', sku: 'HOSTILE', title: hostile, variant: null, imageUrl: 'javascript:alert(1)', quantity: 1, unitPrice: eur(900), lineTotal: eur(900) },
  ],
  shipments: [
    {
      id: 'ship-1',
      status: 'delivered',
      carrier: 'colissimo',
      trackingNumber: '6A12345678901',
      trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901',
      promisedBy: null,
      estimatedAt: null,
      isLate: false,
      shippedAt: '2026-11-03T09:30:00.000Z',
      deliveredAt: '2026-11-05T09:30:00.000Z',
      events: [
        { status: 'in_transit', description: null, occurredAt: '2026-11-04T08:00:00.000Z', location: 'Paris' },
        { status: 'delivered', description: hostile, occurredAt: '2026-11-05T09:30:00.000Z', location: null },
      ],
    },
  ],
  subtotal: eur(3400),
  shipping: eur(490),
  total: eur(3890),
};

/** What can be returned of order 1002: the notebooks (refund, credit with a bonus, or exchange), not the other line. */
export const returnEligibility: ReturnEligibility = {
  orderId: orderDetail.id,
  orderNumber: '1002',
  currency: 'EUR',
  needsReview: false,
  exchangesEnabled: true,
  reviewNotice: null,
  refundPreview: { instant: false, dueHoursAfterReceipt: 72, legalLatestAt: '2026-12-19T10:00:00.000Z' },
  lines: [
    {
      orderLineId: 'line-1',
      code: 'return_open',
      sku: 'CARNET-A5',
      title: 'Carnet A5',
      variant: 'Ligné',
      imageUrl: null,
      quantity: 2,
      unitPriceMinor: 1250,
      exchangeOptions: [{ sku: 'CARNET-A5-Q', label: 'Quadrillé' }],
      reason: { fr: 'Retour possible', en: 'Returnable' },
      methods: ['drop_off', 'post_prepaid'],
      deadline: '2026-12-05T22:59:00.000Z',
      basis: 'return_window',
      eligible: true,
      returnableQuantity: 2,
      refundOptions: [
        { kind: 'original_payment', amountMinor: 1250 },
        { kind: 'store_credit', creditMinor: 1375, bonusMinor: 125, bonusPercent: 10 },
        { kind: 'exchange' },
      ],
    },
    {
      orderLineId: 'line-2',
      code: 'return_window_closed',
      sku: 'HOSTILE',
      title: hostile,
      variant: null,
      imageUrl: null,
      quantity: 1,
      unitPriceMinor: 900,
      exchangeOptions: [],
      reason: { fr: 'Article personnalisé : non repris.', en: 'Personalised item: not returnable.' },
      methods: [],
      deadline: null,
      basis: null,
      eligible: false,
      returnableQuantity: 0,
      refundOptions: [],
    },
  ],
};

/** The shopper's returns (one, of order 1002). */
export const returnPage: ReturnPage = {
  returns: [
    {
      id: 'ret-1',
      code: 'R-7KX2',
      status: 'approved',
      statusLabel: { fr: 'Acceptée', en: 'Approved' },
      rating: null,
      resolution: 'refund',
      method: 'drop_off',
      refundDueAt: null,
      order: { id: orderDetail.id, number: '1002' },
      _count: { lines: 1 },
      nextDeadlineAt: null,
      requestedAt: '2026-11-10T10:00:00.000Z',
    },
  ],
  nextCursor: null,
};

/** The shopper's claims (one, of order 1002). */
export const claimPage: ClaimPage = {
  claims: [
    {
      id: 'claim-1',
      kind: 'damaged',
      status: 'open',
      rating: null,
      resolution: null,
      order: { id: orderDetail.id, number: '1002' },
      nextDeadlineAt: '2026-11-12T10:00:00.000Z',
      openedAt: '2026-11-10T10:00:00.000Z',
      closedAt: null,
      answeredAt: null,
      decidedAt: null,
    },
  ],
  nextCursor: null,
};

/** The shopper's tickets (one about order 1002, with a hostile subject). */
export const ticketPage: TicketPage = {
  tickets: [
    {
      id: 'ticket-1',
      subject: hostile,
      status: 'open',
      rating: null,
      order: { id: orderDetail.id, number: '1002' },
      nextDeadlineAt: null,
      openedAt: '2026-11-10T10:00:00.000Z',
      escalatedAt: null,
      firstRespondedAt: null,
      resolvedAt: null,
    },
  ],
  nextCursor: null,
};

/** Return R-7KX2 as the shopper follows it: approved, to drop at the shop, a refund promised. */
export function returnDetail(overrides: Partial<ReturnDetail> = {}): ReturnDetail {
  return {
    id: 'ret-1',
    code: 'R-7KX2',
    status: 'approved',
    statusLabel: { fr: 'Acceptée', en: 'Approved' },
    resolution: 'refund',
    method: 'drop_off',
    order: { id: orderDetail.id, number: '1002' },
    _count: { lines: 1 },
    lines: [
      {
        id: 'rl-1',
        orderLineId: 'line-1',
        quantity: 1,
        exchangeSku: null,
        reasonCode: 'wrong_size',
        orderLine: { sku: 'CARNET-A5', unitPriceMinor: 1250, title: 'Carnet A5', variant: 'Ligné', imageUrl: null, exchangeOptions: [] },
      },
    ],
    reasonText: hostile,
    labelUrl: null,
    exchange: null,
    refunds: [],
    refundDueAt: null,
    nextDeadlineAt: '2026-11-24T13:00:00.000Z',
    nextPromise: { kind: 'receive', dueAt: '2026-11-24T13:00:00.000Z', message: { fr: 'Réception au plus tard', en: 'Receipt by' } },
    requestedAt: '2026-11-20T10:00:00.000Z',
    approvedAt: '2026-11-20T10:05:00.000Z',
    refusedAt: null,
    inTransitAt: null,
    receivedAt: null,
    refundedAt: null,
    exchangedAt: null,
    closedAt: null,
    cancelledAt: null,
    rating: null,
    ratingComment: null,
    reviewNotice: null,
    dropOff: null,
    events: [
      { id: 'ev-1', type: 'return.requested', occurredAt: '2026-11-20T10:00:00.000Z', reason: null, actorType: 'customer', actorId: null, fromStatus: null, toStatus: 'requested', reasonMessage: null },
      {
        id: 'ev-2',
        type: 'return.approved',
        occurredAt: '2026-11-20T10:05:00.000Z',
        reason: 'auto_approved',
        actorType: 'system',
        actorId: null,
        fromStatus: 'requested',
        toStatus: 'approved',
        reasonMessage: { fr: 'Accepté automatiquement : dans le délai de retour.', en: 'Approved automatically: within the return window.' },
      },
    ],
    ...overrides,
  };
}

/** Claim of order 1002 as the shopper follows it: open, a photo, a hostile description. */
export function claimDetail(overrides: Partial<ClaimDetail> = {}): ClaimDetail {
  return {
    id: 'claim-1',
    kind: 'damaged',
    status: 'open',
    description: hostile,
    order: { id: orderDetail.id, number: '1002' },
    photos: [],
    refunds: [],
    rating: null,
    ratingComment: null,
    resolution: null,
    nextDeadlineAt: '2026-11-24T13:00:00.000Z',
    openedAt: '2026-11-20T10:00:00.000Z',
    answeredAt: null,
    decidedAt: null,
    closedAt: null,
    events: [
      { id: 'cev-1', type: 'claim.opened', occurredAt: '2026-11-20T10:00:00.000Z', reason: null, actorType: 'customer', actorId: null, fromStatus: null, toStatus: 'open', reasonMessage: null },
    ],
    ...overrides,
  };
}

/** Which claims order 1002 allows: damaged and not as described, not "not received" (it was delivered). */
export const claimEligibility: ClaimEligibility = [
  { kind: 'not_received', code: 'claim_not_delivered', eligible: false, opensAt: null, closesAt: null, message: { fr: 'La commande a été livrée.', en: 'The order was delivered.' } },
  { kind: 'damaged', code: 'claim_open', eligible: true, opensAt: null, closesAt: '2026-11-19T22:59:00.000Z', message: { fr: 'Possible jusqu’au 19 novembre.', en: 'Possible until 19 November.' } },
  { kind: 'not_as_described', code: 'claim_open', eligible: true, opensAt: null, closesAt: '2026-11-19T22:59:00.000Z', message: { fr: 'Possible jusqu’au 19 novembre.', en: 'Possible until 19 November.' } },
];
