// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../controllers/api-client.js';
import { $, hasInjectedElement, hostile, mount, settle, testContext, textOf, type } from '../../testing/fake-server.js';
import './case-rating.js';

afterEach(() => document.body.replaceChildren());

async function rating(locale: 'fr' | 'en', send: (rating: number, comment: string) => Promise<unknown>) {
  return mount('comptoir-case-rating', { ctx: testContext(locale, {}).ctx, send });
}

function pick(element: HTMLElement, count: number) {
  const radio = $<HTMLInputElement>(element, `input[value="${count}"]`);
  radio.checked = true;
  radio.dispatchEvent(new Event('change'));
}

describe('<comptoir-case-rating>', () => {
  it('offers 1 to 5 stars with a comment, in French and in English', async () => {
    const fr = await rating('fr', async () => undefined);
    expect(textOf(fr)).toContain('Notez la réponse de la boutique');
    expect(textOf(fr)).toContain('3 sur 5');
    const en = await rating('en', async () => undefined);
    expect(textOf(en)).toContain('Rate the shop’s answer');
    expect(en.shadowRoot!.querySelectorAll('input[name="rating"]')).toHaveLength(5);
  });

  it('asks for a rating before sending', async () => {
    const sent: unknown[] = [];
    const element = await rating('en', async (...args) => sent.push(args));
    $<HTMLFormElement>(element, 'form').requestSubmit();
    await settle(element);
    expect($(element, '[role="alert"]').textContent).toBe('Choose a rating from 1 to 5.');
    expect(sent).toEqual([]);
  });

  it('sends the stars and the trimmed comment', async () => {
    const sent: unknown[] = [];
    const element = await rating('fr', async (...args) => sent.push(args));
    pick(element, 4);
    type($(element, 'textarea'), '  Rapide et aimable  ');
    $<HTMLFormElement>(element, 'form').requestSubmit();
    await settle(element);
    expect(sent).toEqual([[4, 'Rapide et aimable']]);
  });

  it('shows why sending failed, as text', async () => {
    const element = await rating('fr', async () => {
      throw new ApiError(`Déjà noté ${hostile}`, 'server', 'ALREADY_RATED', 409);
    });
    pick(element, 2);
    $<HTMLFormElement>(element, 'form').requestSubmit();
    await settle(element);
    expect($(element, '[role="alert"]').textContent).toBe(`Déjà noté ${hostile}`);
    expect(hasInjectedElement(element)).toBe(false);
  });
});
