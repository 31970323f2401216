import { Prisma } from '../generated/prisma/client.js';
import type { Actor } from '../core/actor.js';
import type { Db, Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { recordEvent } from '../core/events.js';
import { announceRefundSettled } from './refund-webhooks.js';
import { computeLedger, findLedgerViolation, type LedgerAllocation, type OrderLedger } from './ledger.js';
import { defaultRefundProviders, type RefundProviderRegistry, type RefundSettlement } from './providers.js';

/** Refund statuses whose allocations count against what remains (a failed refund gave nothing back). */
const countedStatuses = ['pending', 'succeeded'];

/** A request for money back. */
export interface CreateRefundInput {
  shopId: string;
  orderId: string;
  /** The same key gives back the same refund; concurrent requests with one key make one refund. */
  idempotencyKey: string;
  provider: string;
  allocations: LedgerAllocation[];
  /** Required by the manual provider: the transfer or payment reference. */
  reference?: string | null;
  reason?: string | null;
  returnId?: string | null;
  claimId?: string | null;
  /** Store credit bonus percent (store_credit provider). */
  bonusPercent?: number;
  actor: Actor;
}

/** A refund as services and procedures see it. */
export interface RefundSummary {
  id: string;
  status: string;
  provider: string;
  amountMinor: number;
  currency: string;
  reference: string | null;
  /** False when the idempotency key had already made this refund. */
  isNew: boolean;
}

const refundSelect = {
  id: true,
  orderId: true,
  status: true,
  provider: true,
  amountMinor: true,
  currency: true,
  reference: true,
} satisfies Prisma.RefundSelect;

/** Serialises every refund of one order, on PostgreSQL and PGlite alike, until the transaction ends. */
export async function lockOrderLedger(tx: Db, orderId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`refund:${orderId}`}, 0))`;
}

/** Loads the ledger of an order (lines, shipping, total, and the allocations that count). */
export async function loadOrderLedger(db: Db, shopId: string, orderId: string): Promise<OrderLedger & { currency: string; customerId: string }> {
  const order = await db.order.findFirst({
    where: { id: orderId, shopId },
    select: {
      currency: true,
      customerId: true,
      shippingMinor: true,
      totalMinor: true,
      lines: { select: { id: true, quantity: true, unitPriceMinor: true } },
    },
  });
  if (!order) throw new DomainError('ORDER_NOT_FOUND');
  const allocations = await db.refundAllocation.findMany({
    where: { refund: { orderId, status: { in: countedStatuses } } },
    select: { orderLineId: true, kind: true, amountMinor: true },
  });
  const ledger = computeLedger({
    lines: order.lines.map((line) => ({ orderLineId: line.id, quantity: line.quantity, unitPriceMinor: line.unitPriceMinor })),
    shippingMinor: order.shippingMinor,
    totalMinor: order.totalMinor,
    allocations: allocations.map((row) => ({ ...row, kind: row.kind as LedgerAllocation['kind'] })),
  });
  return { ...ledger, currency: order.currency, customerId: order.customerId };
}

/** What can be refused before touching the database: an unknown provider, an empty amount, a missing reference. */
function checkRefundRequest(input: CreateRefundInput, providers: RefundProviderRegistry) {
  const provider = providers.get(input.provider);
  if (!provider) throw new DomainError('INVALID_INPUT', { issues: `provider: unknown refund provider ${input.provider}` });
  const amountMinor = input.allocations.reduce((sum, allocation) => sum + allocation.amountMinor, 0);
  if (amountMinor <= 0 || input.allocations.some((a) => !Number.isSafeInteger(a.amountMinor) || a.amountMinor <= 0)) {
    throw new DomainError('REFUND_AMOUNT_INVALID');
  }
  if (provider.name === 'manual' && !input.reference?.trim()) throw new DomainError('REFUND_REFERENCE_REQUIRED');
  return { provider, amountMinor };
}

/**
 * Gives money back within what remains of the order, once per idempotency key. The ledger check and
 * the insert run under a per-order lock, so concurrent requests (double clicks, retries, two staff
 * members) can never refund more than was paid. In-ledger providers settle in the same transaction;
 * external ones (cards) are submitted after commit by `submitPendingRefund`.
 */
export async function createRefund(
  deps: Deps,
  input: CreateRefundInput,
  providers: RefundProviderRegistry = defaultRefundProviders(),
): Promise<RefundSummary> {
  checkRefundRequest(input, providers);
  return deps.db.$transaction((tx) => createRefundInTransaction(tx, deps, input, providers), refundTransactionOptions);
}

/** Transaction limits of a refund: concurrent refunds of one order queue on its ledger lock. */
export const refundTransactionOptions = { maxWait: 20_000, timeout: 30_000 } as const;

/**
 * `createRefund` inside a transaction the caller holds, so a refund commits together with the case
 * change it settles (a return moving to refunded). Takes the order's ledger lock first.
 */
export async function createRefundInTransaction(
  tx: Db,
  deps: Deps,
  input: CreateRefundInput,
  providers: RefundProviderRegistry = defaultRefundProviders(),
): Promise<RefundSummary> {
  const { provider, amountMinor } = checkRefundRequest(input, providers);
  await lockOrderLedger(tx, input.orderId);
  const existing = await tx.refund.findUnique({
    where: { shopId_idempotencyKey: { shopId: input.shopId, idempotencyKey: input.idempotencyKey } },
    select: refundSelect,
  });
  if (existing) {
    if (existing.orderId !== input.orderId || existing.amountMinor !== amountMinor || existing.provider !== provider.name) {
      throw new DomainError('IDEMPOTENCY_KEY_REUSED');
    }
    return { ...existing, isNew: false };
  }

  const ledger = await loadOrderLedger(tx, input.shopId, input.orderId);
  const violation = findLedgerViolation(ledger, input.allocations);
  if (violation) throw new DomainError(violation.code, violation.params);

  const now = deps.clock.now();
  const refund = await tx.refund.create({
    data: {
      shopId: input.shopId,
      orderId: input.orderId,
      returnId: input.returnId ?? null,
      claimId: input.claimId ?? null,
      idempotencyKey: input.idempotencyKey,
      provider: provider.name,
      status: 'pending',
      amountMinor,
      currency: ledger.currency,
      reference: input.reference?.trim() || null,
      reason: input.reason ?? null,
      actorType: input.actor.type,
      actorId: input.actor.id ?? null,
      createdAt: now,
      allocations: {
        create: input.allocations.map((allocation) => ({
          orderLineId: allocation.orderLineId,
          kind: allocation.kind,
          amountMinor: allocation.amountMinor,
        })),
      },
    },
    select: refundSelect,
  });
  await recordEvent(tx, {
    shopId: input.shopId,
    subjectType: 'refund',
    subjectId: refund.id,
    type: 'refund.created',
    toStatus: 'pending',
    actor: input.actor,
    reason: input.reason ?? null,
    data: { amountMinor, currency: ledger.currency, provider: provider.name, orderId: input.orderId },
    occurredAt: now,
  });

  if (provider.kind === 'in_transaction') {
    const settlement = await provider.settle(tx, {
      id: refund.id,
      shopId: input.shopId,
      orderId: input.orderId,
      customerId: ledger.customerId,
      amountMinor,
      currency: ledger.currency,
      reference: refund.reference,
      idempotencyKey: input.idempotencyKey,
      bonusPercent: input.bonusPercent ?? 0,
    });
    const settled = await applySettlement(tx, deps, input.shopId, refund.id, settlement, input.actor);
    return { ...settled, isNew: true };
  }
  return { ...refund, isNew: true };
}

/** Records a provider's verdict on a pending refund (in a transaction the caller holds). */
export async function applySettlement(
  tx: Db,
  deps: Deps,
  shopId: string,
  refundId: string,
  settlement: RefundSettlement,
  actor: Actor,
): Promise<Omit<RefundSummary, 'isNew'>> {
  const current = await tx.refund.findFirstOrThrow({ where: { id: refundId, shopId }, select: refundSelect });
  if (settlement.status === 'pending' || current.status !== 'pending') {
    return current;
  }
  const now = deps.clock.now();
  const updated = await tx.refund.update({
    where: { id: refundId },
    data:
      settlement.status === 'succeeded'
        ? { status: 'succeeded', succeededAt: now, reference: settlement.reference ?? current.reference }
        : { status: 'failed', failedAt: now, failureReason: settlement.failureReason },
    select: refundSelect,
  });
  await recordEvent(tx, {
    shopId,
    subjectType: 'refund',
    subjectId: refundId,
    type: settlement.status === 'succeeded' ? 'refund.succeeded' : 'refund.failed',
    fromStatus: 'pending',
    toStatus: settlement.status,
    actor,
    reason: settlement.status === 'failed' ? settlement.failureReason : null,
    occurredAt: now,
  });
  await announceRefundSettled(tx, { shopId, refundId, at: now });
  return updated;
}

/** The refundable state of an order, for the refund dialog and the widget. */
export async function getOrderLedger(deps: Deps, shopId: string, orderId: string): Promise<OrderLedger & { currency: string }> {
  const { customerId: _customerId, ...ledger } = await loadOrderLedger(deps.db, shopId, orderId);
  return ledger;
}
