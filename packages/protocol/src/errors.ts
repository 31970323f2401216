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
