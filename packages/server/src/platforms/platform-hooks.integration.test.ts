import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpServer } from '../http/server.js';
import { createShopWithKeys } from '../test/fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { connectPlatform } from './connections.js';
import { base64BodySignature, signPrestaShopBody } from './signatures.js';

const secrets = { woocommerce: 'wc-secret-ünïcode', shopify: 'shpss_0123456789abcdef', prestashop: 'ps-module-secret' } as const;

function fixture(name: string): Buffer {
  return readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url));
}

let app: TestApp;
let http: FastifyInstance;
let shopId: string;

beforeAll(async () => {
  app = await createTestApp({ now: '2026-05-10T12:00:00Z' });
  const { shop } = await createShopWithKeys(app.deps.db, { slug: 'atelier' });
  shopId = shop.id;
  for (const platform of ['woocommerce', 'shopify', 'prestashop'] as const) {
    await connectPlatform(app.deps, { shopId, platform, secret: secrets[platform] });
  }
  await createShopWithKeys(app.deps.db, { slug: 'unconnected' });
  http = await buildHttpServer(app.deps);
});

afterAll(async () => {
  await http?.close();
  await app?.close();
});

function postWoo(body: Buffer, topic = 'order.updated', options: { signature?: string | null; slug?: string } = {}) {
  const signature = options.signature === undefined ? base64BodySignature(secrets.woocommerce, body) : options.signature;
  return http.inject({
    method: 'POST',
    url: `/hooks/woocommerce/${options.slug ?? 'atelier'}`,
    headers: {
      'content-type': 'application/json',
      'x-wc-webhook-topic': topic,
      'x-wc-webhook-source': 'https://boutique.example.fr/',
      ...(signature === null ? {} : { 'x-wc-webhook-signature': signature }),
    },
    payload: body,
  });
}

function postShopify(body: Buffer, topic = 'orders/updated', signature: string | null = base64BodySignature(secrets.shopify, body)) {
  return http.inject({
    method: 'POST',
    url: '/hooks/shopify/atelier',
    headers: {
      'content-type': 'application/json',
      'x-shopify-topic': topic,
      'x-shopify-shop-domain': 'atelier-lumiere.myshopify.com',
      'x-shopify-webhook-id': 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
      ...(signature === null ? {} : { 'x-shopify-hmac-sha256': signature }),
    },
    payload: body,
  });
}

function postPresta(body: Buffer, signature: string | null = signPrestaShopBody(secrets.prestashop, body, Math.floor(app.clock.now().getTime() / 1000))) {
  return http.inject({
    method: 'POST',
    url: '/hooks/prestashop/atelier',
    headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-comptoir-signature': signature }) },
    payload: body,
  });
}

/** Flips one character inside the body, as a tampering proxy would. */
function tamper(body: Buffer): Buffer {
  return Buffer.from(body.toString('utf8').replace('"total": "71.71"', '"total": "1.71"').replace('"total_price": "56.90"', '"total_price": "6.90"').replace('"total_paid_tax_incl": "63.600000"', '"total_paid_tax_incl": "3.600000"'));
}

async function orderOf(externalId: string) {
  return app.deps.db.order.findUnique({
    where: { shopId_externalId: { shopId, externalId } },
    select: {
      number: true,
      status: true,
      fulfilment: true,
      currency: true,
      shippingMinor: true,
      totalMinor: true,
      paymentMethod: true,
      paymentReference: true,
      placedAt: true,
      shippedAt: true,
      deliveredAt: true,
      cancelledAt: true,
      sourceUpdatedAt: true,
      customer: { select: { email: true, name: true } },
      lines: { select: { externalId: true, sku: true, title: true, variant: true, imageUrl: true, quantity: true, unitPriceMinor: true }, orderBy: { position: 'asc' } },
      shipments: { select: { carrier: true, trackingNumber: true, trackingUrl: true, status: true, shippedAt: true } },
    },
  });
}

async function eventCount(): Promise<number> {
  return app.deps.db.event.count({ where: { shopId } });
}

