import { pickLocale } from '@comptoir/protocol';
import type { Prisma } from '../generated/prisma/client.js';
import type { Actor } from '../core/actor.js';
import { ActorType, systemActor } from '../core/actor.js';
import type { Deps, Db } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { recordEvent } from '../core/events.js';
import { newId } from '../core/ids.js';
import { addCalendarMonths } from '../guarantees/zoned-time.js';
import { enqueue } from '../notifications/outbox.js';
import { createCaseLink } from '../notifications/shopper-code.js';
import {
  accountBalances,
  availableShares,
  coverShare,
  inLoyaltyTransaction,
  loadLoyaltyShop,
  loadPolicy,
  lockAccount,
  lockAccountById,
  returnWindowClosesAt,
  touchAccount,
} from './accounts.js';
import { generateVoucherCode, pointsForSpend, reversalTarget, settingsFrom, tierFor } from './ledger.js';

/** Days of spend that count towards a tier. */
const tierWindowDays = 365;

/** The spend of an account over the 12 months before `now` (orders received minus returns). */
export async function rollingSpendMinor(db: Db, accountId: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - tierWindowDays * 86_400_000);
  const rows = await db.loyaltyEntry.groupBy({
    by: ['kind'],
    where: { accountId, reason: 'order', kind: { in: ['earn', 'reverse'] }, createdAt: { gt: since }, basisMinor: { not: null } },
    _sum: { basisMinor: true },
  });
  const of = (kind: string) => rows.find((row) => row.kind === kind)?._sum.basisMinor ?? 0;
  return Math.max(0, of('earn') - of('reverse'));
}

/** What `awardOrderPoints` did. */
export type AwardOutcome = 'awarded' | 'already_awarded' | 'not_received' | 'cancelled' | 'disabled' | 'nothing_to_award';

/**
 * Gives the points of an order, pending until its return window closes, plus the first-order bonus
 * on the shopper's first order in the programme. Idempotent per order: call it after every change
 * of an order (upsert, delivery, pickup, cancellation), in that change's transaction; it awards
 * once the order has reached the shopper, and takes the points back if the order is cancelled.
 */
