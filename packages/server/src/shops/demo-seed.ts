import { orderUpsertInput, origin as originSchema, shipmentInput, type OrderUpsertInput } from '@comptoir/protocol';
import type { Actor } from '../core/actor.js';
import type { Deps } from '../core/deps.js';
import { ApiKeyKind } from '../auth/api-keys.js';
import { upsertOrder, type UpsertOutcome } from '../orders/upsert-order.js';
import { addShipment } from '../orders/service.js';
import { createStaffUser } from '../staff/service.js';
import { createSavedReply } from '../saved-replies/service.js';
import { createShop, rotateKey, updateAllowedOrigins } from './service.js';

/** The demo shop's identifier. */
export const demoShopSlug = 'demo';

/** The demo owner's credentials, for the admin. */
export const demoOwner = { email: 'owner@demo.comptoir.test', password: 'demo-demo-demo', name: 'Sophie Lambert' } as const;

const seedActor: Actor = { type: 'system', id: null };

const hour = 60 * 60_000;

interface DemoProduct {
  sku: string;
  title: string;
  variant?: string;
  image: string;
  unitPriceMinor: number;
  /** The product's other variants, sent with each order line so the shopper can ask for one in exchange. */
  exchangeOptions?: Array<{ sku: string; label: string }>;
}

const products = {
  bougie: { sku: 'BOU-FIG', title: 'Bougie parfumée Figuier', variant: '180 g', image: 'bougie-figuier', unitPriceMinor: 2490 },
  carnet: { sku: 'CAR-LIN-A5', title: 'Carnet en lin, A5', variant: 'Vert sauge', image: 'carnet-lin', unitPriceMinor: 1450 },
  tasse: {
    sku: 'TAS-GRES',
    title: 'Tasse en grès émaillé',
    variant: 'Bleu nuit',
    image: 'tasse-gres',
    unitPriceMinor: 1890,
    exchangeOptions: [{ sku: 'TAS-GRES-VS', label: 'Vert sauge' }, { sku: 'TAS-GRES-BC', label: 'Blanc cassé' }],
  },
  savon: { sku: 'SAV-MRS', title: 'Savon de Marseille à l’huile d’olive', image: 'savon-marseille', unitPriceMinor: 650 },
  plaid: { sku: 'PLA-MER', title: 'Plaid en laine mérinos', variant: 'Écru', image: 'plaid-merinos', unitPriceMinor: 8900 },
  affiche: {
    sku: 'AFF-RD-50',
    title: 'Affiche « Paris, rive droite »',
    variant: '50 × 70 cm',
    image: 'affiche-paris',
    unitPriceMinor: 3500,
    exchangeOptions: [{ sku: 'AFF-RD-30', label: '30 × 40 cm' }, { sku: 'AFF-RD-70', label: '70 × 100 cm' }],
  },
  tote: { sku: 'TOT-BIO', title: 'Tote bag en coton bio', image: 'tote-bag', unitPriceMinor: 1900 },
  theiere: { sku: 'THE-FON', title: 'Théière en fonte', variant: '0,8 L', image: 'theiere-fonte', unitPriceMinor: 5400, exchangeOptions: [{ sku: 'THE-FON-12', label: '1,2 L' }] },
  the: { sku: 'THE-JAS', title: 'Coffret thé vert au jasmin', image: 'the-jasmin', unitPriceMinor: 2200 },
  vase: { sku: 'VAS-CER-B', title: 'Vase en céramique', variant: 'Bleu', image: 'vase-bleu', unitPriceMinor: 4200 },
  porteCles: { sku: 'PCL-CUIR', title: 'Porte-clés en cuir', variant: 'Cognac', image: 'porte-cles', unitPriceMinor: 1200 },
  diffuseur: { sku: 'DIF-BOIS', title: 'Diffuseur bois et verre', image: 'diffuseur', unitPriceMinor: 3200 },
} satisfies Record<string, DemoProduct>;

