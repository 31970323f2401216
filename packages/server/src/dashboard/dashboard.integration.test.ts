import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseShop, failureCode, type CaseShop } from '../cases/case-fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { testDatabaseKind } from '../test/test-database.js';

/**
 * The dashboard against a seeded history with fixed timestamps. Every expected figure is computed
 * here, in plain JS over the fixture arrays below, from the definitions in docs/admin-api.md — not
 * with the service's helpers — and compared with `dashboard.admin.summary`.
 */
const now = new Date('2026-06-15T10:00:00.000Z');
const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
/** `days` days and `hours` hours before now. */
const ago = (days: number, hours = 0) => new Date(now.getTime() - days * dayMs - hours * hourMs);
const later = (days: number) => new Date(now.getTime() + days * dayMs);

type ShopKey = 'a' | 'b';
interface OrderFixture { key: string; shop: ShopKey; placedAt: Date; lines: Array<{ sku: string; title: string; quantity: number }> }
interface ReturnFixture {
  shop: ShopKey;
  order: string;
  status: string;
  reasonCode: string | null;
  requestedAt: Date;
  receivedAt?: Date;
  refundedAt?: Date;
  closedAt?: Date;
  rating?: number;
  lines: Array<{ line: number; quantity: number }>;
}
interface ClaimFixture { shop: ShopKey; order: string; status: string; openedAt: Date; answeredAt?: Date; closedAt?: Date; rating?: number }
interface TicketFixture { shop: ShopKey; status: string; openedAt: Date; firstRespondedAt?: Date; resolvedAt?: Date; rating?: number }
interface DeadlineFixture { shop: ShopKey; kind: string; dueAt: Date; metAt?: Date; cancelledAt?: Date }
interface RefundFixture { shop: ShopKey; order: string; status: string; succeededAt?: Date }
interface EventFixture { shop: ShopKey; actorType: string; reason: string | null; occurredAt: Date }

const orders: OrderFixture[] = [
  { key: 'o1', shop: 'a', placedAt: ago(20), lines: [{ sku: 'TAS', title: 'Tasse', quantity: 3 }, { sku: 'BOL', title: 'Bol', quantity: 2 }] },
  { key: 'o2', shop: 'a', placedAt: ago(10), lines: [{ sku: 'TAS', title: 'Tasse en grès', quantity: 2 }] },
  { key: 'o3', shop: 'a', placedAt: ago(5), lines: [{ sku: 'VASE', title: 'Vase', quantity: 1 }, { sku: 'BOL', title: 'Bol', quantity: 4 }] },
  { key: 'o4', shop: 'a', placedAt: ago(3), lines: [{ sku: 'PLAT', title: 'Plat', quantity: 1 }] },
  // Only a refused return: placed in the window, not returned.
  { key: 'o5', shop: 'a', placedAt: ago(2), lines: [{ sku: 'CUILLERE', title: 'Cuillère', quantity: 6 }] },
  // Placed before the window: its return counts for reasons and products, not for the return rate.
  { key: 'o6', shop: 'a', placedAt: ago(40), lines: [{ sku: 'TAS', title: 'Tasse ancienne', quantity: 1 }] },
  // Placed at the window's first instant (included) and at its end (excluded).
  { key: 'o7', shop: 'a', placedAt: ago(30), lines: [{ sku: 'PLAT', title: 'Plat', quantity: 1 }] },
  { key: 'o8', shop: 'a', placedAt: now, lines: [{ sku: 'PLAT', title: 'Plat', quantity: 1 }] },
  // Another shop: nothing of it counts.
  { key: 'b1', shop: 'b', placedAt: ago(4), lines: [{ sku: 'TAS', title: 'Tasse B', quantity: 9 }] },
];

