import { defaultServicePolicyRules, servicePolicyRules, type LoyaltySettings, type ServicePolicyRules } from '@comptoir/protocol';
import type { Prisma } from '../generated/prisma/client.js';
import type { Deps, Db } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { newId } from '../core/ids.js';
import { endOfLocalDay } from '../guarantees/zoned-time.js';
import { holidayExtensionDeadline, receivedByShopperAt, type EligibilityOrder } from '../guarantees/return-eligibility.js';
import { accountScope, planTransfers, settingsFrom } from './ledger.js';

/** Loyalty transactions wait for an account's lock, so they get more than Prisma's default 5 s. */
export const loyaltyTransactionOptions = { maxWait: 15_000, timeout: 30_000 } as const;

/** Runs `work` in a transaction sized for waiting on account locks. */
export function inLoyaltyTransaction<T>(deps: Pick<Deps, 'db'>, work: (tx: Db) => Promise<T>): Promise<T> {
  return deps.db.$transaction((tx) => work(tx), loyaltyTransactionOptions);
}

/** What the ledger needs to know of a shop. */
export interface LoyaltyShop {
  id: string;
  name: string;
  currency: string;
  timeZone: string;
  loyaltyGroupId: string | null;
  scope: string;
  settings: LoyaltySettings;
}

export const shopSelect = {
  id: true,
  name: true,
  currency: true,
  timeZone: true,
  loyaltyGroupId: true,
  loyaltySettings: true,
  currentPolicyVersion: true,
  locale: true,
} satisfies Prisma.ShopSelect;

/** A shop with its programme and the scope of its accounts. */
export async function loadLoyaltyShop(db: Db, shopId: string): Promise<LoyaltyShop & { currentPolicyVersion: number; locale: string }> {
  const shop = await db.shop.findUnique({ where: { id: shopId }, select: shopSelect });
  if (!shop) throw new DomainError('SHOP_NOT_FOUND');
  return { ...shop, scope: accountScope(shop), settings: settingsFrom(shop.loyaltySettings) };
}

/** The shop's current service policy (complete, with defaults). */
export async function loadPolicy(db: Db, shopId: string, version: number): Promise<ServicePolicyRules> {
  const row = await db.servicePolicy.findUnique({ where: { shopId_version: { shopId, version } }, select: { rules: true } });
  const parsed = servicePolicyRules.safeParse(row?.rules ?? {});
  return parsed.success ? parsed.data : defaultServicePolicyRules();
}

/**
 * When an order's return window closes: the end of the day `windowDays` after it reached the
 * shopper, in the shop's zone, or the holiday extension when that is later. Null until it arrives.
 */
export function returnWindowClosesAt(policy: ServicePolicyRules, timeZone: string, order: EligibilityOrder): Date | null {
  const receivedAt = receivedByShopperAt(order);
  if (!receivedAt) return null;
  const window = endOfLocalDay(receivedAt, policy.returns.windowDays, timeZone);
  const holiday = holidayExtensionDeadline(policy, order.placedAt, timeZone);
  return holiday && holiday > window ? holiday : window;
}

/**
 * Finds or creates the account of `email` in `scope` and locks its row until the transaction ends,
 * so every write to one account (earning, redeeming, a return, an adjustment) runs one at a time
 * on every instance: two redemptions can never both see the same points.
 */
export async function lockAccount(tx: Db, scope: string, email: string, now: Date): Promise<string> {
  await tx.$executeRaw`
    INSERT INTO "LoyaltyAccount" ("id", "scope", "email", "lastActivityAt", "createdAt")
    VALUES (${newId()}::uuid, ${scope}, ${email}, ${now}, ${now})
    ON CONFLICT ("scope", "email") DO NOTHING`;
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT "id"::text AS "id" FROM "LoyaltyAccount" WHERE "scope" = ${scope} AND "email" = ${email} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new Error('loyalty account upsert returned no row');
  return row.id;
}

/** Locks an existing account by id. */
export async function lockAccountById(tx: Db, accountId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "LoyaltyAccount" WHERE "id" = ${accountId}::uuid FOR UPDATE`;
}

/** The pending and available balances of an account (sums of its entries). */
export async function accountBalances(db: Db, accountId: string): Promise<{ pending: number; available: number }> {
  const rows = await db.loyaltyEntry.groupBy({ by: ['bucket'], where: { accountId }, _sum: { points: true } });
  const of = (bucket: string) => rows.find((row) => row.bucket === bucket)?._sum.points ?? 0;
  return { pending: of('pending'), available: of('available') };
}

/** Each shop's share of an account's available points. */
export async function availableShares(db: Db, accountId: string): Promise<Map<string, number>> {
  const rows = await db.loyaltyEntry.groupBy({
    by: ['shopId'],
    where: { accountId, bucket: 'available' },
    _sum: { points: true },
  });
  return new Map(rows.map((row) => [row.shopId, row._sum.points ?? 0]));
}

/** Who caused an entry. */
export interface EntryActor {
  type: string;
  id?: string | null;
}

/**
 * Brings `shopId`'s share of the account's available points up to `points` with transfers from the
 * other shops of the group (a pair of entries per move, net zero for the shopper), and returns how
 * many points the shop can now take: `points`, or less when the whole account has less.
 * Call with the account locked.
 */
export async function coverShare(
  tx: Db,
  input: { accountId: string; shopId: string; points: number; reason: string; sourceType: string; sourceId: string; actor: EntryActor; now: Date },
): Promise<number> {
  const shares = await availableShares(tx, input.accountId);
  const plan = planTransfers(shares, input.shopId, input.points);
  const rows: Prisma.LoyaltyEntryCreateManyInput[] = [];
  for (const move of plan) {
    const common = {
      accountId: input.accountId,
      kind: 'transfer',
      bucket: 'available',
      sourceType: input.sourceType,
      sourceId: input.sourceId,
      reason: input.reason,
      actorType: input.actor.type,
      actorId: input.actor.id ?? null,
      createdAt: input.now,
    };
    rows.push({ ...common, shopId: move.fromShopId, points: -move.points, counterpartShopId: input.shopId });
    rows.push({ ...common, shopId: input.shopId, points: move.points, counterpartShopId: move.fromShopId });
  }
  if (rows.length) await tx.loyaltyEntry.createMany({ data: rows });
  const own = Math.max(0, shares.get(input.shopId) ?? 0) + plan.reduce((sum, move) => sum + move.points, 0);
  return Math.min(input.points, own);
}

/** Marks activity on an account (inactivity expiry counts from it). */
export async function touchAccount(tx: Db, accountId: string, now: Date): Promise<void> {
  await tx.loyaltyAccount.update({ where: { id: accountId }, data: { lastActivityAt: now }, select: { id: true } });
}