export async function awardOrderPoints(
  tx: Db,
  deps: Pick<Deps, 'config' | 'clock'>,
  input: { shopId: string; orderId: string; now: Date },
): Promise<{ outcome: AwardOutcome; points: number }> {
  const order = await tx.order.findFirst({
    where: { id: input.orderId, shopId: input.shopId },
    select: {
      status: true,
      fulfilment: true,
      placedAt: true,
      deliveredAt: true,
      pickedUpAt: true,
      subtotalMinor: true,
      currency: true,
      number: true,
      customer: { select: { id: true, email: true, locale: true } },
    },
  });
  if (!order) throw new DomainError('ORDER_NOT_FOUND');
  const lotKey = `earn:order:${input.orderId}`;
  if (order.status === 'cancelled') {
    const reversed = await reverseOrderLots(tx, {
      shopId: input.shopId,
      orderId: input.orderId,
      sourceType: 'order_cancellation',
      sourceId: input.orderId,
      returnedMinor: Number.MAX_SAFE_INTEGER,
      actor: systemActor,
      now: input.now,
    });
    return { outcome: 'cancelled', points: -reversed.reversed };
  }
  const shop = await loadLoyaltyShop(tx, input.shopId);
  if (!shop.settings.enabled) return { outcome: 'disabled', points: 0 };
  const policy = await loadPolicy(tx, shop.id, shop.currentPolicyVersion);
  const availableAt = returnWindowClosesAt(policy, shop.timeZone, order);
  if (!availableAt) return { outcome: 'not_received', points: 0 };
  if (await tx.loyaltyEntry.findUnique({ where: { dedupeKey: lotKey }, select: { id: true } })) {
    return { outcome: 'already_awarded', points: 0 };
  }

  const accountId = await lockAccount(tx, shop.scope, order.customer.email, input.now);
  if (await tx.loyaltyEntry.findUnique({ where: { dedupeKey: lotKey }, select: { id: true } })) {
    return { outcome: 'already_awarded', points: 0 };
  }
  const tier = tierFor(shop.settings.tiers, await rollingSpendMinor(tx, accountId, input.now));
  const points = pointsForSpend({
    basisMinor: order.subtotalMinor,
    currency: order.currency,
    pointsPerUnit: shop.settings.earning.pointsPerUnit,
    multiplier: tier.current.multiplier,
  });
  const common = {
    accountId,
    shopId: shop.id,
    kind: 'earn',
    bucket: 'pending',
    availableAt,
    sourceType: 'order',
    sourceId: input.orderId,
    actorType: ActorType.system,
    createdAt: input.now,
  };
  // The order's lot is written even at 0 points: it carries the spend that counts towards tiers.
  await tx.loyaltyEntry.create({
    data: { ...common, points, basisMinor: order.subtotalMinor, reason: 'order', dedupeKey: lotKey },
    select: { id: true },
  });
  let bonus = 0;
  const bonusKey = `earn:first_order:${accountId}`;
  if (shop.settings.earning.firstOrderBonus > 0 && !(await tx.loyaltyEntry.findUnique({ where: { dedupeKey: bonusKey }, select: { id: true } }))) {
    bonus = shop.settings.earning.firstOrderBonus;
    await tx.loyaltyEntry.create({ data: { ...common, points: bonus, reason: 'first_order_bonus', dedupeKey: bonusKey }, select: { id: true } });
  }
  await touchAccount(tx, accountId, input.now);
  await recordEvent(tx, {
    shopId: shop.id,
    subjectType: 'loyalty',
    subjectId: accountId,
    type: 'loyalty.earned',
    actor: systemActor,
    reason: 'order',
    data: { orderId: input.orderId, points, bonus, tier: tier.current.id, availableAt: availableAt.toISOString() },
    occurredAt: input.now,
  });
  if (points + bonus > 0) {
    await enqueue(tx, {
      channel: 'email',
      shopId: shop.id,
      topic: 'loyalty_points_earned',
      dedupeKey: `${lotKey}:email`,
      to: order.customer.email,
      locale: pickLocale(order.customer.locale, (await tx.shop.findUniqueOrThrow({ where: { id: shop.id }, select: { locale: true } })).locale),
      customerId: order.customer.id,
      data: {
        points: points + bonus,
        orderNumber: order.number,
        availableAt: availableAt.toISOString(),
        url: await createCaseLink(deps, tx, { shopId: shop.id, customerId: order.customer.id, caseType: 'loyalty', caseId: accountId }),
      },
      at: input.now,
    });
  }
  return { outcome: 'awarded', points: points + bonus };
}

/** Pending lots whose window has closed and that still hold pending points. */
async function dueLots(db: Db, now: Date, limit: number): Promise<Array<{ id: string; accountId: string }>> {
  return db.$queryRaw<Array<{ id: string; accountId: string }>>`
    SELECT e."id"::text AS "id", e."accountId"::text AS "accountId"
    FROM "LoyaltyEntry" e
    WHERE e."kind" = 'earn' AND e."bucket" = 'pending' AND e."availableAt" <= ${now}
      AND e."points" + COALESCE((SELECT SUM(x."points") FROM "LoyaltyEntry" x WHERE x."lotId" = e."id" AND x."bucket" = 'pending'), 0) > 0
    ORDER BY e."availableAt", e."id"
    LIMIT ${limit}`;
}

/**
 * Makes pending points available once their lot's `availableAt` has passed: for each lot, what
 * remains pending (after any return) moves to available, as a pair of entries. Idempotent and safe
 * to run from several instances at once (each account is locked, each lot re-checked under the
 * lock). A scheduled job calls it. Returns how many points were released.
 */
