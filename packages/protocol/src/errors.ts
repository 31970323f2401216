import type { Locale, Localized } from './locale.js';

/**
 * What kind of failure an error is. The server maps each kind to one tRPC/HTTP code:
 * no identity → UNAUTHORIZED, not allowed → FORBIDDEN, unknown or not yours → NOT_FOUND,
 * illegal transition or duplicate → CONFLICT, policy says no → PRECONDITION_FAILED,
 * bad input → BAD_REQUEST, too many attempts → TOO_MANY_REQUESTS, dependency down → SERVICE_UNAVAILABLE.
 */
export const ErrorKind = {
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  notFound: 'notFound',
  conflict: 'conflict',
  precondition: 'precondition',
  invalid: 'invalid',
  rateLimited: 'rateLimited',
  unavailable: 'unavailable',
  internal: 'internal',
} as const;
export type ErrorKind = (typeof ErrorKind)[keyof typeof ErrorKind];

interface ErrorDefinition {
  kind: ErrorKind;
  message: Localized;
}

/**
 * Every stable machine code a client may receive, with its kind and its message in French and English.
 * Messages may hold `{name}` placeholders filled from the error's params.
 */
export const errorDefinitions = {
  INVALID_INPUT: {
    kind: 'invalid',
    message: { fr: 'Certaines informations sont invalides : {issues}', en: 'Some information is invalid: {issues}' },
  },
  PAYLOAD_TOO_LARGE: {
    kind: 'invalid',
    message: { fr: 'La requête est trop volumineuse.', en: 'The request is too large.' },
  },
  MISSING_API_KEY: {
    kind: 'unauthenticated',
    message: { fr: 'Clé d’API manquante.', en: 'Missing API key.' },
  },
  INVALID_API_KEY: {
    kind: 'unauthenticated',
    message: { fr: 'Clé d’API inconnue ou révoquée.', en: 'Unknown or revoked API key.' },
  },
  WRONG_KEY_KIND: {
    kind: 'forbidden',
    message: {
      fr: 'Cette clé ne permet pas cet appel : utilisez la clé {expected}.',
      en: 'This key cannot make this call: use the {expected} key.',
    },
  },
  ORIGIN_NOT_ALLOWED: {
    kind: 'forbidden',
    message: {
      fr: 'Ce site n’est pas autorisé à utiliser le widget de cette boutique.',
      en: 'This site is not allowed to use this shop’s widget.',
    },
  },
  SECRET_KEY_FROM_BROWSER: {
    kind: 'forbidden',
    message: {
      fr: 'Une clé secrète ne doit jamais être utilisée depuis un navigateur. Révoquez-la si elle a été exposée.',
      en: 'A secret key must never be used from a browser. Revoke it if it was exposed.',
    },
  },
  SHOPPER_SIGN_IN_FAILED: {
    kind: 'unauthenticated',
    message: {
      fr: 'Nous ne trouvons pas de commande avec ce numéro et cette adresse e-mail.',
      en: 'We cannot find an order with this number and email address.',
    },
  },
  SHOPPER_SESSION_REQUIRED: {
    kind: 'unauthenticated',
    message: { fr: 'Votre session a expiré : identifiez-vous à nouveau.', en: 'Your session has expired: please sign in again.' },
  },
  STAFF_SESSION_REQUIRED: {
    kind: 'unauthenticated',
    message: { fr: 'Connectez-vous pour continuer.', en: 'Please log in to continue.' },
  },
  STAFF_ROLE_REQUIRED: {
    kind: 'forbidden',
    message: { fr: 'Cette action est réservée au propriétaire de la boutique.', en: 'Only the shop owner can do this.' },
  },
  CSRF_TOKEN_INVALID: {
    kind: 'forbidden',
    message: { fr: 'Jeton de sécurité invalide : rechargez la page.', en: 'Invalid security token: reload the page.' },
  },
  TOO_MANY_ATTEMPTS: {
    kind: 'rateLimited',
    message: {
      fr: 'Trop de tentatives. Réessayez dans {minutes} minute(s).',
      en: 'Too many attempts. Try again in {minutes} minute(s).',
    },
  },
  INVALID_CREDENTIALS: {
    kind: 'unauthenticated',
    message: { fr: 'E-mail ou mot de passe incorrect.', en: 'Incorrect email or password.' },
  },
  PASSWORD_TOO_SHORT: {
    kind: 'invalid',
    message: {
      fr: 'Le mot de passe doit compter au moins {min} caractères.',
      en: 'The password must be at least {min} characters long.',
    },
  },
  STAFF_LINK_INVALID: {
    kind: 'precondition',
    message: {
      fr: 'Ce lien n’est plus valable (déjà utilisé ou expiré). Demandez-en un nouveau.',
      en: 'This link is no longer valid (already used or expired). Ask for a new one.',
    },
  },
  STAFF_ALREADY_MEMBER: {
    kind: 'conflict',
    message: { fr: '{email} fait déjà partie de l’équipe.', en: '{email} is already on the team.' },
  },
  STAFF_NOT_FOUND: {
    kind: 'notFound',
    message: { fr: 'Membre de l’équipe introuvable.', en: 'Team member not found.' },
  },
  STAFF_LAST_OWNER: {
    kind: 'precondition',
    message: {
      fr: 'La boutique doit garder au moins un propriétaire.',
      en: 'The shop must keep at least one owner.',
    },
  },
  SHOP_NOT_FOUND: {
    kind: 'notFound',
    message: { fr: 'Boutique introuvable.', en: 'Shop not found.' },
  },
  SHOP_SLUG_TAKEN: {
    kind: 'conflict',
    message: { fr: 'L’identifiant de boutique « {slug} » est déjà pris.', en: 'The shop identifier “{slug}” is already taken.' },
  },
  API_KEY_NOT_FOUND: {
    kind: 'notFound',
    message: { fr: 'Clé introuvable.', en: 'Key not found.' },
  },
  ORDER_NOT_FOUND: {
    kind: 'notFound',
    message: { fr: 'Commande introuvable.', en: 'Order not found.' },
  },
  CUSTOMER_NOT_FOUND: {
    kind: 'notFound',
    message: { fr: 'Client introuvable dans cette boutique.', en: 'Customer not found in this shop.' },
  },
  ORDER_NUMBER_TAKEN: {
    kind: 'conflict',
    message: {
      fr: 'Le numéro de commande {number} est déjà utilisé par une autre commande.',
      en: 'Order number {number} is already used by another order.',
    },
  },
  ORDER_CURRENCY_MISMATCH: {
    kind: 'invalid',
    message: {
      fr: 'La devise {currency} ne correspond pas à celle de la boutique ({shopCurrency}).',
      en: 'Currency {currency} does not match the shop’s ({shopCurrency}).',
    },
  },
  ORDER_CANCELLED: {
    kind: 'precondition',
    message: { fr: 'Cette commande est annulée.', en: 'This order is cancelled.' },
  },
  ORDER_LINE_IN_USE: {
    kind: 'conflict',
    message: {
      fr: 'La ligne {line} ne peut pas être retirée de la commande : un retour ou un remboursement s’y rapporte.',
      en: 'Line {line} cannot be removed from the order: a return or a refund refers to it.',
    },
  },
  SHIPMENT_NOT_FOUND: {
    kind: 'notFound',
    message: { fr: 'Envoi introuvable.', en: 'Shipment not found.' },
  },
  INVALID_TRANSITION: {
    kind: 'conflict',
    message: {
      fr: 'Impossible de passer de « {from} » à « {to} ».',
      en: 'Cannot go from “{from}” to “{to}”.',
    },
  },
  POLICY_BELOW_LEGAL_FLOOR: {
    kind: 'invalid',
    message: {
      fr: 'La loi impose au moins {floor} pour « {field} » : une politique peut être plus généreuse, jamais moins.',
      en: 'The law requires at least {floor} for “{field}”: a policy may be more generous, never less.',
    },
  },
  POLICY_ABOVE_LEGAL_CEILING: {
    kind: 'invalid',
    message: {
      fr: 'La loi impose au plus {ceiling} pour « {field} ».',
      en: 'The law allows at most {ceiling} for “{field}”.',
    },
  },
  POLICY_NO_RETURN_METHOD: {
    kind: 'invalid',
    message: {
      fr: 'Proposez au moins une façon de renvoyer un article (dépôt en boutique ou envoi postal).',
      en: 'Offer at least one way to send an item back (drop-off at the shop or post).',
    },
  },
  POLICY_NO_OPENING_HOURS: {
    kind: 'invalid',
    message: {
      fr: 'Indiquez au moins une plage d’ouverture dans la semaine : les délais en dépendent.',
      en: 'Set at least one opening time in the week: deadlines depend on it.',
    },
  },
  POLICY_VERSION_CONFLICT: {
    kind: 'conflict',
    message: {
      fr: 'La politique a été modifiée entre-temps (version {currentVersion}) : rechargez-la avant d’enregistrer.',
      en: 'The policy was changed in the meantime (version {currentVersion}): reload it before saving.',
    },
  },
  SAVED_REPLY_NOT_FOUND: {
    kind: 'notFound',
    message: { fr: 'Réponse enregistrée introuvable.', en: 'Saved reply not found.' },
  },
  SAVED_REPLY_UNKNOWN_VARIABLE: {
    kind: 'invalid',
    message: {
      fr: 'Variable inconnue « {{{variable}}} » : utilisez {{customer.name}}, {{customer.email}}, {{order.number}}, {{shop.name}}, {{case.reference}} ou {{staff.name}}.',
      en: 'Unknown variable “{{{variable}}}”: use {{customer.name}}, {{customer.email}}, {{order.number}}, {{shop.name}}, {{case.reference}} or {{staff.name}}.',
    },
  },
  STAFF_INVITATION_NOT_FOUND: {
    kind: 'notFound',
    message: {
      fr: 'Cette invitation n’existe plus (déjà acceptée, retirée ou expirée).',
      en: 'This invitation no longer exists (already accepted, withdrawn or expired).',
    },
  },
  REFUND_EXCEEDS_PAID: {
    kind: 'precondition',
    message: {
      fr: 'Ce remboursement dépasse ce qui reste à rembourser ({remaining} restant, {requested} demandé).',
      en: 'This refund exceeds what remains refundable ({remaining} left, {requested} requested).',
    },
  },
  REFUND_AMOUNT_INVALID: {
    kind: 'invalid',
    message: { fr: 'Le montant du remboursement doit être positif.', en: 'The refund amount must be positive.' },
  },
  REFUND_REFERENCE_REQUIRED: {
    kind: 'invalid',
    message: {
      fr: 'Indiquez la référence du virement ou du paiement effectué.',
      en: 'Give the reference of the transfer or payment that was made.',
    },
  },
  IDEMPOTENCY_KEY_REUSED: {
    kind: 'conflict',
    message: {
      fr: 'Cette clé d’idempotence a déjà servi pour une autre demande.',
      en: 'This idempotency key was already used for a different request.',
    },
  },
  WEBHOOK_SIGNATURE_MISSING: {
    kind: 'unauthenticated',
    message: { fr: 'Webhook refusé : signature absente ({header}).', en: 'Webhook refused: missing signature ({header}).' },
  },
  WEBHOOK_SIGNATURE_INVALID: {
    kind: 'unauthenticated',
    message: {
      fr: 'Webhook refusé : la signature ne correspond pas au contenu. Vérifiez le secret saisi dans {platform}.',
      en: 'Webhook refused: the signature does not match the content. Check the secret entered in {platform}.',
    },
  },
  WEBHOOK_TIMESTAMP_EXPIRED: {
    kind: 'unauthenticated',
    message: {
      fr: 'Webhook refusé : son horodatage est hors de la fenêtre de {seconds} secondes.',
      en: 'Webhook refused: its timestamp is outside the {seconds}-second window.',
    },
  },
  WEBHOOK_PAYLOAD_INVALID: {
    kind: 'invalid',
    message: { fr: 'Webhook illisible : {issues}', en: 'Unreadable webhook: {issues}' },
  },
  PLATFORM_NOT_CONNECTED: {
    kind: 'notFound',
    message: {
      fr: 'Cette boutique n’a pas connecté {platform} à Comptoir.',
      en: 'This shop has not connected {platform} to Comptoir.',
    },
  },
  CARRIER_UNAVAILABLE: {
    kind: 'unavailable',
    message: { fr: 'Le suivi {carrier} ne répond pas pour le moment.', en: '{carrier} tracking is not answering right now.' },
  },
  CARRIER_CREDENTIALS_INVALID: {
    kind: 'precondition',
    message: { fr: '{carrier} refuse les identifiants d’API de la boutique.', en: '{carrier} refuses the shop’s API credentials.' },
  },
  TRACKING_NUMBER_UNKNOWN: {
    kind: 'notFound',
    message: { fr: 'Le transporteur ne connaît pas le numéro de suivi {trackingNumber}.', en: 'The carrier does not know tracking number {trackingNumber}.' },
  },
  CARRIER_AMBIGUOUS: {
    kind: 'invalid',
    message: {
      fr: 'Le numéro {trackingNumber} peut être celui de plusieurs transporteurs ({candidates}) : indiquez lequel.',
      en: 'Tracking number {trackingNumber} could belong to several carriers ({candidates}): name the carrier.',
    },
  },
  CARRIER_UNRECOGNISED: {
    kind: 'invalid',
    message: {
      fr: 'Aucun transporteur connu n’utilise le numéro {trackingNumber} : indiquez le transporteur (ou « other »).',
      en: 'No known carrier uses tracking number {trackingNumber}: name the carrier (or "other").',
    },
  },
  SHOPPER_CODE_INVALID: {
    kind: 'unauthenticated',
    message: {
      fr: 'Ce code est incorrect ou a expiré. Demandez-en un nouveau.',
      en: 'This code is wrong or has expired. Ask for a new one.',
    },
  },
  SHOPPER_LINK_INVALID: {
    kind: 'unauthenticated',
    message: {
      fr: 'Ce lien de connexion a déjà servi ou a expiré. Demandez-en un nouveau.',
      en: 'This sign-in link was already used or has expired. Ask for a new one.',
    },
  },
  WEBHOOK_TARGET_REFUSED: {
    kind: 'invalid',
    message: {
      fr: 'Cette adresse ne peut pas recevoir de webhooks ({reason}) : utilisez une adresse http(s) publique.',
      en: 'This address cannot receive webhooks ({reason}): use a public http(s) address.',
    },
  },
  WEBHOOK_ENDPOINT_NOT_FOUND: {
    kind: 'notFound',
    message: { fr: 'Webhook introuvable.', en: 'Webhook not found.' },
  },
  PICKUP_NOT_AVAILABLE: {
    kind: 'precondition',
    message: {
      fr: 'Cette commande ne peut pas être retirée sur rendez-vous : elle n’est pas prête, déjà retirée ou annulée.',
      en: 'This order cannot be collected by appointment: it is not ready, already collected or cancelled.',
    },
  },
  PICKUP_SLOT_INVALID: {
    kind: 'invalid',
    message: { fr: 'Ce créneau de retrait n’est pas proposé.', en: 'This pickup slot is not offered.' },
  },
  PICKUP_SLOT_FULL: {
    kind: 'conflict',
    message: { fr: 'Ce créneau de retrait est complet : choisissez-en un autre.', en: 'This pickup slot is full: choose another one.' },
  },
  PICKUP_LOCATION_NOT_FOUND: {
    kind: 'notFound',
    message: { fr: 'Point de retrait introuvable.', en: 'Pickup location not found.' },
  },
  PICKUP_LOCATION_IN_USE: {
    kind: 'conflict',
    message: {
      fr: 'Ce point de retrait a des rendez-vous à venir : désactivez-le plutôt que de le supprimer.',
      en: 'This pickup location has upcoming appointments: deactivate it instead of deleting it.',
    },
  },
  PICKUP_BOOKING_NOT_FOUND: {
    kind: 'notFound',
    message: { fr: 'Aucun rendez-vous de retrait pour cette commande.', en: 'No pickup appointment for this order.' },
  },
  PICKUP_CODE_UNKNOWN: {
    kind: 'notFound',
    message: { fr: 'Code de retrait inconnu dans cette boutique.', en: 'Unknown pickup code for this shop.' },
  },
  COUNTER_CODE_INVALID: {
    kind: 'invalid',
    message: {
      fr: 'Ce n’est ni un code de retrait (PU-XXXX-XXXX) ni un code de retour (R-XXXXXX).',
      en: 'This is neither a pickup code (PU-XXXX-XXXX) nor a return code (R-XXXXXX).',
    },
  },
  NOT_FOUND: {
    kind: 'notFound',
    message: { fr: 'Introuvable.', en: 'Not found.' },
  },
  DATABASE_UNAVAILABLE: {
    kind: 'unavailable',
    message: {
      fr: 'Le service est momentanément indisponible. Réessayez dans un instant.',
      en: 'The service is briefly unavailable. Please try again in a moment.',
    },
  },
  INTERNAL_ERROR: {
    kind: 'internal',
    message: {
      fr: 'Une erreur inattendue est survenue (référence {requestId}).',
      en: 'An unexpected error occurred (reference {requestId}).',
    },
  },
  LOYALTY_DISABLED: {
    kind: 'precondition',
    message: { fr: 'Le programme de fidélité de cette boutique est désactivé.', en: 'This shop’s loyalty programme is turned off.' },
  },
  LOYALTY_REWARD_NOT_FOUND: {
    kind: 'notFound',
    message: { fr: 'Cette récompense n’existe pas.', en: 'This reward does not exist.' },
  },
  LOYALTY_INSUFFICIENT_POINTS: {
    kind: 'precondition',
    message: {
      fr: 'Points insuffisants : il en faut {required}, vous en avez {available}.',
      en: 'Not enough points: {required} are needed, you have {available}.',
    },
  },
  LOYALTY_ADJUSTMENT_BELOW_ZERO: {
    kind: 'precondition',
    message: {
      fr: 'Ce retrait rendrait le solde négatif : au plus {available} points peuvent être retirés.',
      en: 'This would make the balance negative: at most {available} points can be taken.',
    },
  },
  LOYALTY_POOL_EMPTY: {
    kind: 'unavailable',
    message: {
      fr: 'Plus aucun code disponible pour cette récompense : la boutique doit en ajouter.',
      en: 'No code is left for this reward: the shop must add some.',
    },
  },
  LOYALTY_GROUP_NOT_FOUND: {
    kind: 'notFound',
    message: { fr: 'Groupe de fidélité introuvable.', en: 'Loyalty group not found.' },
  },
  LOYALTY_GROUP_MEMBERSHIP: {
    kind: 'conflict',
    message: { fr: 'Cette boutique fait déjà partie d’un groupe de fidélité.', en: 'This shop already belongs to a loyalty group.' },
  },
  LOYALTY_GROUP_CURRENCY: {
    kind: 'precondition',
    message: {
      fr: 'Les boutiques d’un groupe doivent vendre dans la même devise ({currency}).',
      en: 'The shops of a group must sell in the same currency ({currency}).',
    },
  },
  VOUCHER_NOT_FOUND: {
    kind: 'notFound',
    message: { fr: 'Bon d’achat inconnu dans cette boutique.', en: 'Unknown voucher at this shop.' },
  },
  VOUCHER_ALREADY_REDEEMED: {
    kind: 'conflict',
    message: { fr: 'Ce bon d’achat a déjà été utilisé.', en: 'This voucher has already been used.' },
  },
  VOUCHER_EXPIRED: {
    kind: 'precondition',
    message: { fr: 'Ce bon d’achat a expiré.', en: 'This voucher has expired.' },
  },
  CLAIM_NOT_FOUND: {
    kind: 'notFound',
    message: { fr: 'Réclamation introuvable.', en: 'Claim not found.' },
  },
  CLAIM_NOT_ELIGIBLE: {
    kind: 'precondition',
    message: { fr: 'Réclamation impossible : {reason}', en: 'A claim cannot be opened: {reason}' },
  },
  CLAIM_ALREADY_OPEN: {
    kind: 'conflict',
    message: {
      fr: 'Une réclamation de ce type est déjà en cours pour cette commande.',
      en: 'A claim of this kind is already open for this order.',
    },
  },
  CLAIM_DECIDED_FOR_SHOPPER: {
    kind: 'conflict',
    message: {
      fr: 'Cette réclamation a été décidée en faveur du client faute de réponse à temps : elle ne peut plus être refusée.',
      en: 'This claim was decided in the shopper’s favour for want of a timely answer: it can no longer be rejected.',
    },
  },
  TICKET_NOT_FOUND: {
    kind: 'notFound',
    message: { fr: 'Conversation introuvable.', en: 'Conversation not found.' },
  },
  CASE_NOT_FOUND: {
    kind: 'notFound',
    message: { fr: 'Dossier introuvable.', en: 'Case not found.' },
  },
  CASE_NOT_RATEABLE: {
    kind: 'precondition',
    message: {
      fr: 'Ce dossier ne peut être noté qu’une fois traité, et une seule fois.',
      en: 'A case can be rated once it is settled, and only once.',
    },
  },
  RETURN_NOT_FOUND: {
    kind: 'notFound',
    message: { fr: 'Retour introuvable.', en: 'Return not found.' },
  },
  RETURN_CODE_UNKNOWN: {
    kind: 'notFound',
    message: { fr: 'Aucun retour ne porte ce code.', en: 'No return has this code.' },
  },
  RETURN_NOT_ELIGIBLE: {
    kind: 'precondition',
    message: { fr: 'Retour impossible pour « {title} » : {reason}', en: '“{title}” cannot be returned: {reason}' },
  },
  RETURN_QUANTITY_EXCEEDED: {
    kind: 'precondition',
    message: {
      fr: 'Vous pouvez retourner au plus {returnable} exemplaire(s) de « {title} ».',
      en: 'You can return at most {returnable} of “{title}”.',
    },
  },
  RETURN_METHOD_NOT_OFFERED: {
    kind: 'precondition',
    message: {
      fr: 'Ce mode de retour n’est pas proposé pour « {title} ».',
      en: 'This return method is not offered for “{title}”.',
    },
  },
  EXCHANGE_NOT_OFFERED: {
    kind: 'precondition',
    message: { fr: 'La boutique ne propose pas d’échange.', en: 'The shop does not offer exchanges.' },
  },
  EXCHANGE_VARIANT_NOT_OFFERED: {
    kind: 'precondition',
    message: {
      fr: 'Cette variante n’est pas proposée en échange de « {title} ».',
      en: 'This variant is not offered in exchange for “{title}”.',
    },
  },
  RETURN_LINE_NOT_IN_RETURN: {
    kind: 'invalid',
    message: { fr: 'Cette ligne ne fait pas partie du retour.', en: 'This line is not part of the return.' },
  },
  ATTACHMENT_NOT_FOUND: {
    kind: 'notFound',
    message: { fr: 'Pièce jointe introuvable.', en: 'Attachment not found.' },
  },
  ATTACHMENT_REJECTED: {
    kind: 'invalid',
    message: { fr: 'Pièce jointe refusée ({filename}) : {reason}', en: 'Attachment refused ({filename}): {reason}' },
  },
} as const satisfies Record<string, ErrorDefinition>;

/** A stable machine code of an error. */
export type ErrorCode = keyof typeof errorDefinitions;

/** Values that fill an error message's placeholders. */
export type ErrorParams = Record<string, string | number>;

/** The error message of `code` in `locale`, its placeholders filled from `params`. */
export function errorMessage(code: ErrorCode, locale: Locale, params: ErrorParams = {}): string {
  const template: string = errorDefinitions[code].message[locale];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** Whether a string is one of the known error codes. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorDefinitions, value);
}

/** The `data` every Comptoir error carries to clients, beside tRPC's own fields. */
export interface ComptoirErrorData {
  comptoirCode: ErrorCode;
  /** The message in the caller's language (also in `message`), and in both languages. */
  messages: Localized;
  params?: ErrorParams;
  requestId?: string;
}
