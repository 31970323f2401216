import { defineTemplate, formatDateTime, pick, shopperFootnote } from './common.js';

/** Loyalty emails: points about to expire. */
export const loyaltyTemplates = {
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
      action: { label: pick(locale, { fr: 'Voir mes points', en: 'See my points' }), url: data.url },
      footnote: shopperFootnote(locale, ctx),
    }),
  }),
};
