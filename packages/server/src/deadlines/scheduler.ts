import type { Deps } from '../core/deps.js';
import type { DeadlineHandler, DueDeadline } from './handlers.js';
import { deadlineHandlers, deadlineFollowUps, type DeadlineFollowUp } from './registry.js';

/** What one run of the scheduler did. */
export interface FireDueDeadlinesResult {
  reminded: number;
  fired: number;
  /** Deadlines whose handler threw: rolled back, tried again on the next run. */
  failed: number;
}

/** Options of {@link fireDueDeadlines}; tests and the worker keep the defaults. */
export interface FireDueDeadlinesOptions {
  handlers?: Readonly<Record<string, DeadlineHandler>>;
  /** Work that finishes decisions after they commit (the automatic claim refund). */
  followUps?: readonly DeadlineFollowUp[];
  /** At most this many deadlines per run (the next run takes the rest). */
  limit?: number;
}

interface ClaimedRow {
  id: string;
  shopId: string;
  caseType: string;
  caseId: string;
  kind: string;
  startsAt: Date;
  dueAt: Date;
}

type Phase = 'remind' | 'fire';

/**
 * Claims ONE due deadline and runs its handler in the same transaction. The claim is a conditional
 * update of a row picked with `FOR UPDATE SKIP LOCKED`: another instance skips the row while this
 * transaction holds it, and once it commits the row no longer matches (`firedAt`/`remindedAt` is
 * set). If this process dies before the commit, the claim and the action roll back together and the
 * row is due again for whoever runs next. So each reminder and each guarantee action happens once.
 */
async function claimAndRun(
  deps: Deps,
  phase: Phase,
  now: Date,
  skip: readonly string[],
  handlers: Readonly<Record<string, DeadlineHandler>>,
): Promise<{ claimed: false } | { claimed: true; id: string; ok: boolean }> {
  let claimedId: string | null = null;
  try {
    const result = await deps.db.$transaction(
      async (tx) => {
        const skipIds = skip.length ? skip : ['00000000-0000-0000-0000-000000000000'];
        // Only kinds this server can act on: a deadline without a handler waits, it is never consumed.
        const kinds = Object.keys(handlers);
        const rows =
          phase === 'fire'
            ? await tx.$queryRaw<ClaimedRow[]>`
                UPDATE "Deadline" SET "firedAt" = ${now}
                WHERE id = (
                  SELECT id FROM "Deadline"
                  WHERE "firedAt" IS NULL AND "metAt" IS NULL AND "cancelledAt" IS NULL AND "dueAt" <= ${now}
                    AND kind = ANY(${kinds}::text[]) AND NOT (id = ANY(${skipIds}::uuid[]))
                  ORDER BY "dueAt", id
                  LIMIT 1
                  FOR UPDATE SKIP LOCKED
                )
                AND "firedAt" IS NULL AND "metAt" IS NULL AND "cancelledAt" IS NULL
                RETURNING id, "shopId", "caseType", "caseId", kind, "startsAt", "dueAt"`
            : await tx.$queryRaw<ClaimedRow[]>`
                UPDATE "Deadline" SET "remindedAt" = ${now}
                WHERE id = (
                  SELECT id FROM "Deadline"
                  WHERE "remindedAt" IS NULL AND "firedAt" IS NULL AND "metAt" IS NULL AND "cancelledAt" IS NULL
                    AND "remindAt" <= ${now} AND "dueAt" > ${now}
                    AND kind = ANY(${kinds}::text[]) AND NOT (id = ANY(${skipIds}::uuid[]))
                  ORDER BY "remindAt", id
                  LIMIT 1
                  FOR UPDATE SKIP LOCKED
                )
                AND "remindedAt" IS NULL AND "firedAt" IS NULL AND "metAt" IS NULL AND "cancelledAt" IS NULL
                RETURNING id, "shopId", "caseType", "caseId", kind, "startsAt", "dueAt"`;
        const row = rows[0];
        if (!row) return null;
        claimedId = row.id;
        const handler = handlers[row.kind]!;
        const deadline: DueDeadline = { ...row };
        if (phase === 'fire') {
          await handler.fire(tx, deps, deadline);
        } else {
          await handler.remind(tx, deps, deadline);
        }
        return row.id;
      },
      { maxWait: 20_000, timeout: 30_000 },
    );
    return result === null ? { claimed: false } : { claimed: true, id: result, ok: true };
  } catch (err) {
    if (claimedId === null) throw err;
    deps.logger.error({ err, deadlineId: claimedId, phase }, 'deadline handler failed: rolled back, retried on the next run');
    return { claimed: true, id: claimedId, ok: false };
  }
}

/**
 * Sends every reminder and takes every guarantee action that is due at `now`, then runs the
 * follow-ups (the automatic refunds of claims decided by the clock). Safe to run from any number
 * of instances at once: see {@link claimAndRun}. The job queue calls it on a schedule; tests call it
 * directly with their manual clock's time.
 */
export async function fireDueDeadlines(deps: Deps, now: Date, options: FireDueDeadlinesOptions = {}): Promise<FireDueDeadlinesResult> {
  const handlers = options.handlers ?? deadlineHandlers;
  const limit = options.limit ?? 1_000;
  const result: FireDueDeadlinesResult = { reminded: 0, fired: 0, failed: 0 };
  for (const phase of ['remind', 'fire'] as const) {
    const failed: string[] = [];
    for (let done = 0; done < limit; done += 1) {
      const outcome = await claimAndRun(deps, phase, now, failed, handlers);
      if (!outcome.claimed) break;
      if (!outcome.ok) {
        failed.push(outcome.id);
        result.failed += 1;
      } else if (phase === 'fire') {
        result.fired += 1;
      } else {
        result.reminded += 1;
      }
    }
  }
  for (const followUp of options.followUps ?? deadlineFollowUps) {
    try {
      await followUp(deps, now);
    } catch (err) {
      deps.logger.error({ err }, 'deadline follow-up failed: retried on the next run');
    }
  }
  return result;
}
