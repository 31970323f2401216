import { returnMachine } from '@comptoir/protocol';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../core/domain-error.js';
import { requireTransition, requireValidPolicy } from './domain-errors.js';

function thrown(call: () => unknown): DomainError {
  try {
    call();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('requireTransition', () => {
  it('returns the target of a legal move', () => {
    expect(requireTransition(returnMachine, 'requested', 'approved')).toBe('approved');
  });

  it('refuses an illegal move with INVALID_TRANSITION naming both statuses', () => {
    const error = thrown(() => requireTransition(returnMachine, 'refunded', 'requested'));
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.params).toEqual({ from: 'refunded', to: 'requested' });
  });
});

describe('requireValidPolicy', () => {
  it('refuses a window under the legal 14 days with POLICY_BELOW_LEGAL_FLOOR', () => {
    const error = thrown(() => requireValidPolicy({ returns: { windowDays: 10 } }));
    expect(error.code).toBe('POLICY_BELOW_LEGAL_FLOOR');
    expect(error.params).toEqual({ field: 'returns.windowDays', floor: 14 });
  });

  it('refuses a refund later than 14 days with POLICY_ABOVE_LEGAL_CEILING', () => {
    expect(thrown(() => requireValidPolicy({ refunds: { dueHours: 400 } })).code).toBe('POLICY_ABOVE_LEGAL_CEILING');
  });

  it('returns the full rules of a valid policy', () => {
    expect(requireValidPolicy({ returns: { windowDays: 45 } }).returns.windowDays).toBe(45);
  });
});
