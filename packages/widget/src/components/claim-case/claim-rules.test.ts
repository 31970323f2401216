import { describe, expect, it } from 'vitest';
import { canRateClaim, describeClaimEvent, refundStatusLabel } from './claim-rules.js';

describe('the claim case’s rules', () => {
  it.each([
    ['refunded', null, true],
    ['rejected', null, true],
    ['refunded', 5, false],
    ['open', null, false],
    ['auto_decided', null, false],
  ] as const)('rates a %s claim rated %s: %s', (status, rating, expected) => {
    expect(canRateClaim({ status, rating })).toBe(expected);
  });

  it('shows the server’s own words for an automatic decision', () => {
    const event = {
      type: 'claim.auto_decided',
      toStatus: 'auto_decided',
      reasonMessage: { fr: 'Remboursé automatiquement : la boutique n’a pas répondu sous 2 jours ouvrés.', en: 'Refunded automatically: no answer within 2 business days.' },
    };
    expect(describeClaimEvent('fr', event)).toEqual({ title: 'Accordée automatiquement', reason: event.reasonMessage.fr });
    expect(describeClaimEvent('en', event).reason).toBe(event.reasonMessage.en);
  });

  it('names events without a new status, and never shows a raw code for unknown ones', () => {
    expect(describeClaimEvent('fr', { type: 'claim.rated', toStatus: null, reasonMessage: null }).title).toBe('Note envoyée');
    expect(describeClaimEvent('en', { type: 'claim.deadline_missed', toStatus: null, reasonMessage: null }).title).toBe('The shop did not answer in time');
    expect(describeClaimEvent('en', { type: 'claim.photo_added', toStatus: null, reasonMessage: null }).title).toBe('Case updated');
    expect(describeClaimEvent('fr', { type: 'claim.answered', toStatus: 'answered', reasonMessage: null }).title).not.toMatch(/^answered$|claim\./);
  });

  it('names each refund status in both languages', () => {
    expect(refundStatusLabel('fr', 'succeeded')).toBe('Effectué');
    expect(refundStatusLabel('en', 'pending')).toBe('Pending');
    expect(refundStatusLabel('en', 'failed')).toBe('Failed');
  });
});
