import type { Actor } from '../core/actor.js';
import type { Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { scanPickupCode, type PickupScanResult } from '../pickup/service.js';
import { receiveReturnByCode, type ReturnItemEvent } from '../returns/service.js';
import { readCounterCode } from './code-shape.js';

/** What the counter did with a code: an order handed over, or a return received. */
export type CounterScanResult = ({ kind: 'pickup'; code: string } & PickupScanResult) | ({ kind: 'return'; code: string } & ReturnItemEvent);

/**
 * The counter's one input: staff scan or type whatever the customer shows, and the code's shape
 * decides. A pickup code hands the order over (pickup service: order picked up, booking collected);
 * a return code receives the return (returns service: received, refund clock started). Both look in
 * the staff member's active shop only, so another shop's code is unknown. A code of neither shape
 * is COUNTER_CODE_INVALID.
 */
export async function scanCounterCode(deps: Deps, input: { shopId: string; code: string; actor: Actor }): Promise<CounterScanResult> {
  const read = readCounterCode(input.code);
  if (read.kind === 'pickup') {
    const result = await scanPickupCode(deps, { shopId: input.shopId, code: read.code, actor: input.actor });
    return { kind: 'pickup', code: read.code, ...result };
  }
  if (read.kind === 'return') {
    const result = await receiveReturnByCode(deps, { shopId: input.shopId, code: read.code, actor: input.actor });
    return { kind: 'return', ...result };
  }
  throw new DomainError('COUNTER_CODE_INVALID');
}