const returns: ReturnFixture[] = [
  { shop: 'a', order: 'o1', status: 'refunded', reasonCode: 'too_small', requestedAt: ago(18), receivedAt: ago(15), refundedAt: ago(14, 20), closedAt: ago(14), rating: 5, lines: [{ line: 0, quantity: 2 }] },
  { shop: 'a', order: 'o1', status: 'cancelled', reasonCode: 'changed_mind', requestedAt: ago(17), lines: [{ line: 1, quantity: 2 }] },
  { shop: 'a', order: 'o2', status: 'refunded', reasonCode: 'too_small', requestedAt: ago(8), receivedAt: ago(6), refundedAt: ago(5, 2), closedAt: ago(5), rating: 4, lines: [{ line: 0, quantity: 2 }] },
  { shop: 'a', order: 'o3', status: 'approved', reasonCode: null, requestedAt: ago(4), lines: [{ line: 0, quantity: 1 }, { line: 1, quantity: 3 }] },
  { shop: 'a', order: 'o3', status: 'refunded', reasonCode: 'damaged', requestedAt: ago(3), receivedAt: ago(2), refundedAt: ago(1, 5), lines: [{ line: 1, quantity: 1 }] },
  { shop: 'a', order: 'o5', status: 'refused', reasonCode: 'changed_mind', requestedAt: ago(1), closedAt: ago(0, 5), rating: 1, lines: [{ line: 0, quantity: 6 }] },
  { shop: 'a', order: 'o6', status: 'requested', reasonCode: 'wrong_item', requestedAt: ago(6), lines: [{ line: 0, quantity: 1 }] },
  // Requested before the window, refunded inside it: counts for receipt to refund, not for reasons.
  { shop: 'a', order: 'o6', status: 'refunded', reasonCode: 'damaged', requestedAt: ago(35), receivedAt: ago(31), refundedAt: ago(29), closedAt: ago(29), rating: 2, lines: [] },
  { shop: 'b', order: 'b1', status: 'refunded', reasonCode: 'too_small', requestedAt: ago(3), receivedAt: ago(2), refundedAt: ago(1), closedAt: ago(1), rating: 1, lines: [{ line: 0, quantity: 9 }] },
];

const claims: ClaimFixture[] = [
  { shop: 'a', order: 'o1', status: 'closed', openedAt: ago(12), answeredAt: new Date(ago(12).getTime() + 90 * 60_000), closedAt: ago(10), rating: 3 },
  { shop: 'a', order: 'o2', status: 'answered', openedAt: ago(2), answeredAt: new Date(ago(2).getTime() + 5 * 60_000) },
  // Opened and answered before the window.
  { shop: 'a', order: 'o6', status: 'closed', openedAt: ago(39), answeredAt: ago(38), closedAt: ago(37), rating: 5 },
  { shop: 'b', order: 'b1', status: 'answered', openedAt: ago(3), answeredAt: new Date(ago(3).getTime() + 1_000 * 60_000) },
];

const tickets: TicketFixture[] = [
  { shop: 'a', status: 'resolved', openedAt: ago(9), firstRespondedAt: new Date(ago(9).getTime() + 30 * 60_000), resolvedAt: ago(8), rating: 4 },
  { shop: 'a', status: 'awaiting_shopper', openedAt: ago(1), firstRespondedAt: new Date(ago(1).getTime() + 45 * 60_000) },
  // Opened before the window, first answered inside it (a slow one).
  { shop: 'a', status: 'resolved', openedAt: ago(31), firstRespondedAt: ago(29, 12), resolvedAt: ago(28) },
  { shop: 'a', status: 'awaiting_shopper', openedAt: ago(4), firstRespondedAt: new Date(ago(4).getTime() + 10 * 60_000) },
  { shop: 'a', status: 'open', openedAt: ago(0, 1) },
  { shop: 'b', status: 'resolved', openedAt: ago(2), firstRespondedAt: new Date(ago(2).getTime() + 2 * 60_000), resolvedAt: ago(1), rating: 1 },
];