const customers = {
  camille: { email: 'camille.durand@example.fr', name: 'Camille Durand' },
  lucas: { email: 'lucas.martin@example.fr', name: 'Lucas Martin' },
  chloe: { email: 'chloe.bernard@example.fr', name: 'Chloé Bernard' },
  hugo: { email: 'hugo.petit@example.fr', name: 'Hugo Petit' },
  lea: { email: 'lea.moreau@example.fr', name: 'Léa Moreau' },
  nathan: { email: 'nathan.lefebvre@example.fr', name: 'Nathan Lefebvre' },
  manon: { email: 'manon.garcia@example.fr', name: 'Manon Garcia' },
  jules: { email: 'jules.roux@example.fr', name: 'Jules Roux' },
} as const;

type Scan = 'label_created' | 'in_transit' | 'out_for_delivery' | 'delivered';

const scanText: Record<Scan, { description: string; location: string }> = {
  label_created: {
    description: 'Votre colis est prêt à être expédié, il attend d’être remis à La Poste.',
    location: 'Paris 3e',
  },
  in_transit: { description: 'Votre colis est en cours d’acheminement.', location: 'Plateforme Colis Paris Nord' },
  out_for_delivery: { description: 'Votre colis est en cours de livraison.', location: 'Site de distribution' },
  delivered: { description: 'Votre colis est livré.', location: 'Boîte aux lettres' },
};

/** One demo order, its dates in hours before the seed's reference time. */
interface DemoOrder {
  number: string;
  customer: keyof typeof customers;
  fulfilment: 'shipping' | 'pickup';
  lines: Array<{ product: keyof typeof products; quantity: number }>;
  placedHoursAgo: number;
  readyHoursAgo?: number;
  pickedUpHoursAgo?: number;
  cancelledHoursAgo?: number;
  promisedInHours?: number;
  /** Colissimo parcel: its number and scans, in hours before the reference time. */
  parcel?: { trackingNumber: string; scans: Array<[Scan, number]> };
  /** What the demo shows with this order, printed for people trying it. */
  shows: string;
}

