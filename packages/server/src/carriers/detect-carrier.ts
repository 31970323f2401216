import { Carrier, normaliseTrackingNumber } from './carrier.js';
import { isValidDhlExpress, isValidFedEx12, isValidS10, isValidUps1Z } from './check-digits.js';

/** How sure a detection is: `certain` when the format is the carrier's alone (and its check digit holds). */
export type DetectionConfidence = 'certain' | 'likely';

/**
 * What `detectCarrier` concluded: one carrier, or none and the carriers the number could belong to
 * (possibly none), so the shop is asked to choose.
 */
export type CarrierDetection =
  | { carrier: Exclude<Carrier, 'other'>; confidence: DetectionConfidence }
  | { carrier: null; candidates: Array<Exclude<Carrier, 'other'>> };

type Known = Exclude<Carrier, 'other'>;

/** 1 = this carrier uses this shape among others, 2 = mostly this carrier, 3 = only this carrier. */
type Level = 1 | 2 | 3;

interface Rule {
  carrier: Known;
  pattern: RegExp;
  level: Level;
  /** A check digit or other test the number must pass to match at all. */
  isValid?: (number: string) => boolean;
  /** Countries where this shape is common enough to be this carrier's: the level rises by one (up to 2). */
  home?: readonly string[];
  /** What the rule is for (kept beside the pattern, for whoever extends the table). */
  note: string;
}

const mondialRelayCountries = ['FR', 'BE', 'LU', 'ES', 'PT', 'NL'] as const;

/** The known shapes, researched from the carriers' public help pages and labels. */
const rules: readonly Rule[] = [
  { carrier: Carrier.ups, pattern: /^1Z[0-9A-Z]{16}$/, level: 3, isValid: isValidUps1Z, note: '1Z + 16, check digit' },
  { carrier: Carrier.dhl, pattern: /^JJD\d{18,21}$/, level: 3, note: 'DHL Parcel / eCommerce Europe (JJD…)' },
  { carrier: Carrier.dhl, pattern: /^JVGL\d{16,20}$/, level: 3, note: 'DHL Global Forwarding (JVGL…)' },
  { carrier: Carrier.dhl, pattern: /^GM\d{16,22}$/, level: 3, note: 'DHL eCommerce (GM…)' },
  { carrier: Carrier.dhl, pattern: /^\d{10}$/, level: 2, isValid: isValidDhlExpress, note: 'DHL Express waybill, mod 7' },
  // UPU S10: postal items. From France, service indicators E (EMS) and X are Chronopost's; the
  // others (C parcels, L/R/V letters) are La Poste's. Foreign postal items are delivered, and
  // tracked, by La Poste once in France.
  { carrier: Carrier.chronopost, pattern: /^[EX][A-Z]\d{9}FR$/, level: 2, isValid: isValidS10, note: 'S10 from France, E/X' },
  { carrier: Carrier.colissimo, pattern: /^[A-DF-WYZ][A-Z]\d{9}FR$/, level: 2, isValid: isValidS10, note: 'S10 from France' },
  { carrier: Carrier.colissimo, pattern: /^[A-Z]{2}\d{9}(?!FR)[A-Z]{2}$/, level: 1, isValid: isValidS10, home: ['FR'], note: 'S10 from abroad' },
  { carrier: Carrier.colissimo, pattern: /^\d[A-Z]\d{11}$/, level: 3, note: 'Colissimo / Lettre suivie, 13 characters (6A…, 8R…, 1K…)' },
  { carrier: Carrier.colissimo, pattern: /^\d[A-Z]\d{9,13}$/, level: 2, note: 'La Poste, 11 to 15 characters' },
  { carrier: Carrier.colissimo, pattern: /^[A-Z]{2}\d{11}$/, level: 1, note: '2 letters + 11 digits (La Poste or Chronopost)' },
  { carrier: Carrier.chronopost, pattern: /^[A-Z]{2}\d{11}$/, level: 1, note: '2 letters + 11 digits (La Poste or Chronopost)' },
  { carrier: Carrier.mondial_relay, pattern: /^\d{8}$/, level: 1, home: mondialRelayCountries, note: 'expedition number, 8 digits' },
  { carrier: Carrier.mondial_relay, pattern: /^\d{12}$/, level: 1, note: 'expedition number, 12 digits' },
  { carrier: Carrier.dpd, pattern: /^250\d{11}$/, level: 3, note: 'DPD France parcel number (250…)' },
  { carrier: Carrier.dpd, pattern: /^\d{14}$/, level: 2, note: 'DPD parcel number, 14 digits' },
  { carrier: Carrier.dpd, pattern: /^\d{14}[A-Z]$/, level: 2, note: 'DPD parcel number with its check letter' },
  { carrier: Carrier.gls, pattern: /^\d{11}$/, level: 2, note: 'GLS parcel number, 11 digits' },
  { carrier: Carrier.gls, pattern: /^\d{12}$/, level: 1, note: 'GLS parcel number, 12 digits' },
  { carrier: Carrier.gls, pattern: /^(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*\d)[A-Z0-9]{8}$/, level: 2, note: 'GLS track ID, 8 letters and digits' },
  { carrier: Carrier.gls, pattern: /^\d{8}$/, level: 1, note: 'GLS track ID made of digits only' },
  { carrier: Carrier.colis_prive, pattern: /^\d{16}$/, level: 1, note: 'Colis Privé parcel number, 16 digits' },
  { carrier: Carrier.colis_prive, pattern: /^\d{10}$/, level: 1, note: 'Colis Privé short number, 10 digits' },
  { carrier: Carrier.fedex, pattern: /^\d{12}$/, level: 1, isValid: isValidFedEx12, home: ['US', 'CA'], note: 'FedEx Express, 12 digits, mod 11' },
  { carrier: Carrier.fedex, pattern: /^\d{15}$/, level: 2, note: 'FedEx Ground, 15 digits' },
  { carrier: Carrier.fedex, pattern: /^\d{20}$/, level: 1, home: ['US'], note: 'FedEx SmartPost, 20 digits' },
  { carrier: Carrier.fedex, pattern: /^96\d{20}$/, level: 2, note: 'FedEx Ground barcode (96 + 20)' },
];

/**
 * Guesses the carrier of a tracking number from its shape and check digit, and the shop's country
 * (an 8-digit number is Mondial Relay's in France, maybe not elsewhere). When two carriers are
 * equally plausible, or none, it returns the candidates instead of guessing: the shop is asked.
 */
export function detectCarrier(trackingNumber: string, options: { country?: string } = {}): CarrierDetection {
  const number = normaliseTrackingNumber(trackingNumber);
  const country = options.country?.toUpperCase();
  const levels = new Map<Known, number>();
  if (number.length <= 40) {
    for (const rule of rules) {
      if (!rule.pattern.test(number) || (rule.isValid && !rule.isValid(number))) continue;
      let level: number = rule.level;
      if (rule.home && country && rule.home.includes(country)) level = Math.max(level, 2);
      levels.set(rule.carrier, Math.max(levels.get(rule.carrier) ?? 0, level));
    }
  }
  const ranked = [...levels.entries()].sort(([, a], [, b]) => b - a);
  const [first, second] = ranked;
  if (first && first[1] >= 2 && (!second || second[1] < first[1])) {
    return { carrier: first[0], confidence: first[1] === 3 ? 'certain' : 'likely' };
  }
  return { carrier: null, candidates: ranked.map(([carrier]) => carrier) };
}
