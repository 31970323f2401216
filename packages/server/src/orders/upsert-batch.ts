import { errorMessage, orderUpsertInput, type Locale } from '@comptoir/protocol';
import type { ZodError } from 'zod';
import type { Actor } from '../core/actor.js';
import type { Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { upsertOrder, type UpsertOutcome } from './upsert-order.js';

/** The result of one order of a batch. */
export interface BatchItemResult {
  index: number;
  externalId: string | null;
  ok: boolean;
  orderId?: string;
  outcome?: UpsertOutcome;
  error?: { code: string; message: string };
}

/** The first validation issues, as `path: message`, for a person to read. */
export function describeZodIssues(error: ZodError, limit = 5): string {
  return error.issues
    .slice(0, limit)
    .map((issue) => `${issue.path.join('.') || '(order)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Upserts orders one by one, each in its own transaction, so a malformed or refused order is
 * reported beside the others instead of blocking them. Items are validated here, not at the edge.
 */
export async function upsertOrderBatch(
  deps: Deps,
  input: { shopId: string; orders: readonly unknown[]; actor: Actor; locale: Locale; requestId?: string },
): Promise<{ results: BatchItemResult[]; created: number; updated: number; unchanged: number; failed: number }> {
  const results: BatchItemResult[] = [];
  const totals = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  for (const [index, raw] of input.orders.entries()) {
    const claimedId = (raw as { externalId?: unknown } | null)?.externalId;
    const externalId = typeof claimedId === 'string' ? claimedId.trim().slice(0, 200) : null;
    const parsed = orderUpsertInput.safeParse(raw);
    if (!parsed.success) {
      const params = { issues: describeZodIssues(parsed.error) };
      results.push({ index, externalId, ok: false, error: { code: 'INVALID_INPUT', message: errorMessage('INVALID_INPUT', input.locale, params) } });
      totals.failed += 1;
      continue;
    }
    try {
      const { orderId, outcome } = await upsertOrder(deps, { shopId: input.shopId, order: parsed.data, actor: input.actor });
      results.push({ index, externalId: parsed.data.externalId, ok: true, orderId, outcome });
      totals[outcome] += 1;
    } catch (error) {
      if (!(error instanceof DomainError)) {
        deps.logger.error({ requestId: input.requestId, index, externalId, err: error }, 'batch order upsert failed');
      }
      const code = error instanceof DomainError ? error.code : 'INTERNAL_ERROR';
      const params = error instanceof DomainError ? error.params : { requestId: input.requestId ?? '-' };
      results.push({ index, externalId, ok: false, error: { code, message: errorMessage(code, input.locale, params) } });
      totals.failed += 1;
    }
  }
  return { results, ...totals };
}
