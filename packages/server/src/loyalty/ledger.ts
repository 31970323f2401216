import { randomInt } from 'node:crypto';
import { loyaltySettings, minorUnitDigits, type LoyaltySettings, type LoyaltyTier } from '@comptoir/protocol';

/**
 * Pure rules of the points ledger: how many points a spend earns, which tier applies, how much a
 * return takes back, how a group account's shares cover a spend, and voucher codes. No database.
 */

/** The scope of a shop's accounts: its own, or its group's. */
export function accountScope(shop: { id: string; loyaltyGroupId: string | null }): string {
  return shop.loyaltyGroupId ? `group:${shop.loyaltyGroupId}` : `shop:${shop.id}`;
}

/** A stored programme (or null) as complete settings; an unreadable one falls back to the defaults. */
export function settingsFrom(stored: unknown): LoyaltySettings {
  const parsed = loyaltySettings.safeParse(stored ?? {});
  return parsed.success ? parsed.data : loyaltySettings.parse({});
}

/**
 * Points earned for a spend: whole currency units × rate × tier multiplier, rounded down, so a
 * shopper never gets points for a fraction of a unit they did not spend.
 */
export function pointsForSpend(input: { basisMinor: number; currency: string; pointsPerUnit: number; multiplier: number }): number {
  const unit = 10 ** minorUnitDigits(input.currency);
  // Scaled to integers first (rate and multiplier have at most 2 decimals in practice) to avoid 0.1+0.2 drift.
  const scaled = Math.round(input.pointsPerUnit * 100) * Math.round(input.multiplier * 100);
  return Math.max(0, Math.floor((input.basisMinor * scaled) / (unit * 10_000)));
}

/** Where a spend puts a shopper among the tiers. */
export interface TierProgress {
  current: LoyaltyTier;
  next: LoyaltyTier | null;
  remainingMinor: number;
}

/** The highest tier whose threshold the spend reaches, the next one, and what is left to reach it. */
export function tierFor(tiers: readonly LoyaltyTier[], spendMinor: number): TierProgress {
  const sorted = [...tiers].sort((a, b) => a.thresholdMinor - b.thresholdMinor);
  let index = 0;
  sorted.forEach((tier, position) => {
    if (spendMinor >= tier.thresholdMinor) index = position;
  });
  const current = sorted[index] ?? { id: 'member', name: 'Member', thresholdMinor: 0, multiplier: 1 };
  const next = sorted[index + 1] ?? null;
  return { current, next, remainingMinor: next ? Math.max(0, next.thresholdMinor - spendMinor) : 0 };
}

/**
 * How many of a lot's points should have been taken back once `returnedMinor` of its
 * `basisMinor` has been returned in total: proportional and rounded down, and all of them once
 * everything is back. Cumulative, so several partial returns never drift from one whole return.
 */
export function reversalTarget(lotPoints: number, basisMinor: number, returnedMinor: number): number {
  if (basisMinor <= 0 || returnedMinor >= basisMinor) return lotPoints;
  return Math.min(lotPoints, Math.floor((lotPoints * Math.max(0, returnedMinor)) / basisMinor));
}

/** One move of points between two shops' shares of a group account. */
export interface TransferPlan {
  fromShopId: string;
  points: number;
}

/**
 * The transfers that bring `shopId`'s share of an account up to `needed` points, taken from the
 * other shops' shares, largest first (then by shop id, so the plan is deterministic). When all the
 * shares together are not enough, it moves everything there is; the caller decides what that means.
 */
export function planTransfers(shares: ReadonlyMap<string, number>, shopId: string, needed: number): TransferPlan[] {
  let missing = needed - Math.max(0, shares.get(shopId) ?? 0);
  if (missing <= 0) return [];
  const others = [...shares.entries()]
    .filter(([id, points]) => id !== shopId && points > 0)
    .sort(([idA, a], [idB, b]) => b - a || (idA < idB ? -1 : 1));
  const plan: TransferPlan[] = [];
  for (const [fromShopId, points] of others) {
    if (missing <= 0) break;
    const moved = Math.min(points, missing);
    plan.push({ fromShopId, points: moved });
    missing -= moved;
  }
  return plan;
}

/** The two balances of an account from its entries. */
export function balancesOf(entries: ReadonlyArray<{ bucket: string; points: number }>): { pending: number; available: number } {
  let pending = 0;
  let available = 0;
  for (const entry of entries) {
    if (entry.bucket === 'pending') pending += entry.points;
    else available += entry.points;
  }
  return { pending, available };
}

/** Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L, 5/S, 2/Z). */
export const voucherAlphabet = 'ABCDEFGHJKMNPQRTUVWXY346789';

/** A new voucher code: `length` characters of the unambiguous alphabet, from a CSPRNG. */
export function generateVoucherCode(length = 10): string {
  let code = '';
  for (let index = 0; index < length; index += 1) code += voucherAlphabet[randomInt(voucherAlphabet.length)];
  return code;
}

/** A code as typed at a checkout, in the form it is stored: trimmed, upper-case, no spaces. */
export function normalizeVoucherCode(code: string): string {
  return code.trim().replace(/\s+/g, '').toUpperCase();
}

/** A CSV cell that a spreadsheet will not run as a formula. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
