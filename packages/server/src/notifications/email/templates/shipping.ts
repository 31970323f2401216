import { defineTemplate, pick, shopperFootnote } from './common.js';

/** Data of the order progress emails. */
export interface OrderProgressData {
  orderNumber: string;
  carrier?: string | null;
  trackingNumber?: string | null;
  trackingUrl?: string | null;
  /** Opens the widget on the order, signed in through a single-use token. */
  url: string;
}

/** Data of the "ready for pickup" email. */
export interface ReadyForPickupData {
  orderNumber: string;
  pickupAddress?: string | null;
  url: string;
}

/** Order shipped, out for delivery, delivered, ready for pickup. */
export const shippingTemplates = {
  order_shipped: defineTemplate<OrderProgressData>({
    essential: true,
    render: (locale, data, ctx) => ({
      subject: pick(locale, { fr: `Votre commande ${data.orderNumber} est en route`, en: `Your order ${data.orderNumber} is on its way` }),
      preheader: pick(locale, { fr: `${ctx.shopName} a expédié votre colis.`, en: `${ctx.shopName} has shipped your parcel.` }),
      heading: pick(locale, { fr: 'Votre colis est en route', en: 'Your parcel is on its way' }),
      paragraphs: [
        pick(locale, {
          fr: `Bonne nouvelle : ${ctx.shopName} a expédié votre commande ${data.orderNumber}.`,
          en: `Good news: ${ctx.shopName} has shipped your order ${data.orderNumber}.`,
        }),
      ],
      details: [
        ...(data.carrier ? [[pick(locale, { fr: 'Transporteur', en: 'Carrier' }), data.carrier] as [string, string]] : []),
        ...(data.trackingNumber ? [[pick(locale, { fr: 'Numéro de suivi', en: 'Tracking number' }), data.trackingNumber] as [string, string]] : []),
      ],
      action: { label: pick(locale, { fr: 'Suivre mon colis', en: 'Track my parcel' }), url: data.url },
      footnote: shopperFootnote(locale, ctx),
    }),
  }),
  order_out_for_delivery: defineTemplate<OrderProgressData>({
    essential: false,
    render: (locale, data, ctx) => ({
      subject: pick(locale, { fr: `Votre commande ${data.orderNumber} arrive aujourd’hui`, en: `Your order ${data.orderNumber} arrives today` }),
      preheader: pick(locale, { fr: 'Le livreur est en route.', en: 'The courier is on the way.' }),
      heading: pick(locale, { fr: 'Livraison aujourd’hui', en: 'Out for delivery' }),
      paragraphs: [
        pick(locale, {
          fr: `Votre commande ${data.orderNumber} est en cours de livraison.`,
          en: `Your order ${data.orderNumber} is out for delivery.`,
        }),
      ],
      action: { label: pick(locale, { fr: 'Suivre mon colis', en: 'Track my parcel' }), url: data.url },
      footnote: shopperFootnote(locale, ctx),
    }),
  }),
  order_delivered: defineTemplate<OrderProgressData>({
    essential: false,
    render: (locale, data, ctx) => ({
      subject: pick(locale, { fr: `Votre commande ${data.orderNumber} a été livrée`, en: `Your order ${data.orderNumber} was delivered` }),
      preheader: pick(locale, { fr: 'Un souci ? Nous sommes là.', en: 'Any problem? We are here.' }),
      heading: pick(locale, { fr: 'Colis livré', en: 'Parcel delivered' }),
      paragraphs: [
        pick(locale, {
          fr: `Votre commande ${data.orderNumber} a été livrée. Si quelque chose ne va pas, vous pouvez demander un retour ou signaler un problème.`,
          en: `Your order ${data.orderNumber} was delivered. If anything is wrong, you can request a return or report a problem.`,
        }),
      ],
      action: { label: pick(locale, { fr: 'Voir ma commande', en: 'View my order' }), url: data.url },
      footnote: shopperFootnote(locale, ctx),
    }),
  }),
  order_ready_for_pickup: defineTemplate<ReadyForPickupData>({
    essential: true,
    render: (locale, data, ctx) => ({
      subject: pick(locale, { fr: `Votre commande ${data.orderNumber} vous attend`, en: `Your order ${data.orderNumber} is ready for pickup` }),
      preheader: pick(locale, { fr: `À retirer chez ${ctx.shopName}.`, en: `Collect it at ${ctx.shopName}.` }),
      heading: pick(locale, { fr: 'Prête à être retirée', en: 'Ready for pickup' }),
      paragraphs: [
        pick(locale, {
          fr: `Votre commande ${data.orderNumber} est prête. Présentez ce message en boutique.`,
          en: `Your order ${data.orderNumber} is ready. Show this message at the shop.`,
        }),
      ],
      details: data.pickupAddress ? [[pick(locale, { fr: 'Adresse', en: 'Address' }), data.pickupAddress]] : [],
      action: { label: pick(locale, { fr: 'Voir ma commande', en: 'View my order' }), url: data.url },
      footnote: shopperFootnote(locale, ctx),
    }),
  }),
};
