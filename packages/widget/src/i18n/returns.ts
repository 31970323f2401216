import type { Locale } from '@comptoir/protocol/locale';

/**
 * Texts of the return screens, loaded with their chunk (not with the launcher). French is the
 * reference table; English has the same keys.
 */
const fr = {
  title: 'Retourner des articles',
  intro: 'Choisissez les articles et les quantités à retourner.',
  until: 'jusqu’au {date}',
  notReturnable: 'Non retournable',
  quantityOf: 'Quantité à retourner pour {title}',
  pickLine: 'Retourner {title}',
  reason: 'Motif (facultatif)',
  noReason: 'Sans motif',
  comment: 'Un mot pour la boutique (facultatif)',
  method: 'Comment nous le renvoyer',
  resolution: 'Ce que vous souhaitez',
  storeCredit: 'Avoir de {amount} (dont {bonus} offerts)',
  refund: 'Remboursement de {amount}',
  exchange: 'Un échange (autre taille, autre couleur ou le même article)',
  exchangeFor: 'Ce que vous voulez en échange',
  exchangeOf: 'Variante souhaitée en échange de {title}',
  pickVariant: 'Choisissez…',
  sameVariant: 'Le même ({variant})',
  sameItem: 'Le même article',
  exchangeSame: '{title} : le même article, en remplacement.',
  exchangeTo: 'Échangé contre : {variant}',
  pickExchange: 'Choisissez ce que vous voulez en échange de chaque article.',
  next: 'Continuer',
  pickOne: 'Choisissez au moins un article.',
  pickMethod: 'Choisissez un mode de renvoi et ce que vous souhaitez.',
  summary: 'Récapitulatif',
  amount: 'Montant : {amount}',
  refundInstant: 'Remboursé dès l’acceptation de votre demande.',
  refundDue: 'Remboursé au plus tard {hours} h après réception de l’article, et au plus tard le {date}.',
  edit: 'Modifier',
  confirm: 'Confirmer le retour',
  sending: 'Envoi…',
  done: 'Votre retour est enregistré',
  code: 'Code de retour : {code}',
  codeHint: 'Présentez ce code ou ce QR code en boutique, ou notez-le sur le colis.',
  dropOffTitle: 'Où déposer l’article',
  dropOffShop: 'Déposez-le en boutique, aux heures d’ouverture.',
  closedOn: 'Fermé le {dates}.',
  follow: 'Suivre mon retour',
  none: 'Aucun article de cette commande ne peut être retourné.',
  caseTitle: 'Retour {code}',
  history: 'Historique',
  nextPromise: 'Prochaine échéance',
  refundBy: 'Remboursement au plus tard {date}',
  answerBy: 'Réponse de la boutique au plus tard {date}',
  remaining: 'Il reste {time}',
  overdue: 'Échéance dépassée',
  cancel: 'Annuler ce retour',
  cancelled: 'Retour annulé.',
  rate: 'Notez le traitement de votre retour',
  stars: '{count} sur 5',
  send: 'Envoyer',
  thanks: 'Merci pour votre avis.',
  rated: 'Votre note : {count} sur 5',
  claimTitle: 'Signaler un problème',
  claimKind: 'Quel est le problème ?',
  'claim.not_received': 'Je n’ai pas reçu mon colis',
  'claim.damaged': 'Article endommagé',
  'claim.not_as_described': 'Non conforme',
  describe: 'Décrivez le problème',
  sendClaim: 'Envoyer la réclamation',
  pickKind: 'Choisissez le problème et décrivez-le.',
  claimDone: 'Votre réclamation est enregistrée',
  claimAnswer: 'Réponse de la boutique au plus tard {date}.',
  'method.drop_off': 'Déposer en boutique',
  'method.post_prepaid': 'Renvoyer par la poste (étiquette prépayée)',
  'method.post_own_cost': 'Renvoyer par la poste (à vos frais)',
  'method.keep': 'Garder l’article',
  'reason.changed_mind': 'J’ai changé d’avis',
  'reason.wrong_size': 'Taille ou modèle ne convient pas',
  'reason.defective': 'Article défectueux',
  'reason.damaged': 'Article abîmé à la livraison',
  'reason.not_as_described': 'Non conforme à la description',
  'reason.wrong_item': 'Ce n’est pas l’article commandé',
  'reason.arrived_late': 'Arrivé trop tard',
  'reason.other': 'Autre',
  'event.return.rated': 'Note envoyée',
  'event.return.deadline_missed': 'La boutique a dépassé son délai',
  'event.return.refund_escalated': 'Remboursement en retard : signalé à la boutique',
  'event.return.resolution_changed': 'Échange annulé : vous serez remboursé',
  'event.other': 'Retour mis à jour',
} as const;

/** A key of the return screens' texts. */
export type ReturnTextKey = keyof typeof fr;

