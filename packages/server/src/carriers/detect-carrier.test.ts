import { describe, expect, it } from 'vitest';
import { isValidDhlExpress, isValidFedEx12, isValidS10, isValidUps1Z } from './check-digits.js';
import { detectCarrier } from './detect-carrier.js';

describe('check digits', () => {
  it.each([
    ['UPU S10', isValidS10, 'EE123456785FR', 'EE123456786FR'],
    ['UPU S10 (check 10 → 0)', isValidS10, 'RR700000000FR', 'RR700000001FR'],
    ['UPU S10 (check 11 → 5)', isValidS10, 'RR000000005FR', 'RR000000000FR'],
    ['UPS 1Z', isValidUps1Z, '1Z999AA10123456784', '1Z999AA10123456785'],
    ['DHL Express mod 7', isValidDhlExpress, '1234567891', '1234567890'],
    ['FedEx Express mod 11', isValidFedEx12, '797806677146', '797806677147'],
  ])('%s accepts a valid number and refuses one typo', (_name, isValid, valid, typo) => {
    expect(isValid(valid)).toBe(true);
    expect(isValid(typo)).toBe(false);
  });
});

describe('detectCarrier', () => {
  it.each([
    // La Poste / Colissimo: 13 characters, digit + letter + 11 digits
    ['6A12345678901', 'FR', 'colissimo', 'certain'],
    ['8R 123 456 789 01', 'FR', 'colissimo', 'certain'],
    ['1K12345678901', 'FR', 'colissimo', 'certain'],
    ['6C123456789', 'FR', 'colissimo', 'likely'],
    ['8V123456789012', 'FR', 'colissimo', 'likely'],
    // S10 from France: letters and international parcels by La Poste, E/X by Chronopost
    ['RR123456785FR', 'FR', 'colissimo', 'likely'],
    ['CP123456785FR', 'BE', 'colissimo', 'likely'],
    ['XP123456785FR', 'FR', 'chronopost', 'likely'],
    ['EE123456785FR', 'FR', 'chronopost', 'likely'],
    // S10 from abroad, delivered in France by La Poste
    ['LX123456785CN', 'FR', 'colissimo', 'likely'],
    // Mondial Relay: 8 digits in its countries
    ['12345678', 'FR', 'mondial_relay', 'likely'],
    // DPD
    ['25012345678901', 'FR', 'dpd', 'certain'],
    ['09445440309876', 'DE', 'dpd', 'likely'],
    ['09445440309876A', 'FR', 'dpd', 'likely'],
    // GLS
    ['12345678901', 'FR', 'gls', 'likely'],
    ['ZNJPBW3A', 'FR', 'gls', 'likely'],
    // UPS
    ['1Z999AA10123456784', 'FR', 'ups', 'certain'],
    ['1z 999 aa1 0123 4567 84', 'FR', 'ups', 'certain'],
    // DHL
    ['1234567891', 'FR', 'dhl', 'likely'],
    ['JJD000390007781818451', 'FR', 'dhl', 'certain'],
    ['GM2951173225174494', 'FR', 'dhl', 'certain'],
    // FedEx
    ['797806677146', 'US', 'fedex', 'likely'],
    ['449044304137821', 'FR', 'fedex', 'likely'],
    ['9611020987654312345672', 'US', 'fedex', 'likely'],
  ] as const)('detects %s (shop in %s) as %s, %s', (number, country, carrier, confidence) => {
    expect(detectCarrier(number, { country })).toEqual({ carrier, confidence });
  });

  it.each([
    // 12 digits: Mondial Relay, GLS and (check digit holds) FedEx use this shape in France
    ['797806677146', 'FR', ['fedex', 'gls', 'mondial_relay']],
    // 12 digits failing FedEx's check digit
    ['797806677147', 'FR', ['gls', 'mondial_relay']],
    // 8 digits outside Mondial Relay's countries
    ['12345678', 'DE', ['gls', 'mondial_relay']],
    // 2 letters + 11 digits: La Poste or Chronopost
    ['AB12345678901', 'FR', ['chronopost', 'colissimo']],
    // 16 digits: maybe Colis Privé, not sure enough to say
    ['1234567890123456', 'FR', ['colis_prive']],
    // 10 digits failing DHL's check: maybe Colis Privé
    ['1234567890', 'FR', ['colis_prive']],
  ] as const)('asks the shop about %s (shop in %s) among %j', (number, country, candidates) => {
    const detection = detectCarrier(number, { country });
    expect(detection.carrier).toBeNull();
    expect('candidates' in detection ? [...detection.candidates].sort() : null).toEqual([...candidates].sort());
  });

  it.each([
    ['a UPS number with a wrong check digit', '1Z999AA10123456785'],
    ['an S10 number with a wrong check digit', 'RR123456786FR'],
    ['an order number', '#1001'],
    ['words', 'not a tracking number'],
    ['something very long', '1'.repeat(60)],
  ])('recognises nothing in %s', (_name, number) => {
    expect(detectCarrier(number, { country: 'FR' })).toEqual({ carrier: null, candidates: [] });
  });
});
