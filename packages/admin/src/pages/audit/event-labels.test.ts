import { describe, expect, it } from 'vitest';
import { actorLabel, automaticReasonLabel, eventTypeLabel, reasonText, statusChange, subjectHref } from './event-labels.js';

describe('audit event labels', () => {
  it.each([
    ['return.approved', 'fr', 'Retour accepté'],
    ['return.approved', 'en', 'Return approved'],
    ['refund.succeeded', 'en', 'Refund made'],
    ['shop.policy_updated', 'fr', 'Règles de service modifiées'],
  ] as const)('names %s in %s', (type, locale, label) => {
    expect(eventTypeLabel(type, locale)).toBe(label);
  });

  it('shows a type it does not know as it is', () => {
    expect(eventTypeLabel('robot.did_something', 'fr')).toBe('robot.did_something');
    expect(eventTypeLabel('constructor', 'en')).toBe('constructor');
  });

  it('names staff by their name and the others by their kind', () => {
    expect(actorLabel({ actorType: 'staff', actorName: 'Samir' }, 'fr')).toBe('Samir');
    expect(actorLabel({ actorType: 'staff', actorName: null }, 'en')).toBe('Former team member');
    expect(actorLabel({ actorType: 'system', actorName: null }, 'en')).toBe('Comptoir (automatic)');
    expect(actorLabel({ actorType: 'shopper', actorName: null }, 'fr')).toBe('Client');
    expect(actorLabel({ actorType: 'shop_backend', actorName: null }, 'en')).toBe('Shop back end');
    expect(actorLabel({ actorType: 'martian', actorName: null }, 'en')).toBe('martian');
  });

  it('links cases and orders to their pages, and nothing else', () => {
    expect(subjectHref('return', 'a1')).toBe('#/case?type=return&id=a1');
    expect(subjectHref('ticket', 'b/2')).toBe('#/case?type=ticket&id=b%2F2');
    expect(subjectHref('order', 'c3')).toBe('#/order?id=c3');
    expect(subjectHref('refund', 'd4')).toBeNull();
    expect(subjectHref('shop', 'e5')).toBeNull();
  });

  it('writes a change of state with the case’s status names', () => {
    expect(statusChange({ subjectType: 'return', fromStatus: 'requested', toStatus: 'approved' }, 'en')).toBe('Requested → Approved');
    expect(statusChange({ subjectType: 'return', fromStatus: null, toStatus: 'requested' }, 'en')).toBe('→ Requested');
    expect(statusChange({ subjectType: 'order', fromStatus: 'open', toStatus: 'shipped' }, 'en')).toBe('Being prepared → Shipped');
    expect(statusChange({ subjectType: 'shipment', fromStatus: 'in_transit', toStatus: 'delivered' }, 'fr')).toBe('En transit → Livré');
    expect(statusChange({ subjectType: 'staff', fromStatus: null, toStatus: 'owner' }, 'en')).toBe('→ owner');
    expect(statusChange({ subjectType: 'return', fromStatus: null, toStatus: null }, 'en')).toBeNull();
  });

  it('translates automatic reasons with their figures and keeps a person’s words', () => {
    expect(reasonText('auto.return_approved', { reasonParams: { days: 2 } }, 'fr')).toBe(
      'Accepté automatiquement : la boutique n’a pas répondu sous 2 jours ouvrés',
    );
    expect(reasonText('auto.claim_refunded', { reasonParams: { days: 1 } }, 'en')).toBe('Refunded automatically: the shop did not answer within 1 business day');
    expect(reasonText('Article porté', null, 'en')).toBe('Article porté');
    expect(reasonText(null, null, 'en')).toBeNull();
  });

  it('names automatic decisions for the dashboard, raw code when unknown', () => {
    expect(automaticReasonLabel('auto.ticket_escalated', 'en')).toBe('Requests escalated');
    expect(automaticReasonLabel('auto.something_new', 'fr')).toBe('auto.something_new');
  });
});
