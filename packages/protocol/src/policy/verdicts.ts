import type { ErrorParams } from '../errors.js';
import type { Locale, Localized } from '../locale.js';

/** Fills `{name}` placeholders; an unknown placeholder stays as it is. */
export function fillTemplate(template: string, params: ErrorParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

/** Both languages of a template, filled. */
export function fillLocalized(template: Localized, params: ErrorParams = {}): Localized {
  return { fr: fillTemplate(template.fr, params), en: fillTemplate(template.en, params) };
}

// Building an Intl formatter costs far more than using one: keep one per locale, zone and style.
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(locale: Locale, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${withTime}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'long',
      ...(withTime ? { timeStyle: 'short' as const } : {}),
      timeZone,
    });
    dateFormatters.set(key, formatter);
  }
  return formatter;
}

/** A date as people read it on a deadline ("31 janvier 2027" / "31 January 2027"), in the shop's time zone. */
export function formatDeadlineDate(date: Date, locale: Locale, timeZone: string): string {
  return dateFormatter(locale, timeZone, false).format(date);
}

/** A date and time as people read it ("31 janvier 2027 à 11:00"), in the shop's time zone. */
export function formatDeadlineDateTime(date: Date, locale: Locale, timeZone: string): string {
  return dateFormatter(locale, timeZone, true).format(date);
}

/** Why a line can or cannot be returned. The shopper sees the message; screens may key on the code. */
export const ReturnVerdict = {
  within_return_window: 'within_return_window',
  within_holiday_extension: 'within_holiday_extension',
  conformity_guarantee: 'conformity_guarantee',
  window_closed: 'window_closed',
  non_returnable: 'non_returnable',
  conformity_expired: 'conformity_expired',
  not_delivered: 'not_delivered',
  order_cancelled: 'order_cancelled',
  already_returned: 'already_returned',
} as const;
export type ReturnVerdict = (typeof ReturnVerdict)[keyof typeof ReturnVerdict];

/** The messages of the return verdicts; `{deadline}` is a formatted date. */
export const returnVerdictMessages: Record<ReturnVerdict, Localized> = {
  within_return_window: {
    fr: 'Retour possible jusqu’au {deadline}, sans avoir à vous justifier.',
    en: 'You can return it until {deadline}, no questions asked.',
  },
  within_holiday_extension: {
    fr: 'Retour possible jusqu’au {deadline} : les achats des fêtes ont un délai prolongé.',
    en: 'You can return it until {deadline}: holiday purchases have an extended window.',
  },
  conformity_guarantee: {
    fr: 'Couvert par la garantie légale de conformité jusqu’au {deadline} : la boutique reprend un article défectueux.',
    en: 'Covered by the legal guarantee of conformity until {deadline}: the shop takes back a defective item.',
  },
  window_closed: {
    fr: 'Le délai de retour a pris fin le {deadline}. S’il est défectueux, indiquez-le : la garantie légale de conformité s’applique.',
    en: 'The return window ended on {deadline}. If it is defective, say so: the legal guarantee of conformity applies.',
  },
  non_returnable: {
    fr: 'Cet article n’est pas repris (hygiène, fabrication sur mesure…), sauf s’il est défectueux : la garantie légale de conformité s’applique alors.',
    en: 'This item cannot be returned (hygiene, made to measure…) unless it is defective: the legal guarantee of conformity then applies.',
  },
  conformity_expired: {
    fr: 'La garantie légale de conformité a pris fin le {deadline}.',
    en: 'The legal guarantee of conformity ended on {deadline}.',
  },
  not_delivered: {
    fr: 'Le retour sera possible une fois la commande livrée ou retirée.',
    en: 'You can return it once the order is delivered or picked up.',
  },
  order_cancelled: { fr: 'Cette commande est annulée.', en: 'This order is cancelled.' },
  already_returned: { fr: 'Cet article a déjà été retourné.', en: 'This item has already been returned.' },
};

/** Why a return must wait for a person instead of being approved by the clock. Staff see the code. */
export const ReviewReason = {
  customer_blocked: 'customer_blocked',
  return_limit_reached: 'return_limit_reached',
} as const;
export type ReviewReason = (typeof ReviewReason)[keyof typeof ReviewReason];

/** What the shopper is told when a person must look (the same whatever the reason). */
export const reviewNoticeMessage: Localized = {
  fr: 'Une personne de la boutique va examiner votre demande et vous répondra rapidement.',
  en: 'Someone at the shop will look at your request and get back to you soon.',
};

/** What staff are told about why a case waits for them. */
export const reviewReasonMessages: Record<ReviewReason, Localized> = {
  customer_blocked: { fr: 'Client sur la liste de blocage.', en: 'Customer is on the blocklist.' },
  return_limit_reached: {
    fr: '{count} retours sur les 90 derniers jours (limite : {max}).',
    en: '{count} returns in the last 90 days (limit: {max}).',
  },
};

/** Whether and when a claim can be opened. */
export const ClaimVerdict = {
  claim_open: 'claim_open',
  claim_not_yet_open: 'claim_not_yet_open',
  claim_not_delivered: 'claim_not_delivered',
  claim_picked_up: 'claim_picked_up',
  claim_window_closed: 'claim_window_closed',
  claim_order_cancelled: 'claim_order_cancelled',
} as const;
export type ClaimVerdict = (typeof ClaimVerdict)[keyof typeof ClaimVerdict];

