import type { Prisma } from '../generated/prisma/client.js';
import type { Actor } from '../core/actor.js';
import type { Deps, Db } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { recordEvent } from '../core/events.js';
import { inLoyaltyTransaction, loyaltyTransactionOptions } from './accounts.js';

/** Throws unless the staff user is an owner of the shop. */
export async function requireOwner(db: Db, input: { shopId: string; staffUserId: string }): Promise<void> {
  const membership = await db.staffMembership.findUnique({
    where: { shopId_staffUserId: { shopId: input.shopId, staffUserId: input.staffUserId } },
    select: { role: true },
  });
  if (membership?.role !== 'owner') throw new DomainError('STAFF_ROLE_REQUIRED');
}

/** The group a shop belongs to, with its shops, or null. */
export async function getGroup(db: Db, shopId: string): Promise<{ id: string; name: string; shops: Array<{ id: string; name: string }> } | null> {
  const shop = await db.shop.findUnique({ where: { id: shopId }, select: { loyaltyGroup: { select: { id: true, name: true, shops: { select: { id: true, name: true }, orderBy: { name: 'asc' } } } } } });
  if (!shop) throw new DomainError('SHOP_NOT_FOUND');
  return shop.loyaltyGroup;
}

/**
 * Moves a shop's own accounts into its (new) group's scope: an email the group does not know yet
 * keeps its account under the new scope; one it knows has its entries, shortfalls and vouchers
 * moved to the group's account (sums are unchanged, so no balance changes).
 */
