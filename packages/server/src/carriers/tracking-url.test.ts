import { describe, expect, it } from 'vitest';
import { carrierFromName } from './carrier.js';
import { trackingUrl } from './tracking-url.js';

describe('trackingUrl', () => {
  it.each([
    ['colissimo', '6A12345678901', 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901'],
    ['chronopost', 'XP123456785FR', 'https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT=XP123456785FR'],
    ['mondial_relay', '12345678', 'https://www.mondialrelay.fr/suivi-de-colis/?NumeroExpedition=12345678'],
    ['dpd', '25012345678901', 'https://trace.dpd.fr/fr/trace/25012345678901'],
    ['gls', '12345678901', 'https://gls-group.com/FR/fr/suivi-colis?match=12345678901'],
    ['colis_prive', '1234567890123456', 'https://www.colisprive.com/moncolis/pages/detailColis.aspx?numColis=1234567890123456'],
    ['ups', '1Z999AA10123456784', 'https://www.ups.com/track?tracknum=1Z999AA10123456784'],
    ['dhl', '1234567891', 'https://www.dhl.com/fr-fr/home/suivi.html?tracking-id=1234567891'],
    ['fedex', '797806677146', 'https://www.fedex.com/fedextrack/?trknbr=797806677146'],
  ])('links a %s number to the carrier’s public page', (carrier, number, url) => {
    expect(trackingUrl(carrier, number)).toBe(url);
  });

  it('normalises and encodes what the shop typed', () => {
    expect(trackingUrl('colissimo', ' 6a 123 456-789 01 ')).toBe('https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901');
    expect(trackingUrl('ups', '1Z&x=1')).toBe('https://www.ups.com/track?tracknum=1Z%26X%3D1');
  });

  it('has no link for a carrier the shop named itself', () => {
    expect(trackingUrl('other', 'ABC')).toBeNull();
    expect(trackingUrl('toString', 'ABC')).toBeNull();
  });
});

describe('carrierFromName', () => {
  it.each([
    ['La Poste', 'colissimo'],
    ['Colissimo', 'colissimo'],
    ['Chronopost', 'chronopost'],
    ['Mondial Relay', 'mondial_relay'],
    ['DPD France', 'dpd'],
    ['GLS', 'gls'],
    ['Colis Privé', 'colis_prive'],
    ['UPS', 'ups'],
    ['DHL Express', 'dhl'],
    ['FedEx', 'fedex'],
    ['mondial_relay', 'mondial_relay'],
    ['Royal Mail', null],
    ['', null],
  ])('reads the platform’s carrier name %j as %s', (name, carrier) => {
    expect(carrierFromName(name)).toBe(carrier);
  });
});
