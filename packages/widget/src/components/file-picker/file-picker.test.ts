// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { $, hasInjectedElement, hostile, mount, pickFiles, settle, textOf } from '../../testing/fake-server.js';
import { photoRules } from '../attachments.js';
import './file-picker.js';

afterEach(() => document.body.replaceChildren());

const photo = (name: string, bytes = 2048, type = 'image/jpeg') => new File([new Uint8Array(bytes)], name, { type });

async function picker(locale: 'fr' | 'en') {
  return mount('comptoir-file-picker', { locale, rules: photoRules, label: locale === 'fr' ? 'Photos (facultatif)' : 'Photos (optional)', hint: 'JPEG' });
}

describe('<comptoir-file-picker>', () => {
  it('accepts images, lists them with their size, and removes one on request (French)', async () => {
    const element = await picker('fr');
    const input = $<HTMLInputElement>(element, 'input[type="file"]');
    expect(input.getAttribute('accept')).toBe(photoRules.types.join(','));
    pickFiles(input, [photo('colis.jpg'), photo('carton.png', 3 * 1024 * 1024 / 2, 'image/png')]);
    await settle(element);
    expect(element.files.map((file) => file.name)).toEqual(['colis.jpg', 'carton.png']);
    expect(textOf(element)).toContain('colis.jpg (2 ko)');
    expect(textOf(element)).toContain('carton.png (1,5 Mo)');
    $(element, 'button[aria-label="Retirer colis.jpg"]').click();
    await settle(element);
    expect(element.files.map((file) => file.name)).toEqual(['carton.png']);
  });

  it('refuses another type with a reason in English, keeping the good ones', async () => {
    const element = await picker('en');
    pickFiles($(element, 'input[type="file"]'), [photo('invoice.pdf', 100, 'application/pdf'), photo('ok.webp', 100, 'image/webp')]);
    await settle(element);
    expect($(element, '[role="alert"]').textContent?.trim()).toBe('invoice.pdf: this type of file is not accepted.');
    expect(element.files.map((file) => file.name)).toEqual(['ok.webp']);
  });

  it('shows a hostile file name as text', async () => {
    const element = await picker('fr');
    pickFiles($(element, 'input[type="file"]'), [photo(`${hostile}.jpg`)]);
    await settle(element);
    expect(textOf(element)).toContain(`${hostile}.jpg`);
    expect(hasInjectedElement(element)).toBe(false);
  });

  it('forgets its files once they were sent', async () => {
    const element = await picker('fr');
    pickFiles($(element, 'input[type="file"]'), [photo('colis.jpg')]);
    await settle(element);
    element.clear();
    await settle(element);
    expect(element.files).toEqual([]);
    expect(element.shadowRoot!.querySelector('li')).toBeNull();
  });
});
