import { promiseKinds, type PromiseKind } from '@comptoir/protocol';
import { localDateKey, toLocal } from '../guarantees/zoned-time.js';

/** The dashboard's window: [from, to), `to` being now. */
export interface DashboardWindow {
  from: Date;
  to: Date;
}

/** Whether an instant falls in the window (start included, end excluded). */
export function isInWindow(at: Date | null | undefined, window: DashboardWindow): at is Date {
  return !!at && at.getTime() >= window.from.getTime() && at.getTime() < window.to.getTime();
}

/** The median of some numbers (the mean of the two middle ones for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Rounds to `decimals` places (for display figures; counts are never rounded). */
export function roundTo(value: number | null, decimals: number): number | null {
  if (value === null) return null;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** A deadline as the promises count reads it. */
export interface DeadlineFacts {
  kind: string;
  dueAt: Date;
  metAt: Date | null;
  cancelledAt: Date | null;
}

/** Kept and missed promises of each kind, and the share kept. */
export interface PromiseCount {
  kind: PromiseKind;
  kept: number;
  missed: number;
  share: number | null;
}

/**
 * A deadline is settled when the promise was kept (met by its due time: at `metAt`) or broken (its
 * due time passed unmet, or met late: at `dueAt`). It counts in the window it was settled in;
 * cancelled deadlines and those still running count nowhere.
 */
export function countPromises(deadlines: readonly DeadlineFacts[], window: DashboardWindow): PromiseCount[] {
  return promiseKinds.map((kind) => {
    let kept = 0;
    let missed = 0;
    for (const deadline of deadlines) {
      if (deadline.kind !== kind || deadline.cancelledAt) continue;
      if (deadline.metAt && deadline.metAt.getTime() <= deadline.dueAt.getTime()) {
        if (isInWindow(deadline.metAt, window)) kept += 1;
      } else if (deadline.dueAt.getTime() <= window.to.getTime() && isInWindow(deadline.dueAt, window)) {
        missed += 1;
      }
    }
    return { kind, kept, missed, share: kept + missed === 0 ? null : kept / (kept + missed) };
  });
}

/** Counts by a key, most frequent first, ties by key. */
export function countBy(keys: readonly string[]): Array<{ key: string; count: number }> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The average of some ratings (2 decimals) and how many there are. */
export function averageOf(ratings: readonly number[]): { average: number | null; count: number } {
  if (ratings.length === 0) return { average: null, count: 0 };
  return { average: roundTo(ratings.reduce((sum, rating) => sum + rating, 0) / ratings.length, 2), count: ratings.length };
}

/** The shop-local dates the window touches, oldest first ("YYYY-MM-DD"). */
export function windowDates(window: DashboardWindow, timeZone: string): string[] {
  const first = toLocal(window.from, timeZone);
  const lastKey = localDateOf(new Date(window.to.getTime() - 1), timeZone);
  const dates: string[] = [];
  // Calendar dates step by whole days whatever the zone's offset changes, so plain UTC dates do.
  for (let offset = 0; offset <= 400; offset += 1) {
    const key = localDateKey(first.year, first.month, first.day + offset);
    dates.push(key);
    if (key >= lastKey) break;
  }
  return dates;
}

/** The shop-local date ("YYYY-MM-DD") of an instant. */
export function localDateOf(at: Date, timeZone: string): string {
  const local = toLocal(at, timeZone);
  return localDateKey(local.year, local.month, local.day);
}
