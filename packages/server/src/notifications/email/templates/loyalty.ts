import { defineTemplate, formatDateTime, formatMoney, pick, shopperFootnote, type MoneyValue } from './common.js';

const seePoints = { fr: 'Voir mes points', en: 'See my points' } as const;

/** Loyalty emails: points earned, voucher issued, points about to expire. */
export const loyaltyTemplates = {
  loyalty_points_earned: defineTemplate<{ points: number; orderNumber: string; availableAt: string; url: string }>({
    essential: false,
    render: (locale, data, ctx) => ({
      subject: pick(locale, {
        fr: `${data.points} points gagnés chez ${ctx.shopName}`,
        en: `You earned ${data.points} points at ${ctx.shopName}`,
      }),
      preheader: pick(locale, { fr: `Commande ${data.orderNumber}`, en: `Order ${data.orderNumber}` }),
      heading: pick(locale, { fr: 'Merci pour votre commande', en: 'Thank you for your order' }),
      paragraphs: [
        pick(locale, {
          fr: `Votre commande ${data.orderNumber} vous rapporte ${data.points} points. Ils seront disponibles à la fin du délai de retour, à la date ci-dessous.`,
          en: `Your order ${data.orderNumber} earns you ${data.points} points. They become available when the return window closes, on the date below.`,
        }),
      ],
      details: [[pick(locale, { fr: 'Disponibles le', en: 'Available on' }), formatDateTime(locale, data.availableAt, ctx.timeZone)]],
      action: { label: pick(locale, seePoints), url: data.url },
      footnote: shopperFootnote(locale, ctx),
    }),
  }),
  loyalty_voucher_issued: defineTemplate<{ code: string; value: MoneyValue; points: number; expiresAt: string | null; url: string }>({
    essential: true,
    render: (locale, data, ctx) => ({
      subject: pick(locale, {
        fr: `Votre bon d’achat de ${formatMoney('fr', data.value)} chez ${ctx.shopName}`,
        en: `Your ${formatMoney('en', data.value)} voucher at ${ctx.shopName}`,
      }),
      preheader: data.code,
      heading: pick(locale, { fr: 'Votre bon d’achat', en: 'Your voucher' }),
      paragraphs: [
        pick(locale, {
          fr: `Vous avez échangé ${data.points} points contre ce bon. Saisissez le code à votre prochain achat.`,
          en: `You turned ${data.points} points into this voucher. Enter the code at your next purchase.`,
        }),
      ],
      details: [
        [pick(locale, { fr: 'Code', en: 'Code' }), data.code],
        [pick(locale, { fr: 'Valeur', en: 'Value' }), formatMoney(locale, data.value)],
        ...(data.expiresAt ? [[pick(locale, { fr: 'Valable jusqu’au', en: 'Valid until' }), formatDateTime(locale, data.expiresAt, ctx.timeZone)] as [string, string]] : []),
      ],
      action: { label: pick(locale, seePoints), url: data.url },
      footnote: shopperFootnote(locale, ctx),
    }),
  }),
  loyalty_points_expiring: defineTemplate<{ points: number; expiresAt: string; url: string }>({
    essential: false,
    render: (locale, data, ctx) => ({
      subject: pick(locale, {
        fr: `Vos ${data.points} points ${ctx.shopName} vont expirer`,
        en: `Your ${data.points} ${ctx.shopName} points are about to expire`,
      }),
      preheader: pick(locale, { fr: 'Utilisez-les avant la date ci-dessous.', en: 'Use them before the date below.' }),
      heading: pick(locale, { fr: 'Vos points vont expirer', en: 'Your points are about to expire' }),
      paragraphs: [
        pick(locale, {
          fr: `Sans achat ni échange de points d’ici là, vos ${data.points} points expireront. Une commande ou un bon d’achat suffit à les garder.`,
          en: `Without an order or a redemption by then, your ${data.points} points will expire. One order or one voucher keeps them.`,
        }),
      ],
      details: [[pick(locale, { fr: 'Date d’expiration', en: 'Expiry date' }), formatDateTime(locale, data.expiresAt, ctx.timeZone)]],
      action: { label: pick(locale, seePoints), url: data.url },
      footnote: shopperFootnote(locale, ctx),
    }),
  }),
};
