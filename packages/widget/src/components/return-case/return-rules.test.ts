import { describe, expect, it } from 'vitest';
import { canCancelReturn, describeReturnEvent, isRateableReturn } from './return-rules.js';

describe('the return case’s rules', () => {
  it.each([
    ['requested', true, false],
    ['approved', true, false],
    ['in_transit', false, false],
    ['refunded', false, true],
    ['refused', false, true],
  ] as const)('a %s return: cancel %s, rate %s', (status, canCancel, canRate) => {
    expect(canCancelReturn(status)).toBe(canCancel);
    expect(isRateableReturn(status)).toBe(canRate);
  });

  it('names a change of status, and the server’s reason for an automatic one', () => {
    const reasonMessage = { fr: 'Accepté automatiquement.', en: 'Approved automatically.' };
    expect(describeReturnEvent('fr', { type: 'return.approved', toStatus: 'approved', reasonMessage })).toEqual({ title: 'Accepté', reason: 'Accepté automatiquement.' });
    expect(describeReturnEvent('en', { type: 'return.approved', toStatus: 'approved', reasonMessage }).reason).toBe('Approved automatically.');
  });

  it.each([
    ['return.rated', 'Note envoyée'],
    ['return.deadline_missed', 'La boutique a dépassé son délai'],
    ['return.resolution_changed', 'Échange annulé : vous serez remboursé'],
    ['return.something_new', 'Retour mis à jour'],
  ])('names %s without showing its code', (type, title) => {
    expect(describeReturnEvent('fr', { type, toStatus: null, reasonMessage: null }).title).toBe(title);
  });
});
