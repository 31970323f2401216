// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, fail, hasInjectedElement, hostile, mount, ok, settle, testContext, textOf, type Handler } from '../../testing/fake-server.js';
import { returnDetail } from '../../testing/fixtures.js';
import './return-case.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(new Date('2026-11-24T10:00:00.000Z'));
});

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

const refundPromise = { kind: 'refund_due', dueAt: '2026-11-24T13:00:00.000Z', message: { fr: 'Délai légal : 14 jours.', en: 'Legal limit: 14 days.' } };

async function show(locale: 'fr' | 'en', routes: Record<string, Handler>) {
  const fake = testContext(locale, routes);
  const element = await mount('comptoir-return-case', { ctx: fake.ctx, returnId: 'ret-1' });
  return { ...fake, element };
}

describe('<comptoir-return-case>', () => {
  it('shows the status, the next promise in the shop’s time with a live countdown, the lines and the reasons of automatic decisions, in French', async () => {
    const { element, calls } = await show('fr', { 'returns.widget.detail': ok(returnDetail({ status: 'received', statusLabel: { fr: 'Reçu', en: 'Received' }, nextPromise: refundPromise })) });
    expect(calls[0]).toEqual(expect.objectContaining({ path: 'returns.widget.detail', input: { returnId: 'ret-1' } }));
    const text = textOf(element);
    expect(text).toContain('Retour R-7KX2 Reçu');
    expect($(element, '.promise').textContent?.trim()).toBe('Remboursement au plus tard mardi 14 h');
    expect($(element, '.countdown').textContent).toBe('Il reste 3 h 00 min');
    expect(text).toContain('Accepté automatiquement : dans le délai de retour.');
    vi.advanceTimersByTime(3_600_000);
    await settle(element);
    expect($(element, '.countdown').textContent).toBe('Il reste 2 h 00 min');
    vi.advanceTimersByTime(3 * 3_600_000);
    await settle(element);
    expect($(element, '.countdown').textContent).toBe('Échéance dépassée');
  });

  it('speaks English', async () => {
    const { element } = await show('en', { 'returns.widget.detail': ok(returnDetail({ nextPromise: refundPromise })) });
    expect($(element, '.promise').textContent?.trim()).toBe('Refund by Tuesday 2 PM at the latest');
    expect($(element, '.countdown').textContent).toBe('3 h 00 min left');
    expect(textOf(element)).toContain('Approved automatically: within the return window.');
  });

  it('cancels a return still open to it, then shows it again from the server', async () => {
    let detail = returnDetail();
    const { element, calls } = await show('fr', {
      'returns.widget.detail': () => ok(detail),
      'returns.widget.cancel': () => {
        detail = returnDetail({ status: 'cancelled', statusLabel: { fr: 'Annulé', en: 'Cancelled' }, nextPromise: null });
        return ok({ id: 'ret-1' });
      },
    });
    const cancel = [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent?.includes('Annuler ce retour'))!;
    cancel.click();
    await settle(element);
    expect(calls.find((call) => call.path === 'returns.widget.cancel')?.input).toEqual({ returnId: 'ret-1' });
    expect(textOf(element)).toContain('Retour annulé.');
    expect(textOf(element)).toContain('Annulé');
    expect(textOf(element)).not.toContain('Annuler ce retour');
  });

  it('rates a settled return', async () => {
    let detail = returnDetail({ status: 'refunded', statusLabel: { fr: 'Remboursé', en: 'Refunded' }, nextPromise: null });
    const { element, calls } = await show('en', {
      'returns.widget.detail': () => ok(detail),
      'returns.widget.rate': (input) => {
        detail = { ...detail, rating: (input as { rating: number }).rating };
        return ok({ id: 'ret-1' });
      },
    });
    const four = $<HTMLInputElement>(element, 'input[name="rating"][value="4"]');
    four.checked = true;
    four.dispatchEvent(new Event('change'));
    await settle(element);
    $<HTMLFormElement>(element, 'form').requestSubmit();
    await settle(element);
    expect(calls.find((call) => call.path === 'returns.widget.rate')?.input).toEqual({ returnId: 'ret-1', rating: 4 });
    expect(textOf(element)).toContain('Your rating: 4 out of 5');
  });

  it('says why an action failed', async () => {
    const { element } = await show('en', {
      'returns.widget.detail': ok(returnDetail()),
      'returns.widget.cancel': fail('INVALID_TRANSITION', 'This return can no longer be cancelled.', 409),
    });
    [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent?.includes('Cancel this return'))!.click();
    await settle(element);
    expect($(element, '[role="alert"]').textContent?.trim()).toBe('This return can no longer be cancelled.');
  });

  it('shows the shopper’s own hostile text as text', async () => {
    const { element } = await show('fr', { 'returns.widget.detail': ok(returnDetail({ lines: [{ ...returnDetail().lines[0]!, orderLine: { ...returnDetail().lines[0]!.orderLine, title: hostile } }] })) });
    expect(textOf(element)).toContain(hostile);
    expect(hasInjectedElement(element)).toBe(false);
  });
});