describe('signatures', () => {
  it.each([
    ['WooCommerce', () => postWoo(tamper(fixture('woocommerce-order-processing')), 'order.updated', { signature: base64BodySignature(secrets.woocommerce, fixture('woocommerce-order-processing')) })],
    ['Shopify', () => postShopify(tamper(fixture('shopify-order-create')), 'orders/create', base64BodySignature(secrets.shopify, fixture('shopify-order-create')))],
    ['PrestaShop', () => postPresta(tamper(fixture('prestashop-order-paid')), signPrestaShopBody(secrets.prestashop, fixture('prestashop-order-paid'), Math.floor(app.clock.now().getTime() / 1000)))],
  ])('refuses a tampered %s webhook and writes nothing', async (_platform, send) => {
    const response = await send();
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ ok: false, code: 'WEBHOOK_SIGNATURE_INVALID' });
    expect(await app.deps.db.order.count({ where: { shopId } })).toBe(0);
  });

  it.each([
    ['WooCommerce', () => postWoo(fixture('woocommerce-order-processing'), 'order.updated', { signature: null }), 'X-WC-Webhook-Signature'],
    ['Shopify', () => postShopify(fixture('shopify-order-create'), 'orders/create', null), 'X-Shopify-Hmac-Sha256'],
    ['PrestaShop', () => postPresta(fixture('prestashop-order-paid'), null), 'X-Comptoir-Signature'],
  ])('refuses an unsigned %s webhook', async (_platform, send, header) => {
    const response = await send();
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ ok: false, code: 'WEBHOOK_SIGNATURE_MISSING' });
    expect(response.json().message).toContain(header);
    expect(await app.deps.db.order.count({ where: { shopId } })).toBe(0);
  });

  it('refuses a webhook signed with another secret', async () => {
    const body = fixture('shopify-order-create');
    const response = await postShopify(body, 'orders/create', base64BodySignature('another-shops-secret', body));
    expect(response.json()).toMatchObject({ code: 'WEBHOOK_SIGNATURE_INVALID' });
  });

  it('refuses a PrestaShop webhook replayed outside its time window', async () => {
    const body = fixture('prestashop-order-paid');
    const sixMinutesAgo = Math.floor(app.clock.now().getTime() / 1000) - 360;
    const response = await postPresta(body, signPrestaShopBody(secrets.prestashop, body, sixMinutesAgo));
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'WEBHOOK_TIMESTAMP_EXPIRED' });
  });

  it('refuses a malformed PrestaShop signature header', async () => {
    const response = await postPresta(fixture('prestashop-order-paid'), 'v1=abc');
    expect(response.json()).toMatchObject({ code: 'WEBHOOK_SIGNATURE_INVALID' });
  });

  it('answers an unknown shop and a platform the shop has not connected', async () => {
    const unknown = await postWoo(fixture('woocommerce-order-processing'), 'order.updated', { slug: 'nowhere' });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'SHOP_NOT_FOUND']);
    const unconnected = await postWoo(fixture('woocommerce-order-processing'), 'order.updated', { slug: 'unconnected' });
    expect([unconnected.statusCode, unconnected.json().code]).toEqual([404, 'PLATFORM_NOT_CONNECTED']);
  });

  it('accepts WooCommerce’s unsigned ping when a webhook is saved, without writing', async () => {
    const events = await eventCount();
    const response = await http.inject({
      method: 'POST',
      url: '/hooks/woocommerce/atelier',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'webhook_id=15',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true, status: 'ping' });
    expect(await eventCount()).toBe(events);
  });
});