/** The messages of the claim verdicts; `{date}` is a formatted date. */
export const claimVerdictMessages: Record<ClaimVerdict, Localized> = {
  claim_open: {
    fr: 'Vous pouvez ouvrir une réclamation : la boutique a {days} jour(s) ouvré(s) pour répondre, sinon vous êtes remboursé automatiquement.',
    en: 'You can open a claim: the shop has {days} business day(s) to answer, or you are refunded automatically.',
  },
  claim_not_yet_open: {
    fr: 'Votre colis peut encore arriver. Vous pourrez le signaler comme non reçu à partir du {date}.',
    en: 'Your parcel may still arrive. You can report it as not received from {date}.',
  },
  claim_not_delivered: {
    fr: 'Vous pourrez signaler un article abîmé ou non conforme une fois la commande reçue.',
    en: 'You can report a damaged or not-as-described item once the order has arrived.',
  },
  claim_picked_up: {
    fr: 'Cette commande a été retirée en boutique.',
    en: 'This order was picked up at the shop.',
  },
  claim_window_closed: {
    fr: 'Le délai de réclamation a pris fin le {date}.',
    en: 'The time to make a claim ended on {date}.',
  },
  claim_order_cancelled: { fr: 'Cette commande est annulée.', en: 'This order is cancelled.' },
};

/**
 * Why the server acted by itself: stored as the event's reason code and shown to both sides.
 * `auto.claim_refunded` reads "Remboursé automatiquement : la boutique n'a pas répondu sous 2 jours ouvrés".
 */
export const AutomaticReason = {
  return_approved: 'auto.return_approved',
  claim_refunded: 'auto.claim_refunded',
  ticket_escalated: 'auto.ticket_escalated',
  goodwill_points: 'auto.goodwill_points',
  deadline_reminder: 'auto.deadline_reminder',
  refund_overdue: 'auto.refund_overdue',
} as const;
export type AutomaticReason = (typeof AutomaticReason)[keyof typeof AutomaticReason];

const automaticReasonMessages: Record<AutomaticReason, { one: Localized; other: Localized; count: string }> = {
  'auto.return_approved': {
    count: 'days',
    one: {
      fr: 'Accepté automatiquement : la boutique n’a pas répondu sous 1 jour ouvré',
      en: 'Approved automatically: the shop did not answer within 1 business day',
    },
    other: {
      fr: 'Accepté automatiquement : la boutique n’a pas répondu sous {days} jours ouvrés',
      en: 'Approved automatically: the shop did not answer within {days} business days',
    },
  },
  'auto.claim_refunded': {
    count: 'days',
    one: {
      fr: 'Remboursé automatiquement : la boutique n’a pas répondu sous 1 jour ouvré',
      en: 'Refunded automatically: the shop did not answer within 1 business day',
    },
    other: {
      fr: 'Remboursé automatiquement : la boutique n’a pas répondu sous {days} jours ouvrés',
      en: 'Refunded automatically: the shop did not answer within {days} business days',
    },
  },
  'auto.ticket_escalated': {
    count: 'hours',
    one: {
      fr: 'Transmis en priorité : la boutique n’a pas répondu sous 1 heure d’ouverture. Toutes nos excuses pour l’attente.',
      en: 'Escalated: the shop did not reply within 1 opening hour. We are sorry for the wait.',
    },
    other: {
      fr: 'Transmis en priorité : la boutique n’a pas répondu sous {hours} heures d’ouverture. Toutes nos excuses pour l’attente.',
      en: 'Escalated: the shop did not reply within {hours} opening hours. We are sorry for the wait.',
    },
  },
  'auto.goodwill_points': {
    count: 'points',
    one: {
      fr: '1 point de fidélité offert pour nous excuser du retard.',
      en: '1 loyalty point to apologise for the delay.',
    },
    other: {
      fr: '{points} points de fidélité offerts pour nous excuser du retard.',
      en: '{points} loyalty points to apologise for the delay.',
    },
  },
  'auto.refund_overdue': {
    count: 'hours',
    one: {
      fr: 'Remboursement en retard : la boutique devait rembourser sous 1 heure. Le dossier passe en priorité.',
      en: 'Refund overdue: the shop had 1 hour to refund. The case now comes first.',
    },
    other: {
      fr: 'Remboursement en retard : la boutique devait rembourser sous {hours} heures. Le dossier passe en priorité.',
      en: 'Refund overdue: the shop had {hours} hours to refund. The case now comes first.',
    },
  },
  'auto.deadline_reminder': {
    count: 'percent',
    one: { fr: 'Rappel : échéance le {dueAt}.', en: 'Reminder: due on {dueAt}.' },
    other: {
      fr: 'Rappel : {percent} % du délai est écoulé, échéance le {dueAt}.',
      en: 'Reminder: {percent}% of the time has gone, due on {dueAt}.',
    },
  },
};

/** The text of an automatic decision, in both languages, its count in the right grammatical number. */
export function automaticReasonMessage(reason: AutomaticReason, params: ErrorParams = {}): Localized {
  const entry = automaticReasonMessages[reason];
  return fillLocalized(Number(params[entry.count]) === 1 ? entry.one : entry.other, params);
}
