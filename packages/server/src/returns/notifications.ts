import type { Locale, Localized } from '@comptoir/protocol';
import type { Db, Deps } from '../core/deps.js';
import { enqueue } from '../notifications/outbox.js';
import { createCaseLink } from '../notifications/shopper-code.js';

/** What making a signed case link needs. */
type LinkDeps = Pick<Deps, 'config' | 'clock'>;
import { adminCaseUrl, notifyStaffDeadlineMissed, notifyStaffDeadlineReminder, notifyStaffNewCase } from '../notifications/staff-alerts.js';

/**
 * The messages a return causes, one function per message. Each writes to the outbox in the caller's
 * transaction (sent after commit) with a dedupe key naming its cause, so a retried transition or a
 * second run of a handler never sends twice.
 */

/** A return as its messages name it. */
export interface ReturnMessageCase {
  id: string;
  shopId: string;
  code: string;
  orderId: string;
  orderNumber: string;
  customerId: string;
  customerEmail: string;
  locale: Locale;
}

/** The shopper's link to a return: the widget on the shop's site, open on it, signed in once. */
function returnLink(tx: Db, deps: LinkDeps, target: ReturnMessageCase): Promise<string> {
  return createCaseLink(deps, tx, { shopId: target.shopId, customerId: target.customerId, caseType: 'return', caseId: target.id });
}

/** The staff's link to a return in the admin. */
export function adminReturnUrl(deps: Pick<Deps, 'config'>, returnId: string): string {
  return adminCaseUrl(deps, 'return', returnId);
}

async function shopperData(tx: Db, deps: LinkDeps, target: ReturnMessageCase) {
  return { returnCode: target.code, orderNumber: target.orderNumber, url: await returnLink(tx, deps, target) };
}


/** Request received: email to the shopper, new-case alert to staff, webhook `return.requested`. */
export async function notifyReturnRequested(
  tx: Db,
  deps: LinkDeps,
  target: ReturnMessageCase & { status: string; needsReview: boolean },
  at: Date,
): Promise<void> {
  await enqueue(tx, {
    channel: 'email',
    shopId: target.shopId,
    topic: 'return_requested',
    dedupeKey: `return:${target.id}:requested`,
    to: target.customerEmail,
    locale: target.locale,
    customerId: target.customerId,
    data: { ...(await shopperData(tx, deps, target)), needsReview: target.needsReview },
    at,
  });
  await notifyStaffNewCase(tx, deps, { shopId: target.shopId, caseType: 'return', caseId: target.id, caseRef: target.code, orderNumber: target.orderNumber }, at);
  await enqueue(tx, {
    channel: 'webhook',
    shopId: target.shopId,
    type: 'return.requested',
    dedupeKey: `return:${target.id}:requested`,
    data: { returnId: target.id, code: target.code, orderId: target.orderId, orderNumber: target.orderNumber, status: target.status },
    at,
  });
}

/** Approved (by staff or by the clock): email with the way back, webhook `return.approved`. */
export async function notifyReturnApproved(
  tx: Db,
  deps: LinkDeps,
  target: ReturnMessageCase & { method: string; reason: string | null },
  at: Date,
): Promise<void> {
  await enqueue(tx, {
    channel: 'email',
    shopId: target.shopId,
    topic: 'return_approved',
    dedupeKey: `return:${target.id}:approved`,
    to: target.customerEmail,
    locale: target.locale,
    customerId: target.customerId,
    data: await shopperData(tx, deps, target),
    at,
  });
  await enqueue(tx, {
    channel: 'webhook',
    shopId: target.shopId,
    type: 'return.approved',
    dedupeKey: `return:${target.id}:approved`,
    data: { returnId: target.id, code: target.code, orderId: target.orderId, method: target.method, reason: target.reason },
    at,
  });
}

/** Refused by staff: webhook `return.refused` (the shopper sees the reason in the widget). */
export async function notifyReturnRefused(tx: Db, target: ReturnMessageCase, reason: string, at: Date): Promise<void> {
  await enqueue(tx, {
    channel: 'webhook',
    shopId: target.shopId,
    type: 'return.refused',
    dedupeKey: `return:${target.id}:refused`,
    data: { returnId: target.id, code: target.code, orderId: target.orderId, reason },
    at,
  });
}