const deadlines: DeadlineFixture[] = [
  { shop: 'a', kind: 'return_approval', dueAt: ago(17), metAt: ago(17, 10) },
  { shop: 'a', kind: 'return_approval', dueAt: ago(7), metAt: ago(7, 1) },
  // Met late: missed, settled at its due time.
  { shop: 'a', kind: 'return_approval', dueAt: ago(3), metAt: ago(2) },
  // Unmet and overdue: missed.
  { shop: 'a', kind: 'refund_due', dueAt: ago(1) },
  { shop: 'a', kind: 'refund_due', dueAt: ago(5), metAt: ago(5, 3) },
  // Cancelled: counts nowhere.
  { shop: 'a', kind: 'refund_due', dueAt: ago(4), cancelledAt: ago(6) },
  // Still running: not settled.
  { shop: 'a', kind: 'claim_answer', dueAt: later(1) },
  // Met in time but before the window: outside.
  { shop: 'a', kind: 'claim_answer', dueAt: ago(29, 20), metAt: ago(31) },
  { shop: 'a', kind: 'claim_answer', dueAt: ago(11), metAt: ago(11, 23) },
  // Due before the window and met late inside it: missed before the window, outside.
  { shop: 'a', kind: 'ticket_first_response', dueAt: ago(31), metAt: ago(29, 12) },
  { shop: 'a', kind: 'ticket_first_response', dueAt: ago(8), metAt: ago(9) },
  { shop: 'b', kind: 'ticket_first_response', dueAt: ago(1) },
];

const refunds: RefundFixture[] = [
  { shop: 'a', order: 'o1', status: 'succeeded', succeededAt: ago(14, 20) },
  { shop: 'a', order: 'o2', status: 'succeeded', succeededAt: ago(5, 2) },
  { shop: 'a', order: 'o3', status: 'succeeded', succeededAt: ago(1, 5) },
  { shop: 'a', order: 'o3', status: 'failed' },
  { shop: 'a', order: 'o6', status: 'succeeded', succeededAt: ago(32) },
  { shop: 'b', order: 'b1', status: 'succeeded', succeededAt: ago(1) },
];

const events: EventFixture[] = [
  { shop: 'a', actorType: 'system', reason: 'auto.shop_missed_deadline', occurredAt: ago(3) },
  { shop: 'a', actorType: 'system', reason: 'auto.shop_missed_deadline', occurredAt: ago(1) },
  { shop: 'a', actorType: 'system', reason: 'auto.claim_refunded', occurredAt: ago(11) },
  { shop: 'a', actorType: 'system', reason: 'auto.claim_refunded', occurredAt: ago(45) },
  { shop: 'a', actorType: 'system', reason: 'reminder_sent', occurredAt: ago(2) },
  { shop: 'a', actorType: 'staff', reason: 'auto.looks_automatic', occurredAt: ago(2) },
  { shop: 'a', actorType: 'system', reason: 'auto.ticket_escalated', occurredAt: ago(6) },
  { shop: 'b', actorType: 'system', reason: 'auto.shop_missed_deadline', occurredAt: ago(1) },
];

// ───────────── The expected figures, from the definitions, over the arrays above ─────────────

const from = new Date(now.getTime() - 30 * dayMs);
const inWindow = (at: Date | undefined) => at !== undefined && at >= from && at < now;
const ofA = <T extends { shop: ShopKey }>(rows: T[]) => rows.filter((row) => row.shop === 'a');
const medianOf = (values: number[]) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length / 2;
  return Math.round((sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2) * 10) / 10;
};
const averageOf = (values: number[]) =>
  values.length === 0 ? { average: null, count: 0 } : { average: Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100, count: values.length };
const tally = (keys: string[]) => {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return Object.entries(counts).sort(([ka, a], [kb, b]) => b - a || ka.localeCompare(kb));
};
const parisDate = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(at);