describe('WooCommerce orders', () => {
  it('maps a processing order: number, customer, lines incl. tax in minor units, unicode kept', async () => {
    const response = await postWoo(fixture('woocommerce-order-processing'), 'order.created');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ ok: true, status: 'applied', outcome: 'created', shipmentsAdded: 0 });
    expect(await orderOf('727')).toEqual({
      number: '727',
      status: 'open',
      fulfilment: 'shipping',
      currency: 'EUR',
      shippingMinor: 588,
      totalMinor: 7171,
      paymentMethod: 'stripe',
      paymentReference: 'pi_3PqRsT2eZvKYlo2C1AbCdEfG',
      placedAt: new Date('2026-05-04T08:22:13Z'),
      shippedAt: null,
      deliveredAt: null,
      cancelledAt: null,
      sourceUpdatedAt: new Date('2026-05-04T08:22:20Z'),
      customer: { email: 'elodie.muller@example.fr', name: 'Élodie Müller' },
      lines: [
        { externalId: '315', sku: 'THE-FONTE', title: 'Théière en fonte 🫖', variant: null, imageUrl: 'https://boutique.example.fr/wp-content/uploads/theiere.jpg', quantity: 2, unitPriceMinor: 2500 },
        { externalId: '316', sku: 'product-22-23', title: '抹茶 Matcha de Uji', variant: 'Poids : 100 g', imageUrl: null, quantity: 1, unitPriceMinor: 1583 },
      ],
      shipments: [],
    });
  });

  it('treats a replay as idempotent', async () => {
    const events = await eventCount();
    const response = await postWoo(fixture('woocommerce-order-processing'), 'order.created');
    expect(response.json()).toMatchObject({ status: 'applied', outcome: 'unchanged' });
    expect(await eventCount()).toBe(events);
  });

  it('applies a completed order as shipped, with its Shipment Tracking parcel', async () => {
    const response = await postWoo(fixture('woocommerce-order-completed'));
    expect(response.json()).toMatchObject({ outcome: 'updated', shipmentsAdded: 1 });
    const order = await orderOf('727');
    expect(order?.shippedAt).toEqual(new Date('2026-05-05T14:00:00Z'));
    expect(order?.shipments).toEqual([
      {
        carrier: 'colissimo',
        trackingNumber: '6A12345678901',
        trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901',
        status: 'label_created',
        shippedAt: new Date('2026-05-05T14:00:00Z'),
      },
    ]);
  });

  it('does not let an older update arriving late overwrite a newer one', async () => {
    const events = await eventCount();
    const response = await postWoo(fixture('woocommerce-order-processing'));
    expect(response.json()).toMatchObject({ status: 'applied', outcome: 'stale' });
    const order = await orderOf('727');
    expect(order?.shippedAt).toEqual(new Date('2026-05-05T14:00:00Z'));
    expect(order?.sourceUpdatedAt).toEqual(new Date('2026-05-05T14:00:00Z'));
    expect(await eventCount()).toBe(events);
  });

  it('maps an order with optional fields missing, cancelled', async () => {
    await postWoo(fixture('woocommerce-order-minimal'), 'order.created');
    expect(await orderOf('731')).toMatchObject({
      number: '731',
      status: 'cancelled',
      totalMinor: 990,
      shippingMinor: 0,
      paymentMethod: null,
      paymentReference: null,
      cancelledAt: new Date('2026-05-06T19:05:00Z'),
      customer: { email: 'soren@example.dk', name: 'Søren' },
      lines: [{ externalId: '330', sku: 'product-140', title: 'Carte cadeau ✨', variant: null, imageUrl: null, quantity: 1, unitPriceMinor: 990 }],
    });
  });

  it('acknowledges order.deleted without changing anything', async () => {
    const body = Buffer.from(JSON.stringify({ id: 727 }));
    const response = await postWoo(body, 'order.deleted');
    expect(response.json()).toMatchObject({ ok: true, status: 'ignored' });
    expect((await orderOf('727'))?.status).toBe('open');
  });

  it('refuses a signed body that is not an order, naming the field', async () => {
    const body = Buffer.from(JSON.stringify({ id: 999, status: 'processing', currency: 'EUR', total: 'douze', date_created_gmt: '2026-05-04T08:22:13', billing: { email: 'a@example.fr' }, line_items: [] }));
    const response = await postWoo(body, 'order.created');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'WEBHOOK_PAYLOAD_INVALID' });
  });
});

describe('Shopify orders', () => {
  it('maps orders/create: name as number, customer, discounted unit prices, shipping', async () => {
    const response = await postShopify(fixture('shopify-order-create'), 'orders/create');
    expect(response.json()).toMatchObject({ outcome: 'created' });
    expect(await orderOf('5829464064183')).toMatchObject({
      number: '#1001',
      status: 'open',
      shippingMinor: 490,
      totalMinor: 5690,
      paymentMethod: 'shopify_payments',
      placedAt: new Date('2026-05-04T08:22:12Z'),
      shippedAt: null,
      customer: { email: 'zoe.lefevre@example.fr', name: 'Zoë Lefèvre' },
      lines: [
        { externalId: '14376839348407', sku: 'BOUGIE-FORET-L', title: 'Bougie parfumée « Forêt »', variant: 'Grand modèle', quantity: 1, unitPriceMinor: 2500 },
        { externalId: '14376839381175', sku: 'variant-44011200954552', title: '明信片 Carte postale 🎴', variant: null, quantity: 3, unitPriceMinor: 900 },
      ],
    });
  });

  it('applies the newer of orders/fulfilled and a late orders/paid, whatever their arrival order', async () => {
    const fulfilled = await postShopify(fixture('shopify-order-fulfilled'), 'orders/fulfilled');
    expect(fulfilled.json()).toMatchObject({ outcome: 'updated', shipmentsAdded: 1 });
    const latePaid = await postShopify(fixture('shopify-order-create'), 'orders/paid');
    expect(latePaid.json()).toMatchObject({ outcome: 'stale' });
    const order = await orderOf('5829464064183');
    expect(order?.shippedAt).toEqual(new Date('2026-05-05T07:00:00Z'));
    expect(order?.shipments).toEqual([
      {
        carrier: 'colissimo',
        trackingNumber: '8R12345678901',
        trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=8R12345678901',
        status: 'label_created',
        shippedAt: new Date('2026-05-05T07:00:00Z'),
      },
    ]);
  });

  it('treats a replayed delivery as idempotent', async () => {
    const events = await eventCount();
    const response = await postShopify(fixture('shopify-order-fulfilled'), 'orders/fulfilled');
    expect(response.json()).toMatchObject({ outcome: 'unchanged', shipmentsAdded: 0 });
    expect(await eventCount()).toBe(events);
    expect(await app.deps.db.shipment.count({ where: { shopId } })).toBe(2);
  });

  it('maps a guest order with optional fields missing, cancelled', async () => {
    await postShopify(fixture('shopify-order-minimal'), 'orders/cancelled');
    expect(await orderOf('5829464097000')).toMatchObject({
      number: '#1002',
      status: 'cancelled',
      shippingMinor: 0,
      totalMinor: 1200,
      paymentMethod: null,
      cancelledAt: new Date('2026-05-06T19:40:00Z'),
      customer: { email: 'kenji@example.jp', name: null },
      lines: [{ externalId: '14376839400001', sku: 'line-14376839400001', title: 'Furoshiki 風呂敷', variant: null, quantity: 1, unitPriceMinor: 1200 }],
    });
  });

  it('acknowledges refunds/create without changing the order', async () => {
    const response = await postShopify(fixture('shopify-refund-create'), 'refunds/create');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ ok: true, status: 'ignored' });
  });
});