async function mergeShopAccounts(tx: Db, shopId: string, groupId: string): Promise<number> {
  const from = `shop:${shopId}`;
  const to = `group:${groupId}`;
  const accounts = await tx.$queryRaw<Array<{ id: string; email: string }>>`
    SELECT "id"::text AS "id", "email" FROM "LoyaltyAccount" WHERE "scope" = ${from} ORDER BY "id" FOR UPDATE`;
  for (const account of accounts) {
    const target = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT "id"::text AS "id" FROM "LoyaltyAccount" WHERE "scope" = ${to} AND "email" = ${account.email} FOR UPDATE`;
    const targetId = target[0]?.id;
    if (!targetId) {
      await tx.loyaltyAccount.update({ where: { id: account.id }, data: { scope: to }, select: { id: true } });
      continue;
    }
    await tx.loyaltyEntry.updateMany({ where: { accountId: account.id }, data: { accountId: targetId } });
    await tx.loyaltyShortfall.updateMany({ where: { accountId: account.id }, data: { accountId: targetId } });
    await tx.voucher.updateMany({ where: { accountId: account.id }, data: { accountId: targetId } });
    await tx.loyaltyAccount.delete({ where: { id: account.id }, select: { id: true } });
  }
  return accounts.length;
}

/** Creates a group with the shop as its first member (its members' points move into the group). */
export async function createGroup(deps: Pick<Deps, 'db' | 'clock'>, input: { shopId: string; name: string; actor: Actor }) {
  const now = deps.clock.now();
  return inLoyaltyTransaction(deps, async (tx) => {
    const shop = await tx.shop.findUniqueOrThrow({ where: { id: input.shopId }, select: { loyaltyGroupId: true } });
    if (shop.loyaltyGroupId) throw new DomainError('LOYALTY_GROUP_MEMBERSHIP');
    const group = await tx.loyaltyGroup.create({ data: { name: input.name, createdAt: now }, select: { id: true } });
    await tx.shop.update({ where: { id: input.shopId }, data: { loyaltyGroupId: group.id }, select: { id: true } });
    const merged = await mergeShopAccounts(tx, input.shopId, group.id);
    await recordEvent(tx, { shopId: input.shopId, subjectType: 'shop', subjectId: input.shopId, type: 'loyalty.group_created', actor: input.actor, data: { groupId: group.id, name: input.name, accounts: merged }, occurredAt: now });
    return getGroup(tx, input.shopId);
  });
}

/**
 * Adds a shop to the group of `shopId`. The caller must be owner of both shops (checked by the
 * procedure); the shops must sell in the same currency, since tiers and vouchers are in it.
 */
export async function addShopToGroup(deps: Pick<Deps, 'db' | 'clock'>, input: { shopId: string; addedShopId: string; actor: Actor }) {
  const now = deps.clock.now();
  return inLoyaltyTransaction(deps, async (tx) => {
    const shops = await tx.shop.findMany({ where: { id: { in: [input.shopId, input.addedShopId] } }, select: { id: true, currency: true, loyaltyGroupId: true } });
    const host = shops.find((shop) => shop.id === input.shopId);
    const added = shops.find((shop) => shop.id === input.addedShopId);
    if (!host || !added) throw new DomainError('SHOP_NOT_FOUND');
    if (!host.loyaltyGroupId) throw new DomainError('LOYALTY_GROUP_NOT_FOUND');
    if (added.loyaltyGroupId) throw new DomainError('LOYALTY_GROUP_MEMBERSHIP');
    if (added.currency !== host.currency) throw new DomainError('LOYALTY_GROUP_CURRENCY', { currency: host.currency });
    await tx.shop.update({ where: { id: added.id }, data: { loyaltyGroupId: host.loyaltyGroupId }, select: { id: true } });
    const merged = await mergeShopAccounts(tx, added.id, host.loyaltyGroupId);
    for (const shopId of [host.id, added.id]) {
      await recordEvent(tx, { shopId, subjectType: 'shop', subjectId: shopId, type: 'loyalty.group_joined', actor: input.actor, data: { groupId: host.loyaltyGroupId, shopId: added.id, accounts: merged }, occurredAt: now });
    }
    return getGroup(tx, input.shopId);
  });
}

/**
 * Takes a shop out of its group: each group account's share at this shop (the sum of its entries
 * here, never negative) moves to a new account of the shop alone, with those entries; the rest
 * stays with the group. Vouchers already issued at the shop remain valid there.
 */
export async function leaveGroup(deps: Pick<Deps, 'db' | 'clock'>, input: { shopId: string; actor: Actor }) {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const shop = await tx.shop.findUniqueOrThrow({ where: { id: input.shopId }, select: { loyaltyGroupId: true } });
    if (!shop.loyaltyGroupId) throw new DomainError('LOYALTY_GROUP_NOT_FOUND');
    const groupScope = `group:${shop.loyaltyGroupId}`;
    const ownScope = `shop:${input.shopId}`;
    const accounts = await tx.$queryRaw<Array<{ id: string; email: string; lastActivityAt: Date }>>`
      SELECT a."id"::text AS "id", a."email", a."lastActivityAt" FROM "LoyaltyAccount" a
      WHERE a."scope" = ${groupScope} AND EXISTS (SELECT 1 FROM "LoyaltyEntry" e WHERE e."accountId" = a."id" AND e."shopId" = ${input.shopId}::uuid)
      ORDER BY a."id" FOR UPDATE`;
    for (const account of accounts) {
      const own = await tx.loyaltyAccount.create({ data: { scope: ownScope, email: account.email, lastActivityAt: account.lastActivityAt, createdAt: now }, select: { id: true } });
      const where = { accountId: account.id, shopId: input.shopId } satisfies Prisma.LoyaltyEntryWhereInput;
      await tx.loyaltyEntry.updateMany({ where, data: { accountId: own.id } });
      await tx.loyaltyShortfall.updateMany({ where, data: { accountId: own.id } });
    }
    await tx.shop.update({ where: { id: input.shopId }, data: { loyaltyGroupId: null }, select: { id: true } });
    await recordEvent(tx, { shopId: input.shopId, subjectType: 'shop', subjectId: input.shopId, type: 'loyalty.group_left', actor: input.actor, data: { groupId: shop.loyaltyGroupId, accounts: accounts.length }, occurredAt: now });
    return { accounts: accounts.length };
  }, loyaltyTransactionOptions);
}

/**
 * One shop's loyalty statement over a period: points it issued, took back, redeemed and expired,
 * and, in a group, what it redeemed of points earned elsewhere and what others redeemed of its
 * points, per counterpart shop: the basis for settling between the shops.
 */
export async function shopStatement(deps: Pick<Deps, 'db' | 'clock'>, input: { shopId: string; from?: Date; to?: Date }) {
  const to = input.to ?? deps.clock.now();
  const period: Prisma.LoyaltyEntryWhereInput = { shopId: input.shopId, createdAt: { ...(input.from ? { gte: input.from } : {}), lte: to } };
  const byKind = await deps.db.loyaltyEntry.groupBy({ by: ['kind', 'bucket'], where: { ...period, kind: { not: 'transfer' } }, _sum: { points: true } });
  const sum = (kind: string, bucket?: string) =>
    byKind.filter((row) => row.kind === kind && (!bucket || row.bucket === bucket)).reduce((total, row) => total + (row._sum.points ?? 0), 0);
  const adjustments = await deps.db.loyaltyEntry.findMany({ where: { ...period, kind: 'adjust' }, select: { points: true } });
  const transferRows = await deps.db.loyaltyEntry.findMany({
    where: { ...period, kind: 'transfer' },
    select: { points: true, counterpartShopId: true, reason: true },
  });
  const outstanding = await deps.db.loyaltyEntry.aggregate({ where: { shopId: input.shopId, createdAt: { lte: to } }, _sum: { points: true } });
  const counterpartIds = [...new Set(transferRows.map((row) => row.counterpartShopId).filter((id): id is string => id !== null))];
  const names = new Map(
    (await deps.db.shop.findMany({ where: { id: { in: counterpartIds } }, select: { id: true, name: true } })).map((shop) => [shop.id, shop.name]),
  );
  const counterparts = counterpartIds.map((shopId) => {
    const rows = transferRows.filter((row) => row.counterpartShopId === shopId);
    return {
      shopId,
      shopName: names.get(shopId) ?? '',
      pointsIn: rows.filter((row) => row.points > 0).reduce((total, row) => total + row.points, 0),
      pointsOut: rows.filter((row) => row.points < 0).reduce((total, row) => total - row.points, 0),
    };
  });
  return {
    shopId: input.shopId,
    from: input.from?.toISOString() ?? null,
    to: to.toISOString(),
    issued: sum('earn') + adjustments.filter((row) => row.points > 0).reduce((total, row) => total + row.points, 0),
    reversed: 0 - sum('reverse') - adjustments.filter((row) => row.points < 0).reduce((total, row) => total + row.points, 0),
    redeemed: Math.abs(sum('redeem')),
    redeemedEarnedElsewhere: transferRows.filter((row) => row.points > 0 && row.reason === 'redeem').reduce((total, row) => total + row.points, 0),
    earnedHereRedeemedElsewhere: transferRows.filter((row) => row.points < 0 && row.reason === 'redeem').reduce((total, row) => total - row.points, 0),
    expired: Math.abs(sum('expire')),
    outstanding: outstanding._sum.points ?? 0,
    counterparts,
  };
}