const demoOrders: DemoOrder[] = [
  {
    number: '1001',
    customer: 'camille',
    fulfilment: 'shipping',
    lines: [{ product: 'plaid', quantity: 1 }, { product: 'bougie', quantity: 2 }],
    placedHoursAgo: 44 * 24,
    parcel: {
      trackingNumber: '6A20145789301',
      scans: [['label_created', 43 * 24 + 6], ['in_transit', 43 * 24 - 4], ['out_for_delivery', 40 * 24 + 5], ['delivered', 40 * 24]],
    },
    shows: 'delivered 40 days ago (return window closed)',
  },
  {
    number: '1002',
    customer: 'lucas',
    fulfilment: 'shipping',
    lines: [{ product: 'theiere', quantity: 1 }, { product: 'the', quantity: 1 }],
    placedHoursAgo: 6 * 24,
    parcel: {
      trackingNumber: '6A20145789318',
      scans: [['label_created', 5 * 24 + 3], ['in_transit', 5 * 24 - 6], ['out_for_delivery', 3 * 24 + 4], ['delivered', 3 * 24]],
    },
    shows: 'delivered 3 days ago',
  },
  {
    number: '1003',
    customer: 'chloe',
    fulfilment: 'pickup',
    lines: [{ product: 'vase', quantity: 1 }],
    placedHoursAgo: 12 * 24,
    readyHoursAgo: 11 * 24,
    pickedUpHoursAgo: 9 * 24,
    shows: 'click and collect, picked up',
  },
  {
    number: '1004',
    customer: 'hugo',
    fulfilment: 'shipping',
    lines: [{ product: 'affiche', quantity: 2 }],
    placedHoursAgo: 8 * 24,
    cancelledHoursAgo: 7 * 24 + 20,
    shows: 'cancelled',
  },
  {
    number: '1005',
    customer: 'lea',
    fulfilment: 'shipping',
    lines: [{ product: 'tasse', quantity: 4 }, { product: 'savon', quantity: 3 }, { product: 'tote', quantity: 1 }],
    placedHoursAgo: 5 * 24,
    parcel: {
      trackingNumber: '6A20145789325',
      scans: [['label_created', 4 * 24 + 2], ['in_transit', 4 * 24 - 8], ['out_for_delivery', 2 * 24 + 6], ['delivered', 2 * 24 + 1]],
    },
    shows: 'delivered 2 days ago, several lines',
  },
  {
    number: '1006',
    customer: 'camille',
    fulfilment: 'shipping',
    lines: [{ product: 'diffuseur', quantity: 1 }],
    placedHoursAgo: 3 * 24,
    promisedInHours: 2 * 24,
    parcel: { trackingNumber: '6A20145789332', scans: [['label_created', 2 * 24 + 5], ['in_transit', 24 + 8]] },
    shows: 'shipped, in transit',
  },
  {
    number: '1007',
    customer: 'nathan',
    fulfilment: 'shipping',
    lines: [{ product: 'carnet', quantity: 3 }, { product: 'porteCles', quantity: 1 }],
    placedHoursAgo: 4 * 24,
    promisedInHours: 8,
    parcel: {
      trackingNumber: '6A20145789349',
      scans: [['label_created', 3 * 24 + 2], ['in_transit', 2 * 24], ['out_for_delivery', 3]],
    },
    shows: 'out for delivery today',
  },
  {
    number: '1008',
    customer: 'manon',
    fulfilment: 'pickup',
    lines: [{ product: 'bougie', quantity: 1 }, { product: 'the', quantity: 2 }],
    placedHoursAgo: 2 * 24,
    readyHoursAgo: 20,
    shows: 'click and collect, ready for pickup',
  },
  {
    number: '1009',
    customer: 'jules',
    fulfilment: 'shipping',
    lines: [{ product: 'plaid', quantity: 1 }],
    placedHoursAgo: 2 * 24,
    promisedInHours: 3 * 24,
    parcel: { trackingNumber: '6A20145789356', scans: [['label_created', 18]] },
    shows: 'shipped, label created',
  },
  {
    number: '1010',
    customer: 'camille',
    fulfilment: 'shipping',
    lines: [{ product: 'tasse', quantity: 2 }, { product: 'carnet', quantity: 1 }],
    placedHoursAgo: 2,
    promisedInHours: 4 * 24,
    shows: 'just placed',
  },
  {
    number: '1011',
    customer: 'lucas',
    fulfilment: 'pickup',
    lines: [{ product: 'savon', quantity: 6 }],
    placedHoursAgo: 5,
    shows: 'click and collect, just placed',
  },
  {
    number: '1012',
    customer: 'chloe',
    fulfilment: 'shipping',
    lines: [{ product: 'affiche', quantity: 1 }, { product: 'tote', quantity: 2 }],
    placedHoursAgo: 22 * 24,
    parcel: {
      trackingNumber: '6A20145789363',
      scans: [['label_created', 21 * 24 + 3], ['in_transit', 21 * 24 - 9], ['out_for_delivery', 20 * 24 + 5], ['delivered', 20 * 24]],
    },
    shows: 'delivered 20 days ago',
  },
];

const shippingMinor = 490;

