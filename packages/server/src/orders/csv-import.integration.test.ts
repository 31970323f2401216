import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { createShopWithKeys, type ShopWithKeys } from '../test/fixtures.js';
import { testDatabaseKind } from '../test/test-database.js';
import { importOrdersCsv, parseCsvInstant } from './csv-import.js';

const header =
  'order_id;order_number;email;customer_name;placed_at;currency;sku;title;quantity;unit_price;shipping;fulfilment;image_url;shipped_at;delivered_at;carrier;tracking_number';
const csv = [
  header,
  'A1;1001;ana@example.com;Ana;2026-05-01 14:30;EUR;MUG;Mug;2;12,50;4,90;;;2026-05-02;;colissimo;6A1',
  'A1;1001;;;;;TEA;Tea;1;8.00;;;;;;;',
  'B2;1002;ben@example.com;Ben;2026-05-03;EUR;CAP;Cap;x;19,90;;;;;;;',
  'B2;1002;ben@example.com;Ben;2026-05-03;EUR;HAT;Hat;1;15;;;;;;;',
  'C3;1003;cleo@example.com;;03/05/2026 10:00;EUR;SOCK;Socks;3;4,5;;pickup;;;;;',
  'D4;1004;not-an-email;;2026-05-04;EUR;PEN;Pen;1;2,123;;;;;;;',
  'E5;1005;eve@example.com;;2026-05-04;USD;BAG;Bag;1;30;;;;;;;',
  '',
].join('\n');

describe(`CSV order import on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let shop: ShopWithKeys;

  beforeAll(async () => {
    app = await createTestApp();
    shop = await createShopWithKeys(app.deps.db, { slug: 'csv-shop' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('imports the good orders and reports each refused line with its number and reason', async () => {
    const progress: number[] = [];
    const report = await importOrdersCsv(app.deps, { shopId: shop.shop.id, csv, onProgress: ({ done }) => progress.push(done) });
    expect(report).toMatchObject({ rows: 7, orders: 5, created: 2, updated: 0, unchanged: 0, refusedOrders: 3 });
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    expect(report.refusedLines.map((line) => [line.line, line.orderId])).toEqual([
      [4, 'B2'],
      [5, 'B2'],
      [7, 'D4'],
      [8, 'E5'],
    ]);
    const reasons = report.refusedLines.map((line) => line.reason);
    expect(reasons[0]).toMatch(/quantity "x"/);
    expect(reasons[1]).toMatch(/because of line 4/);
    expect(reasons[2]).toMatch(/unit_price "2,123"/);
    expect(reasons[2]).toMatch(/email/);
    expect(reasons[3]).toMatch(/USD does not match/);

    const orders = await app.deps.db.order.findMany({
      where: { shopId: shop.shop.id },
      orderBy: { number: 'asc' },
      select: {
        externalId: true,
        placedAt: true,
        shippedAt: true,
        fulfilment: true,
        totalMinor: true,
        lines: { select: { sku: true, quantity: true, unitPriceMinor: true }, orderBy: { position: 'asc' } },
        shipments: { select: { carrier: true, trackingNumber: true } },
      },
    });
    expect(orders).toEqual([
      {
        externalId: 'A1',
        placedAt: new Date('2026-05-01T12:30:00Z'),
        shippedAt: new Date('2026-05-01T22:00:00Z'),
        fulfilment: 'shipping',
        totalMinor: 2 * 1250 + 800 + 490,
        lines: [
          { sku: 'MUG', quantity: 2, unitPriceMinor: 1250 },
          { sku: 'TEA', quantity: 1, unitPriceMinor: 800 },
        ],
        shipments: [{ carrier: 'colissimo', trackingNumber: '6A1' }],
      },
      {
        externalId: 'C3',
        placedAt: new Date('2026-05-03T08:00:00Z'),
        shippedAt: null,
        fulfilment: 'pickup',
        totalMinor: 1350,
        lines: [{ sku: 'SOCK', quantity: 3, unitPriceMinor: 450 }],
        shipments: [],
      },
    ]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const report = await importOrdersCsv(app.deps, { shopId: shop.shop.id, csv });
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 2, refusedOrders: 3 });
    expect(await app.deps.db.event.count({ where: { shopId: shop.shop.id, type: 'order.created' } })).toBe(2);
  });

  it('refuses a file without a required column before importing anything', async () => {
    const report = await importOrdersCsv(app.deps, { shopId: shop.shop.id, csv: 'order_id,sku\nZ9,ABC\n' });
    expect(report.refusedLines).toEqual([
      { line: 1, orderId: null, reason: expect.stringMatching(/missing column\(s\): order_number, email/) },
    ]);
    expect(report.orders).toBe(0);
  });

  it('reads local dates in the shop’s time zone, across daylight saving time', () => {
    expect(parseCsvInstant('2026-01-15 09:00', 'Europe/Paris')?.toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(parseCsvInstant('2026-07-15', 'Europe/Paris')?.toISOString()).toBe('2026-07-14T22:00:00.000Z');
    expect(parseCsvInstant('29/03/2026 03:30', 'Europe/Paris')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(parseCsvInstant('2026-06-01T10:00:00+02:00', 'Europe/Paris')?.toISOString()).toBe('2026-06-01T08:00:00.000Z');
    expect(parseCsvInstant('2026-02-30', 'Europe/Paris')).toBeNull();
    expect(parseCsvInstant('yesterday', 'Europe/Paris')).toBeNull();
  });
});
