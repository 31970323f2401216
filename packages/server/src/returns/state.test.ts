import { describe, expect, it } from 'vitest';
import { returnMachine } from '@comptoir/protocol';
import { generateReturnCode, returnCodeAlphabet } from './code.js';
import { allowedReturnActions, type ReturnAction } from './state.js';

describe('allowedReturnActions', () => {
  it.each<[string, ReturnAction[]]>([
    ['requested', ['approve', 'refuse', 'cancel']],
    ['needs_review', ['approve', 'refuse', 'cancel']],
    ['approved', ['receive', 'refund', 'cancel']],
    ['in_transit', ['receive', 'refund']],
    ['received', ['refuse', 'refund']],
    ['refunded', ['refund', 'close']],
    ['exchanged', ['close']],
    ['refused', []],
    ['cancelled', []],
    ['closed', []],
    ['teleported', []],
  ])('offers staff on a %s return: %j', (status, actions) => {
    expect(allowedReturnActions(status)).toEqual(actions);
  });

  it('covers every status of the machine', () => {
    for (const status of returnMachine.statuses) expect(Array.isArray(allowedReturnActions(status))).toBe(true);
  });
});

describe('generateReturnCode', () => {
  it('makes short codes of unambiguous characters', () => {
    for (let i = 0; i < 200; i += 1) {
      const code = generateReturnCode();
      expect(code).toMatch(/^R-[A-Z0-9]{6}$/);
      for (const char of code.slice(2)) expect(returnCodeAlphabet).toContain(char);
    }
    expect(returnCodeAlphabet).not.toMatch(/[0O1IL2Z5S]/);
  });
});
