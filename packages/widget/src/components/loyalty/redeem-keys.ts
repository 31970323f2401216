/**
 * Idempotency keys of redemptions: a click makes a new key; trying again after a failure that may
 * not have reached the server (the network) reuses it, so the server gives back the voucher it
 * may already have made instead of spending the points twice.
 */
export class RedeemKeys {
  private readonly pending = new Map<string, string>();

  constructor(private readonly newKey: () => string = () => crypto.randomUUID()) {}

  /** A new key for a click on a reward (forgetting any earlier attempt of it). */
  start(rewardId: string): string {
    const key = this.newKey();
    this.pending.set(rewardId, key);
    return key;
  }

  /** The key of the attempt to retry, or a new one when there is none. */
  retry(rewardId: string): string {
    return this.pending.get(rewardId) ?? this.start(rewardId);
  }

  /** Whether a failed attempt of this reward can be retried with its key. */
  hasPending(rewardId: string): boolean {
    return this.pending.has(rewardId);
  }

  /** The attempt is over: it succeeded, or the server refused it for good. */
  settle(rewardId: string): void {
    this.pending.delete(rewardId);
  }
}

/** How far along the way to the next tier, 0 to 100 (100 at the top tier). */
export function tierPercent(tier: { spendMinor: number; remainingMinor: number; next: { thresholdMinor: number } | null }): number {
  if (!tier.next || tier.remainingMinor <= 0) return 100;
  const target = tier.next.thresholdMinor;
  if (target <= 0) return 100;
  return Math.max(0, Math.min(100, Math.floor(((target - tier.remainingMinor) / target) * 100)));
}

/** Appends a page of history to the entries already shown, without repeating any. */
export function appendEntries<E extends { id: string }>(shown: readonly E[], page: readonly E[]): E[] {
  const known = new Set(shown.map((entry) => entry.id));
  return [...shown, ...page.filter((entry) => !known.has(entry.id))];
}
