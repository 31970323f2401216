// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { $, hasInjectedElement, hostile, mount, settle } from '../../testing/fake-server.js';
import { en } from '../../i18n/en.js';
import { fr } from '../../i18n/fr.js';
import './panel.js';

afterEach(() => document.body.replaceChildren());

async function panel(props: Partial<HTMLElementTagNameMap['comptoir-panel']>) {
  const element = await mount('comptoir-panel', { heading: 'La Boutique', closeLabel: fr.close, backLabel: fr.back, ...props });
  const slotted = document.createElement('input');
  slotted.name = 'orderNumber';
  element.append(slotted);
  return element;
}

describe('<comptoir-panel>', () => {
  it('opens as a modal dialog titled by the shop, its buttons labelled in French or English', async () => {
    const french = await panel({ canGoBack: true });
    expect($<HTMLDialogElement>(french, 'dialog').open).toBe(false);
    french.open = true;
    await settle(french);
    expect($<HTMLDialogElement>(french, 'dialog').open).toBe(true);
    expect($(french, 'dialog').getAttribute('aria-labelledby')).toBe('title');
    expect($(french, 'h1').textContent).toBe('La Boutique');
    expect($(french, '[part="close-button"]').getAttribute('aria-label')).toBe('Fermer');
    expect($(french, '[part="back-button"]').getAttribute('aria-label')).toBe('Retour');
    const english = await panel({ closeLabel: en.close, backLabel: en.back, canGoBack: true });
    expect($(english, '[part="close-button"]').getAttribute('aria-label')).toBe('Close');
    expect($(english, '[part="back-button"]').getAttribute('aria-label')).toBe('Back');
  });

  it('asks its owner to close (button or Escape) and to go back, and closes when told', async () => {
    const element = await panel({ open: true, canGoBack: true });
    const asked: string[] = [];
    element.addEventListener('panel-close', () => asked.push('close'));
    element.addEventListener('panel-back', () => asked.push('back'));
    $(element, '[part="close-button"]').click();
    $(element, '[part="back-button"]').click();
    $(element, 'dialog').dispatchEvent(new Event('cancel', { cancelable: true }));
    expect(asked).toEqual(['close', 'back', 'close']);
    element.open = false;
    await settle(element);
    expect($<HTMLDialogElement>(element, 'dialog').open).toBe(false);
  });

  it('has no back button on the first screen, and a logo only when there is one', async () => {
    const element = await panel({ canGoBack: false, logoUrl: null });
    expect(element.shadowRoot!.querySelector('[part="back-button"]')).toBeNull();
    expect(element.shadowRoot!.querySelector('img')).toBeNull();
    element.logoUrl = 'https://cdn.example.fr/logo.png';
    await settle(element);
    expect($<HTMLImageElement>(element, 'header img').getAttribute('src')).toBe('https://cdn.example.fr/logo.png');
    expect($<HTMLImageElement>(element, 'header img').alt).toBe('');
  });

  it('shows a hostile shop name as text', async () => {
    const element = await panel({ heading: hostile, open: true });
    expect($(element, 'h1').textContent).toBe(hostile);
    expect(hasInjectedElement(element)).toBe(false);
  });
});