export async function releaseDuePoints(deps: Pick<Deps, 'db'>, now: Date): Promise<{ lots: number; points: number }> {
  let lots = 0;
  let points = 0;
  for (;;) {
    const due = await dueLots(deps.db, now, 200);
    if (!due.length) break;
    const byAccount = new Map<string, string[]>();
    for (const lot of due) byAccount.set(lot.accountId, [...(byAccount.get(lot.accountId) ?? []), lot.id]);
    let progressed = 0;
    for (const [accountId, lotIds] of byAccount) {
      const released = await inLoyaltyTransaction(deps, async (tx) => {
        await lockAccountById(tx, accountId);
        let moved = 0;
        let count = 0;
        for (const lotId of lotIds) {
          const lot = await tx.loyaltyEntry.findUniqueOrThrow({ where: { id: lotId }, select: { points: true, shopId: true, availableAt: true } });
          const later = await tx.loyaltyEntry.aggregate({ where: { lotId, bucket: 'pending' }, _sum: { points: true } });
          const remaining = lot.points + (later._sum.points ?? 0);
          if (remaining <= 0 || !lot.availableAt || lot.availableAt > now) continue;
          const common = { accountId, shopId: lot.shopId, kind: 'release', lotId, sourceType: 'lot', sourceId: lotId, actorType: ActorType.system, createdAt: now };
          await tx.loyaltyEntry.createMany({
            data: [
              { ...common, bucket: 'pending', points: -remaining, dedupeKey: `release:${lotId}:pending` },
              { ...common, bucket: 'available', points: remaining, dedupeKey: `release:${lotId}:available` },
            ],
          });
          moved += remaining;
          count += 1;
        }
        return { moved, count };
      });
      lots += released.count;
      points += released.moved;
      progressed += released.count;
    }
    // Lots that could not be released (changed under us) must not loop forever.
    if (progressed === 0) break;
  }
  return { lots, points };
}

/** One returned quantity of an order line. */
export interface RefundedLine {
  orderLineId: string;
  quantity: number;
}

/** What a reversal did: points taken back, and points that could not be (already spent). */
export interface ReversalResult {
  reversed: number;
  shortfall: number;
}

/**
 * Takes back the points of what was returned: pending points of the order's lots are cancelled;
 * points already available are taken from the balance, which may reach zero but never goes below,
 * and what could not be taken is recorded as a shortfall. Proportional to the value returned,
 * cumulative over the order's returns (everything back = every point back, first-order bonus
 * included). Idempotent per return. Call it in the transaction that refunds the return.
 */
export async function reverseForReturn(
  tx: Db,
  input: { shopId: string; orderId: string; returnId: string; refundedLines: readonly RefundedLine[]; now: Date; actor?: Actor },
): Promise<ReversalResult> {
  const lines = await tx.orderLine.findMany({
    where: { orderId: input.orderId, order: { shopId: input.shopId } },
    select: { id: true, quantity: true, unitPriceMinor: true },
  });
  const byId = new Map(lines.map((line) => [line.id, line]));
  let returnedMinor = 0;
  for (const refunded of input.refundedLines) {
    const line = byId.get(refunded.orderLineId);
    if (!line) throw new DomainError('ORDER_NOT_FOUND');
    returnedMinor += Math.min(Math.max(0, refunded.quantity), line.quantity) * line.unitPriceMinor;
  }
  return reverseOrderLots(tx, {
    shopId: input.shopId,
    orderId: input.orderId,
    sourceType: 'return',
    sourceId: input.returnId,
    returnedMinor,
    actor: input.actor ?? systemActor,
    now: input.now,
  });
}

