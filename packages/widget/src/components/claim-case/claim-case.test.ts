// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { AttachmentFile } from '../../controllers/api-types.js';
import { $, fail, hasInjectedElement, hostile, mount, ok, settle, testContext, textOf, type Handler } from '../../testing/fake-server.js';
import { claimDetail } from '../../testing/fixtures.js';
import './claim-case.js';

afterEach(() => document.body.replaceChildren());

const photoFile: AttachmentFile = { id: 'att-1', filename: 'colis.jpg', contentType: 'image/jpeg', sizeBytes: 3, dataBase64: 'AQID' };

async function show(locale: 'fr' | 'en', routes: Record<string, Handler>, props: { isNew?: boolean } = {}) {
  const fake = testContext(locale, routes);
  const element = await mount('comptoir-claim-case', { ctx: fake.ctx, claimId: 'claim-1', ...props });
  await settle(element);
  return { ...fake, element };
}

describe('<comptoir-claim-case>', () => {
  it('shows the claim, its deadline in the shop’s time, its photo and history, in French', async () => {
    const { element, calls } = await show('fr', {
      'claims.widget.detail': ok(claimDetail({ photos: [{ id: 'att-1', filename: 'colis.jpg', contentType: 'image/jpeg', sizeBytes: 3 }] })),
      'cases.widget.attachment': ok(photoFile),
    });
    expect(calls.map((call) => [call.path, call.input])).toEqual([
      ['claims.widget.detail', { claimId: 'claim-1' }],
      ['cases.widget.attachment', { attachmentId: 'att-1' }],
    ]);
    const text = textOf(element);
    expect(text).toContain('Réclamation : article endommagé');
    expect(text).toContain('Réponse de la boutique au plus tard');
    expect(text).toContain('14 h');
    expect($<HTMLImageElement>(element, 'img').alt).toBe('Photo 1 : colis.jpg');
    expect($<HTMLImageElement>(element, 'img').getAttribute('src')).toMatch(/^blob:/);
  });

  it('confirms a new claim in English', async () => {
    const { element } = await show('en', { 'claims.widget.detail': ok(claimDetail()) }, { isNew: true });
    expect($(element, '[role="status"]').textContent).toMatch(/^Your claim is registered\. The shop answers by .+ at the latest\.$/);
    expect(textOf(element)).toContain('Claim: damaged item');
  });

  it('says which photo could not be shown, and keeps the rest of the claim', async () => {
    const { element } = await show('en', {
      'claims.widget.detail': ok(claimDetail({ photos: [{ id: 'att-1', filename: 'colis.jpg', contentType: 'image/jpeg', sizeBytes: 3 }] })),
      'cases.widget.attachment': fail('ATTACHMENT_NOT_FOUND', 'Not found', 404),
    });
    expect(textOf(element)).toContain('The photo colis.jpg could not be shown.');
    expect(textOf(element)).toContain('History');
  });

  it('rates a settled claim through the rating form, then shows the rating', async () => {
    let detail = claimDetail({ status: 'resolved', nextDeadlineAt: null });
    const { element, calls } = await show('fr', {
      'claims.widget.detail': () => ok(detail),
      'claims.widget.rate': (input) => {
        detail = { ...detail, rating: (input as { rating: number }).rating };
        return ok({ id: 'claim-1' });
      },
    });
    const rating = $(element, 'comptoir-case-rating');
    const five = $<HTMLInputElement>(rating, 'input[value="5"]');
    five.checked = true;
    five.dispatchEvent(new Event('change'));
    await settle(rating);
    $<HTMLFormElement>(rating, 'form').requestSubmit();
    await settle(element);
    expect(calls.find((call) => call.path === 'claims.widget.rate')?.input).toEqual({ claimId: 'claim-1', rating: 5, comment: null });
    expect(textOf(element)).toContain('Merci pour votre avis.');
    expect(textOf(element)).toContain('Votre note : 5 sur 5');
    expect(element.shadowRoot!.querySelector('comptoir-case-rating')).toBeNull();
  });

  it('explains a claim it cannot load, and shows hostile text as text otherwise', async () => {
    const failed = await show('en', { 'claims.widget.detail': fail('CLAIM_NOT_FOUND', 'This claim does not exist.', 404) });
    expect($(failed.element, '[role="alert"]').textContent).toContain('This claim does not exist.');
    const { element } = await show('fr', { 'claims.widget.detail': ok(claimDetail()) });
    expect($(element, '.text').textContent).toBe(hostile);
    expect(hasInjectedElement(element)).toBe(false);
  });
});
