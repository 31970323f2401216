import { defineTemplate, pick, shopperFootnote } from './common.js';

/** The "ticket replied" email. */
export const ticketTemplates = {
  ticket_replied: defineTemplate<{ subject: string; excerpt: string; url: string }>({
    essential: true,
    render: (locale, data, ctx) => ({
      subject: pick(locale, { fr: `Nouvelle réponse : ${data.subject}`, en: `New reply: ${data.subject}` }),
      preheader: data.excerpt.slice(0, 120),
      heading: pick(locale, { fr: `${ctx.shopName} vous a répondu`, en: `${ctx.shopName} replied` }),
      paragraphs: [data.excerpt.length > 500 ? `${data.excerpt.slice(0, 500)}…` : data.excerpt],
      action: { label: pick(locale, { fr: 'Lire et répondre', en: 'Read and reply' }), url: data.url },
      footnote: shopperFootnote(locale, ctx),
    }),
  }),
};
