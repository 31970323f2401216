import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimMachine, ClaimStatus } from '@comptoir/protocol';
import { systemActor } from '../core/actor.js';
import { DomainError } from '../core/domain-error.js';
import { createCaseShop, failureCode, testOrigin, tinyPng, type CaseShop } from '../cases/case-fixtures.js';
import { fireDueDeadlines } from '../deadlines/scheduler.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { testDatabaseKind } from '../test/test-database.js';
import { autoRefundKey } from './auto-refund.js';
import { transitionClaim } from './service.js';

const minute = 60_000;

describe(`claims on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let shop: CaseShop;
  let orderSeq = 0;

  async function openDamagedClaim(target: CaseShop = shop) {
    orderSeq += 1;
    const { orderId, customerId } = await target.placeOrder({ number: `C-${orderSeq}`, email: `client${orderSeq}@example.fr` });
    const shopper = target.shopper(customerId);
    const opened = await shopper.claims.widget.open({ orderId, kind: 'damaged', description: 'La tasse est arrivée fêlée.' });
    return { orderId, customerId, shopper, ...opened };
  }

  beforeAll(async () => {
    // Monday 15 June 2026, 10:00 UTC (12:00 in Paris).
    app = await createTestApp({ now: '2026-06-15T10:00:00Z' });
    shop = await createCaseShop(app, 'claims-shop');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('tells the shopper which claims are open on an order, with the reason for the others', async () => {
    const { orderId, customerId } = await shop.placeOrder({ number: 'E-1', email: 'elig@example.fr', deliveredAt: undefined, promisedDeliveryBy: '2026-06-14T18:00:00Z' });
    const verdicts = await shop.shopper(customerId).claims.widget.eligibility({ orderId });
    const byKind = Object.fromEntries(verdicts.map((verdict) => [verdict.kind, verdict]));
    expect(byKind.not_received?.eligible).toBe(false);
    expect(byKind.not_received?.code).toBe('claim_not_yet_open');
    expect(byKind.damaged?.code).toBe('claim_not_delivered');
    expect(await failureCode(shop.shopper(customerId).claims.widget.open({ orderId, kind: 'not_received', description: 'Rien reçu' }))).toBe(
      'CLAIM_NOT_ELIGIBLE',
    );
  });

  it('opens a claim with photos, starts a 2-business-day clock and refuses a second one of the same kind', async () => {
    const { orderId, customerId } = await shop.placeOrder({ number: 'P-1', email: 'photo@example.fr' });
    const shopper = shop.shopper(customerId);
    const opened = await shopper.claims.widget.open({
      orderId,
      kind: 'damaged',
      description: 'Anse cassée',
      photos: [{ filename: 'anse.png', contentType: 'image/png', dataBase64: tinyPng }],
    });
    expect(opened.status).toBe('open');
    // Two business days from Monday noon in Paris: Wednesday, same time.
    expect(opened.answerDueAt.toISOString()).toBe('2026-06-17T10:00:00.000Z');
    const detail = await shopper.claims.widget.detail({ claimId: opened.claimId });
    expect(detail.photos).toEqual([expect.objectContaining({ filename: 'anse.png', contentType: 'image/png', sizeBytes: expect.any(Number) })]);
    expect(detail.nextDeadlineAt?.toISOString()).toBe('2026-06-17T10:00:00.000Z');
    expect(await failureCode(shopper.claims.widget.open({ orderId, kind: 'damaged', description: 'Encore' }))).toBe('CLAIM_ALREADY_OPEN');
    const outbox = await app.deps.db.outboxMessage.findMany({ where: { dedupeKey: `claim:${opened.claimId}:opened` }, select: { topic: true, payload: true } });
    expect(outbox.map((row) => row.topic)).toContain('claim_opened');

    // The email's link opens the widget on the shop's own site, signed in once, on this claim.
    const { url } = (outbox.find((row) => row.topic === 'claim_opened')!.payload as { data: { url: string } }).data;
    expect(url.startsWith(`${testOrigin}/#comptoir-link=`)).toBe(true);
    const token = decodeURIComponent(url.split('#comptoir-link=')[1]!);
    const signedIn = await shopper.sessions.widget.verifyLink({ token });
    expect(signedIn.opens).toEqual({ caseType: 'claim', caseId: opened.claimId });
    expect(await failureCode(shopper.sessions.widget.verifyLink({ token }))).toBe('SHOPPER_LINK_INVALID');

    // The photo comes back byte for byte to its shopper and to the staff, and to nobody else.
    const photoId = detail.photos[0]!.id;
    expect(await shopper.cases.widget.attachment({ attachmentId: photoId })).toMatchObject({ filename: 'anse.png', contentType: 'image/png', dataBase64: tinyPng });
    expect((await shop.staff.cases.admin.attachment({ attachmentId: photoId })).dataBase64).toBe(tinyPng);
    const neighbour = await shop.placeOrder({ number: 'P-2', email: 'voisin@example.fr' });
    expect(await failureCode(shop.shopper(neighbour.customerId).cases.widget.attachment({ attachmentId: photoId }))).toBe('ATTACHMENT_NOT_FOUND');
  });

  it('refuses photos that are not images, lie about their type or are too large', async () => {
    const { orderId, customerId } = await shop.placeOrder({ number: 'P-2', email: 'badphoto@example.fr' });
    const shopper = shop.shopper(customerId);
    const open = (photo: { filename: string; contentType: string; dataBase64: string }) =>
      shopper.claims.widget.open({ orderId, kind: 'damaged', description: 'x', photos: [photo] });
    expect(await failureCode(open({ filename: 'a.pdf', contentType: 'application/pdf', dataBase64: Buffer.from('%PDF-1.4').toString('base64') }))).toBe(
      'ATTACHMENT_REJECTED',
    );
    expect(await failureCode(open({ filename: 'a.png', contentType: 'image/png', dataBase64: Buffer.from('not a png').toString('base64') }))).toBe(
      'ATTACHMENT_REJECTED',
    );
    const big = Buffer.alloc(5 * 1024 * 1024 + 1);
    Buffer.from(tinyPng, 'base64').copy(big);
    // One byte over the limit passes the input's length bound and is caught on the decoded size…
    expect(await failureCode(open({ filename: 'big.png', contentType: 'image/png', dataBase64: big.toString('base64') }))).toBe('ATTACHMENT_REJECTED');
    // …and anything far larger never reaches the service.
    const huge = Buffer.concat([big, Buffer.alloc(1024 * 1024)]).toString('base64');
    expect(await failureCode(open({ filename: 'huge.png', contentType: 'image/png', dataBase64: huge }))).toBe('BAD_REQUEST');
    expect(await app.deps.db.claim.count({ where: { orderId } })).toBe(0);
  });

  it('stops the clock when the shop answers: the deadline passing then changes nothing', async () => {
    const claim = await openDamagedClaim();
    await shop.staff.claims.admin.answer({ claimId: claim.claimId, message: 'Nous envoyons une nouvelle tasse.' });
    app.clock.set(new Date(claim.answerDueAt.getTime() + minute));
    await fireDueDeadlines(app.deps, app.clock.now());
    const detail = await shop.staff.claims.admin.detail({ claimId: claim.claimId });
    expect(detail.status).toBe('answered');
    expect(detail.nextDeadlineAt).toBeNull();
    expect(await app.deps.db.refund.count({ where: { claimId: claim.claimId } })).toBe(0);
    await shop.staff.claims.admin.resolve({ claimId: claim.claimId, resolution: 'replacement' });
    await claim.shopper.claims.widget.rate({ claimId: claim.claimId, rating: 5, comment: 'Parfait' });
    expect(await failureCode(claim.shopper.claims.widget.rate({ claimId: claim.claimId, rating: 1 }))).toBe('CASE_NOT_RATEABLE');
    app.clock.set('2026-06-15T10:00:00Z');
  });

  it('reminds the shop at 75%, then decides for the shopper and refunds once when the shop misses the deadline', async () => {
    const claim = await openDamagedClaim();
    const deadline = await app.deps.db.deadline.findFirstOrThrow({ where: { caseId: claim.claimId } });
    app.clock.set(new Date(deadline.remindAt!.getTime() + minute));
    const first = await fireDueDeadlines(app.deps, app.clock.now());
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    const reminders = await app.deps.db.event.count({ where: { subjectId: claim.claimId, type: 'claim.deadline_reminder' } });
    expect(reminders).toBe(1);

    app.clock.set(new Date(claim.answerDueAt.getTime() + minute));
    await fireDueDeadlines(app.deps, app.clock.now());
    await fireDueDeadlines(app.deps, app.clock.now());

    const refunds = await app.deps.db.refund.findMany({ where: { claimId: claim.claimId }, select: { idempotencyKey: true, status: true, amountMinor: true, provider: true } });
    expect(refunds).toEqual([{ idempotencyKey: autoRefundKey(claim.claimId), status: 'succeeded', amountMinor: 3_500, provider: 'store_credit' }]);
    const decided = await app.deps.db.event.findMany({ where: { subjectId: claim.claimId, type: 'claim.auto_decided' } });
    expect(decided).toHaveLength(1);
    expect(decided[0]?.reason).toBe('auto.claim_refunded');

    const seen = await claim.shopper.claims.widget.detail({ claimId: claim.claimId });
    expect(seen.status).toBe('refunded');
    const decision = seen.events.find((event) => event.type === 'claim.auto_decided');
    expect(decision?.reasonMessage?.fr).toBe('Remboursé automatiquement : la boutique n’a pas répondu sous 2 jours ouvrés');
    expect(seen.events.some((event) => event.type === 'claim.deadline_reminder')).toBe(false);
    const staffView = await shop.staff.cases.admin.timeline({ caseType: 'claim', caseId: claim.claimId });
    expect(staffView.some((event) => event.type === 'claim.deadline_reminder')).toBe(true);
    expect(staffView.some((event) => event.type === 'refund.created')).toBe(true);

    // Staff were told of the new claim, at 75% and when Comptoir kept the promise for them.
    const staffEmails = await app.deps.db.outboxMessage.findMany({
      where: { shopId: shop.shop.id, topic: { startsWith: 'staff_' } },
      select: { topic: true, payload: true },
    });
    const aboutThisClaim = staffEmails.filter((message) => JSON.stringify(message.payload).includes(claim.claimId));
    expect(aboutThisClaim.map((message) => message.topic).sort()).toEqual(['staff_deadline_missed', 'staff_deadline_reminder', 'staff_new_case']);
    const missed = aboutThisClaim.find((message) => message.topic === 'staff_deadline_missed')!.payload as { data: { outcome: unknown; url: string } };
    expect(missed.data.outcome).toEqual(decision?.reasonMessage);
    expect(missed.data.url).toMatch(new RegExp(`/admin/#/case\\?type=claim&id=${claim.claimId}$`));
    app.clock.set('2026-06-15T10:00:00Z');
  });

  it('takes each automatic decision once when two schedulers run at the same time', async () => {
    const claims = [];
    for (let i = 0; i < 8; i += 1) claims.push(await openDamagedClaim());
    app.clock.set(new Date(claims[0]!.answerDueAt.getTime() + minute));
    await Promise.all([fireDueDeadlines(app.deps, app.clock.now()), fireDueDeadlines(app.deps, app.clock.now())]);
    for (const claim of claims) {
      expect(await app.deps.db.event.count({ where: { subjectId: claim.claimId, type: 'claim.auto_decided' } })).toBe(1);
      expect(await app.deps.db.refund.count({ where: { claimId: claim.claimId } })).toBe(1);
    }
    app.clock.set('2026-06-15T10:00:00Z');
  });

  it('records the miss without acting when the shop turned automatic refunds off', async () => {
    const other = await createCaseShop(app, 'claims-off');
    await other.setPolicy({ automation: { autoRefundClaims: false } });
    const claim = await openDamagedClaim(other);
    app.clock.set(new Date(claim.answerDueAt.getTime() + minute));
    await fireDueDeadlines(app.deps, app.clock.now());
    const detail = await other.staff.claims.admin.detail({ claimId: claim.claimId });
    expect(detail.status).toBe('open');
    expect(detail.events.map((event) => event.type)).toContain('claim.deadline_missed');
    expect(await app.deps.db.refund.count({ where: { claimId: claim.claimId } })).toBe(0);
    app.clock.set('2026-06-15T10:00:00Z');
  });

  it('escalates to staff when no provider can refund by itself, and then refuses a rejection', async () => {
    const other = await createCaseShop(app, 'claims-manual');
    await other.setPolicy({ refunds: { storeCredit: { offerFirst: false } } });
    const claim = await openDamagedClaim(other);
    app.clock.set(new Date(claim.answerDueAt.getTime() + minute));
    await fireDueDeadlines(app.deps, app.clock.now());
    const detail = await other.staff.claims.admin.detail({ claimId: claim.claimId });
    expect(detail.status).toBe('escalated');
    expect(detail.events.at(-1)?.reason).toBe('auto.refund_needs_staff');
    const inbox = await other.staff.cases.admin.inbox({});
    expect(inbox.cases[0]).toMatchObject({ type: 'claim', id: claim.claimId, status: 'escalated', isOverdue: true });
    expect(await failureCode(other.staff.claims.admin.resolve({ claimId: claim.claimId, resolution: 'reject', reason: 'Non' }))).toBe(
      'CLAIM_DECIDED_FOR_SHOPPER',
    );
    const refunded = await other.staff.claims.admin.resolve({
      claimId: claim.claimId,
      resolution: 'refund',
      provider: 'manual',
      reference: 'VIR-2026-0042',
      idempotencyKey: 'staff-click-1',
    });
    expect(refunded.status).toBe('refunded');
    app.clock.set('2026-06-15T10:00:00Z');
  });

  it('lets the shop reject with a reason, the shopper appeal, and refuses moves the machine forbids', async () => {
    const claim = await openDamagedClaim();
    await shop.staff.claims.admin.resolve({ claimId: claim.claimId, resolution: 'reject', reason: 'Dommage causé après livraison' });
    expect(await failureCode(claim.shopper.claims.widget.withdraw({ claimId: claim.claimId }))).toBe('INVALID_TRANSITION');
    await claim.shopper.claims.widget.appeal({ claimId: claim.claimId });
    const detail = await claim.shopper.claims.widget.detail({ claimId: claim.claimId });
    expect(detail.status).toBe('escalated');
    expect(detail.events.find((event) => event.type === 'claim.rejected')?.reason).toBe('Dommage causé après livraison');
    const list = await claim.shopper.claims.widget.list({});
    expect(list.claims.map((row) => row.id)).toEqual([claim.claimId]);
  });

  it('lets the shopper withdraw an open claim, which cancels its clock', async () => {
    const claim = await openDamagedClaim();
    await claim.shopper.claims.widget.withdraw({ claimId: claim.claimId });
    const deadline = await app.deps.db.deadline.findFirstOrThrow({ where: { caseId: claim.claimId } });
    expect(deadline.cancelledAt).not.toBeNull();
    expect(await failureCode(shop.staff.claims.admin.answer({ claimId: claim.claimId, message: 'Trop tard' }))).toBe('INVALID_TRANSITION');
  });

  it('hides other shoppers’ and other shops’ claims', async () => {
    const claim = await openDamagedClaim();
    const stranger = await shop.placeOrder({ number: 'S-1', email: 'stranger@example.fr' });
    expect(await failureCode(shop.shopper(stranger.customerId).claims.widget.detail({ claimId: claim.claimId }))).toBe('CLAIM_NOT_FOUND');
    const other = await createCaseShop(app, 'claims-other');
    expect(await failureCode(other.staff.claims.admin.detail({ claimId: claim.claimId }))).toBe('CLAIM_NOT_FOUND');
  });

  it('applies every transition of the claim table and refuses every other one', async () => {
    const { orderId, customerId } = await shop.placeOrder({ number: 'T-1', email: 'table@example.fr' });
    const claim = await app.deps.db.claim.create({
      data: { shopId: shop.shop.id, orderId, customerId, kind: 'damaged', status: 'open', policyVersion: 1, openedAt: app.clock.now() },
      select: { id: true },
    });
    for (const from of claimMachine.statuses) {
      for (const to of claimMachine.statuses) {
        await app.deps.db.claim.update({ where: { id: claim.id }, data: { status: from } });
        const move = app.deps.db.$transaction((tx) =>
          transitionClaim(tx, { id: claim.id, shopId: shop.shop.id, status: from }, to as ClaimStatus, { actor: systemActor, at: app.clock.now(), type: 'claim.test' }),
        );
        if (claimMachine.transitions[from].includes(to)) {
          await move;
          expect((await app.deps.db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe(to);
        } else {
          await expect(move).rejects.toSatisfy((error: unknown) => error instanceof DomainError && error.code === 'INVALID_TRANSITION');
        }
      }
    }
  });
});
