import type { LoyaltyEntryOutput, LoyaltySummaryOutput } from '@comptoir/protocol';
import type { Prisma } from '../generated/prisma/client.js';
import type { Deps, Db } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { addCalendarMonths } from '../guarantees/zoned-time.js';
import { accountBalances, loadLoyaltyShop } from './accounts.js';
import { csvCell, tierFor } from './ledger.js';
import { rollingSpendMinor } from './service.js';
import { toVoucherOutput, voucherSelect } from './vouchers.js';

const entrySelect = {
  id: true,
  kind: true,
  bucket: true,
  points: true,
  shopId: true,
  availableAt: true,
  sourceType: true,
  sourceId: true,
  reason: true,
  createdAt: true,
} satisfies Prisma.LoyaltyEntrySelect;

type EntryRow = Prisma.LoyaltyEntryGetPayload<{ select: typeof entrySelect }>;

function toEntryOutput(row: EntryRow): LoyaltyEntryOutput {
  return {
    ...row,
    kind: row.kind as LoyaltyEntryOutput['kind'],
    bucket: row.bucket === 'pending' ? 'pending' : 'available',
    availableAt: row.availableAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * A page of an account's history, newest first. Transfers between shops of a group are left out:
 * they change nothing for the shopper.
 */
async function historyPage(db: Db, accountId: string, page: { cursor?: string; limit: number }): Promise<{ history: LoyaltyEntryOutput[]; nextCursor: string | null }> {
  const rows = await db.loyaltyEntry.findMany({
    where: { accountId, kind: { not: 'transfer' }, ...(page.cursor ? { id: { lt: page.cursor } } : {}) },
    select: entrySelect,
    orderBy: { id: 'desc' },
    take: page.limit + 1,
  });
  const hasMore = rows.length > page.limit;
  const shown = rows.slice(0, page.limit);
  return { history: shown.map(toEntryOutput), nextCursor: hasMore ? (shown.at(-1)?.id ?? null) : null };
}

/** Lots still holding pending points, with when they become available. */
async function pendingLots(db: Db, accountId: string): Promise<LoyaltySummaryOutput['pendingLots']> {
  const rows = await db.$queryRaw<Array<{ points: number; availableAt: Date | null; sourceType: string | null; sourceId: string | null }>>`
    SELECT (e."points" + COALESCE((SELECT SUM(x."points") FROM "LoyaltyEntry" x WHERE x."lotId" = e."id" AND x."bucket" = 'pending'), 0))::int AS "points",
           e."availableAt", e."sourceType", e."sourceId"
    FROM "LoyaltyEntry" e
    WHERE e."accountId" = ${accountId}::uuid AND e."kind" = 'earn' AND e."bucket" = 'pending'
    ORDER BY e."availableAt", e."id"`;
  return rows
    .filter((row) => row.points > 0)
    .map((row) => ({ points: row.points, availableAt: row.availableAt ? new Date(row.availableAt).toISOString() : null, sourceType: row.sourceType, sourceId: row.sourceId }));
}

/** The email of a signed-in shopper (the customer of the session, at this shop). */
export async function findShopperEmail(db: Db, input: { shopId: string; customerId: string }): Promise<string> {
  const customer = await db.customer.findFirst({ where: { id: input.customerId, shopId: input.shopId }, select: { email: true } });
  if (!customer) throw new DomainError('SHOPPER_SESSION_REQUIRED');
  return customer.email;
}

/** What the widget shows a signed-in shopper: balances, pending points, tier, history, vouchers, rewards. */
export async function getLoyaltySummary(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { shopId: string; customerId: string; cursor?: string; limit: number },
): Promise<LoyaltySummaryOutput> {
  const now = deps.clock.now();
  const shop = await loadLoyaltyShop(deps.db, input.shopId);
  const customer = await deps.db.customer.findFirst({ where: { id: input.customerId, shopId: input.shopId }, select: { email: true } });
  if (!customer) throw new DomainError('SHOPPER_SESSION_REQUIRED');
  const account = await deps.db.loyaltyAccount.findUnique({
    where: { scope_email: { scope: shop.scope, email: customer.email } },
    select: { id: true, lastActivityAt: true },
  });
  const balances = account ? await accountBalances(deps.db, account.id) : { pending: 0, available: 0 };
  const spendMinor = account ? await rollingSpendMinor(deps.db, account.id, now) : 0;
  const tier = tierFor(shop.settings.tiers, spendMinor);
  const page = account ? await historyPage(deps.db, account.id, input) : { history: [], nextCursor: null };
  const vouchers = account
    ? await deps.db.voucher.findMany({ where: { accountId: account.id }, select: voucherSelect, orderBy: { id: 'desc' }, take: 50 })
    : [];
  const { expiry } = shop.settings;
  const expiresAt =
    account && expiry.enabled && balances.available > 0 && !shop.loyaltyGroupId
      ? addCalendarMonths(account.lastActivityAt, expiry.inactiveMonths, shop.timeZone)
      : null;
  return {
    enabled: shop.settings.enabled,
    available: balances.available,
    pending: balances.pending,
    pendingLots: account ? await pendingLots(deps.db, account.id) : [],
    tier: {
      current: { id: tier.current.id, name: tier.current.name, multiplier: tier.current.multiplier },
      next: tier.next ? { id: tier.next.id, name: tier.next.name, thresholdMinor: tier.next.thresholdMinor } : null,
      spendMinor,
      remainingMinor: tier.remainingMinor,
      currency: shop.currency,
    },
    ...page,
    vouchers: vouchers.map(toVoucherOutput),
    rewards: shop.settings.rewards.map((reward) => ({
      id: reward.id,
      points: reward.points,
      valueMinor: reward.valueMinor,
      currency: shop.currency,
      isAffordable: balances.available >= reward.points,
    })),
    expiresAt: expiresAt?.toISOString() ?? null,
  };
}

/**
 * Accounts a shop's staff may see: its own, or, in a group, the group's accounts that have
 * entries at this shop (a shop does not see the members of the other shops).
 */
function memberWhere(shop: { id: string; scope: string; loyaltyGroupId: string | null }, search?: string): Prisma.LoyaltyAccountWhereInput {
  return {
    scope: shop.scope,
    ...(shop.loyaltyGroupId ? { entries: { some: { shopId: shop.id } } } : {}),
    ...(search ? { email: { contains: search.toLowerCase() } } : {}),
  };
}

/** One member with balances, as the admin lists them. */
export interface MemberRow {
  accountId: string;
  email: string;
  available: number;
  pending: number;
  lastActivityAt: string;
}

async function withBalances(db: Db, accounts: Array<{ id: string; email: string; lastActivityAt: Date }>): Promise<MemberRow[]> {
  const sums = accounts.length
    ? await db.loyaltyEntry.groupBy({ by: ['accountId', 'bucket'], where: { accountId: { in: accounts.map((a) => a.id) } }, _sum: { points: true } })
    : [];
  const of = (accountId: string, bucket: string) => sums.find((row) => row.accountId === accountId && row.bucket === bucket)?._sum.points ?? 0;
  return accounts.map((account) => ({
    accountId: account.id,
    email: account.email,
    available: of(account.id, 'available'),
    pending: of(account.id, 'pending'),
    lastActivityAt: account.lastActivityAt.toISOString(),
  }));
}

/** Members of the shop's programme with their balances, by email. */
export async function listMembers(
  deps: Pick<Deps, 'db'>,
  input: { shopId: string; search?: string; cursor?: string; limit: number },
): Promise<{ members: MemberRow[]; nextCursor: string | null }> {
  const shop = await loadLoyaltyShop(deps.db, input.shopId);
  const accounts = await deps.db.loyaltyAccount.findMany({
    where: { ...memberWhere(shop, input.search), ...(input.cursor ? { id: { gt: input.cursor } } : {}) },
    select: { id: true, email: true, lastActivityAt: true },
    orderBy: { id: 'asc' },
    take: input.limit + 1,
  });
  const shown = accounts.slice(0, input.limit);
  return { members: await withBalances(deps.db, shown), nextCursor: accounts.length > input.limit ? (shown.at(-1)?.id ?? null) : null };
}

/** One member's balances, history, vouchers and shortfall, for the admin. */
export async function getMemberHistory(
  deps: Pick<Deps, 'db'>,
  input: { shopId: string; email: string; cursor?: string; limit: number },
) {
  const shop = await loadLoyaltyShop(deps.db, input.shopId);
  const account = await deps.db.loyaltyAccount.findFirst({
    where: { ...memberWhere(shop), email: input.email.trim().toLowerCase() },
    select: { id: true, email: true, lastActivityAt: true },
  });
  if (!account) return { member: null, history: [], nextCursor: null, vouchers: [], shortfallPoints: 0 };
  const [member] = await withBalances(deps.db, [account]);
  const page = await historyPage(deps.db, account.id, input);
  const vouchers = await deps.db.voucher.findMany({ where: { accountId: account.id }, select: voucherSelect, orderBy: { id: 'desc' }, take: 100 });
  const shortfall = await deps.db.loyaltyShortfall.aggregate({ where: { accountId: account.id }, _sum: { points: true } });
  return { member: member ?? null, ...page, vouchers: vouchers.map(toVoucherOutput), shortfallPoints: shortfall._sum.points ?? 0 };
}

/** Most rows a CSV export holds. */
export const csvExportLimit = 50_000;

/** Every member with balances as CSV (header row first), cells safe from spreadsheet formulas. */
export async function exportMembersCsv(deps: Pick<Deps, 'db'>, input: { shopId: string }): Promise<string> {
  const shop = await loadLoyaltyShop(deps.db, input.shopId);
  const lines = ['email,available,pending,last_activity_at'];
  let cursor: string | undefined;
  while (lines.length <= csvExportLimit) {
    const page = await listMembers(deps, { shopId: shop.id, cursor, limit: 100 });
    for (const member of page.members) {
      lines.push([member.email, member.available, member.pending, member.lastActivityAt].map(csvCell).join(','));
    }
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return `${lines.join('\n')}\n`;
}