async function reverseOrderLots(
  tx: Db,
  input: { shopId: string; orderId: string; sourceType: string; sourceId: string; returnedMinor: number; actor: Actor; now: Date },
): Promise<ReversalResult> {
  const lotWhere = { sourceType: 'order', sourceId: input.orderId, kind: 'earn' } satisfies Prisma.LoyaltyEntryWhereInput;
  const first = await tx.loyaltyEntry.findFirst({ where: lotWhere, select: { accountId: true } });
  if (!first) return { reversed: 0, shortfall: 0 };
  await lockAccountById(tx, first.accountId);
  const lots = await tx.loyaltyEntry.findMany({
    where: lotWhere,
    select: { id: true, accountId: true, shopId: true, points: true, basisMinor: true, reason: true },
    orderBy: { id: 'asc' },
  });
  const main = lots.find((lot) => lot.reason === 'order');
  if (!main) return { reversed: 0, shortfall: 0 };
  const mainKey = `reverse:${input.sourceType}:${input.sourceId}:${main.id}`;
  if (await tx.loyaltyEntry.findUnique({ where: { dedupeKey: mainKey }, select: { id: true } })) return { reversed: 0, shortfall: 0 };

  const prior = await tx.loyaltyEntry.aggregate({ where: { lotId: main.id, kind: 'reverse' }, _sum: { basisMinor: true } });
  const basis = main.basisMinor ?? 0;
  const cumulative = Math.min(basis, (prior._sum.basisMinor ?? 0) + input.returnedMinor);
  const newlyReturned = cumulative - (prior._sum.basisMinor ?? 0);
  let reversed = 0;
  let shortfall = 0;
  for (const lot of lots) {
    const isMain = lot.id === main.id;
    const target = isMain ? reversalTarget(lot.points, basis, cumulative) : cumulative >= basis ? lot.points : 0;
    const [taken, missed] = await Promise.all([
      tx.loyaltyEntry.aggregate({ where: { lotId: lot.id, kind: { in: ['reverse'] } }, _sum: { points: true } }),
      tx.loyaltyShortfall.aggregate({ where: { lotId: lot.id }, _sum: { points: true } }),
    ]);
    const accounted = -(taken._sum.points ?? 0) + (missed._sum.points ?? 0);
    const due = Math.max(0, target - accounted);
    if (due === 0 && !isMain) continue;
    const pendingLeft = lot.points + ((await tx.loyaltyEntry.aggregate({ where: { lotId: lot.id, bucket: 'pending' }, _sum: { points: true } }))._sum.points ?? 0);
    let take: number;
    let bucket: 'pending' | 'available';
    if (pendingLeft > 0) {
      bucket = 'pending';
      take = Math.min(due, pendingLeft);
    } else {
      bucket = 'available';
      take = due > 0
        ? await coverShare(tx, {
            accountId: lot.accountId,
            shopId: lot.shopId,
            points: due,
            reason: 'reverse',
            sourceType: input.sourceType,
            sourceId: input.sourceId,
            actor: input.actor,
            now: input.now,
          })
        : 0;
    }
    await tx.loyaltyEntry.create({
      data: {
        accountId: lot.accountId,
        shopId: lot.shopId,
        kind: 'reverse',
        bucket,
        points: -take,
        lotId: lot.id,
        basisMinor: isMain ? newlyReturned : null,
        reason: isMain ? 'order' : lot.reason,
        sourceType: input.sourceType,
        sourceId: input.sourceId,
        dedupeKey: `reverse:${input.sourceType}:${input.sourceId}:${lot.id}`,
        actorType: input.actor.type,
        actorId: input.actor.id ?? null,
        createdAt: input.now,
      },
      select: { id: true },
    });
    reversed += take;
    if (due > take) {
      shortfall += due - take;
      await tx.loyaltyShortfall.create({
        data: { accountId: lot.accountId, shopId: lot.shopId, lotId: lot.id, sourceType: input.sourceType, sourceId: input.sourceId, points: due - take, createdAt: input.now },
        select: { id: true },
      });
    }
  }
  await recordEvent(tx, {
    shopId: input.shopId,
    subjectType: 'loyalty',
    subjectId: first.accountId,
    type: 'loyalty.reversed',
    actor: input.actor,
    reason: input.sourceType,
    data: { orderId: input.orderId, sourceId: input.sourceId, returnedMinor: newlyReturned, reversed, shortfall },
    occurredAt: input.now,
  });
  return { reversed, shortfall };
}

/** Points given at once (goodwill, store-credit bonus), idempotent by `dedupeKey`. */
async function grantAvailable(
  tx: Db,
  input: { shopId: string; email: string; points: number; reason: string; sourceType: string; sourceId: string; dedupeKey: string; eventType: string; now: Date },
): Promise<{ points: number; isNew: boolean }> {
  const shop = await loadLoyaltyShop(tx, input.shopId);
  if (!shop.settings.enabled || input.points <= 0) return { points: 0, isNew: false };
  if (await tx.loyaltyEntry.findUnique({ where: { dedupeKey: input.dedupeKey }, select: { id: true } })) return { points: 0, isNew: false };
  const accountId = await lockAccount(tx, shop.scope, input.email.trim().toLowerCase(), input.now);
  if (await tx.loyaltyEntry.findUnique({ where: { dedupeKey: input.dedupeKey }, select: { id: true } })) return { points: 0, isNew: false };
  await tx.loyaltyEntry.create({
    data: {
      accountId,
      shopId: shop.id,
      kind: 'earn',
      bucket: 'available',
      points: input.points,
      reason: input.reason,
      sourceType: input.sourceType,
      sourceId: input.sourceId,
      dedupeKey: input.dedupeKey,
      actorType: ActorType.system,
      createdAt: input.now,
    },
    select: { id: true },
  });
  await touchAccount(tx, accountId, input.now);
  await recordEvent(tx, {
    shopId: shop.id,
    subjectType: 'loyalty',
    subjectId: accountId,
    type: input.eventType,
    actor: systemActor,
    reason: input.reason,
    data: { points: input.points, sourceType: input.sourceType, sourceId: input.sourceId },
    occurredAt: input.now,
  });
  return { points: input.points, isNew: true };
}

