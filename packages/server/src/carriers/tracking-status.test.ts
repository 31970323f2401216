import { describe, expect, it } from 'vitest';
import { isLate, normaliseTrackingStatus } from './tracking-status.js';

describe('normaliseTrackingStatus', () => {
  it.each([
    // La Poste "Suivi v2" codes
    ['colissimo', 'DR1', 'label_created'],
    ['colissimo', 'PC1', 'in_transit'],
    ['colissimo', 'ET3', 'in_transit'],
    ['colissimo', 'MD2', 'out_for_delivery'],
    ['colissimo', 'ND1', 'delivery_failed'],
    ['colissimo', 'AG1', 'available_for_pickup'],
    ['colissimo', 'RE1', 'returned_to_sender'],
    ['colissimo', 'DI1', 'delivered'],
    ['colissimo', 'DI2', 'returned_to_sender'],
    ['chronopost', 'di1', 'delivered'],
    // UPS and DHL codes
    ['ups', 'M', 'label_created'],
    ['ups', 'X', 'delivery_failed'],
    ['ups', 'D', 'delivered'],
    ['dhl', 'pre-transit', 'label_created'],
    ['dhl', 'failure', 'delivery_failed'],
    // Shopify's shipment_status, whatever the carrier
    ['gls', 'attempted_delivery', 'delivery_failed'],
    ['dpd', 'ready_for_pickup', 'available_for_pickup'],
    ['other', 'label_printed', 'label_created'],
    // French wordings
    ['mondial_relay', 'Colis disponible au Point Relais', 'available_for_pickup'],
    ['mondial_relay', 'Colis livré au Point Relais', 'available_for_pickup'],
    ['mondial_relay', 'Colis remis au destinataire', 'delivered'],
    ['colissimo', 'Votre colis est livré', 'delivered'],
    ['colissimo', 'Votre colis a été distribué à l’expéditeur', 'returned_to_sender'],
    ['colissimo', 'Votre colis est en cours d’acheminement', 'in_transit'],
    ['colissimo', 'Votre colis est en cours de livraison', 'out_for_delivery'],
    ['chronopost', 'Tentative de livraison infructueuse, avis de passage déposé', 'delivery_failed'],
    ['chronopost', 'Colis non livré : destinataire absent', 'delivery_failed'],
    ['colis_prive', 'Étiquette créée, colis en attente de prise en charge', 'label_created'],
    ['dpd', 'Colis retourné à l’expéditeur', 'returned_to_sender'],
    ['gls', 'Le colis est arrivé au centre de tri', 'in_transit'],
    // English wordings
    ['ups', 'Out For Delivery Today', 'out_for_delivery'],
    ['fedex', 'Delivered', 'delivered'],
    ['fedex', 'Shipment information sent to FedEx', 'label_created'],
    ['dhl', 'Delivery attempted; recipient not home', 'delivery_failed'],
    ['dhl', 'Returned to shipper', 'returned_to_sender'],
    ['gls', 'The parcel is ready for collection at the ParcelShop', 'available_for_pickup'],
    ['ups', 'Departed from Facility', 'in_transit'],
    // Comptoir's own statuses pass through
    ['other', 'out_for_delivery', 'out_for_delivery'],
  ])('maps %s “%s” to %s', (carrier, raw, status) => {
    expect(normaliseTrackingStatus(carrier, raw)).toBe(status);
  });

  it.each([['colissimo', 'ZZ9'], ['gls', 'Hello'], ['dpd', '   ']])('cannot tell %s “%s”', (carrier, raw) => {
    expect(normaliseTrackingStatus(carrier, raw)).toBeNull();
  });
});

describe('isLate', () => {
  const promisedBy = new Date('2026-05-10T22:00:00Z');
  const before = new Date('2026-05-10T21:59:59Z');
  const after = new Date('2026-05-10T22:00:01Z');
  it.each([
    ['in transit after the promised date', promisedBy, 'in_transit', after, true],
    ['in transit before the promised date', promisedBy, 'in_transit', before, false],
    ['failed delivery after the date', promisedBy, 'delivery_failed', after, true],
    ['returned to sender after the date', promisedBy, 'returned_to_sender', after, true],
    ['delivered, whenever', promisedBy, 'delivered', after, false],
    ['waiting at a pickup point', promisedBy, 'available_for_pickup', after, false],
    ['nothing promised', null, 'in_transit', after, false],
  ] as const)('%s → %s', (_name, promised, status, now, late) => {
    expect(isLate(promised, status, now)).toBe(late);
  });
});
