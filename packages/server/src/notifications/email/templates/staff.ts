import type { Localized } from '@comptoir/protocol';
import { defineTemplate, formatDateTime, pick } from './common.js';

/** A case as staff emails name it. */
export interface StaffCaseData {
  caseType: 'return' | 'refund' | 'claim' | 'ticket' | 'exchange';
  /** Return code, claim or ticket reference. */
  caseRef: string;
  orderNumber?: string | null;
  /** Opens the case in the admin. */
  url: string;
}

const caseLabel = {
  return: { fr: 'Retour', en: 'Return' },
  refund: { fr: 'Remboursement', en: 'Refund' },
  claim: { fr: 'Réclamation', en: 'Claim' },
  ticket: { fr: 'Message', en: 'Ticket' },
  exchange: { fr: 'Échange', en: 'Exchange' },
} as const;

const openCase = { fr: 'Ouvrir le dossier', en: 'Open the case' } as const;

/** Alerts for the shop's staff: new case, deadline at 75%, deadline missed, webhook disabled. */
export const staffTemplates = {
  staff_new_case: defineTemplate<StaffCaseData>({
    essential: true,
    render: (locale, data, ctx) => ({
      // The order number in the subject: what the shopkeeper recognises in a list of emails.
      subject: pick(locale, {
        fr: `${caseLabel[data.caseType].fr} ${data.caseRef} à traiter${data.orderNumber ? ` (commande ${data.orderNumber})` : ''}`,
        en: `${caseLabel[data.caseType].en} ${data.caseRef} to handle${data.orderNumber ? ` (order ${data.orderNumber})` : ''}`,
      }),
      preheader: ctx.shopName,
      heading: pick(locale, { fr: 'Nouveau dossier', en: 'New case' }),
      paragraphs: [pick(locale, { fr: `Un nouveau dossier attend ${ctx.shopName}.`, en: `A new case is waiting for ${ctx.shopName}.` })],
      details: [
        [pick(locale, { fr: 'Dossier', en: 'Case' }), `${pick(locale, caseLabel[data.caseType])} ${data.caseRef}`],
        ...(data.orderNumber ? [[pick(locale, { fr: 'Commande', en: 'Order' }), data.orderNumber] as [string, string]] : []),
      ],
      action: { label: pick(locale, openCase), url: data.url },
    }),
  }),
  staff_deadline_reminder: defineTemplate<StaffCaseData & { dueAt: string }>({
    essential: true,
    render: (locale, data, ctx) => ({
      subject: pick(locale, {
        fr: `Échéance proche : ${caseLabel[data.caseType].fr.toLowerCase()} ${data.caseRef}`,
        en: `Deadline soon: ${caseLabel[data.caseType].en.toLowerCase()} ${data.caseRef}`,
      }),
      preheader: formatDateTime(locale, data.dueAt, ctx.timeZone),
      heading: pick(locale, { fr: 'Il reste un quart du délai', en: 'A quarter of the time is left' }),
      paragraphs: [
        pick(locale, {
          fr: 'Sans action de votre part avant l’échéance, la garantie s’appliquera automatiquement.',
          en: 'Without action from you before the deadline, the guarantee applies automatically.',
        }),
      ],
      details: [
        [pick(locale, { fr: 'Dossier', en: 'Case' }), `${pick(locale, caseLabel[data.caseType])} ${data.caseRef}`],
        [pick(locale, { fr: 'Échéance', en: 'Deadline' }), formatDateTime(locale, data.dueAt, ctx.timeZone)],
      ],
      action: { label: pick(locale, openCase), url: data.url },
    }),
  }),
  staff_deadline_missed: defineTemplate<StaffCaseData & { outcome: Localized }>({
    essential: true,
    render: (locale, data) => ({
      subject: pick(locale, {
        fr: `Échéance dépassée : ${caseLabel[data.caseType].fr.toLowerCase()} ${data.caseRef}`,
        en: `Deadline missed: ${caseLabel[data.caseType].en.toLowerCase()} ${data.caseRef}`,
      }),
      preheader: pick(locale, data.outcome),
      heading: pick(locale, { fr: 'Échéance dépassée', en: 'Deadline missed' }),
      paragraphs: [
        pick(locale, { fr: 'Le délai promis est passé. Voici ce que Comptoir a fait :', en: 'The promised time has passed. Here is what Comptoir did:' }),
        pick(locale, data.outcome),
      ],
      details: [[pick(locale, { fr: 'Dossier', en: 'Case' }), `${pick(locale, caseLabel[data.caseType])} ${data.caseRef}`]],
      action: { label: pick(locale, openCase), url: data.url },
    }),
  }),
  staff_case_rated: defineTemplate<StaffCaseData & { rating: number; comment: string | null }>({
    essential: true,
    render: (locale, data) => ({
      subject: pick(locale, {
        fr: `${data.rating}/5 pour ${caseLabel[data.caseType].fr.toLowerCase()} ${data.caseRef}`,
        en: `${data.rating}/5 for ${caseLabel[data.caseType].en.toLowerCase()} ${data.caseRef}`,
      }),
      preheader: data.comment ?? '',
      heading: pick(locale, { fr: 'Un client a noté votre service', en: 'A customer rated your service' }),
      paragraphs: [
        pick(locale, { fr: `Note : ${data.rating} sur 5.`, en: `Rating: ${data.rating} out of 5.` }),
        ...(data.comment ? [`« ${data.comment} »`] : []),
      ],
      details: [
        [pick(locale, { fr: 'Dossier', en: 'Case' }), `${pick(locale, caseLabel[data.caseType])} ${data.caseRef}`],
        ...(data.orderNumber ? [[pick(locale, { fr: 'Commande', en: 'Order' }), data.orderNumber] as [string, string]] : []),
      ],
      action: { label: pick(locale, openCase), url: data.url },
    }),
  }),
  staff_daily_digest: defineTemplate<{ overdue: number; dueToday: number; cases: Array<StaffCaseData & { dueAt: string; overdue: boolean }>; url: string }>({
    essential: true,
    render: (locale, data, ctx) => ({
      subject: pick(locale, {
        fr: `${ctx.shopName} : ${data.overdue} en retard, ${data.dueToday} à traiter aujourd’hui`,
        en: `${ctx.shopName}: ${data.overdue} overdue, ${data.dueToday} due today`,
      }),
      preheader: pick(locale, { fr: 'Les échéances du jour', en: 'Today’s deadlines' }),
      heading: pick(locale, { fr: 'Vos échéances du jour', en: 'Your deadlines today' }),
      paragraphs: [
        pick(locale, {
          fr: 'Les dossiers ci-dessous arrivent à échéance dans les 24 heures ou sont déjà en retard. Sans réponse, Comptoir tiendra la promesse à votre place.',
          en: 'The cases below are due within 24 hours or already overdue. Without an answer, Comptoir keeps the promise for you.',
        }),
      ],
      details: data.cases.map((item) => [
        `${pick(locale, caseLabel[item.caseType])} ${item.caseRef}${item.orderNumber ? ` · ${item.orderNumber}` : ''}`,
        `${item.overdue ? pick(locale, { fr: 'En retard depuis le ', en: 'Overdue since ' }) : ''}${formatDateTime(locale, item.dueAt, ctx.timeZone)}`,
      ]),
      action: { label: pick(locale, { fr: 'Ouvrir la liste', en: 'Open the list' }), url: data.url },
    }),
  }),
  webhook_endpoint_disabled: defineTemplate<{ endpointUrl: string; failingSince: string; url: string }>({
    essential: true,
    render: (locale, data, ctx) => ({
      subject: pick(locale, { fr: 'Webhook désactivé après 3 jours d’échecs', en: 'Webhook disabled after 3 days of failures' }),
      preheader: data.endpointUrl,
      heading: pick(locale, { fr: 'Un webhook a été désactivé', en: 'A webhook was disabled' }),
      paragraphs: [
        pick(locale, {
          fr: `L’adresse ci-dessous de ${ctx.shopName} refuse nos envois depuis plus de 3 jours ; nous l’avons désactivée. Corrigez-la puis réactivez-la.`,
          en: `The address below for ${ctx.shopName} has refused our deliveries for more than 3 days; we disabled it. Fix it, then enable it again.`,
        }),
      ],
      details: [
        [pick(locale, { fr: 'Adresse', en: 'URL' }), data.endpointUrl],
        [pick(locale, { fr: 'En échec depuis', en: 'Failing since' }), formatDateTime(locale, data.failingSince, ctx.timeZone)],
      ],
      action: { label: pick(locale, { fr: 'Voir les webhooks', en: 'View webhooks' }), url: data.url },
    }),
  }),
};