describe('PrestaShop orders', () => {
  it('maps the module’s order: reference, shop-time dates to UTC, rows in minor units', async () => {
    const response = await postPresta(fixture('prestashop-order-paid'));
    expect(response.json()).toMatchObject({ outcome: 'created' });
    expect(await orderOf('42')).toMatchObject({
      number: 'XKBKNABJK',
      status: 'open',
      shippingMinor: 700,
      totalMinor: 6360,
      paymentMethod: 'ps_checkpayment',
      placedAt: new Date('2026-05-04T08:22:13Z'),
      sourceUpdatedAt: new Date('2026-05-04T08:25:00Z'),
      shippedAt: null,
      customer: { email: 'gerard.dupre@example.fr', name: 'Gérard Dupré' },
      lines: [
        { externalId: '61', sku: 'demo_1', title: 'T-shirt imprimé colibri - Taille : S - Couleur : Blanc', quantity: 2, unitPriceMinor: 2390 },
        { externalId: '62', sku: 'demo_19', title: 'Mug « Café noir » ☕', quantity: 1, unitPriceMinor: 880 },
      ],
    });
  });

  it('keeps the shipped state when the older “paid” delivery is retried after it', async () => {
    expect((await postPresta(fixture('prestashop-order-shipped'))).json()).toMatchObject({ outcome: 'updated', shipmentsAdded: 1 });
    expect((await postPresta(fixture('prestashop-order-paid'))).json()).toMatchObject({ outcome: 'stale' });
    const order = await orderOf('42');
    expect(order?.shippedAt).toEqual(new Date('2026-05-05T16:00:00Z'));
    expect(order?.shipments).toEqual([
      {
        carrier: 'mondial_relay',
        trackingNumber: '12345678',
        trackingUrl: 'https://www.mondialrelay.fr/suivi-de-colis/?NumeroExpedition=12345678',
        status: 'label_created',
        shippedAt: new Date('2026-05-05T16:00:00Z'),
      },
    ]);
  });

  it('maps a minimal order in the shop’s time zone, cancelled by its default state', async () => {
    await postPresta(fixture('prestashop-order-minimal'));
    expect(await orderOf('43')).toMatchObject({
      number: 'QWERTYUIO',
      status: 'cancelled',
      totalMinor: 1550,
      shippingMinor: 0,
      placedAt: new Date('2026-01-15T22:30:00Z'),
      customer: { email: 'ana@example.pt', name: null },
      lines: [{ externalId: '27-0', sku: 'product-27-0', title: 'Azulejo «Lisboa» 🇵🇹', quantity: 1, unitPriceMinor: 1550 }],
    });
  });
});

describe('raw bodies', () => {
  it('keeps JSON parsing as it was for routes outside /hooks', async () => {
    const response = await http.inject({
      method: 'POST',
      url: '/trpc/sessions.widget.signIn',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ orderNumber: '1', email: 'a@example.fr' }),
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.data.comptoirCode).toBe('MISSING_API_KEY');
  });
});