/**
 * Goodwill points when the shop missed a promise (a late answer, an automatic refund): the amount
 * of the shop's service policy (`goodwill.loyaltyPointsOnMissedPromise`) unless `points` is given;
 * available at once; idempotent per source (`sourceType` + `sourceId`, e.g. the deadline or claim).
 */
export async function grantGoodwill(
  tx: Db,
  input: { shopId: string; customerEmail: string; reason: string; sourceType: string; sourceId: string; points?: number; now: Date },
): Promise<{ points: number; isNew: boolean }> {
  let points = input.points;
  if (points === undefined) {
    const shop = await tx.shop.findUnique({ where: { id: input.shopId }, select: { currentPolicyVersion: true } });
    if (!shop) throw new DomainError('SHOP_NOT_FOUND');
    points = (await loadPolicy(tx, input.shopId, shop.currentPolicyVersion)).goodwill.loyaltyPointsOnMissedPromise;
  }
  return grantAvailable(tx, {
    shopId: input.shopId,
    email: input.customerEmail,
    points,
    reason: input.reason,
    sourceType: input.sourceType,
    sourceId: input.sourceId,
    dedupeKey: `goodwill:${input.sourceType}:${input.sourceId}`,
    eventType: 'loyalty.goodwill_granted',
    now: input.now,
  });
}

/**
 * The programme's bonus for choosing store credit instead of a refund to the original payment:
 * available at once, idempotent per refund. Call it in the transaction that issues the store credit.
 */
export async function awardStoreCreditBonus(
  tx: Db,
  input: { shopId: string; customerEmail: string; refundId: string; now: Date },
): Promise<{ points: number; isNew: boolean }> {
  const shop = await tx.shop.findUnique({ where: { id: input.shopId }, select: { loyaltySettings: true } });
  if (!shop) throw new DomainError('SHOP_NOT_FOUND');
  return grantAvailable(tx, {
    shopId: input.shopId,
    email: input.customerEmail,
    points: settingsFrom(shop.loyaltySettings).earning.storeCreditBonus,
    reason: 'store_credit_bonus',
    sourceType: 'refund',
    sourceId: input.refundId,
    dedupeKey: `store_credit:${input.refundId}`,
    eventType: 'loyalty.store_credit_bonus',
    now: input.now,
  });
}

/**
 * A staff member's correction of a member's available points, with a required reason, audited as
 * `loyalty.adjusted`. A negative adjustment cannot take more than is available.
 */
export async function adjustPoints(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { shopId: string; staff: { id: string }; email: string; points: number; reason: string },
): Promise<{ available: number; pending: number }> {
  const reason = input.reason.trim();
  if (!reason) throw new DomainError('INVALID_INPUT', { issues: 'reason: required' });
  if (!Number.isInteger(input.points) || input.points === 0) throw new DomainError('INVALID_INPUT', { issues: 'points: not zero' });
  const now = deps.clock.now();
  const actor: Actor = { type: ActorType.staff, id: input.staff.id };
  return inLoyaltyTransaction(deps, async (tx) => {
    const shop = await loadLoyaltyShop(tx, input.shopId);
    const accountId = await lockAccount(tx, shop.scope, input.email.trim().toLowerCase(), now);
    const entryId = newId();
    let points = input.points;
    if (points < 0) {
      const { available } = await accountBalances(tx, accountId);
      if (available < -points) throw new DomainError('LOYALTY_ADJUSTMENT_BELOW_ZERO', { available });
      points = -(await coverShare(tx, { accountId, shopId: shop.id, points: -points, reason: 'adjust', sourceType: 'adjustment', sourceId: entryId, actor, now }));
    }
    await tx.loyaltyEntry.create({
      data: {
        id: entryId,
        accountId,
        shopId: shop.id,
        kind: 'adjust',
        bucket: 'available',
        points,
        reason,
        sourceType: 'adjustment',
        sourceId: entryId,
        actorType: actor.type,
        actorId: actor.id ?? null,
        createdAt: now,
      },
      select: { id: true },
    });
    await touchAccount(tx, accountId, now);
    await recordEvent(tx, {
      shopId: shop.id,
      subjectType: 'loyalty',
      subjectId: accountId,
      type: 'loyalty.adjusted',
      actor,
      reason,
      data: { points, email: input.email.trim().toLowerCase() },
      occurredAt: now,
    });
    return accountBalances(tx, accountId);
  });
}

