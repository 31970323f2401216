import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../core/domain-error.js';
import { createLaPosteAdapter } from './la-poste-adapter.js';

/** A local server that answers like La Poste's "Suivi v2" API for a few parcels. */
const apiKey = 'okapi-test-key';
const requests: Array<{ url: string; key: string | undefined }> = [];

const delivered = {
  lang: 'fr_FR',
  scope: 'open',
  returnCode: 200,
  shipment: {
    idShip: '6A12345678901',
    product: 'colissimo',
    isFinal: true,
    url: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901',
    // Newest first, as the API sends them.
    event: [
      { order: 4, code: 'DI1', label: 'Votre colis est livré.', date: '2026-05-06T11:02:00+02:00' },
      { order: 3, code: 'MD2', label: 'Votre colis est en cours de livraison.', date: '2026-05-06T07:40:00+02:00' },
      { order: 2, code: 'PC1', label: 'Votre colis a été pris en charge par La Poste.', date: '2026-05-05T18:15:00+02:00' },
      { order: 1, code: 'DR1', label: 'Votre Colissimo va bientôt nous être confié !', date: '2026-05-04T10:22:13+02:00' },
    ],
    timeline: [],
  },
};

function route(req: IncomingMessage): { status: number; body: unknown } {
  const key = req.headers['x-okapi-key'];
  requests.push({ url: req.url ?? '', key: typeof key === 'string' ? key : undefined });
  if (key !== apiKey) return { status: 401, body: { code: 'UNAUTHORIZED', message: 'Invalid apikey' } };
  const match = /^\/suivi\/v2\/idships\/([^/?]+)/.exec(req.url ?? '');
  const id = match ? decodeURIComponent(match[1]!) : '';
  if (id === '6A12345678901') return { status: 200, body: delivered };
  if (id === '6A22222222222') {
    return {
      status: 200,
      body: {
        returnCode: 200,
        shipment: {
          idShip: id,
          estimDate: '2026-05-07T00:00:00+02:00',
          event: [
            { code: 'ET1', label: 'Votre colis est en cours d’acheminement.', date: '2026-05-05T21:00:00+02:00' },
            { code: 'PC1', label: 'Votre colis a été pris en charge par La Poste.', date: '2026-05-05T18:15:00+02:00' },
          ],
        },
      },
    };
  }
  if (id === '8R00000000000') return { status: 200, body: { returnCode: 200, shipment: { idShip: id, event: [{ code: 'XX9', label: 'Événement inconnu', date: '2026-05-04T10:00:00Z' }] } } };
  if (id === '8R99999999999') return { status: 500, body: { code: 'INTERNAL' } };
  if (id === '8R88888888888') return { status: 200, body: { returnCode: 200, shipment: { event: [{ code: 'DI1', date: 'yesterday' }] } } };
  return { status: 404, body: { returnCode: 404, returnMessage: 'Numéro de suivi inconnu', idShip: id } };
}

let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const { status, body } = route(req);
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('La Poste adapter', () => {
  it('fetches a parcel’s scans with the API key, oldest first and normalised', async () => {
    const adapter = createLaPosteAdapter({ apiKey, baseUrl });
    const events = await adapter.fetchEvents('6a 1234 5678 901');
    expect(requests.at(-1)).toEqual({ url: '/suivi/v2/idships/6A12345678901?lang=fr_FR', key: apiKey });
    expect(events.map((event) => [event.occurredAt.toISOString(), event.rawCode, event.status])).toEqual([
      ['2026-05-04T08:22:13.000Z', 'DR1', 'label_created'],
      ['2026-05-05T16:15:00.000Z', 'PC1', 'in_transit'],
      ['2026-05-06T05:40:00.000Z', 'MD2', 'out_for_delivery'],
      ['2026-05-06T09:02:00.000Z', 'DI1', 'delivered'],
    ]);
    expect(events[3]?.description).toBe('Votre colis est livré.');
  });

  it('puts the delivery date La Poste announces on the newest scan', async () => {
    const events = await createLaPosteAdapter({ apiKey, baseUrl }).fetchEvents('6A22222222222');
    expect(events.map((event) => [event.rawCode, event.estimatedDeliveryAt?.toISOString() ?? null])).toEqual([
      ['PC1', null],
      ['ET1', '2026-05-06T22:00:00.000Z'],
    ]);
  });

  it('keeps a scan it cannot interpret, without a status', async () => {
    const events = await createLaPosteAdapter({ apiKey, baseUrl }).fetchEvents('8R00000000000');
    expect(events).toEqual([
      { occurredAt: new Date('2026-05-04T10:00:00Z'), status: null, rawCode: 'XX9', description: 'Événement inconnu', location: null },
    ]);
  });

  it.each([
    ['an unknown number', apiKey, '8R11111111111', 'TRACKING_NUMBER_UNKNOWN'],
    ['a refused key', 'wrong-key', '6A12345678901', 'CARRIER_CREDENTIALS_INVALID'],
    ['a server error', apiKey, '8R99999999999', 'CARRIER_UNAVAILABLE'],
    ['a malformed answer', apiKey, '8R88888888888', 'CARRIER_UNAVAILABLE'],
  ])('reports %s as %s', async (_name, key, number, code) => {
    expect(await codeOf(createLaPosteAdapter({ apiKey: key, baseUrl }).fetchEvents(number))).toBe(code);
  });

  it('reports a server that does not answer in time as unavailable', async () => {
    const silent = createServer(() => {
      // Never answers.
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const adapter = createLaPosteAdapter({ apiKey, baseUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, timeoutMs: 100 });
      expect(await codeOf(adapter.fetchEvents('6A12345678901'))).toBe('CARRIER_UNAVAILABLE');
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
