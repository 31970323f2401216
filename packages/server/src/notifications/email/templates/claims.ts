import { defineTemplate, followLabel, formatDateTime, formatMoney, pick, shopperFootnote, type MoneyValue } from './common.js';

/** Data shared by the claim emails. */
export interface ClaimData {
  orderNumber: string;
  /** "not_received", "damaged", "not_as_described". */
  kind: 'not_received' | 'damaged' | 'not_as_described';
  url: string;
}

const kindLabel = {
  not_received: { fr: 'colis non reçu', en: 'parcel not received' },
  damaged: { fr: 'article endommagé ou défectueux', en: 'damaged or defective item' },
  not_as_described: { fr: 'article non conforme', en: 'item not as described' },
} as const;

/** Claim opened, answered, decided automatically. */
export const claimTemplates = {
  claim_opened: defineTemplate<ClaimData & { answerDueAt: string }>({
    essential: true,
    render: (locale, data, ctx) => ({
      subject: pick(locale, { fr: `Réclamation ouverte : commande ${data.orderNumber}`, en: `Claim opened: order ${data.orderNumber}` }),
      preheader: pick(locale, kindLabel[data.kind]),
      heading: pick(locale, { fr: 'Votre réclamation est ouverte', en: 'Your claim is open' }),
      paragraphs: [
        pick(locale, {
          fr: `${ctx.shopName} doit vous répondre avant la date ci-dessous. Sans réponse, vous serez remboursé automatiquement.`,
          en: `${ctx.shopName} must answer before the date below. Without an answer, you will be refunded automatically.`,
        }),
      ],
      details: [
        [pick(locale, { fr: 'Motif', en: 'Reason' }), pick(locale, kindLabel[data.kind])],
        [pick(locale, { fr: 'Réponse au plus tard le', en: 'Answer at the latest on' }), formatDateTime(locale, data.answerDueAt, ctx.timeZone)],
      ],
      action: { label: followLabel(locale), url: data.url },
      footnote: shopperFootnote(locale, ctx),
    }),
  }),
  claim_answered: defineTemplate<ClaimData & { message?: string | null }>({
    essential: true,
    render: (locale, data, ctx) => ({
      subject: pick(locale, { fr: `${ctx.shopName} a répondu à votre réclamation`, en: `${ctx.shopName} answered your claim` }),
      preheader: pick(locale, { fr: `Commande ${data.orderNumber}`, en: `Order ${data.orderNumber}` }),
      heading: pick(locale, { fr: 'Réponse à votre réclamation', en: 'Answer to your claim' }),
      paragraphs: [
        ...(data.message ? [data.message] : []),
        pick(locale, { fr: 'Consultez la réponse complète et la suite.', en: 'Read the full answer and what happens next.' }),
      ],
      action: { label: followLabel(locale), url: data.url },
      footnote: shopperFootnote(locale, ctx),
    }),
  }),
  claim_decided_automatically: defineTemplate<ClaimData & { amount?: MoneyValue | null }>({
    essential: true,
    render: (locale, data, ctx) => ({
      subject: pick(locale, { fr: `Réclamation décidée en votre faveur`, en: `Claim decided in your favour` }),
      preheader: pick(locale, { fr: `Commande ${data.orderNumber}`, en: `Order ${data.orderNumber}` }),
      heading: pick(locale, { fr: 'Décidé en votre faveur', en: 'Decided in your favour' }),
      paragraphs: [
        pick(locale, {
          fr: `${ctx.shopName} n’a pas répondu dans le délai promis : votre réclamation est décidée automatiquement en votre faveur.`,
          en: `${ctx.shopName} did not answer within the promised time: your claim is decided automatically in your favour.`,
        }),
        ...(data.amount
          ? [pick(locale, { fr: `Remboursement : ${formatMoney(locale, data.amount)}.`, en: `Refund: ${formatMoney(locale, data.amount)}.` })]
          : []),
      ],
      action: { label: followLabel(locale), url: data.url },
      footnote: shopperFootnote(locale, ctx),
    }),
  }),
};
