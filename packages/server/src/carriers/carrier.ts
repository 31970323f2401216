/**
 * The carriers Comptoir knows by name. `other` is any carrier the shop names itself: its tracking
 * link is the one the shop gives, and nothing is detected or polled for it.
 */
export const Carrier = {
  colissimo: 'colissimo',
  chronopost: 'chronopost',
  mondial_relay: 'mondial_relay',
  dpd: 'dpd',
  gls: 'gls',
  colis_prive: 'colis_prive',
  ups: 'ups',
  dhl: 'dhl',
  fedex: 'fedex',
  other: 'other',
} as const;
export type Carrier = (typeof Carrier)[keyof typeof Carrier];

/** Names shown to people (La Poste's letters and Colissimo share one tracking system). */
export const carrierLabels: Record<Carrier, string> = {
  colissimo: 'La Poste / Colissimo',
  chronopost: 'Chronopost',
  mondial_relay: 'Mondial Relay',
  dpd: 'DPD',
  gls: 'GLS',
  colis_prive: 'Colis Privé',
  ups: 'UPS',
  dhl: 'DHL',
  fedex: 'FedEx',
  other: 'Other',
};

/** Whether a string is a known carrier code. */
export function isCarrier(value: unknown): value is Carrier {
  return typeof value === 'string' && Object.hasOwn(Carrier, value);
}

/**
 * Upper-cases a tracking number and removes the spaces, dashes and dots people copy with it
 * ("6A 123 456 789 01" → "6A12345678901").
 */
export function normaliseTrackingNumber(trackingNumber: string): string {
  return trackingNumber.normalize('NFKC').replace(/[\s.\-_/]/g, '').toUpperCase();
}

/** Strips accents and lower-cases, so "Livré" and "livre" compare equal. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}

/** What shop platforms call carriers (Shopify's tracking_company, WooCommerce plugins' provider). */
const carrierNames: ReadonlyArray<readonly [RegExp, Carrier]> = [
  [/chronopost/, Carrier.chronopost],
  [/colissimo|la ?poste|lettre suivie/, Carrier.colissimo],
  [/mondial ?relay|inpost/, Carrier.mondial_relay],
  [/colis ?prive/, Carrier.colis_prive],
  [/\bdpd\b/, Carrier.dpd],
  [/\bgls\b/, Carrier.gls],
  [/\bups\b/, Carrier.ups],
  [/\bdhl\b/, Carrier.dhl],
  [/fed ?ex/, Carrier.fedex],
];

/** The carrier a platform's free-text name designates ("DHL Express", "La Poste"), or null. */
export function carrierFromName(name: string | null | undefined): Carrier | null {
  if (!name) return null;
  const folded = fold(name);
  if (isCarrier(folded)) return folded;
  return carrierNames.find(([pattern]) => pattern.test(folded))?.[1] ?? null;
}

export { fold as foldText };
