import { describe, expect, it } from 'vitest';
import { claimMachine } from './claim-status.js';
import { exchangeMachine } from './exchange-status.js';
import {
  assertTransition,
  checkTransition,
  isAwaitingShop,
  isTerminalStatus,
  nextStatuses,
  statusLabel,
  TransitionError,
  type StateMachine,
} from './machine.js';
import { refundMachine } from './refund-status.js';
import { ReturnStatus, returnMachine } from './return-status.js';
import { ticketMachine } from './ticket-status.js';

const machines: Array<StateMachine<string>> = [returnMachine, refundMachine, claimMachine, ticketMachine, exchangeMachine];

/** Every ordered pair of statuses (including a status to itself), with whether the table allows it. */
function allPairs(machine: StateMachine<string>): Array<[string, string, boolean]> {
  return machine.statuses.flatMap((from) =>
    machine.statuses.map((to): [string, string, boolean] => [from, to, machine.transitions[from]!.includes(to)]),
  );
}

describe.each(machines.map((machine) => [machine.name, machine] as const))('the %s machine', (_name, machine) => {
  const pairs = allPairs(machine);
  const legal = pairs.filter(([, , allowed]) => allowed);
  const illegal = pairs.filter(([, , allowed]) => !allowed);

  it.each(legal.map(([from, to]) => [from, to]))('accepts %s → %s', (from, to) => {
    expect(checkTransition(machine, from, to)).toEqual({ ok: true, from, to });
    expect(assertTransition(machine, from, to)).toBe(to);
  });

  it.each(illegal.map(([from, to]) => [from, to]))('refuses %s → %s with INVALID_TRANSITION', (from, to) => {
    const check = checkTransition(machine, from, to);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.error).toBeInstanceOf(TransitionError);
    expect(check.error.code).toBe('INVALID_TRANSITION');
    expect(check.error.params).toEqual({ from, to });
    expect(check.error.machine).toBe(machine.name);
    expect(() => assertTransition(machine, from, to)).toThrow(TransitionError);
  });

  it('refuses statuses it does not know, in either position', () => {
    const first = machine.statuses[0]!;
    for (const [from, to] of [
      ['teleported', first],
      [first, 'teleported'],
      ['__proto__', 'constructor'],
      ['', ''],
    ] as const) {
      expect(checkTransition(machine, from, to).ok).toBe(false);
    }
    expect(nextStatuses(machine, 'teleported')).toEqual([]);
  });

  it('only lists known statuses as targets, never a status to itself', () => {
    for (const from of machine.statuses) {
      for (const to of machine.transitions[from]!) {
        expect(machine.statuses).toContain(to);
        expect(to).not.toBe(from);
      }
    }
  });

  it('reaches every status from the first one', () => {
    const seen = new Set([machine.statuses[0]!]);
    const queue = [machine.statuses[0]!];
    while (queue.length > 0) {
      for (const next of machine.transitions[queue.shift()!]!) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect([...seen].sort()).toEqual([...machine.statuses].sort());
  });

  it('has a terminal status reachable from every status, and never waits for the shop in one', () => {
    expect(machine.terminal.length).toBeGreaterThan(0);
    for (const status of machine.terminal) {
      expect(isTerminalStatus(machine, status)).toBe(true);
      expect(isAwaitingShop(machine, status)).toBe(false);
    }
    for (const start of machine.statuses) {
      const seen = new Set([start]);
      const queue = [start];
      while (queue.length > 0) {
        for (const next of machine.transitions[queue.shift()!]!) {
          if (!seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
        }
      }
      expect(machine.terminal.some((status) => seen.has(status))).toBe(true);
    }
  });

  it('names every status in French and English', () => {
    for (const status of machine.statuses) {
      expect(statusLabel(machine, status, 'fr').length).toBeGreaterThan(0);
      expect(statusLabel(machine, status, 'en').length).toBeGreaterThan(0);
    }
  });
});

describe('the return machine', () => {
  it.each([
    ['a returnless "keep" refund straight after approval', ReturnStatus.approved, ReturnStatus.refunded],
    ['a drop-off at the counter', ReturnStatus.approved, ReturnStatus.received],
    ['the carrier’s first scan', ReturnStatus.approved, ReturnStatus.in_transit],
    ['a refund at the first scan', ReturnStatus.in_transit, ReturnStatus.refunded],
    ['a refusal after inspection', ReturnStatus.received, ReturnStatus.refused],
  ])('allows %s', (_what, from, to) => {
    expect(checkTransition(returnMachine, from, to).ok).toBe(true);
  });

  it('never lets the clock approve a case under review into a refund without approval', () => {
    expect(checkTransition(returnMachine, ReturnStatus.needs_review, ReturnStatus.refunded).ok).toBe(false);
  });
});
