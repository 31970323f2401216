import { describe, expect, it } from 'vitest';
import { authorKey, canRate, canReply } from './ticket-rules.js';

describe('the ticket thread’s rules', () => {
  it.each([
    ['shopper', 'you'],
    ['staff', 'shop'],
    ['system', 'system'],
  ] as const)('names a message by %s', (authorType, key) => {
    expect(authorKey(authorType)).toBe(key);
  });

  it('offers a rating only on a resolved ticket not yet rated', () => {
    expect(canRate({ status: 'resolved', rating: null })).toBe(true);
    expect(canRate({ status: 'resolved', rating: 4 })).toBe(false);
    expect(canRate({ status: 'awaiting_shopper', rating: null })).toBe(false);
  });

  it('lets the shopper write until the ticket is closed', () => {
    expect(canReply('resolved')).toBe(true);
    expect(canReply('closed')).toBe(false);
  });
});