/** Expiry rules per account scope: the shop's programme, or the group's for a group account. */
async function expiryRules(db: Db): Promise<Map<string, { inactiveMonths: number; reminderDays: number; timeZone: string; shopId: string | null }>> {
  const rules = new Map<string, { inactiveMonths: number; reminderDays: number; timeZone: string; shopId: string | null }>();
  const shops = await db.shop.findMany({ where: { loyaltyGroupId: null }, select: { id: true, timeZone: true, loyaltySettings: true } });
  for (const shop of shops) {
    const { expiry, enabled } = settingsFrom(shop.loyaltySettings);
    if (enabled && expiry.enabled) rules.set(`shop:${shop.id}`, { ...expiry, timeZone: shop.timeZone, shopId: shop.id });
  }
  const groups = await db.loyaltyGroup.findMany({ select: { id: true, settings: true, shops: { select: { timeZone: true }, take: 1, orderBy: { createdAt: 'asc' } } } });
  for (const group of groups) {
    const { expiry } = settingsFrom(group.settings);
    if (expiry.enabled) rules.set(`group:${group.id}`, { ...expiry, timeZone: group.shops[0]?.timeZone ?? 'Europe/Paris', shopId: null });
  }
  return rules;
}

/** When an account's available points expire, given its last activity, or null when expiry is off. */
export function expiryDate(lastActivityAt: Date, rules: { inactiveMonths: number; timeZone: string } | undefined): Date | null {
  return rules ? addCalendarMonths(lastActivityAt, rules.inactiveMonths, rules.timeZone) : null;
}

/**
 * Expires the available points of accounts without activity for the programme's `inactiveMonths`
 * (off by default): one `expire` entry per shop share, idempotent per period of inactivity.
 * A scheduled job calls it (daily is enough).
 */
export async function expireInactive(deps: Pick<Deps, 'db'>, now: Date): Promise<{ accounts: number; points: number }> {
  const rules = await expiryRules(deps.db);
  let accounts = 0;
  let points = 0;
  for (const [scope, rule] of rules) {
    const cutoff = addCalendarMonths(now, -rule.inactiveMonths, rule.timeZone);
    const candidates = await deps.db.loyaltyAccount.findMany({
      where: { scope, lastActivityAt: { lte: cutoff } },
      select: { id: true },
      orderBy: { id: 'asc' },
      take: 5_000,
    });
    for (const candidate of candidates) {
      const expired = await inLoyaltyTransaction(deps, async (tx) => {
        await lockAccountById(tx, candidate.id);
        const account = await tx.loyaltyAccount.findUniqueOrThrow({ where: { id: candidate.id }, select: { lastActivityAt: true } });
        if (account.lastActivityAt > cutoff) return 0;
        const shares = await availableShares(tx, candidate.id);
        const rows = [...shares.entries()]
          .filter(([, share]) => share > 0)
          .map(([shopId, share]) => ({
            accountId: candidate.id,
            shopId,
            kind: 'expire',
            bucket: 'available',
            points: -share,
            reason: 'inactivity',
            sourceType: 'inactivity',
            sourceId: account.lastActivityAt.toISOString(),
            dedupeKey: `expire:${candidate.id}:${account.lastActivityAt.toISOString()}:${shopId}`,
            actorType: ActorType.system,
            createdAt: now,
          }));
        if (!rows.length) return 0;
        await tx.loyaltyEntry.createMany({ data: rows, skipDuplicates: true });
        const total = rows.reduce((sum, row) => sum - row.points, 0);
        await recordEvent(tx, {
          shopId: rows[0]!.shopId,
          subjectType: 'loyalty',
          subjectId: candidate.id,
          type: 'loyalty.expired',
          actor: systemActor,
          reason: 'inactivity',
          data: { points: total, lastActivityAt: account.lastActivityAt.toISOString(), months: rule.inactiveMonths },
          occurredAt: now,
        });
        return total;
      });
      if (expired > 0) {
        accounts += 1;
        points += expired;
      }
    }
  }
  return { accounts, points };
}

