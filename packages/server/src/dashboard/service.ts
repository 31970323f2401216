import type { Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { caseReference } from '../cases/case-reference.js';
import { csvCell } from '../loyalty/ledger.js';
import {
  averageOf,
  countBy,
  countPromises,
  isInWindow,
  localDateOf,
  median,
  roundTo,
  windowDates,
  type DashboardWindow,
  type PromiseCount,
} from './metrics.js';

const dayMs = 86_400_000;
const minuteMs = 60_000;
const hourMs = 3_600_000;

/** Return statuses that mean nothing came back: the request was withdrawn or refused. */
const notReturned = ['cancelled', 'refused'];

/** One day of the dashboard's chart, in the shop's calendar. */
export interface DashboardDay {
  date: string;
  returnsRequested: number;
  claimsOpened: number;
  ticketsOpened: number;
  refundsSucceeded: number;
}

/** What `dashboard.admin.summary` answers; the definitions are in docs/admin-api.md. */
export interface DashboardSummary {
  from: Date;
  to: Date;
  days: number;
  currency: string;
  timeZone: string;
  promisesKept: PromiseCount[];
  medianFirstResponseMinutes: number | null;
  medianReceiptToRefundHours: number | null;
  returnRate: { ordersPlaced: number; ordersReturned: number; rate: number | null };
  returnReasons: Array<{ reason: string; count: number }>;
  topReturnedProducts: Array<{ sku: string; title: string; quantity: number }>;
  averageRating: {
    average: number | null;
    count: number;
    byKind: Record<'return' | 'claim' | 'ticket', { average: number | null; count: number }>;
  };
  automaticDecisions: Array<{ reason: string; count: number }>;
  daily: DashboardDay[];
}

async function loadShop(deps: Deps, shopId: string) {
  const shop = await deps.db.shop.findUnique({ where: { id: shopId }, select: { slug: true, currency: true, timeZone: true } });
  if (!shop) throw new DomainError('SHOP_NOT_FOUND');
  return shop;
}

function windowOf(deps: Deps, days: number): DashboardWindow {
  const to = deps.clock.now();
  return { from: new Date(to.getTime() - days * dayMs), to };
}

/**
 * The shop's service figures over the last `days` days: promises kept, response and refund times,
 * returns and their reasons, ratings, what the server decided by itself, and a day-by-day count.
 */
export async function dashboardSummary(deps: Deps, input: { shopId: string; days: number }): Promise<DashboardSummary> {
  const db = deps.db;
  const shop = await loadShop(deps, input.shopId);
  const window = windowOf(deps, input.days);
  const inWindow = { gte: window.from, lt: window.to };
  const shopId = input.shopId;
  const [deadlines, tickets, claims, refundedReturns, orders, requestedReturns, ratedReturns, ratedClaims, ratedTickets, automatic, refunds] = await Promise.all([
    db.deadline.findMany({
      where: { shopId, cancelledAt: null, OR: [{ metAt: inWindow }, { dueAt: inWindow }] },
      select: { kind: true, dueAt: true, metAt: true, cancelledAt: true },
    }),
    db.ticket.findMany({ where: { shopId, OR: [{ openedAt: inWindow }, { firstRespondedAt: inWindow }] }, select: { openedAt: true, firstRespondedAt: true } }),
    db.claim.findMany({ where: { shopId, OR: [{ openedAt: inWindow }, { answeredAt: inWindow }] }, select: { openedAt: true, answeredAt: true } }),
    db.returnCase.findMany({ where: { shopId, receivedAt: { not: null }, refundedAt: inWindow }, select: { receivedAt: true, refundedAt: true } }),
    db.order.findMany({
      where: { shopId, placedAt: inWindow },
      select: { id: true, returns: { where: { status: { notIn: notReturned } }, select: { id: true }, take: 1 } },
    }),
    db.returnCase.findMany({
      where: { shopId, requestedAt: inWindow },
      select: {
        status: true,
        reasonCode: true,
        requestedAt: true,
        lines: { select: { quantity: true, orderLine: { select: { sku: true, title: true, order: { select: { placedAt: true } } } } } },
      },
    }),
    db.returnCase.findMany({ where: { shopId, closedAt: inWindow, rating: { not: null } }, select: { rating: true } }),
    db.claim.findMany({ where: { shopId, closedAt: inWindow, rating: { not: null } }, select: { rating: true } }),
    db.ticket.findMany({ where: { shopId, resolvedAt: inWindow, rating: { not: null } }, select: { rating: true } }),
    db.event.findMany({ where: { shopId, actorType: 'system', reason: { startsWith: 'auto.' }, occurredAt: inWindow }, select: { reason: true } }),
    db.refund.findMany({ where: { shopId, status: 'succeeded', succeededAt: inWindow }, select: { succeededAt: true } }),
  ]);

  const firstResponses = [
    ...tickets.filter((ticket) => isInWindow(ticket.firstRespondedAt, window)).map((ticket) => ticket.firstRespondedAt!.getTime() - ticket.openedAt.getTime()),
    ...claims.filter((claim) => isInWindow(claim.answeredAt, window)).map((claim) => claim.answeredAt!.getTime() - claim.openedAt.getTime()),
  ];
  const receiptToRefund = refundedReturns.map((row) => row.refundedAt!.getTime() - row.receivedAt!.getTime());

  const placed = orders.length;
  const returned = orders.filter((order) => order.returns.length > 0).length;

  const keptReturns = requestedReturns.filter((row) => row.status !== 'cancelled');
  const products = new Map<string, { title: string; titleSeenAt: number; quantity: number }>();
  for (const row of keptReturns) {
    if (notReturned.includes(row.status)) continue;
    for (const line of row.lines) {
      const seenAt = line.orderLine.order.placedAt.getTime();
      const product = products.get(line.orderLine.sku) ?? { title: line.orderLine.title, titleSeenAt: seenAt, quantity: 0 };
      product.quantity += line.quantity;
      if (seenAt > product.titleSeenAt) Object.assign(product, { title: line.orderLine.title, titleSeenAt: seenAt });
      products.set(line.orderLine.sku, product);
    }
  }

  const ratings = {
    return: ratedReturns.map((row) => row.rating!),
    claim: ratedClaims.map((row) => row.rating!),
    ticket: ratedTickets.map((row) => row.rating!),
  };

  const dates = windowDates(window, shop.timeZone);
  const daily = new Map<string, DashboardDay>(dates.map((date) => [date, { date, returnsRequested: 0, claimsOpened: 0, ticketsOpened: 0, refundsSucceeded: 0 }]));
  const tally = (at: Date | null, field: Exclude<keyof DashboardDay, 'date'>) => {
    if (!isInWindow(at, window)) return;
    const day = daily.get(localDateOf(at, shop.timeZone));
    if (day) day[field] += 1;
  };
  requestedReturns.forEach((row) => tally(row.requestedAt, 'returnsRequested'));
  claims.forEach((row) => tally(row.openedAt, 'claimsOpened'));
  tickets.forEach((row) => tally(row.openedAt, 'ticketsOpened'));
  refunds.forEach((row) => tally(row.succeededAt, 'refundsSucceeded'));

  return {
    from: window.from,
    to: window.to,
    days: input.days,
    currency: shop.currency,
    timeZone: shop.timeZone,
    promisesKept: countPromises(deadlines, window),
    medianFirstResponseMinutes: roundTo(median(firstResponses.map((ms) => ms / minuteMs)), 1),
    medianReceiptToRefundHours: roundTo(median(receiptToRefund.map((ms) => ms / hourMs)), 1),
    returnRate: { ordersPlaced: placed, ordersReturned: returned, rate: placed === 0 ? null : returned / placed },
    returnReasons: countBy(keptReturns.map((row) => row.reasonCode ?? 'none')).map(({ key, count }) => ({ reason: key, count })),
    topReturnedProducts: [...products]
      .map(([sku, product]) => ({ sku, title: product.title, quantity: product.quantity }))
      .sort((a, b) => b.quantity - a.quantity || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0))
      .slice(0, 10),
    averageRating: {
      ...averageOf([...ratings.return, ...ratings.claim, ...ratings.ticket]),
      byKind: { return: averageOf(ratings.return), claim: averageOf(ratings.claim), ticket: averageOf(ratings.ticket) },
    },
    automaticDecisions: countBy(automatic.map((row) => row.reason ?? '')).map(({ key, count }) => ({ reason: key, count })),
    daily: [...daily.values()],
  };
}

