/**
 * Bulk SQL for benchmark data: orders, lines, parcels, scans, customers, open tickets and claims,
 * generated inside the database with generate_series (one statement per table per batch), so a
 * million orders take about a minute instead of hours of ORM calls. Ids are md5-derived uuids, so
 * every row of a batch can reference its parent without a lookup (foreign-key triggers are
 * skipped during the load, see seed.ts: the rows are consistent by construction), and the same (shop, index) always
 * gives the same order: `B<i>` placed by customer `c<i % customersPerShop>@s<shopIndex>.bench`.
 */

/** Where in the data one shop's batch goes. */
export interface SeedBatch {
  shopId: string;
  shopIndex: number;
  /** Order indexes [from, to). */
  from: number;
  to: number;
  customersPerShop: number;
}

/** The email of customer `k` of shop `shopIndex`. */
export function customerEmail(shopIndex: number, k: number): string {
  return `c${k}@s${shopIndex}.bench`;
}

/** Order numbers of customer `k` among the first `orders` orders of a shop. */
export function orderNumbersOf(k: number, customersPerShop: number, orders: number): string[] {
  const numbers: string[] = [];
  for (let i = k; i < orders; i += customersPerShop) numbers.push(`B${i}`);
  return numbers;
}

const kindCodes: Record<string, number> = { c: 1, o: 2, l: 3, s: 4, e: 5, t: 6, k: 7 };

/**
 * A uuid (version 7 layout) made of the shop's index, the row kind and a row number: ids of one
 * shop grow like the server's own time-ordered ids, so index inserts append instead of scattering.
 */
const uuidOf = (kind: string, shopIndex: number, index: string) =>
  `('${shopIndex.toString(16).padStart(8, '0')}-${kindCodes[kind]!.toString(16).padStart(4, '0')}-7000-8000-' || lpad(to_hex(${index}), 12, '0'))::uuid`;

/** The statements that insert one batch (run them in order; each is a single INSERT … SELECT). */
export function seedBatchStatements(batch: SeedBatch): string[] {
  const { shopId, shopIndex, from, to, customersPerShop } = batch;
  if (!/^[0-9a-f-]{36}$/.test(shopId)) throw new Error('shopId must be a uuid');
  const last = to - 1;
  const statements: string[] = [];
  const lastCustomer = Math.min(to, customersPerShop) - 1;
  if (from <= lastCustomer) {
    statements.push(`INSERT INTO "Customer" (id, "shopId", email, name, "updatedAt")
      SELECT ${uuidOf('c', shopIndex, 'k')}, '${shopId}', 'c' || k || '@s${shopIndex}.bench', 'Client ' || k, now()
      FROM generate_series(${from}, ${lastCustomer}) k ON CONFLICT DO NOTHING`);
  }
  // Newest first: order 0 was placed two days ago, each next one 7 minutes earlier.
  const placed = `(date_trunc('hour', now()) - interval '2 days' - i * interval '7 minutes')`;
  statements.push(`INSERT INTO "Order" (id, "shopId", "externalId", number, "customerId", currency, status, fulfilment,
      "subtotalMinor", "shippingMinor", "totalMinor", "placedAt", "shippedAt", "deliveredAt", "payloadHash", "updatedAt")
    SELECT ${uuidOf('o', shopIndex, 'i')}, '${shopId}', 'ext-' || i, 'B' || i, ${uuidOf('c', shopIndex, `(i % ${customersPerShop})`)},
      'EUR', 'open', 'shipping', 4500, 500, 5000, ${placed}, ${placed} + interval '12 hours',
      CASE WHEN i % 5 <> 0 THEN ${placed} + interval '1 day' END, md5(i::text), now()
    FROM generate_series(${from}, ${last}) i`);
  statements.push(`INSERT INTO "OrderLine" (id, "orderId", "externalId", sku, title, "imageUrl", quantity, "unitPriceMinor", tags, position)
    SELECT ${uuidOf('l', shopIndex, 'i * 4 + p')}, ${uuidOf('o', shopIndex, 'i')}, 'L' || p, 'SKU-' || p, 'Article ' || p,
      'https://cdn.example/' || p || '.jpg', p, 1500, '{}', p
    FROM generate_series(${from}, ${last}) i, generate_series(1, 2) p`);
  statements.push(`INSERT INTO "Shipment" (id, "shopId", "orderId", carrier, "trackingNumber", status, "shippedAt", "deliveredAt", "updatedAt")
    SELECT ${uuidOf('s', shopIndex, 'i')}, '${shopId}', ${uuidOf('o', shopIndex, 'i')}, 'colissimo', '6A' || lpad(i::text, 11, '0'),
      CASE WHEN i % 5 <> 0 THEN 'delivered' ELSE 'in_transit' END, ${placed} + interval '12 hours',
      CASE WHEN i % 5 <> 0 THEN ${placed} + interval '1 day' END, now()
    FROM generate_series(${from}, ${last}) i`);
  statements.push(`INSERT INTO "TrackingEvent" (id, "shipmentId", "occurredAt", status, description, location)
    SELECT ${uuidOf('e', shopIndex, 'i * 4 + e')}, ${uuidOf('s', shopIndex, 'i')}, ${placed} + e * interval '8 hours',
      (ARRAY['in_transit', 'out_for_delivery', 'delivered'])[e], 'Scan ' || e, 'Paris'
    FROM generate_series(${from}, ${last}) i, generate_series(1, 3) e WHERE e < 3 OR i % 5 <> 0`);
  // One open ticket per 100 orders and one open claim per 200: the staff inbox's content.
  statements.push(`INSERT INTO "Ticket" (id, "shopId", "customerId", "orderId", subject, status, "policyVersion", "nextDeadlineAt", "openedAt", "updatedAt")
    SELECT ${uuidOf('t', shopIndex, 'i')}, '${shopId}', ${uuidOf('c', shopIndex, `(i % ${customersPerShop})`)}, ${uuidOf('o', shopIndex, 'i')},
      'Question ' || i, 'open', 1, date_trunc('hour', now()) + (i % 96) * interval '1 hour', ${placed} + interval '2 days', now()
    FROM generate_series(${from}, ${last}) i WHERE i % 100 = 7`);
  statements.push(`INSERT INTO "Claim" (id, "shopId", "orderId", "customerId", kind, status, "policyVersion", "nextDeadlineAt", "openedAt", "updatedAt")
    SELECT ${uuidOf('k', shopIndex, 'i')}, '${shopId}', ${uuidOf('o', shopIndex, 'i')}, ${uuidOf('c', shopIndex, `(i % ${customersPerShop})`)},
      'damaged', 'open', 1, date_trunc('hour', now()) + (i % 72) * interval '1 hour', ${placed} + interval '2 days', now()
    FROM generate_series(${from}, ${last}) i WHERE i % 200 = 42`);
  return statements;
}