function expectedSummary() {
  const promisesKept = ['return_approval', 'refund_due', 'claim_answer', 'ticket_first_response'].map((kind) => {
    let kept = 0;
    let missed = 0;
    for (const d of ofA(deadlines).filter((row) => row.kind === kind && !row.cancelledAt)) {
      if (d.metAt && d.metAt <= d.dueAt) kept += inWindow(d.metAt) ? 1 : 0;
      else if (d.dueAt <= now) missed += inWindow(d.dueAt) ? 1 : 0;
    }
    return { kind, kept, missed, share: kept + missed ? kept / (kept + missed) : null };
  });
  const firstResponses = [
    ...ofA(tickets).filter((t) => inWindow(t.firstRespondedAt)).map((t) => (t.firstRespondedAt!.getTime() - t.openedAt.getTime()) / 60_000),
    ...ofA(claims).filter((c) => inWindow(c.answeredAt)).map((c) => (c.answeredAt!.getTime() - c.openedAt.getTime()) / 60_000),
  ];
  const receiptToRefund = ofA(returns)
    .filter((r) => r.receivedAt && inWindow(r.refundedAt))
    .map((r) => (r.refundedAt!.getTime() - r.receivedAt!.getTime()) / hourMs);
  const placed = ofA(orders).filter((o) => inWindow(o.placedAt));
  const returned = placed.filter((o) => ofA(returns).some((r) => r.order === o.key && r.status !== 'cancelled' && r.status !== 'refused'));
  const requested = ofA(returns).filter((r) => inWindow(r.requestedAt));
  const products: Record<string, { title: string; placedAt: Date; quantity: number }> = {};
  for (const r of requested.filter((row) => row.status !== 'cancelled' && row.status !== 'refused')) {
    const order = orders.find((o) => o.key === r.order)!;
    for (const line of r.lines) {
      const { sku, title } = order.lines[line.line]!;
      const product = (products[sku] ??= { title, placedAt: order.placedAt, quantity: 0 });
      product.quantity += line.quantity;
      if (order.placedAt > product.placedAt) Object.assign(product, { title, placedAt: order.placedAt });
    }
  }
  const ratings = {
    return: ofA(returns).filter((r) => inWindow(r.closedAt) && r.rating !== undefined).map((r) => r.rating!),
    claim: ofA(claims).filter((c) => inWindow(c.closedAt) && c.rating !== undefined).map((c) => c.rating!),
    ticket: ofA(tickets).filter((t) => inWindow(t.resolvedAt) && t.rating !== undefined).map((t) => t.rating!),
  };
  const dates: string[] = [];
  for (let at = from.getTime(); at < now.getTime(); at += hourMs) if (!dates.includes(parisDate(new Date(at)))) dates.push(parisDate(new Date(at)));
  if (!dates.includes(parisDate(new Date(now.getTime() - 1)))) dates.push(parisDate(new Date(now.getTime() - 1)));
  const perDay = (instants: Array<Date | undefined>, date: string) => instants.filter((at) => inWindow(at) && parisDate(at!) === date).length;
  return {
    from,
    to: now,
    days: 30,
    currency: 'EUR',
    timeZone: 'Europe/Paris',
    promisesKept,
    medianFirstResponseMinutes: medianOf(firstResponses),
    medianReceiptToRefundHours: medianOf(receiptToRefund),
    returnRate: { ordersPlaced: placed.length, ordersReturned: returned.length, rate: placed.length ? returned.length / placed.length : null },
    returnReasons: tally(requested.filter((r) => r.status !== 'cancelled').map((r) => r.reasonCode ?? 'none')).map(([reason, count]) => ({ reason, count })),
    topReturnedProducts: Object.entries(products)
      .map(([sku, p]) => ({ sku, title: p.title, quantity: p.quantity }))
      .sort((x, y) => y.quantity - x.quantity || x.sku.localeCompare(y.sku))
      .slice(0, 10),
    averageRating: {
      ...averageOf([...ratings.return, ...ratings.claim, ...ratings.ticket]),
      byKind: { return: averageOf(ratings.return), claim: averageOf(ratings.claim), ticket: averageOf(ratings.ticket) },
    },
    automaticDecisions: tally(
      ofA(events)
        .filter((e) => e.actorType === 'system' && e.reason?.startsWith('auto.') && inWindow(e.occurredAt))
        .map((e) => e.reason!),
    ).map(([reason, count]) => ({ reason, count })),
    daily: dates.map((date) => ({
      date,
      returnsRequested: perDay(ofA(returns).map((r) => r.requestedAt), date),
      claimsOpened: perDay(ofA(claims).map((c) => c.openedAt), date),
      ticketsOpened: perDay(ofA(tickets).map((t) => t.openedAt), date),
      refundsSucceeded: perDay(ofA(refunds).filter((r) => r.status === 'succeeded').map((r) => r.succeededAt), date),
    })),
  };
}

