import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { backendHeaders, createShopWithKeys, type ShopWithKeys } from '../test/fixtures.js';
import { testDatabaseKind } from '../test/test-database.js';
import { periodicTasks } from '../jobs/periodic-tasks.js';
import type { CarrierApiSettings } from './carrier-apis.js';
import { connectCarrier, listCarrierConnections } from './carrier-connections.js';
import { pollCarrierTracking } from './poll-carrier-tracking.js';

/**
 * A local server that answers like La Poste's "Suivi v2" API (GET /suivi/v2/idships/{id} with the
 * X-Okapi-Key header, events newest first), as la-poste-adapter.test.ts uses it. Parcels' scans can
 * be added between polls, as a carrier's would.
 */
interface LaPosteEvent {
  code: string;
  label: string;
  date: string;
}
const validKeys = new Set(['okapi-epicerie-0000000001', 'okapi-quincaillerie-00002', 'okapi-droguerie-nouvelle-3']);
const parcels = new Map<string, { events: LaPosteEvent[]; estimDate?: string }>();
/** Numbers the server never answers (a carrier that hangs). */
const hanging = new Set<string>();
const requests: Array<{ id: string; key: string }> = [];
const open = new Set<ServerResponse>();

function answer(req: IncomingMessage, res: ServerResponse): void {
  const key = typeof req.headers['x-okapi-key'] === 'string' ? req.headers['x-okapi-key'] : '';
  const id = decodeURIComponent(/^\/suivi\/v2\/idships\/([^/?]+)/.exec(req.url ?? '')?.[1] ?? '');
  requests.push({ id, key });
  const send = (status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  if (!validKeys.has(key)) return send(401, { code: 'UNAUTHORIZED', message: 'Invalid apikey' });
  if (hanging.has(id)) {
    open.add(res);
    return;
  }
  const parcel = parcels.get(id);
  if (!parcel) return send(404, { returnCode: 404, returnMessage: 'Numéro de suivi inconnu', idShip: id });
  const event = [...parcel.events].reverse().map((scan, index) => ({ order: parcel.events.length - index, ...scan }));
  send(200, { lang: 'fr_FR', returnCode: 200, shipment: { idShip: id, product: 'colissimo', ...(parcel.estimDate ? { estimDate: parcel.estimDate } : {}), event, timeline: [] } });
}

const asked = (id: string) => requests.filter((request) => request.id === id).length;

describe(`polling La Poste for the shops' parcels on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let server: Server;
  let settings: CarrierApiSettings;
  let epicerie: ShopWithKeys;
  let count = 0;

  /** An order of the shop, shipped with one parcel on 5 May 2026 (or `shippedAt`), through the back-end API. */
  async function shipParcel(shop: ShopWithKeys, parcel: { carrier: string; trackingNumber: string; shippedAt?: string }) {
    count += 1;
    const backend = app.caller({ headers: backendHeaders(shop.secretKey) });
    const externalId = `poll-${count}`;
    const { orderId } = await backend.orders.backend.upsert({
      externalId,
      number: `P-${count}`,
      customer: { email: `client${count}@example.fr`, name: `Client ${count}` },
      currency: 'EUR',
      lines: [{ sku: 'SAV', title: 'Savon', quantity: 1, unitPriceMinor: 650 }],
      placedAt: '2026-05-04T09:00:00Z',
    });
    await backend.orders.backend.addShipment({ orderExternalId: externalId, shippedAt: parcel.shippedAt ?? '2026-05-05T08:00:00Z', ...parcel });
    const shipment = await app.deps.db.shipment.findFirstOrThrow({ where: { orderId }, select: { id: true } });
    return { orderId, externalId, shipmentId: shipment.id };
  }

  const poll = () => pollCarrierTracking(app.deps, app.clock.now(), { settings });
  const shipmentOf = (id: string) =>
    app.deps.db.shipment.findUniqueOrThrow({
      where: { id },
      select: {
        status: true,
        estimatedAt: true,
        deliveredAt: true,
        carrierPolledAt: true,
        carrierPollError: true,
        events: { select: { occurredAt: true, status: true, description: true }, orderBy: { occurredAt: 'asc' } },
      },
    });
  const connectionOf = (shop: ShopWithKeys) =>
    app.deps.db.carrierConnection.findFirstOrThrow({
      where: { shopId: shop.shop.id },
      select: { lastPolledAt: true, lastError: true, credentialsRejectedAt: true },
    });

  beforeAll(async () => {
    server = createServer(answer);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    settings = { laPosteBaseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, timeoutMs: 1_000 };
    app = await createTestApp({ now: '2026-05-06T06:00:00Z' });
    epicerie = await createShopWithKeys(app.deps.db, { slug: 'epicerie' });
    await connectCarrier(app.deps, { shopId: epicerie.shop.id, carrier: 'colissimo', apiKey: 'okapi-epicerie-0000000001' });
  });

  afterAll(async () => {
    await app?.close();
    for (const res of open) res.destroy();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('runs as a periodic task, every 10 minutes', () => {
    expect(periodicTasks.find((task) => task.name === 'carriers-poll-tracking')).toMatchObject({ cron: '*/10 * * * *' });
  });

  it('stores the scans of a parcel in transit, then delivers it and its order, and asks no more', async () => {
    app.clock.set('2026-05-06T06:00:00Z');
    const parcel = await shipParcel(epicerie, { carrier: 'colissimo', trackingNumber: '6A10000000001' });
    parcels.set('6A10000000001', {
      estimDate: '2026-05-07T00:00:00+02:00',
      events: [
        { code: 'PC1', label: 'Votre colis a été pris en charge par La Poste.', date: '2026-05-05T18:15:00+02:00' },
        { code: 'ET1', label: 'Votre colis est en cours d’acheminement.', date: '2026-05-05T23:00:00+02:00' },
      ],
    });

    const first = await poll();
    expect(first).toMatchObject({ eventsAdded: 2, failures: [] });
    expect(await shipmentOf(parcel.shipmentId)).toMatchObject({
      status: 'in_transit',
      // La Poste's announced date replaces the transit-time estimate.
      estimatedAt: new Date('2026-05-06T22:00:00Z'),
      deliveredAt: null,
      carrierPolledAt: new Date('2026-05-06T06:00:00Z'),
      events: [
        { occurredAt: new Date('2026-05-05T16:15:00Z'), status: 'in_transit', description: 'Votre colis a été pris en charge par La Poste.' },
        { occurredAt: new Date('2026-05-05T21:00:00Z'), status: 'in_transit', description: 'Votre colis est en cours d’acheminement.' },
      ],
    });
    const changes = await app.deps.db.event.findMany({
      where: { subjectId: parcel.shipmentId, type: { in: ['shipment.status_changed', 'shipment.estimate_changed'] } },
      select: { type: true, fromStatus: true, toStatus: true, actorType: true, actorId: true },
      orderBy: { id: 'asc' },
    });
    expect(changes).toEqual([
      { type: 'shipment.estimate_changed', fromStatus: null, toStatus: null, actorType: 'system', actorId: 'carrier:colissimo' },
      { type: 'shipment.status_changed', fromStatus: 'label_created', toStatus: 'in_transit', actorType: 'system', actorId: 'carrier:colissimo' },
    ]);
    expect(await connectionOf(epicerie)).toMatchObject({ lastPolledAt: new Date('2026-05-06T06:00:00Z'), lastError: null });

    // The parcel is delivered during the day; the next poll an hour later finds it.
    parcels.get('6A10000000001')!.events.push(
      { code: 'MD2', label: 'Votre colis est en cours de livraison.', date: '2026-05-06T07:40:00+02:00' },
      { code: 'DI1', label: 'Votre colis est livré.', date: '2026-05-06T11:02:00+02:00' },
    );
    app.clock.set('2026-05-06T10:00:00Z');
    expect(await poll()).toMatchObject({ eventsAdded: 2 });
    expect(await shipmentOf(parcel.shipmentId)).toMatchObject({ status: 'delivered', deliveredAt: new Date('2026-05-06T09:02:00Z') });
    const order = await app.deps.db.order.findUniqueOrThrow({ where: { id: parcel.orderId }, select: { deliveredAt: true } });
    expect(order.deliveredAt).toEqual(new Date('2026-05-06T09:02:00Z'));
    expect(await app.deps.db.event.count({ where: { subjectId: parcel.orderId, type: 'order.delivered', reason: 'tracking.delivered' } })).toBe(1);

    // Delivered: never asked again.
    const before = asked('6A10000000001');
    app.clock.set('2026-05-07T10:00:00Z');
    await poll();
    expect(asked('6A10000000001')).toBe(before);
  });

  it('stores nothing twice, and asks a parcel again only once the interval has passed', async () => {
    app.clock.set('2026-05-08T06:00:00Z');
    const parcel = await shipParcel(epicerie, { carrier: 'colissimo', trackingNumber: '6A10000000002' });
    parcels.set('6A10000000002', {
      events: [
        { code: 'PC1', label: 'Pris en charge', date: '2026-05-05T18:15:00+02:00' },
        { code: 'MD2', label: 'En cours de livraison', date: '2026-05-08T07:00:00+02:00' },
      ],
    });
    await poll();
    const stored = await shipmentOf(parcel.shipmentId);
    expect(stored.status).toBe('out_for_delivery');
    const eventsBefore = await app.deps.db.event.count({ where: { subjectId: { in: [parcel.shipmentId, parcel.orderId] } } });
    const outboxBefore = await app.deps.db.outboxMessage.count({ where: { shopId: epicerie.shop.id } });

    // Ten minutes later: not due, not asked.
    app.clock.set('2026-05-08T06:10:00Z');
    const askedBefore = asked('6A10000000002');
    await poll();
    expect(asked('6A10000000002')).toBe(askedBefore);

    // An hour later: asked again, the same scans come back, nothing is added.
    app.clock.set('2026-05-08T07:01:00Z');
    const again = await poll();
    expect(asked('6A10000000002')).toBe(askedBefore + 1);
    expect(again.eventsAdded).toBe(0);
    expect((await shipmentOf(parcel.shipmentId)).events).toEqual(stored.events);
    expect(await app.deps.db.event.count({ where: { subjectId: { in: [parcel.shipmentId, parcel.orderId] } } })).toBe(eventsBefore);
    // The "out for delivery" email went once.
    expect(await app.deps.db.outboxMessage.count({ where: { shopId: epicerie.shop.id } })).toBe(outboxBefore);
  });

  it('asks each parcel once when two instances run the task at the same time', async () => {
    app.clock.set('2026-05-09T06:00:00Z');
    const numbers = ['6A10000000003', '6A10000000004', '6A10000000005'];
    const shipped = [];
    for (const number of numbers) {
      shipped.push(await shipParcel(epicerie, { carrier: 'colissimo', trackingNumber: number }));
      parcels.set(number, { events: [{ code: 'PC1', label: 'Pris en charge', date: '2026-05-08T18:15:00+02:00' }] });
    }
    const [one, two] = await Promise.all([poll(), poll()]);
    for (const number of numbers) expect(asked(number), number).toBe(1);
    expect(one!.eventsAdded + two!.eventsAdded).toBe(3);
    for (const parcel of shipped) expect((await shipmentOf(parcel.shipmentId)).events).toHaveLength(1);
  });

  it('notes a number the carrier does not know on the parcel, and goes on with the others', async () => {
    app.clock.set('2026-05-10T06:00:00Z');
    const unknown = await shipParcel(epicerie, { carrier: 'colissimo', trackingNumber: '6A10000000006' });
    const known = await shipParcel(epicerie, { carrier: 'colissimo', trackingNumber: '6A10000000007' });
    parcels.set('6A10000000007', { events: [{ code: 'PC1', label: 'Pris en charge', date: '2026-05-09T18:15:00+02:00' }] });
    const summary = await poll();
    expect(summary).toMatchObject({ unknownParcels: 1, failures: [] });
    expect(await shipmentOf(unknown.shipmentId)).toMatchObject({ status: 'label_created', carrierPollError: 'TRACKING_NUMBER_UNKNOWN', events: [] });
    expect((await shipmentOf(known.shipmentId)).status).toBe('in_transit');
    expect((await connectionOf(epicerie)).lastError).toBeNull();
    expect((await listCarrierConnections(app.deps, { shopId: epicerie.shop.id }))[0]).toMatchObject({ unknownParcels: 1, lastError: null });

    // Once La Poste knows the parcel, the note goes.
    parcels.set('6A10000000006', { events: [{ code: 'PC1', label: 'Pris en charge', date: '2026-05-10T09:00:00+02:00' }] });
    app.clock.set('2026-05-10T07:01:00Z');
    await poll();
    expect(await shipmentOf(unknown.shipmentId)).toMatchObject({ status: 'in_transit', carrierPollError: null });
  });

  it('records refused credentials, stops polling that shop until a new key is saved, and polls the other shops', async () => {
    app.clock.set('2026-05-11T06:00:00Z');
    const droguerie = await createShopWithKeys(app.deps.db, { slug: 'droguerie' });
    await connectCarrier(app.deps, { shopId: droguerie.shop.id, carrier: 'colissimo', apiKey: 'okapi-droguerie-perimee-9' });
    const refused = await shipParcel(droguerie, { carrier: 'colissimo', trackingNumber: '6A20000000001' });
    const fine = await shipParcel(epicerie, { carrier: 'colissimo', trackingNumber: '6A10000000008' });
    parcels.set('6A20000000001', { events: [{ code: 'PC1', label: 'Pris en charge', date: '2026-05-10T18:15:00+02:00' }] });
    parcels.set('6A10000000008', { events: [{ code: 'PC1', label: 'Pris en charge', date: '2026-05-10T18:15:00+02:00' }] });

    const summary = await poll();
    expect(summary.failures).toEqual([{ shopId: droguerie.shop.id, carrier: 'colissimo', code: 'CARRIER_CREDENTIALS_INVALID' }]);
    expect(await connectionOf(droguerie)).toEqual({
      lastPolledAt: new Date('2026-05-11T06:00:00Z'),
      lastError: 'CARRIER_CREDENTIALS_INVALID',
      credentialsRejectedAt: new Date('2026-05-11T06:00:00Z'),
    });
    expect((await shipmentOf(refused.shipmentId)).events).toEqual([]);
    expect((await shipmentOf(fine.shipmentId)).status).toBe('in_transit');
    const rejected = await app.deps.db.event.findMany({ where: { shopId: droguerie.shop.id, type: 'carriers.credentials_rejected' }, select: { data: true } });
    expect(rejected).toEqual([{ data: { carrier: 'colissimo', apiKeyLast4: 'ee-9' } }]);
    expect(JSON.stringify(rejected)).not.toContain('okapi-droguerie-perimee-9');
    expect((await listCarrierConnections(app.deps, { shopId: droguerie.shop.id }))[0]).toMatchObject({ isPaused: true, lastError: 'CARRIER_CREDENTIALS_INVALID' });

    // Paused: the refused key is not tried again, however long it waits.
    app.clock.set('2026-05-12T06:00:00Z');
    const triesBefore = requests.filter((request) => request.key === 'okapi-droguerie-perimee-9').length;
    await poll();
    expect(requests.filter((request) => request.key === 'okapi-droguerie-perimee-9').length).toBe(triesBefore);

    // A new key lifts the pause.
    await connectCarrier(app.deps, { shopId: droguerie.shop.id, carrier: 'colissimo', apiKey: 'okapi-droguerie-nouvelle-3' });
    expect(await poll()).toMatchObject({ failures: [] });
    expect(await connectionOf(droguerie)).toMatchObject({ lastError: null, credentialsRejectedAt: null });
    expect((await shipmentOf(refused.shipmentId)).status).toBe('in_transit');
  });

  it('leaves alone the parcels of shops without a connection, of other carriers, returned, or shipped long ago', async () => {
    app.clock.set('2026-05-13T06:00:00Z');
    const voisine = await createShopWithKeys(app.deps.db, { slug: 'voisine' });
    const elsewhere = await shipParcel(voisine, { carrier: 'colissimo', trackingNumber: '6A30000000001' });
    const dpd = await shipParcel(epicerie, { carrier: 'dpd', trackingNumber: '6A30000000002' });
    const old = await shipParcel(epicerie, { carrier: 'colissimo', trackingNumber: '6A30000000003', shippedAt: '2026-03-01T08:00:00Z' });
    const chronopost = await shipParcel(epicerie, { carrier: 'chronopost', trackingNumber: 'XY300000004FR' });
    for (const number of ['6A30000000001', '6A30000000002', '6A30000000003', 'XY300000004FR']) {
      parcels.set(number, { events: [{ code: 'PC1', label: 'Pris en charge', date: '2026-05-12T18:15:00+02:00' }] });
    }
    await poll();
    for (const number of ['6A30000000001', '6A30000000002', '6A30000000003']) expect(asked(number), number).toBe(0);
    for (const parcel of [elsewhere, dpd, old]) {
      expect(await shipmentOf(parcel.shipmentId)).toMatchObject({ status: 'label_created', carrierPolledAt: null, events: [] });
    }
    // La Poste's API answers for Chronopost's numbers too: those are polled with the same key.
    expect(asked('XY300000004FR')).toBe(1);
    expect((await shipmentOf(chronopost.shipmentId)).status).toBe('in_transit');

    // A parcel on its way back to the shop has nothing more to tell.
    const returning = await shipParcel(epicerie, { carrier: 'colissimo', trackingNumber: '6A30000000005' });
    parcels.set('6A30000000005', { events: [{ code: 'RE1', label: 'Retourné à l’expéditeur', date: '2026-05-12T18:15:00+02:00' }] });
    await poll();
    expect((await shipmentOf(returning.shipmentId)).status).toBe('returned_to_sender');
    app.clock.set('2026-05-14T06:00:00Z');
    await poll();
    expect(asked('6A30000000005')).toBe(1);
  });

  it('ends a shop’s run when La Poste does not answer in time, and asks again at the next interval', async () => {
    app.clock.set('2026-05-15T06:00:00Z');
    const quincaillerie = await createShopWithKeys(app.deps.db, { slug: 'quincaillerie' });
    await connectCarrier(app.deps, { shopId: quincaillerie.shop.id, carrier: 'colissimo', apiKey: 'okapi-quincaillerie-00002' });
    const slow = await shipParcel(quincaillerie, { carrier: 'colissimo', trackingNumber: '6A40000000001' });
    hanging.add('6A40000000001');
    const summary = await poll();
    expect(summary.failures).toEqual([{ shopId: quincaillerie.shop.id, carrier: 'colissimo', code: 'CARRIER_UNAVAILABLE' }]);
    expect(await connectionOf(quincaillerie)).toMatchObject({ lastError: 'CARRIER_UNAVAILABLE', credentialsRejectedAt: null });
    expect((await shipmentOf(slow.shipmentId)).events).toEqual([]);

    // La Poste is back: the parcel is asked again an hour later and the error is cleared.
    hanging.delete('6A40000000001');
    parcels.set('6A40000000001', { events: [{ code: 'PC1', label: 'Pris en charge', date: '2026-05-14T18:15:00+02:00' }] });
    app.clock.set('2026-05-15T07:01:00Z');
    expect((await poll()).failures).toEqual([]);
    expect((await shipmentOf(slow.shipmentId)).status).toBe('in_transit');
    expect((await connectionOf(quincaillerie)).lastError).toBeNull();
  });
});
