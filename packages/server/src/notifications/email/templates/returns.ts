import { defineTemplate, followLabel, formatDateTime, formatMoney, pick, shopperFootnote, type MoneyValue } from './common.js';

/** Data shared by the return emails. */
export interface ReturnData {
  returnCode: string;
  orderNumber: string;
  /** Opens the widget on the return, signed in through a single-use token. */
  url: string;
}

/** Return requested, approved, received, refunded; store credit issued. */
export const returnTemplates = {
  return_requested: defineTemplate<ReturnData & { needsReview?: boolean }>({
    essential: true,
    render: (locale, data, ctx) => ({
      subject: pick(locale, { fr: `Demande de retour ${data.returnCode} reçue`, en: `Return request ${data.returnCode} received` }),
      preheader: pick(locale, { fr: `Commande ${data.orderNumber}`, en: `Order ${data.orderNumber}` }),
      heading: pick(locale, { fr: 'Nous avons bien reçu votre demande', en: 'We received your request' }),
      paragraphs: [
        data.needsReview
          ? pick(locale, {
              fr: `Une personne de ${ctx.shopName} va examiner votre demande et vous répondre.`,
              en: `Someone at ${ctx.shopName} will look at your request and get back to you.`,
            })
          : pick(locale, {
              fr: `Votre demande de retour pour la commande ${data.orderNumber} est enregistrée.`,
              en: `Your return request for order ${data.orderNumber} is recorded.`,
            }),
      ],
      details: [[pick(locale, { fr: 'Code de retour', en: 'Return code' }), data.returnCode]],
      action: { label: followLabel(locale), url: data.url },
      footnote: shopperFootnote(locale, ctx),
    }),
  }),
  return_approved: defineTemplate<ReturnData & { instructions?: string | null }>({
    essential: true,
    render: (locale, data, ctx) => ({
      subject: pick(locale, { fr: `Retour ${data.returnCode} accepté`, en: `Return ${data.returnCode} approved` }),
      preheader: pick(locale, { fr: 'Voici comment nous renvoyer vos articles.', en: 'Here is how to send your items back.' }),
      heading: pick(locale, { fr: 'Votre retour est accepté', en: 'Your return is approved' }),
      paragraphs: [
        pick(locale, {
          fr: `${ctx.shopName} a accepté votre retour pour la commande ${data.orderNumber}.`,
          en: `${ctx.shopName} approved your return for order ${data.orderNumber}.`,
        }),
        ...(data.instructions ? [data.instructions] : []),
      ],
      details: [[pick(locale, { fr: 'Code de retour', en: 'Return code' }), data.returnCode]],
      action: { label: followLabel(locale), url: data.url },
      footnote: shopperFootnote(locale, ctx),
    }),
  }),
  return_received: defineTemplate<ReturnData & { refundDueAt?: string | null }>({
    essential: true,
    render: (locale, data, ctx) => ({
      subject: pick(locale, { fr: `Retour ${data.returnCode} reçu`, en: `Return ${data.returnCode} received` }),
      preheader: pick(locale, { fr: 'Votre remboursement suit.', en: 'Your refund is next.' }),
      heading: pick(locale, { fr: 'Nous avons reçu vos articles', en: 'We received your items' }),
      paragraphs: [
        pick(locale, {
          fr: `${ctx.shopName} a bien reçu les articles de votre retour ${data.returnCode}.`,
          en: `${ctx.shopName} received the items of your return ${data.returnCode}.`,
        }),
      ],
      details: data.refundDueAt
        ? [[pick(locale, { fr: 'Remboursement au plus tard le', en: 'Refund at the latest on' }), formatDateTime(locale, data.refundDueAt, ctx.timeZone)]]
        : [],
      action: { label: followLabel(locale), url: data.url },
      footnote: shopperFootnote(locale, ctx),
    }),
  }),
  return_refunded: defineTemplate<ReturnData & { amount: MoneyValue }>({
    essential: true,
    render: (locale, data, ctx) => ({
      subject: pick(locale, { fr: `Remboursement de ${formatMoney(locale, data.amount)} effectué`, en: `Refund of ${formatMoney(locale, data.amount)} issued` }),
      preheader: pick(locale, { fr: `Retour ${data.returnCode}`, en: `Return ${data.returnCode}` }),
      heading: pick(locale, { fr: 'Vous êtes remboursé', en: 'You have been refunded' }),
      paragraphs: [
        pick(locale, {
          fr: `${ctx.shopName} vous a remboursé ${formatMoney(locale, data.amount)} pour le retour ${data.returnCode}. Selon votre banque, le montant apparaît sous quelques jours.`,
          en: `${ctx.shopName} refunded ${formatMoney(locale, data.amount)} for return ${data.returnCode}. Depending on your bank, it shows within a few days.`,
        }),
      ],
      action: { label: followLabel(locale), url: data.url },
      footnote: shopperFootnote(locale, ctx),
    }),
  }),
  store_credit_issued: defineTemplate<{ amount: MoneyValue; bonus?: MoneyValue | null; url: string }>({
    essential: true,
    render: (locale, data, ctx) => ({
      subject: pick(locale, { fr: `Avoir de ${formatMoney(locale, data.amount)} chez ${ctx.shopName}`, en: `${formatMoney(locale, data.amount)} store credit at ${ctx.shopName}` }),
      preheader: pick(locale, { fr: 'Utilisable dès maintenant.', en: 'Ready to use now.' }),
      heading: pick(locale, { fr: 'Votre avoir est disponible', en: 'Your store credit is ready' }),
      paragraphs: [
        pick(locale, {
          fr: `Un avoir de ${formatMoney(locale, data.amount)} a été ajouté à votre compte chez ${ctx.shopName}.`,
          en: `Store credit of ${formatMoney(locale, data.amount)} was added to your account at ${ctx.shopName}.`,
        }),
      ],
      details: data.bonus ? [[pick(locale, { fr: 'Dont bonus', en: 'Including bonus' }), formatMoney(locale, data.bonus)]] : [],
      action: { label: pick(locale, { fr: 'Voir mon avoir', en: 'View my credit' }), url: data.url },
      footnote: shopperFootnote(locale, ctx),
    }),
  }),
};