describe(`the dashboard on ${testDatabaseKind}`, () => {
  let app: TestApp;
  const shops = {} as Record<ShopKey, CaseShop>;

  /** Writes the fixtures as rows of each shop. */
  async function seed() {
    const db = app.deps.db;
    const customers = {} as Record<ShopKey, string>;
    for (const key of ['a', 'b'] as const) {
      customers[key] = (await db.customer.create({ data: { shopId: shops[key].shop.id, email: `client-${key}@example.fr` }, select: { id: true } })).id;
    }
    const orderIds: Record<string, { id: string; lineIds: string[] }> = {};
    for (const order of orders) {
      const row = await db.order.create({
        data: {
          shopId: shops[order.shop].shop.id,
          externalId: order.key,
          number: order.key.toUpperCase(),
          customerId: customers[order.shop],
          currency: 'EUR',
          subtotalMinor: 1_000,
          totalMinor: 1_000,
          placedAt: order.placedAt,
          payloadHash: order.key,
          lines: { create: order.lines.map((line, position) => ({ externalId: `${order.key}-${position}`, sku: line.sku, title: line.title, quantity: line.quantity, unitPriceMinor: 500, position })) },
        },
        select: { id: true, lines: { select: { id: true }, orderBy: { position: 'asc' } } },
      });
      orderIds[order.key] = { id: row.id, lineIds: row.lines.map((line) => line.id) };
    }
    let n = 0;
    for (const r of returns) {
      const order = orderIds[r.order]!;
      await db.returnCase.create({
        data: {
          shopId: shops[r.shop].shop.id,
          orderId: order.id,
          customerId: customers[r.shop],
          code: `R-DASH${String(++n).padStart(2, '0')}`,
          status: r.status,
          method: 'drop_off',
          resolution: 'refund',
          policyVersion: 1,
          reasonCode: r.reasonCode,
          requestedAt: r.requestedAt,
          receivedAt: r.receivedAt ?? null,
          refundedAt: r.refundedAt ?? null,
          closedAt: r.closedAt ?? null,
          rating: r.rating ?? null,
          lines: { create: r.lines.map((line) => ({ orderLineId: order.lineIds[line.line]!, quantity: line.quantity })) },
        },
      });
    }
    for (const c of claims) {
      await db.claim.create({
        data: {
          shopId: shops[c.shop].shop.id,
          orderId: orderIds[c.order]!.id,
          customerId: customers[c.shop],
          kind: 'damaged',
          status: c.status,
          policyVersion: 1,
          openedAt: c.openedAt,
          answeredAt: c.answeredAt ?? null,
          closedAt: c.closedAt ?? null,
          rating: c.rating ?? null,
        },
      });
    }
    for (const t of tickets) {
      await db.ticket.create({
        data: {
          shopId: shops[t.shop].shop.id,
          customerId: customers[t.shop],
          subject: 'Question',
          status: t.status,
          policyVersion: 1,
          openedAt: t.openedAt,
          firstRespondedAt: t.firstRespondedAt ?? null,
          resolvedAt: t.resolvedAt ?? null,
          rating: t.rating ?? null,
        },
      });
    }
    for (const d of deadlines) {
      await db.deadline.create({
        data: {
          shopId: shops[d.shop].shop.id,
          caseType: 'return',
          caseId: randomUUID(),
          kind: d.kind,
          startsAt: new Date(d.dueAt.getTime() - 2 * dayMs),
          dueAt: d.dueAt,
          metAt: d.metAt ?? null,
          cancelledAt: d.cancelledAt ?? null,
        },
      });
    }
    for (const [index, r] of refunds.entries()) {
      await db.refund.create({
        data: {
          shopId: shops[r.shop].shop.id,
          orderId: orderIds[r.order]!.id,
          idempotencyKey: `dash-${index}`,
          provider: 'manual',
          status: r.status,
          amountMinor: 100,
          currency: 'EUR',
          actorType: 'staff',
          succeededAt: r.succeededAt ?? null,
        },
      });
    }
    for (const e of events) {
      await db.event.create({
        data: { shopId: shops[e.shop].shop.id, subjectType: 'return', subjectId: randomUUID(), type: 'return.approved', actorType: e.actorType, reason: e.reason, occurredAt: e.occurredAt },
      });
    }
  }

  beforeAll(async () => {
    app = await createTestApp({ now: now.toISOString() });
    shops.a = await createCaseShop(app, 'dashboard-a');
    shops.b = await createCaseShop(app, 'dashboard-b');
    await seed();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('has fixtures that exercise the edge cases the definitions name', () => {
    const expected = expectedSummary();
    // An even number of first responses (the median is the mean of the two middle ones).
    const responses = ofA(tickets).filter((t) => inWindow(t.firstRespondedAt)).length + ofA(claims).filter((c) => inWindow(c.answeredAt)).length;
    expect(responses).toBe(6);
    expect(ofA(returns).filter((r) => r.receivedAt && inWindow(r.refundedAt)).length).toBe(4);
    expect(expected.promisesKept.find((row) => row.kind === 'return_approval')).toMatchObject({ kept: 2, missed: 1 });
    expect(expected.promisesKept.find((row) => row.kind === 'claim_answer')).toMatchObject({ kept: 1, missed: 0 });
    expect(expected.returnRate).toEqual({ ordersPlaced: 6, ordersReturned: 3, rate: 0.5 });
    expect(expected.topReturnedProducts.find((row) => row.sku === 'TAS')).toEqual({ sku: 'TAS', title: 'Tasse en grès', quantity: 5 });
    expect(expected.daily.length).toBe(31);
  });

  it('answers exactly the figures the definitions give over the seeded history', async () => {
    const summary = await shops.a.staff.dashboard.admin.summary({ days: 30 });
    expect(summary).toEqual(expectedSummary());
  });

  it('counts only the last 7 days in the 7-day window', async () => {
    const week = await shops.a.staff.dashboard.admin.summary({ days: 7 });
    expect(week.from).toEqual(ago(7));
    expect(week.daily).toHaveLength(8);
    expect(week.returnRate.ordersPlaced).toBe(ofA(orders).filter((o) => o.placedAt >= ago(7) && o.placedAt < now).length);
    expect(week.daily.reduce((sum, day) => sum + day.returnsRequested, 0)).toBe(ofA(returns).filter((r) => r.requestedAt >= ago(7) && r.requestedAt < now).length);
  });

  it("keeps each shop's figures to itself, and refuses another window", async () => {
    const b = await shops.b.staff.dashboard.admin.summary({ days: 30 });
    expect(b.returnRate).toEqual({ ordersPlaced: 1, ordersReturned: 1, rate: 1 });
    expect(b.topReturnedProducts).toEqual([{ sku: 'TAS', title: 'Tasse B', quantity: 9 }]);
    expect(b.averageRating).toMatchObject({ average: 1, count: 2 });
    expect(await failureCode(shops.a.staff.dashboard.admin.summary({ days: 14 as 7 }))).toBe('BAD_REQUEST');
  });

  it('exports the cases opened in the window as CSV, safe for spreadsheets', async () => {
    await app.deps.db.customer.updateMany({ where: { shopId: shops.a.shop.id }, data: { email: '=cmd|calc@example.fr' } });
    const { filename, csv } = await shops.a.staff.dashboard.admin.exportCases({ days: 30 });
    expect(filename).toBe('comptoir-cases-dashboard-a-2026-06-15.csv');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('type,reference,status,order_number,customer_email,opened_at,closed_at,next_deadline_at,rating');
    const opened = [
      ...ofA(returns).filter((r) => inWindow(r.requestedAt)).map((r) => r.requestedAt),
      ...ofA(claims).filter((c) => inWindow(c.openedAt)).map((c) => c.openedAt),
      ...ofA(tickets).filter((t) => inWindow(t.openedAt)).map((t) => t.openedAt),
    ];
    expect(lines).toHaveLength(1 + opened.length);
    expect(lines.slice(1).map((line) => line.split(',')[5])).toEqual(opened.sort((x, y) => x.getTime() - y.getTime()).map((at) => at.toISOString()));
    const refunded = lines.find((line) => line.startsWith('return,R-DASH01,'));
    // Prefixed with ' against formula injection, then quoted (RFC 4180) since it holds a quote.
    expect(refunded).toBe(`return,R-DASH01,refunded,O1,"'=cmd|calc@example.fr",${ago(18).toISOString()},${ago(14).toISOString()},,5`);
    expect(lines.filter((line) => line.startsWith('ticket,T-')).length).toBe(4);
  });
});
