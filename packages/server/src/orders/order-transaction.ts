import { Prisma } from '../generated/prisma/client.js';
import type { Deps, Db } from '../core/deps.js';

/** Interactive transactions wait for the order's lock, so they get more than Prisma's default 5 s. */
const transactionOptions = { maxWait: 10_000, timeout: 30_000 } as const;

/** Whether an error is a unique-constraint violation (Prisma P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/**
 * Runs `work` in a transaction that holds the lock of one order (by shop and external id), so
 * every write to that order, from upserts, shipments or fulfilment steps, happens one at a time on
 * every instance. A unique violation (two different orders racing for one number, or one customer
 * created twice) is retried once: the second run sees the committed row and decides cleanly.
 */
export async function withOrderLock<T>(
  deps: Deps,
  order: { shopId: string; externalId: string },
  work: (tx: Db) => Promise<T>,
): Promise<T> {
  const key = `order:${order.shopId}:${order.externalId}`;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await deps.db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
        return work(tx);
      }, transactionOptions);
    } catch (error) {
      if (attempt < 2 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}