/** The item is back (counter or parcel delivered): email with the refund date, webhook `return.received`. */
export async function notifyReturnReceived(
  tx: Db,
  deps: LinkDeps,
  target: ReturnMessageCase & { refundDueAt: Date | null },
  at: Date,
): Promise<void> {
  await enqueue(tx, {
    channel: 'email',
    shopId: target.shopId,
    topic: 'return_received',
    dedupeKey: `return:${target.id}:received`,
    to: target.customerEmail,
    locale: target.locale,
    customerId: target.customerId,
    data: { ...(await shopperData(tx, deps, target)), refundDueAt: target.refundDueAt?.toISOString() ?? null },
    at,
  });
  await enqueue(tx, {
    channel: 'webhook',
    shopId: target.shopId,
    type: 'return.received',
    dedupeKey: `return:${target.id}:received`,
    data: { returnId: target.id, code: target.code, orderId: target.orderId },
    at,
  });
}

/** A refund of the return succeeded: email (refund or store credit), webhook `store_credit.issued`. */
export async function notifyReturnRefunded(
  tx: Db,
  deps: LinkDeps,
  target: ReturnMessageCase & { refundId: string; provider: string; amountMinor: number; currency: string; bonusMinor: number },
  at: Date,
): Promise<void> {
  const amount = { amountMinor: target.amountMinor, currency: target.currency };
  if (target.provider === 'store_credit') {
    await enqueue(tx, {
      channel: 'email',
      shopId: target.shopId,
      topic: 'store_credit_issued',
      dedupeKey: `refund:${target.refundId}:succeeded`,
      to: target.customerEmail,
      locale: target.locale,
      customerId: target.customerId,
      data: {
        amount: { amountMinor: target.amountMinor + target.bonusMinor, currency: target.currency },
        bonus: target.bonusMinor > 0 ? { amountMinor: target.bonusMinor, currency: target.currency } : null,
        url: await returnLink(tx, deps, target),
      },
      at,
    });
    await enqueue(tx, {
      channel: 'webhook',
      shopId: target.shopId,
      type: 'store_credit.issued',
      dedupeKey: `refund:${target.refundId}:store_credit`,
      data: { refundId: target.refundId, returnId: target.id, customerId: target.customerId, amountMinor: target.amountMinor, bonusMinor: target.bonusMinor, currency: target.currency },
      at,
    });
  } else {
    await enqueue(tx, {
      channel: 'email',
      shopId: target.shopId,
      topic: 'return_refunded',
      dedupeKey: `refund:${target.refundId}:succeeded`,
      to: target.customerEmail,
      locale: target.locale,
      customerId: target.customerId,
      data: { ...(await shopperData(tx, deps, target)), amount },
      at,
    });
  }
  // The `refund.succeeded` webhook is queued where every refund settles (refunds/service.ts applySettlement).
}

/** A deadline of the return reached 75%: alert to staff. */
export async function notifyStaffReturnReminder(tx: Db, deps: Pick<Deps, 'config'>, target: { id: string; shopId: string; code: string; deadlineId: string; dueAt: Date }, at: Date): Promise<void> {
  await notifyStaffDeadlineReminder(
    tx,
    deps,
    { shopId: target.shopId, caseType: 'return', caseId: target.id, caseRef: target.code, deadlineId: target.deadlineId, dueAt: target.dueAt },
    at,
  );
}

/** A deadline of the return passed: alert to staff saying what Comptoir did. */
export async function notifyStaffReturnDeadlineMissed(
  tx: Db,
  deps: Pick<Deps, 'config'>,
  target: { id: string; shopId: string; code: string; deadlineId: string; outcome: Localized },
  at: Date,
): Promise<void> {
  await notifyStaffDeadlineMissed(
    tx,
    deps,
    { shopId: target.shopId, caseType: 'return', caseId: target.id, caseRef: target.code, deadlineId: target.deadlineId, outcome: target.outcome },
    at,
  );
}