function buildOrder(order: DemoOrder, options: { reference: Date; imageBase: string }): OrderUpsertInput {
  const at = (hoursAgo: number | undefined): string | undefined =>
    hoursAgo === undefined ? undefined : new Date(options.reference.getTime() - hoursAgo * hour).toISOString();
  const scanHours = (scan: Scan) => order.parcel?.scans.find(([status]) => status === scan)?.[1];
  const customer = customers[order.customer];
  return {
    externalId: `demo-${order.number}`,
    number: order.number,
    customer: { email: customer.email, name: customer.name, locale: 'fr' },
    currency: 'EUR',
    fulfilment: order.fulfilment,
    lines: order.lines.map(({ product, quantity }) => {
      const item: DemoProduct = products[product];
      return {
        sku: item.sku,
        title: item.title,
        ...(item.variant ? { variant: item.variant } : {}),
        imageUrl: `${options.imageBase}/${item.image}.svg`,
        quantity,
        unitPriceMinor: item.unitPriceMinor,
        ...(item.exchangeOptions ? { exchangeOptions: item.exchangeOptions } : {}),
      };
    }),
    shippingMinor: order.fulfilment === 'shipping' ? shippingMinor : 0,
    paymentMethod: 'card',
    paymentReference: `demo_pay_${order.number}`,
    placedAt: at(order.placedHoursAgo) ?? options.reference.toISOString(),
    shippedAt: at(scanHours('label_created')),
    deliveredAt: at(scanHours('delivered')),
    readyForPickupAt: at(order.readyHoursAgo),
    pickedUpAt: at(order.pickedUpHoursAgo),
    cancelledAt: at(order.cancelledHoursAgo),
    promisedDeliveryBy:
      order.promisedInHours === undefined ? undefined : new Date(options.reference.getTime() + order.promisedInHours * hour).toISOString(),
  };
}

/** The demo's saved replies, two per language, using the variables staff can insert. */
export const demoSavedReplies = [
  {
    title: 'Colis en route',
    locale: 'fr',
    body: 'Bonjour {{customer.name}},\n\nVotre commande {{order.number}} est en route : vous pouvez suivre le colis depuis votre espace. Nous restons à votre disposition (référence {{case.reference}}).\n\n{{staff.name}}, {{shop.name}}',
  },
  {
    title: 'Remboursement effectué',
    locale: 'fr',
    body: 'Bonjour {{customer.name}},\n\nNous avons bien reçu votre retour et le remboursement de la commande {{order.number}} est parti. Il apparaît sous quelques jours selon votre banque.\n\n{{staff.name}}, {{shop.name}}',
  },
  {
    title: 'Parcel on its way',
    locale: 'en',
    body: 'Hello {{customer.name}},\n\nYour order {{order.number}} is on its way: you can follow the parcel from your account. We are here if you need us (reference {{case.reference}}).\n\n{{staff.name}}, {{shop.name}}',
  },
  {
    title: 'Refund sent',
    locale: 'en',
    body: 'Hello {{customer.name}},\n\nWe received your return and the refund for order {{order.number}} is on its way. Your bank may take a few days to show it.\n\n{{staff.name}}, {{shop.name}}',
  },
] as const satisfies ReadonlyArray<{ title: string; locale: 'fr' | 'en'; body: string }>;

/** What seeding did, to print. */
export interface DemoSeedResult {
  shop: { id: string; slug: string; name: string; allowedOrigins: string[] };
  /** True on the first run; later runs reuse the shop. */
  isNewShop: boolean;
  /** The time order dates count back from: when the demo shop was first seeded. */
  referenceAt: Date;
  /** A working publishable key (issued on every run: the previous one is revoked). */
  publishableKey: string;
  /** The secret key, on the first run only; later: `comptoir key rotate --shop demo --kind secret`. */
  secretKey: string | null;
  orders: Array<{ number: string; email: string; shows: string; outcome: UpsertOutcome }>;
  owner: { email: string; password: string; isNew: boolean };
}

/**
 * Seeds the demo shop "La Boutique du Marais" (slug `demo`) with a dozen French orders in every
 * state, Colissimo scans included, and an owner for the admin. Idempotent:
 * - the shop is created once; later runs reuse it and add `origin` to its allowed origins;
 * - order dates are counted back from the shop's creation time (not from now), so the payloads of a
 *   second run are identical and every order comes back `unchanged`, and no scan is stored twice;
 * - only hashes of keys are stored, so each run rotates the publishable key (the previous one is
 *   revoked) to print one that works; the secret key is printed on the first run only.
 */
