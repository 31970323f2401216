import { checkTransition, validateServicePolicy, type ServicePolicyRules, type StateMachine } from '@comptoir/protocol';
import { DomainError } from '../core/domain-error.js';

/**
 * Checks a move against a machine's table and returns the target status, or throws
 * `DomainError('INVALID_TRANSITION', { from, to })` — the server's face of protocol's TransitionError.
 */
export function requireTransition<S extends string>(machine: StateMachine<S>, from: string, to: string): S {
  const check = checkTransition(machine, from, to);
  if (!check.ok) throw new DomainError('INVALID_TRANSITION', check.error.params);
  return check.to;
}

/**
 * Validates a policy an admin saves, or throws the most useful DomainError
 * (POLICY_BELOW_LEGAL_FLOOR with { field, floor }, POLICY_ABOVE_LEGAL_CEILING with { field, ceiling }, …).
 */
export function requireValidPolicy(input: unknown): ServicePolicyRules {
  const result = validateServicePolicy(input);
  if (!result.ok) throw new DomainError(result.code, result.params);
  return result.rules;
}
