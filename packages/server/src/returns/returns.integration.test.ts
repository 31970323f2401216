import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServicePolicyRulesInput } from '@comptoir/protocol';
import { createCaseShop, failureCode, type CaseShop } from '../cases/case-fixtures.js';
import { fireDueDeadlines } from '../deadlines/scheduler.js';
import type { DueDeadline } from '../deadlines/handlers.js';
import { backendHeaders } from '../test/fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { testDatabaseKind } from '../test/test-database.js';
import { refundDueHandler, returnApprovalHandler, returnDeadlineHandlers } from './deadline-handlers.js';

const hour = 3_600_000;
const start = '2026-06-15T10:00:00Z';

describe(`returns on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let seq = 0;

  /** A fresh shop per scenario, so policies and abuse counters do not leak between tests. */
  async function scenario(policy?: ServicePolicyRulesInput) {
    seq += 1;
    const shop = await createCaseShop(app, `returns-${seq}`);
    if (policy) await shop.setPolicy(policy);
    return shop;
  }

  async function orderFor(shop: CaseShop, email = `client${seq}@example.fr`, number = `R${seq}-1`) {
    const placed = await shop.placeOrder({ number, email });
    const line = await app.deps.db.orderLine.findFirstOrThrow({ where: { orderId: placed.orderId }, select: { id: true } });
    return { ...placed, lineId: line.id, shopper: shop.shopper(placed.customerId) };
  }

  async function deadlineOf(returnId: string, kind: string) {
    return app.deps.db.deadline.findUniqueOrThrow({ where: { caseType_caseId_kind: { caseType: 'return', caseId: returnId, kind } } });
  }

  function due(row: { id: string; shopId: string; caseType: string; caseId: string; kind: string; startsAt: Date; dueAt: Date }): DueDeadline {
    return { id: row.id, shopId: row.shopId, caseType: row.caseType, caseId: row.caseId, kind: row.kind, startsAt: row.startsAt, dueAt: row.dueAt };
  }

  beforeAll(async () => {
    // Monday 15 June 2026, 12:00 in Paris.
    app = await createTestApp({ now: start });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows each line with its verdict, deadline, methods, store-credit bonus and refund preview', async () => {
    const shop = await scenario();
    const { shopper } = await orderFor(shop);
    const form = await shopper.returns.widget.eligibility({ orderNumber: `R${seq}-1` });
    expect(form.needsReview).toBe(false);
    expect(form.lines).toHaveLength(1);
    const [line] = form.lines;
    expect(line).toMatchObject({ eligible: true, code: 'within_return_window', returnableQuantity: 2, methods: ['drop_off', 'post_own_cost'] });
    expect(line!.reason.fr).toContain('sans avoir à vous justifier');
    // Delivered 4 June: 30 days, to the end of 4 July in Paris.
    expect(line!.deadline?.toISOString()).toBe('2026-07-04T21:59:59.999Z');
    expect(line!.refundOptions[0]).toEqual({ kind: 'store_credit', creditMinor: 3_300, bonusMinor: 300, bonusPercent: 10 });
    expect(form.refundPreview).toMatchObject({ instant: false, dueHoursAfterReceipt: 48 });
    expect(await failureCode(shopper.returns.widget.eligibility({ orderNumber: 'NOT-MINE' }))).toBe('ORDER_NOT_FOUND');
  });

  it('runs request → approve → receive at the counter → refund, once per key, with clocks and messages', async () => {
    const shop = await scenario();
    const { orderId, lineId, shopper } = await orderFor(shop);
    const request = { orderId, lines: [{ orderLineId: lineId, quantity: 2, reason: 'wrong_size' as const }], method: 'drop_off' as const, resolution: 'refund' as const, idempotencyKey: 'form-0001' };
    const [created, again] = await Promise.all([shopper.returns.widget.create(request), shopper.returns.widget.create(request)]);
    expect(again.returnId).toBe(created.returnId);
    expect([created.isNew, again.isNew].sort()).toEqual([false, true]);
    expect(await app.deps.db.returnCase.count({ where: { orderId } })).toBe(1);
    expect(created.status).toBe('requested');
    expect(created.code).toMatch(/^R-[A-Z0-9]{6}$/);
    // One business day to answer: Tuesday, same time.
    expect(created.approvalDueAt?.toISOString()).toBe('2026-06-16T10:00:00.000Z');
    const approval = await deadlineOf(created.returnId, 'return_approval');
    expect(approval.remindAt?.toISOString()).toBe('2026-06-16T04:00:00.000Z');

    expect(await failureCode(shopper.returns.widget.create({ ...request, idempotencyKey: 'form-0002' }))).toBe('RETURN_NOT_ELIGIBLE');

    await shop.staff.returns.admin.approve({ returnId: created.returnId });
    expect((await deadlineOf(created.returnId, 'return_approval')).metAt).not.toBeNull();

    app.clock.set(new Date(Date.parse(start) + 3 * hour));
    const received = await shop.staff.returns.admin.receiveByCode({ code: created.code.toLowerCase() });
    expect(received.status).toBe('received');
    expect(received.refundDueAt?.toISOString()).toBe('2026-06-17T13:00:00.000Z');
    expect((await deadlineOf(created.returnId, 'refund_due')).dueAt.toISOString()).toBe('2026-06-17T13:00:00.000Z');

    const detail = await shop.staff.returns.admin.detail({ returnId: created.returnId });
    expect(detail.allowedActions).toEqual(expect.arrayContaining(['refund', 'refuse']));
    expect(detail.ledger.lines).toEqual([{ orderLineId: lineId, paidMinor: 3_000, refundedMinor: 0, remainingMinor: 3_000 }]);

    expect(await failureCode(shop.staff.returns.admin.refund({ returnId: created.returnId, provider: 'manual', idempotencyKey: 'refund-0001' }))).toBe(
      'REFUND_REFERENCE_REQUIRED',
    );
    const refund = await shop.staff.returns.admin.refund({ returnId: created.returnId, provider: 'manual', reference: 'VIR-42', idempotencyKey: 'refund-0001' });
    // The whole order came back: its shipping is refunded too.
    expect(refund).toMatchObject({ amountMinor: 3_500, refundStatus: 'succeeded', returnStatus: 'closed', isNew: true });
    const replay = await shop.staff.returns.admin.refund({ returnId: created.returnId, provider: 'manual', reference: 'VIR-42', idempotencyKey: 'refund-0001' });
    expect(replay).toMatchObject({ refundId: refund.refundId, isNew: false });
    expect(await failureCode(shop.staff.returns.admin.refund({ returnId: created.returnId, provider: 'manual', reference: 'VIR-43', idempotencyKey: 'refund-0002' }))).toBe(
      'REFUND_EXCEEDS_PAID',
    );
    expect((await deadlineOf(created.returnId, 'refund_due')).metAt).not.toBeNull();

    const seen = await shopper.returns.widget.detail({ returnId: created.returnId });
    expect(seen.status).toBe('closed');
    expect(seen.events.map((event) => event.toStatus)).toEqual(['requested', 'approved', 'received', 'refunded', 'closed']);
    expect(seen.nextPromise).toBeNull();
    await shopper.returns.widget.rate({ returnId: created.returnId, rating: 5, comment: 'Rapide' });
    expect(await failureCode(shopper.returns.widget.rate({ returnId: created.returnId, rating: 4 }))).toBe('CASE_NOT_RATEABLE');

    const outbox = await app.deps.db.outboxMessage.findMany({ where: { shopId: shop.shop.id, channel: 'email' }, select: { topic: true } });
    expect(outbox.map((row) => row.topic).sort()).toEqual([
      'loyalty_points_earned',
      'return_approved',
      'return_received',
      'return_refunded',
      'return_requested',
      'staff_case_rated',
      'staff_new_case',
    ]);
    app.clock.set(start);
  });

  it('refunds a returnless ("keep") request in store credit with the bonus as soon as it is approved', async () => {
    const shop = await scenario({ returns: { methods: { keep: true } } });
    const { orderId, lineId, customerId, shopper } = await orderFor(shop);
    const form = await shopper.returns.widget.eligibility({ orderNumber: `R${seq}-1` });
    // Keep is offered for what is under the threshold: one cup (15 €), not two.
    expect(form.lines[0]!.methods).not.toContain('keep');
    const created = await shopper.returns.widget.create({ orderId, lines: [{ orderLineId: lineId, quantity: 1 }], method: 'keep', resolution: 'store_credit', idempotencyKey: 'keep-0001' });
    expect(created.status).toBe('requested');
    await shop.staff.returns.admin.approve({ returnId: created.returnId });
    const seen = await shopper.returns.widget.detail({ returnId: created.returnId });
    expect(seen.status).toBe('closed');
    const credit = await app.deps.db.storeCreditEntry.findMany({ where: { customerId }, select: { kind: true, amountMinor: true }, orderBy: { kind: 'asc' } });
    expect(credit).toEqual([{ kind: 'bonus', amountMinor: 150 }, { kind: 'issue', amountMinor: 1_500 }]);
    expect(await failureCode(shopper.returns.widget.create({ orderId, lines: [{ orderLineId: lineId, quantity: 1 }], method: 'keep', resolution: 'refund', idempotencyKey: 'keep-0002' }))).toBe(
      'RETURN_METHOD_NOT_OFFERED',
    );
  });

  it('refunds a trusted customer in store credit at request, before the item is back, and closes at receipt', async () => {
    const shop = await scenario({ refunds: { instant: { enabled: true, minDeliveredOrders: 2 } } });
    const email = `fidele${seq}@example.fr`;
    await shop.placeOrder({ number: `T${seq}-0`, email });
    const { orderId, lineId, customerId, shopper } = await orderFor(shop, email, `T${seq}-1`);
    const form = await shopper.returns.widget.eligibility({ orderNumber: `T${seq}-1` });
    expect(form.refundPreview.instant).toBe(true);
    const created = await shopper.returns.widget.create({ orderId, lines: [{ orderLineId: lineId, quantity: 1 }], method: 'drop_off', resolution: 'store_credit', idempotencyKey: 'trust-0001' });
    expect(created.status).toBe('refunded');
    const events = await app.deps.db.event.findMany({ where: { subjectId: created.returnId, type: 'return.approved' }, select: { reason: true, actorType: true } });
    expect(events).toEqual([{ reason: 'policy.instant_refund', actorType: 'system' }]);
    expect(await app.deps.db.storeCreditEntry.count({ where: { customerId } })).toBe(2);
    const received = await shop.staff.returns.admin.receiveByCode({ code: created.code });
    expect(received.status).toBe('closed');
    expect(await app.deps.db.storeCreditEntry.count({ where: { customerId } })).toBe(2);
  });

  it('sends a request over the abuse limit to a person, tells the shopper, and never approves it by the clock', async () => {
    const shop = await scenario({ returns: { methods: { keep: true } }, abuse: { maxReturnsPer90Days: 1 } });
    const email = `souvent${seq}@example.fr`;
    const first = await orderFor(shop, email, `A${seq}-1`);
    await first.shopper.returns.widget.create({ orderId: first.orderId, lines: [{ orderLineId: first.lineId, quantity: 1 }], method: 'drop_off', resolution: 'refund', idempotencyKey: 'abuse-0001' });
    const second = await orderFor(shop, email, `A${seq}-2`);
    const form = await second.shopper.returns.widget.eligibility({ orderNumber: `A${seq}-2` });
    expect(form.needsReview).toBe(true);
    expect(form.lines[0]!.methods).not.toContain('keep');
    const created = await second.shopper.returns.widget.create({ orderId: second.orderId, lines: [{ orderLineId: second.lineId, quantity: 1 }], method: 'drop_off', resolution: 'refund', idempotencyKey: 'abuse-0002' });
    expect(created.status).toBe('needs_review');
    expect(created.reviewNotice?.fr).toContain('Une personne de la boutique');
    const seen = await second.shopper.returns.widget.detail({ returnId: created.returnId });
    expect(JSON.stringify(seen)).not.toContain('return_limit_reached');
    const staffView = await shop.staff.returns.admin.detail({ returnId: created.returnId });
    expect(staffView.reviewReason).toBe('return_limit_reached');
    expect(staffView.reviewMessage?.en).toBe('1 returns in the last 90 days (limit: 1).');

    const approval = await deadlineOf(created.returnId, 'return_approval');
    app.clock.set(new Date(approval.dueAt.getTime() + 60_000));
    await fireDueDeadlines(app.deps, app.clock.now(), { handlers: returnDeadlineHandlers, followUps: [] });
    expect((await shop.staff.returns.admin.detail({ returnId: created.returnId })).status).toBe('needs_review');
    expect(await app.deps.db.event.count({ where: { subjectId: created.returnId, type: 'return.deadline_missed', reason: 'needs_review' } })).toBe(1);
    app.clock.set(start);
    await shop.staff.returns.admin.approve({ returnId: created.returnId });
  });

  it('lets the shopper cancel before the item is sent, stopping the clock', async () => {
    const shop = await scenario();
    const { orderId, lineId, shopper } = await orderFor(shop);
    const created = await shopper.returns.widget.create({ orderId, lines: [{ orderLineId: lineId, quantity: 1 }], method: 'post_own_cost', resolution: 'refund', idempotencyKey: 'cancel-0001' });
    expect((await shopper.returns.widget.cancel({ returnId: created.returnId })).status).toBe('cancelled');
    expect((await deadlineOf(created.returnId, 'return_approval')).cancelledAt).not.toBeNull();
    expect(await failureCode(shopper.returns.widget.cancel({ returnId: created.returnId }))).toBe('INVALID_TRANSITION');
    // The cancelled quantity is returnable again.
    const form = await shopper.returns.widget.eligibility({ orderNumber: `R${seq}-1` });
    expect(form.lines[0]!.returnableQuantity).toBe(2);
    const list = await shopper.returns.widget.list({});
    expect(list.returns.map((row) => row.status)).toEqual(['cancelled']);
  });

  it('refuses with the reason the shopper then reads, and cannot refuse twice', async () => {
    const shop = await scenario();
    const { orderId, lineId, shopper } = await orderFor(shop);
    const created = await shopper.returns.widget.create({ orderId, lines: [{ orderLineId: lineId, quantity: 1 }], method: 'drop_off', resolution: 'refund', idempotencyKey: 'refuse-0001' });
    expect(await failureCode(shop.staff.returns.admin.refuse({ returnId: created.returnId, reason: '' }))).toBe('BAD_REQUEST');
    await shop.staff.returns.admin.refuse({ returnId: created.returnId, reason: 'Article porté' });
    const seen = await shopper.returns.widget.detail({ returnId: created.returnId });
    expect(seen.events.at(-1)).toMatchObject({ toStatus: 'refused', reason: 'Article porté' });
    expect(await failureCode(shop.staff.returns.admin.refuse({ returnId: created.returnId, reason: 'encore' }))).toBe('INVALID_TRANSITION');
  });

  it('keeps the policy version it was opened under after the shop changes its policy', async () => {
    const shop = await scenario();
    const { orderId, lineId, shopper } = await orderFor(shop);
    const created = await shopper.returns.widget.create({ orderId, lines: [{ orderLineId: lineId, quantity: 1 }], method: 'drop_off', resolution: 'refund', idempotencyKey: 'version-0001' });
    await shop.setPolicy({ returns: { approvalBusinessDays: 3 }, refunds: { dueHours: 24 } });
    const row = await app.deps.db.returnCase.findUniqueOrThrow({ where: { id: created.returnId }, select: { policyVersion: true } });
    expect(row.policyVersion).toBe(1);

    const approval = await deadlineOf(created.returnId, 'return_approval');
    expect(approval.dueAt.toISOString()).toBe('2026-06-16T10:00:00.000Z');
    app.clock.set(new Date(approval.dueAt.getTime() + 60_000));
    await fireDueDeadlines(app.deps, app.clock.now(), { handlers: returnDeadlineHandlers, followUps: [] });
    const seen = await shopper.returns.widget.detail({ returnId: created.returnId });
    expect(seen.status).toBe('approved');
    const decision = seen.events.find((event) => event.type === 'return.approved');
    expect(decision?.reason).toBe('auto.return_approved');
    expect(decision?.reasonMessage?.fr).toBe('Accepté automatiquement : la boutique n’a pas répondu sous 1 jour ouvré');
    // Received now: the refund clock is the case's 48 hours, not the new policy's 24.
    const received = await shop.staff.returns.admin.receiveByCode({ code: created.code });
    expect(received.refundDueAt?.getTime()).toBe(app.clock.now().getTime() + 48 * hour);
    app.clock.set(start);
  });

  it('auto-approves once when the approval handler runs twice in two transactions', async () => {
    const shop = await scenario();
    const { orderId, lineId } = await orderFor(shop);
    const created = await shop.shopper((await app.deps.db.order.findUniqueOrThrow({ where: { id: orderId } })).customerId).returns.widget.create({
      orderId,
      lines: [{ orderLineId: lineId, quantity: 1 }],
      method: 'drop_off',
      resolution: 'refund',
      idempotencyKey: 'twice-0001',
    });
    const row = await deadlineOf(created.returnId, 'return_approval');
    app.clock.set(new Date(row.dueAt.getTime() + 60_000));
    await app.deps.db.$transaction((tx) => returnApprovalHandler.fire(tx, app.deps, due(row)));
    await app.deps.db.$transaction((tx) => returnApprovalHandler.fire(tx, app.deps, due(row)));
    expect(await app.deps.db.event.count({ where: { subjectId: created.returnId, type: 'return.approved' } })).toBe(1);
    expect(await app.deps.db.outboxMessage.count({ where: { dedupeKey: `return:${created.returnId}:approved` } })).toBe(1);
    app.clock.set(start);
  });

  it('records the carrier scan and delivery from the back end, starting the refund clock at the scan, then escalates a late refund once', async () => {
    const shop = await scenario({ goodwill: { loyaltyPointsOnMissedPromise: 50 } });
    const { orderId, lineId, shopper } = await orderFor(shop);
    const created = await shopper.returns.widget.create({ orderId, lines: [{ orderLineId: lineId, quantity: 1 }], method: 'post_own_cost', resolution: 'refund', idempotencyKey: 'parcel-0001' });
    const backend = app.caller({ headers: backendHeaders(shop.secretKey) });
    expect(await failureCode(backend.returns.backend.recordParcelScan({ code: created.code }))).toBe('INVALID_TRANSITION');
    await shop.staff.returns.admin.approve({ returnId: created.returnId });
    const scan = await backend.returns.backend.recordParcelScan({ code: created.code, at: '2026-06-15T08:00:00Z' });
    expect(scan).toMatchObject({ status: 'in_transit', changed: true, refundDueAt: '2026-06-17T08:00:00.000Z' });
    expect(await backend.returns.backend.recordParcelScan({ code: created.code })).toMatchObject({ changed: false });
    const delivered = await backend.returns.backend.recordParcelDelivered({ code: created.code });
    expect(delivered).toMatchObject({ status: 'received', changed: true, refundDueAt: '2026-06-17T08:00:00.000Z' });
    expect(await failureCode(backend.returns.backend.recordParcelScan({ code: 'R-NOPE00' }))).toBe('RETURN_CODE_UNKNOWN');

    const refundDue = await deadlineOf(created.returnId, 'refund_due');
    app.clock.set(new Date(refundDue.dueAt.getTime() + 60_000));
    await app.deps.db.$transaction((tx) => refundDueHandler.fire(tx, app.deps, due(refundDue)));
    await app.deps.db.$transaction((tx) => refundDueHandler.fire(tx, app.deps, due(refundDue)));
    expect(await app.deps.db.event.count({ where: { subjectId: created.returnId, type: 'return.refund_escalated' } })).toBe(1);
    const escalated = await shop.staff.returns.admin.detail({ returnId: created.returnId });
    expect(escalated.escalatedAt).not.toBeNull();
    // Both sides read why, in words, not a code.
    expect(escalated.events.find((event) => event.type === 'return.refund_escalated')?.reasonMessage?.en).toBe(
      'Refund overdue: the shop had 48 hours to refund. The case now comes first.',
    );
    const goodwill = await app.deps.db.loyaltyEntry.findMany({ where: { sourceType: 'deadline', sourceId: refundDue.id }, select: { points: true } });
    expect(goodwill).toEqual([{ points: 50 }]);
    app.clock.set(start);
  });

  it('follows an exchange: confirmed once the item is back, closed when the replacement is delivered', async () => {
    const shop = await scenario();
    const number = `X${seq}-1`;
    const placed = await shop.placeOrder({
      number,
      email: `swap${seq}@example.fr`,
      lines: [{ sku: 'TAS', title: 'Tasse en grès', variant: 'Rouge', quantity: 2, unitPriceMinor: 1_500, exchangeOptions: [{ sku: 'TAS-BLEU', label: 'Bleu' }, { sku: 'TAS-VERT', label: 'Vert' }] }],
    });
    const shopper = shop.shopper(placed.customerId);
    const orderId = placed.orderId;
    const form = await shopper.returns.widget.eligibility({ orderNumber: number });
    // The variants the shop sent with the order are what the widget offers.
    expect(form.lines[0]!.exchangeOptions).toEqual([{ sku: 'TAS-BLEU', label: 'Bleu' }, { sku: 'TAS-VERT', label: 'Vert' }]);
    const lineId = form.lines[0]!.orderLineId;
    expect(await failureCode(shopper.returns.widget.create({ orderId, lines: [{ orderLineId: lineId, quantity: 1 }], method: 'drop_off', resolution: 'exchange', idempotencyKey: 'swap-0000' }))).toBe(
      'BAD_REQUEST',
    );
    // A SKU the shop did not offer for this line is refused; the same SKU (a replacement) is always allowed.
    expect(
      await failureCode(
        shopper.returns.widget.create({ orderId, lines: [{ orderLineId: lineId, quantity: 1, exchangeSku: 'TAS-OR-MASSIF' }], method: 'drop_off', resolution: 'exchange', idempotencyKey: 'swap-0002' }),
      ),
    ).toBe('EXCHANGE_VARIANT_NOT_OFFERED');
    expect(await app.deps.db.returnCase.count({ where: { orderId } })).toBe(0);
    const created = await shopper.returns.widget.create({
      orderId,
      lines: [{ orderLineId: lineId, quantity: 1, exchangeSku: 'TAS-BLEU' }],
      method: 'drop_off',
      resolution: 'exchange',
      idempotencyKey: 'swap-0001',
    });
    const detail = await shopper.returns.widget.detail({ returnId: created.returnId });
    expect(detail.lines.map((line) => [line.exchangeSku, line.orderLine.exchangeOptions])).toEqual([['TAS-BLEU', [{ sku: 'TAS-BLEU', label: 'Bleu' }, { sku: 'TAS-VERT', label: 'Vert' }]]]);
    await shop.staff.returns.admin.receiveByCode({ code: created.code });
    expect(await app.deps.db.deadline.count({ where: { caseId: created.returnId, kind: 'refund_due' } })).toBe(0);
    expect(await shop.staff.returns.admin.updateExchange({ returnId: created.returnId, to: 'confirmed', replacementOrder: 'R-EX-1' })).toEqual({
      exchangeStatus: 'confirmed',
      returnStatus: 'exchanged',
    });
    await shop.staff.returns.admin.updateExchange({ returnId: created.returnId, to: 'shipped' });
    expect((await shop.staff.returns.admin.updateExchange({ returnId: created.returnId, to: 'delivered' })).returnStatus).toBe('closed');
  });

  it('approves in bulk and reports the ones that could not be', async () => {
    const shop = await scenario();
    const a = await orderFor(shop, `bulk-a${seq}@example.fr`, `B${seq}-1`);
    const b = await orderFor(shop, `bulk-b${seq}@example.fr`, `B${seq}-2`);
    const ra = await a.shopper.returns.widget.create({ orderId: a.orderId, lines: [{ orderLineId: a.lineId, quantity: 1 }], method: 'drop_off', resolution: 'refund', idempotencyKey: 'bulk-0001' });
    const rb = await b.shopper.returns.widget.create({ orderId: b.orderId, lines: [{ orderLineId: b.lineId, quantity: 1 }], method: 'drop_off', resolution: 'refund', idempotencyKey: 'bulk-0002' });
    await b.shopper.returns.widget.cancel({ returnId: rb.returnId });
    const result = await shop.staff.returns.admin.bulkApprove({ returnIds: [ra.returnId, rb.returnId] });
    expect(result).toEqual([
      { returnId: ra.returnId, ok: true, status: 'approved' },
      { returnId: rb.returnId, ok: false, code: 'INVALID_TRANSITION' },
    ]);
  });
});