/**
 * Reminds members whose available points expire within the programme's `reminderDays` (30 by
 * default): one email per period of inactivity, written to the outbox with the reminder's mark.
 * A scheduled job calls it (daily), before `expireInactive`.
 */
export async function remindExpiringPoints(deps: Pick<Deps, 'db' | 'config' | 'clock'>, now: Date): Promise<{ reminded: number }> {
  const rules = await expiryRules(deps.db);
  let reminded = 0;
  for (const [scope, rule] of rules) {
    // Expiry is lastActivity + months; remind from (expiry - reminderDays), so from lastActivity <= now + reminderDays - months.
    const remindFromActivity = addCalendarMonths(new Date(now.getTime() + rule.reminderDays * 86_400_000), -rule.inactiveMonths, rule.timeZone);
    const candidates = await deps.db.loyaltyAccount.findMany({
      where: { scope, lastActivityAt: { lte: remindFromActivity } },
      select: { id: true, email: true, lastActivityAt: true, expiryRemindedFor: true },
      orderBy: { id: 'asc' },
      take: 5_000,
    });
    for (const account of candidates) {
      if (account.expiryRemindedFor && account.expiryRemindedFor.getTime() === account.lastActivityAt.getTime()) continue;
      const sent = await inLoyaltyTransaction(deps, async (tx) => {
        await lockAccountById(tx, account.id);
        const fresh = await tx.loyaltyAccount.findUniqueOrThrow({ where: { id: account.id }, select: { lastActivityAt: true, expiryRemindedFor: true } });
        if (fresh.lastActivityAt.getTime() !== account.lastActivityAt.getTime()) return false;
        if (fresh.expiryRemindedFor?.getTime() === fresh.lastActivityAt.getTime()) return false;
        const { available } = await accountBalances(tx, account.id);
        if (available <= 0) return false;
        const lastShop = await tx.loyaltyEntry.findFirst({ where: { accountId: account.id, shopId: rule.shopId ?? undefined }, orderBy: { id: 'desc' }, select: { shopId: true } });
        const shopId = rule.shopId ?? lastShop?.shopId;
        if (!shopId) return false;
        const customer = await tx.customer.findUnique({ where: { shopId_email: { shopId, email: account.email } }, select: { id: true, locale: true } });
        const shop = await tx.shop.findUniqueOrThrow({ where: { id: shopId }, select: { locale: true, allowedOrigins: true } });
        // Signed in on the points screen when the shopper is a customer of that shop; its site otherwise.
        const url = customer
          ? await createCaseLink(deps, tx, { shopId, customerId: customer.id, caseType: 'loyalty', caseId: account.id })
          : (shop.allowedOrigins[0] ?? deps.config.publicUrl);
        const expiresAt = addCalendarMonths(fresh.lastActivityAt, rule.inactiveMonths, rule.timeZone);
        await enqueue(tx, {
          channel: 'email',
          shopId,
          topic: 'loyalty_points_expiring',
          dedupeKey: `loyalty-expiry-reminder:${account.id}:${fresh.lastActivityAt.toISOString()}`,
          to: account.email,
          locale: (customer?.locale ?? shop.locale) === 'en' ? 'en' : 'fr',
          customerId: customer?.id ?? null,
          data: { points: available, expiresAt: expiresAt.toISOString(), url },
          at: now,
        });
        await tx.loyaltyAccount.update({ where: { id: account.id }, data: { expiryRemindedFor: fresh.lastActivityAt }, select: { id: true } });
        await recordEvent(tx, {
          shopId,
          subjectType: 'loyalty',
          subjectId: account.id,
          type: 'loyalty.expiry_reminded',
          actor: systemActor,
          data: { points: available, expiresAt: expiresAt.toISOString() },
          occurredAt: now,
        });
        return true;
      });
      if (sent) reminded += 1;
    }
  }
  return { reminded };
}

export { redeemForVoucher } from './vouchers.js';
