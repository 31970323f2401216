// @vitest-environment happy-dom
import { render } from 'lit';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n/index.js';
import { hostile } from '../testing/fake-server.js';
import { statusBadge } from './status-badge.js';

function badge(locale: 'fr' | 'en', status: string, kind?: 'status' | 'tracking') {
  const host = document.createElement('div');
  render(statusBadge(createTranslator(locale, { currency: 'EUR', timeZone: 'Europe/Paris' }), status, kind), host);
  return host.querySelector('.status')!;
}

describe('statusBadge', () => {
  it.each([
    ['fr', 'ready_for_pickup', 'status', 'Prête à être retirée', 'action'],
    ['en', 'ready_for_pickup', 'status', 'Ready for pickup', 'action'],
    ['fr', 'delivery_failed', 'tracking', 'Échec de livraison', 'alert'],
    ['en', 'delivered', 'status', 'Delivered', 'done'],
  ] as const)('labels %s %s (%s) as “%s”, toned %s', (locale, status, kind, label, tone) => {
    const element = badge(locale, status, kind);
    expect(element.textContent).toBe(label);
    expect(element.classList.contains(tone)).toBe(true);
    expect(element.getAttribute('part')).toBe('status');
  });

  it('shows an unknown status from the server as text', () => {
    const element = badge('fr', hostile);
    expect(element.textContent).toBe(hostile);
    expect(element.querySelector('img')).toBeNull();
  });
});
