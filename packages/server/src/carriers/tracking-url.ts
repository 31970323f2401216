import type { Carrier } from './carrier.js';
import { normaliseTrackingNumber } from './carrier.js';

const builders: Record<Exclude<Carrier, 'other'>, (number: string) => string> = {
  colissimo: (n) => `https://www.laposte.fr/outils/suivre-vos-envois?code=${n}`,
  chronopost: (n) => `https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT=${n}`,
  mondial_relay: (n) => `https://www.mondialrelay.fr/suivi-de-colis/?NumeroExpedition=${n}`,
  dpd: (n) => `https://trace.dpd.fr/fr/trace/${n}`,
  gls: (n) => `https://gls-group.com/FR/fr/suivi-colis?match=${n}`,
  colis_prive: (n) => `https://www.colisprive.com/moncolis/pages/detailColis.aspx?numColis=${n}`,
  ups: (n) => `https://www.ups.com/track?tracknum=${n}`,
  dhl: (n) => `https://www.dhl.com/fr-fr/home/suivi.html?tracking-id=${n}`,
  fedex: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
};

/**
 * The carrier's public tracking page for a number, or null for a carrier Comptoir does not know
 * (the shop then gives the link itself).
 */
export function trackingUrl(carrier: Carrier | string, trackingNumber: string): string | null {
  const build = Object.hasOwn(builders, carrier) ? builders[carrier as keyof typeof builders] : undefined;
  if (!build) return null;
  return build(encodeURIComponent(normaliseTrackingNumber(trackingNumber)));
}
