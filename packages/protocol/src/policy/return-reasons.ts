import type { Localized } from '../locale.js';

/** How the shopper sends an item back (or keeps it). Stored on the return. */
export const ReturnMethod = {
  /** At the shop's counter, showing the return's QR code; no label. */
  drop_off: 'drop_off',
  /** By post with a prepaid label the shop attaches. */
  post_prepaid: 'post_prepaid',
  /** By post at the shopper's own cost. */
  post_own_cost: 'post_own_cost',
  /** Returnless refund: the shopper keeps the item. */
  keep: 'keep',
} as const;
export type ReturnMethod = (typeof ReturnMethod)[keyof typeof ReturnMethod];

/** Every return method, in the order screens offer them. */
export const returnMethods = Object.values(ReturnMethod) as readonly ReturnMethod[];

/** On-screen names of the return methods. */
export const returnMethodLabels: Record<ReturnMethod, Localized> = {
  drop_off: { fr: 'Déposer en boutique', en: 'Drop off at the shop' },
  post_prepaid: { fr: 'Renvoyer par la poste (étiquette prépayée)', en: 'Post it back (prepaid label)' },
  post_own_cost: { fr: 'Renvoyer par la poste (à vos frais)', en: 'Post it back (at your cost)' },
  keep: { fr: 'Garder l’article', en: 'Keep the item' },
};

/**
 * Why a shopper returns an item. Optional and for statistics only: a reason is never required
 * and never a ground to refuse. A conformity reason can only widen what is returnable.
 */
export const ReturnReason = {
  changed_mind: 'changed_mind',
  wrong_size: 'wrong_size',
  defective: 'defective',
  damaged: 'damaged',
  not_as_described: 'not_as_described',
  wrong_item: 'wrong_item',
  arrived_late: 'arrived_late',
  other: 'other',
} as const;
export type ReturnReason = (typeof ReturnReason)[keyof typeof ReturnReason];

/**
 * Reasons that invoke the legal guarantee of conformity (a defective, damaged, wrong or
 * not-as-described item): returnable for 2 years from delivery, even when marked non-returnable.
 */
export const conformityReasons: readonly ReturnReason[] = ['defective', 'damaged', 'not_as_described', 'wrong_item'];

/** On-screen names of the return reasons. */
export const returnReasonLabels: Record<ReturnReason, Localized> = {
  changed_mind: { fr: 'J’ai changé d’avis', en: 'I changed my mind' },
  wrong_size: { fr: 'Taille ou modèle ne convient pas', en: 'Wrong size or fit' },
  defective: { fr: 'Article défectueux', en: 'Defective item' },
  damaged: { fr: 'Article abîmé à la livraison', en: 'Damaged on arrival' },
  not_as_described: { fr: 'Non conforme à la description', en: 'Not as described' },
  wrong_item: { fr: 'Ce n’est pas l’article commandé', en: 'Not the item I ordered' },
  arrived_late: { fr: 'Arrivé trop tard', en: 'Arrived too late' },
  other: { fr: 'Autre', en: 'Other' },
};

/** What a claim is about (modelled on Amazon's A-to-z guarantee). */
export const ClaimKind = {
  not_received: 'not_received',
  damaged: 'damaged',
  not_as_described: 'not_as_described',
} as const;
export type ClaimKind = (typeof ClaimKind)[keyof typeof ClaimKind];

/** On-screen names of the claim kinds. */
export const claimKindLabels: Record<ClaimKind, Localized> = {
  not_received: { fr: 'Colis non reçu', en: 'Parcel not received' },
  damaged: { fr: 'Article abîmé ou défectueux', en: 'Damaged or defective item' },
  not_as_described: { fr: 'Non conforme à la description', en: 'Not as described' },
};