export async function seedDemoShop(deps: Deps, input: { origin?: string } = {}): Promise<DemoSeedResult> {
  const origin = originSchema.parse(input.origin ?? 'http://localhost:3000');
  const existing = await deps.db.shop.findUnique({
    where: { slug: demoShopSlug },
    select: { id: true, slug: true, name: true, allowedOrigins: true, createdAt: true },
  });

  let shop: DemoSeedResult['shop'];
  let reference: Date;
  let publishableKey: string;
  let secretKey: string | null = null;
  if (existing) {
    shop = existing;
    reference = existing.createdAt;
    if (!existing.allowedOrigins.includes(origin)) {
      shop = await updateAllowedOrigins(deps, { shopId: existing.id, origins: [...existing.allowedOrigins, origin], actor: seedActor });
    }
    publishableKey = (await rotateKey(deps, { shopId: existing.id, kind: ApiKeyKind.publishable, actor: seedActor })).plaintext;
  } else {
    const created = await createShop(
      deps,
      { name: 'La Boutique du Marais', slug: demoShopSlug, origins: [origin], locale: 'fr', currency: 'EUR', timeZone: 'Europe/Paris', country: 'FR' },
      seedActor,
    );
    // The demo's looks, set once at creation: a later run leaves what the owner changed since.
    await deps.db.shop.update({ where: { id: created.shop.id }, data: { brandColor: '#1f4e5f' }, select: { id: true } });
    shop = created.shop;
    reference = created.shop.createdAt;
    publishableKey = created.publishableKey.plaintext;
    secretKey = created.secretKey.plaintext;
  }

  const imageBase = `${origin}/demo/img`;
  const orders: DemoSeedResult['orders'] = [];
  for (const demo of demoOrders) {
    const order = orderUpsertInput.parse(buildOrder(demo, { reference, imageBase }));
    const { outcome } = await upsertOrder(deps, { shopId: shop.id, order, actor: seedActor });
    if (demo.parcel) {
      const scans = demo.parcel.scans.map(([status, hoursAgo]) => ({
        status,
        occurredAt: new Date(reference.getTime() - hoursAgo * hour).toISOString(),
        ...scanText[status],
      }));
      await addShipment(deps, {
        shopId: shop.id,
        shipment: shipmentInput.parse({
          orderExternalId: order.externalId,
          carrier: 'colissimo',
          trackingNumber: demo.parcel.trackingNumber,
          trackingUrl: `https://www.laposte.fr/outils/suivre-vos-envois?code=${demo.parcel.trackingNumber}`,
          shippedAt: scans[0]?.occurredAt,
          ...(demo.promisedInHours === undefined
            ? {}
            : { promisedBy: new Date(reference.getTime() + demo.promisedInHours * hour).toISOString() }),
          events: scans,
        }),
        actor: seedActor,
      });
    }
    orders.push({ number: demo.number, email: customers[demo.customer].email, shows: demo.shows, outcome });
  }

  const ownerExists = await deps.db.staffMembership.findFirst({
    where: { shopId: shop.id, staffUser: { email: demoOwner.email } },
    select: { id: true },
  });
  if (!ownerExists) {
    await createStaffUser(deps, { ...demoOwner, shopId: shop.id, role: 'owner', actor: seedActor });
  }

  // Saved replies for the ticket and claim screens, matched by title and language so a second run
  // leaves the ones the owner edited as they are.
  for (const reply of demoSavedReplies) {
    const exists = await deps.db.savedReply.findFirst({ where: { shopId: shop.id, title: reply.title, locale: reply.locale }, select: { id: true } });
    if (!exists) await createSavedReply(deps, { ...reply, shopId: shop.id, actor: seedActor });
  }

  return {
    shop: { id: shop.id, slug: shop.slug, name: shop.name, allowedOrigins: shop.allowedOrigins },
    isNewShop: !existing,
    referenceAt: reference,
    publishableKey,
    secretKey,
    orders,
    owner: { email: demoOwner.email, password: demoOwner.password, isNew: !ownerExists },
  };
}

