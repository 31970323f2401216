import { TrackingStatus } from '@comptoir/protocol';
import { foldText, type Carrier } from './carrier.js';

/**
 * Carriers' own status codes. La Poste's are those of its "Suivi v2" API; UPS's are its activity
 * status types; DHL's are the Unified Tracking API's status codes; Shopify's are the
 * `shipment_status` values of a fulfilment (used whichever the carrier).
 */
const codesByCarrier: Partial<Record<Carrier, Record<string, TrackingStatus>>> = {
  colissimo: {
    DR1: TrackingStatus.label_created,
    PC1: TrackingStatus.in_transit,
    PC2: TrackingStatus.in_transit,
    ET1: TrackingStatus.in_transit,
    ET2: TrackingStatus.in_transit,
    ET3: TrackingStatus.in_transit,
    ET4: TrackingStatus.in_transit,
    EP1: TrackingStatus.in_transit,
    DO1: TrackingStatus.in_transit,
    DO2: TrackingStatus.in_transit,
    DO3: TrackingStatus.in_transit,
    PB1: TrackingStatus.in_transit,
    PB2: TrackingStatus.in_transit,
    MD2: TrackingStatus.out_for_delivery,
    ND1: TrackingStatus.delivery_failed,
    AG1: TrackingStatus.available_for_pickup,
    RE1: TrackingStatus.returned_to_sender,
    DI1: TrackingStatus.delivered,
    DI2: TrackingStatus.returned_to_sender,
  },
  ups: {
    M: TrackingStatus.label_created,
    MV: TrackingStatus.label_created,
    P: TrackingStatus.in_transit,
    I: TrackingStatus.in_transit,
    O: TrackingStatus.out_for_delivery,
    X: TrackingStatus.delivery_failed,
    D: TrackingStatus.delivered,
    RS: TrackingStatus.returned_to_sender,
  },
  dhl: {
    'PRE-TRANSIT': TrackingStatus.label_created,
    TRANSIT: TrackingStatus.in_transit,
    DELIVERED: TrackingStatus.delivered,
    FAILURE: TrackingStatus.delivery_failed,
  },
};
// La Poste's tracking system also answers for Chronopost's numbers, with the same codes.
codesByCarrier.chronopost = codesByCarrier.colissimo;

/** Shopify's fulfilment `shipment_status` values, whatever the carrier. */
const shopifyShipmentStatuses: Record<string, TrackingStatus> = {
  label_printed: TrackingStatus.label_created,
  label_purchased: TrackingStatus.label_created,
  confirmed: TrackingStatus.label_created,
  in_transit: TrackingStatus.in_transit,
  out_for_delivery: TrackingStatus.out_for_delivery,
  attempted_delivery: TrackingStatus.delivery_failed,
  failure: TrackingStatus.delivery_failed,
  ready_for_pickup: TrackingStatus.available_for_pickup,
  delivered: TrackingStatus.delivered,
};

/**
 * Wordings of scans in French and English (accents folded), tried in this order: a return or a
 * failure mentions delivery too, and "livré au point relais" means waiting at the relay point.
 */
const wordings: ReadonlyArray<readonly [RegExp, TrackingStatus]> = [
  [/retour(ne)? (a|vers) l.?expediteur|distribue a l.?expediteur|renvoye a l.?expediteur|return(ed)? to (sender|shipper)|returning to (sender|shipper)/, TrackingStatus.returned_to_sender],
  [/non distribuable|non livre|echec (de (la )?)?livraison|tentative de (livraison|distribution)|avis de passage|destinataire absent|adresse (incomplete|incorrecte|erronee)|refuse par le destinataire|delivery (attempt|failed|exception|unsuccessful)|attempted delivery|undeliverable|could not be delivered|not delivered|recipient (not available|absent)|refused/, TrackingStatus.delivery_failed],
  [/disponible (en|au|dans (le|la|votre)?|a)? ?(point( de)? (relais|retrait)|relais|bureau( de poste)?|guichet|consigne|locker|agence|pickup)|en attente d.?etre retire|a retirer|livre (au|en) (point )?relais|depose (au|en) (point )?relais|available for (pickup|collection)|ready for (pickup|collection)|awaiting collection by (recipient|consignee)|at (the )?(pickup|parcel ?shop|access) point|delivered to (a |the )?(parcel ?shop|pickup point|service point|access point)/, TrackingStatus.available_for_pickup],
  [/en cours de (livraison|distribution)|mis en (livraison|distribution)|en livraison|out for delivery|on (the )?vehicle for delivery|with (the )?(delivery )?(courier|driver)/, TrackingStatus.out_for_delivery],
  [/\b(livre|distribue|remis au destinataire|delivered|delivery completed|signed for)\b/, TrackingStatus.delivered],
  [/etiquette (creee|imprimee|editee)|declaratif|en attente de (prise en charge|depot)|pas encore (pris en charge|remis)|informations? (d.?expedition|de l.?envoi) (recue|transmise)|label (created|printed|purchased)|shipment information (sent|received)|shipping label created|manifest|pre-?advice|order processed|awaiting (pickup|collection) from (sender|shipper)/, TrackingStatus.label_created],
  [/transit|achemin|pris en charge|prise en charge|en cours de traitement|centre de tri|plateforme|agence|\btrie\b|douane|depart|arrive|expedie|picked up|collected|\bsort(ed|ing)?\b|\bhub\b|facility|departed|arrived|customs|processed|on (the|its) way|shipped/, TrackingStatus.in_transit],
];

/**
 * Maps a carrier's raw status (its code, or the wording of a scan in French or English) to one of
 * Comptoir's tracking statuses, or null when it cannot tell (the scan is kept, the status is not changed).
 */
export function normaliseTrackingStatus(carrier: Carrier | string | null, raw: string): TrackingStatus | null {
  const trimmed = raw.trim();
  if (!trimmed) return null;
  const codes = carrier ? codesByCarrier[carrier as Carrier] : undefined;
  const byCode = codes?.[trimmed.toUpperCase()];
  if (byCode) return byCode;
  const folded = foldText(trimmed);
  const shopify = shopifyShipmentStatuses[folded];
  if (shopify) return shopify;
  if (Object.hasOwn(TrackingStatus, folded)) return folded as TrackingStatus;
  return wordings.find(([pattern]) => pattern.test(folded))?.[1] ?? null;
}

/** Statuses after which a parcel can no longer be late: it arrived, or waits for the shopper. */
const arrived: ReadonlySet<string> = new Set([TrackingStatus.delivered, TrackingStatus.available_for_pickup]);

/**
 * Whether a shipment is late: the promised date has passed and the parcel has neither been
 * delivered nor reached a pickup point. A parcel returned to the shop after the date is late too.
 */
export function isLate(promisedBy: Date | null | undefined, status: TrackingStatus | string, now: Date): boolean {
  if (!promisedBy) return false;
  return now.getTime() > promisedBy.getTime() && !arrived.has(status);
}
