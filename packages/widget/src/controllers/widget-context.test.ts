import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n/index.js';
import { ApiError } from './api-client.js';
import { describeError, parentRoute, routeFromCase, routeFromView } from './widget-context.js';

describe('routeFromView', () => {
  it.each([
    ['orders', { name: 'orders' }],
    ['order/1042', { name: 'order', number: '1042' }],
    ['order/%23FR-22', { name: 'order', number: '#FR-22' }],
    ['returns', { name: 'orders' }],
    ['tickets', { name: 'tickets' }],
    ['loyalty', { name: 'loyalty' }],
    ['ticket/0190f5a2-aaaa', { name: 'ticket', id: '0190f5a2-aaaa' }],
    ['claim/0190f5a2-bbbb', { name: 'claim', number: '', id: '0190f5a2-bbbb' }],
    ['order/%E0%A4%A', { name: 'orders' }],
    [null, { name: 'orders' }],
  ] as const)('reads %s', (view, route) => {
    expect(routeFromView(view)).toEqual(route);
  });
});

describe('parentRoute', () => {
  it.each([
    [{ name: 'return-request', number: '1002' }, { name: 'order', number: '1002' }],
    [{ name: 'return', number: '1002', id: 'r1' }, { name: 'order', number: '1002' }],
    [{ name: 'order', number: '1002' }, { name: 'orders' }],
    [{ name: 'claim', number: '1002', id: 'c1' }, { name: 'order', number: '1002' }],
    [{ name: 'claim', number: '', id: 'c1' }, { name: 'orders' }],
    [{ name: 'ticket', id: 't1' }, { name: 'tickets' }],
    [{ name: 'ticket-new', number: '1002' }, { name: 'order', number: '1002' }],
    [{ name: 'loyalty' }, { name: 'orders' }],
  ] as const)('leads back from %o', (route, parent) => {
    expect(parentRoute(route)).toEqual(parent);
  });
});

describe('routeFromCase', () => {
  it('opens the case an emailed link points to', () => {
    expect(routeFromCase({ caseType: 'claim', caseId: 'c1' })).toEqual({ name: 'claim', number: '', id: 'c1' });
    expect(routeFromCase({ caseType: 'order', caseId: '1042' })).toEqual({ name: 'order', number: '1042' });
    expect(routeFromCase({ caseType: 'ticket', caseId: 't1' })).toEqual({ name: 'ticket', id: 't1' });
    expect(routeFromCase({ caseType: 'return', caseId: 'r1' })).toEqual({ name: 'return', number: '', id: 'r1' });
    expect(routeFromCase({ caseType: 'loyalty', caseId: 'x' })).toEqual({ name: 'loyalty' });
    expect(routeFromCase({ caseType: 'exchange', caseId: 'x' })).toBeNull();
    expect(routeFromCase(null)).toBeNull();
  });
});

describe('describeError', () => {
  const t = createTranslator('fr', { currency: 'EUR', timeZone: 'Europe/Paris' });

  it('shows the server message as it came', () => {
    expect(describeError(new ApiError('Clé d’API inconnue ou révoquée.', 'server', 'INVALID_API_KEY', 401), t)).toBe(
      'Clé d’API inconnue ou révoquée.',
    );
  });

  it('explains network failures and being offline in the shopper language', () => {
    expect(describeError(new ApiError('network', 'network', 'NETWORK'), t)).toContain('Connexion au service impossible');
    expect(describeError(new ApiError('offline', 'offline', 'NETWORK'), t)).toContain('hors ligne');
    expect(describeError(new Error('boom'), t)).toBe(t.t('unknownError'));
  });
});