/** Most rows the export holds (one per case). */
export const caseExportLimit = 50_000;

const csvHeader = 'type,reference,status,order_number,customer_email,opened_at,closed_at,next_deadline_at,rating';

/**
 * Every return, claim and ticket opened in the window as CSV (RFC 4180 quoting; cells a
 * spreadsheet would run as a formula are prefixed with '), oldest first, times in ISO UTC.
 */
export async function exportCases(deps: Deps, input: { shopId: string; days: number }): Promise<{ filename: string; csv: string }> {
  const db = deps.db;
  const shop = await loadShop(deps, input.shopId);
  const window = windowOf(deps, input.days);
  const inWindow = { gte: window.from, lt: window.to };
  const customer = { select: { email: true } } as const;
  const order = { select: { number: true } } as const;
  const take = caseExportLimit;
  const [returns, claims, tickets] = await Promise.all([
    db.returnCase.findMany({
      where: { shopId: input.shopId, requestedAt: inWindow },
      select: { id: true, code: true, status: true, requestedAt: true, closedAt: true, nextDeadlineAt: true, rating: true, customer, order },
      orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }],
      take,
    }),
    db.claim.findMany({
      where: { shopId: input.shopId, openedAt: inWindow },
      select: { id: true, status: true, openedAt: true, closedAt: true, nextDeadlineAt: true, rating: true, customer, order },
      orderBy: [{ openedAt: 'asc' }, { id: 'asc' }],
      take,
    }),
    db.ticket.findMany({
      where: { shopId: input.shopId, openedAt: inWindow },
      select: { id: true, status: true, openedAt: true, resolvedAt: true, nextDeadlineAt: true, rating: true, customer, order },
      orderBy: [{ openedAt: 'asc' }, { id: 'asc' }],
      take,
    }),
  ]);
  const iso = (at: Date | null) => at?.toISOString() ?? '';
  const rows = [
    ...returns.map((row) => ({ ...row, type: 'return', reference: caseReference('return', row), openedAt: row.requestedAt, orderNumber: row.order.number })),
    ...claims.map((row) => ({ ...row, type: 'claim', reference: caseReference('claim', row), orderNumber: row.order.number })),
    ...tickets.map((row) => ({ ...row, type: 'ticket', reference: caseReference('ticket', row), closedAt: row.resolvedAt, orderNumber: row.order?.number ?? '' })),
  ]
    .sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime() || a.id.localeCompare(b.id))
    .slice(0, caseExportLimit);
  const lines = rows.map((row) =>
    [row.type, row.reference, row.status, row.orderNumber, row.customer.email, iso(row.openedAt), iso(row.closedAt), iso(row.nextDeadlineAt), row.rating ?? '']
      .map(csvCell)
      .join(','),
  );
  return {
    filename: `comptoir-cases-${shop.slug}-${localDateOf(window.to, shop.timeZone)}.csv`,
    csv: `${[csvHeader, ...lines].join('\r\n')}\r\n`,
  };
}