const en: Record<ReturnTextKey, string> = {
  title: 'Return items',
  intro: 'Choose the items and quantities to return.',
  until: 'until {date}',
  notReturnable: 'Not returnable',
  quantityOf: 'Quantity to return for {title}',
  pickLine: 'Return {title}',
  reason: 'Reason (optional)',
  noReason: 'No reason',
  comment: 'A note for the shop (optional)',
  method: 'How to send it back',
  resolution: 'What you would like',
  storeCredit: 'Store credit of {amount} (including {bonus} extra)',
  refund: 'Refund of {amount}',
  exchange: 'An exchange (another size, another colour or the same item)',
  exchangeFor: 'What you would like instead',
  exchangeOf: 'Variant wanted in exchange for {title}',
  pickVariant: 'Choose…',
  sameVariant: 'The same ({variant})',
  sameItem: 'The same item',
  exchangeSame: '{title}: the same item, as a replacement.',
  exchangeTo: 'Exchanged for: {variant}',
  pickExchange: 'Choose what you would like in exchange for each item.',
  next: 'Continue',
  pickOne: 'Choose at least one item.',
  pickMethod: 'Choose how to send it back and what you would like.',
  summary: 'Summary',
  amount: 'Amount: {amount}',
  refundInstant: 'Refunded as soon as your request is approved.',
  refundDue: 'Refunded at most {hours} h after the item is received, and by {date} at the latest.',
  edit: 'Change',
  confirm: 'Confirm the return',
  sending: 'Sending…',
  done: 'Your return is registered',
  code: 'Return code: {code}',
  codeHint: 'Show this code or QR code in the shop, or write it on the parcel.',
  dropOffTitle: 'Where to drop it off',
  dropOffShop: 'Bring it to the shop during opening hours.',
  closedOn: 'Closed on {dates}.',
  follow: 'Follow my return',
  none: 'No item of this order can be returned.',
  caseTitle: 'Return {code}',
  history: 'History',
  nextPromise: 'Next step',
  refundBy: 'Refund by {date} at the latest',
  answerBy: 'The shop answers by {date} at the latest',
  remaining: '{time} left',
  overdue: 'Deadline passed',
  cancel: 'Cancel this return',
  cancelled: 'Return cancelled.',
  rate: 'Rate how your return was handled',
  stars: '{count} out of 5',
  send: 'Send',
  thanks: 'Thank you for your feedback.',
  rated: 'Your rating: {count} out of 5',
  claimTitle: 'Report a problem',
  claimKind: 'What is the problem?',
  'claim.not_received': 'I did not receive my parcel',
  'claim.damaged': 'Damaged item',
  'claim.not_as_described': 'Not as described',
  describe: 'Describe the problem',
  sendClaim: 'Send the claim',
  pickKind: 'Choose the problem and describe it.',
  claimDone: 'Your claim is registered',
  claimAnswer: 'The shop answers by {date} at the latest.',
  'method.drop_off': 'Drop off at the shop',
  'method.post_prepaid': 'Post it back (prepaid label)',
  'method.post_own_cost': 'Post it back (at your cost)',
  'method.keep': 'Keep the item',
  'reason.changed_mind': 'I changed my mind',
  'reason.wrong_size': 'Wrong size or fit',
  'reason.defective': 'Defective item',
  'reason.damaged': 'Damaged on arrival',
  'reason.not_as_described': 'Not as described',
  'reason.wrong_item': 'Not the item I ordered',
  'reason.arrived_late': 'Arrived too late',
  'reason.other': 'Other',
  'event.return.rated': 'Rating sent',
  'event.return.deadline_missed': 'The shop missed its deadline',
  'event.return.refund_escalated': 'Refund overdue: flagged to the shop',
  'event.return.resolution_changed': 'Exchange cancelled: you will be refunded',
  'event.other': 'Return updated',
};

const tables: Record<Locale, Record<ReturnTextKey, string>> = { fr, en };

/** Whether `key` is a text of the return screens (for labels built from server values, like event types). */
export function isReturnTextKey(key: string): key is ReturnTextKey {
  return key in fr;
}

/** The return screens' text for `key` in `locale`, `{name}` placeholders filled from `params`. */
export function returnText(locale: Locale, key: ReturnTextKey, params: Record<string, string | number> = {}): string {
  return tables[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * A deadline as people say it, in the shop's time zone: "jeudi 14 h" this week, "jeudi 4 décembre
 * à 14 h" later ("Thursday 2 PM", "Thursday, December 4, 2 PM").
 */
export function spokenDeadline(locale: Locale, iso: string, timeZone: string, now = Date.now()): string {
  const at = new Date(iso);
  const isThisWeek = at.getTime() - now < 6 * 24 * 3_600_000;
  const options: Intl.DateTimeFormatOptions = isThisWeek
    ? { weekday: 'long', hour: 'numeric', minute: at.getUTCMinutes() ? '2-digit' : undefined, timeZone }
    : { weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: at.getUTCMinutes() ? '2-digit' : undefined, timeZone };
  return new Intl.DateTimeFormat(locale, options).format(at);
}

/** What is left until `iso`, in days, hours and minutes ("2 j 4 h 05 min"), or null once passed. */
export function timeLeft(locale: Locale, iso: string, now: number): string | null {
  const minutes = Math.floor((Date.parse(iso) - now) / 60_000);
  if (!(minutes >= 0)) return null;
  const days = Math.floor(minutes / 1_440);
  const hours = Math.floor((minutes % 1_440) / 60);
  const rest = minutes % 60;
  const units = locale === 'fr' ? ['j', 'h', 'min'] : ['d', 'h', 'min'];
  const parts = [days ? `${days} ${units[0]}` : '', days || hours ? `${hours} ${units[1]}` : '', `${String(rest).padStart(days || hours ? 2 : 1, '0')} ${units[2]}`];
  return parts.filter(Boolean).join(' ');
}
