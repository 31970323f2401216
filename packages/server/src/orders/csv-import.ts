import { parse } from 'csv-parse/sync';
import { errorMessage, orderUpsertInput, toMinorUnits, type Locale, type OrderUpsertInput } from '@comptoir/protocol';
import type { Actor } from '../core/actor.js';
import type { Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { withOrderLock } from './order-transaction.js';
import { applyAddShipment } from './service.js';
import { applyOrderUpsert, type UpsertOutcome } from './upsert-order.js';

/** The columns of an order CSV (one row per order line); see docs/import-csv.md. */
export const csvColumns = {
  required: ['order_id', 'order_number', 'email', 'placed_at', 'sku', 'title', 'quantity', 'unit_price'],
  optional: [
    'customer_name',
    'currency',
    'shipping',
    'fulfilment',
    'image_url',
    'shipped_at',
    'delivered_at',
    'carrier',
    'tracking_number',
  ],
} as const;

/** Columns that describe the order, not the line: every row of an order must agree on them. */
const orderColumns = [
  'order_number',
  'email',
  'customer_name',
  'placed_at',
  'currency',
  'shipping',
  'fulfilment',
  'shipped_at',
  'delivered_at',
  'carrier',
  'tracking_number',
] as const;

/** A line of the file that was not imported, and why. */
export interface RefusedLine {
  /** Line number in the file (the header is line 1). */
  line: number;
  orderId: string | null;
  reason: string;
}

/** What an import did. */
export interface CsvImportReport {
  rows: number;
  orders: number;
  created: number;
  updated: number;
  unchanged: number;
  refusedOrders: number;
  refusedLines: RefusedLine[];
  ignoredColumns: string[];
}

/** Options of `importOrdersCsv`. */
export interface CsvImportInput {
  shopId: string;
  csv: string | Buffer;
  actor?: Actor;
  /** Language of the reasons (default English). */
  locale?: Locale;
  onProgress?(progress: { done: number; total: number }): void;
}

interface Row {
  line: number;
  values: Record<string, string>;
}

const importActor: Actor = { type: 'system', id: 'csv-import' };

/**
 * Imports orders from a CSV export, one row per order line grouped by order_id. Each order is
 * validated whole: an order with any bad line is refused with all its lines (nothing half-imported)
 * and every refused line is reported with its line number and reason; good orders go through the
 * same upsert as the API, so importing a file twice changes nothing.
 */
export async function importOrdersCsv(deps: Deps, input: CsvImportInput): Promise<CsvImportReport> {
  const locale = input.locale ?? 'en';
  const actor = input.actor ?? importActor;
  const report: CsvImportReport = {
    rows: 0,
    orders: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    refusedOrders: 0,
    refusedLines: [],
    ignoredColumns: [],
  };
  const shop = await deps.db.shop.findUnique({ where: { id: input.shopId }, select: { currency: true, timeZone: true } });
  if (!shop) throw new DomainError('SHOP_NOT_FOUND');

  const parsed = readRows(input.csv);
  if ('fatal' in parsed) {
    report.refusedLines.push({ line: parsed.line, orderId: null, reason: parsed.fatal });
    return report;
  }
  report.rows = parsed.rows.length;
  report.ignoredColumns = parsed.ignoredColumns;

  const groups = new Map<string, Row[]>();
  for (const row of parsed.rows) {
    const orderId = row.values.order_id ?? '';
    if (!orderId) {
      report.refusedLines.push({ line: row.line, orderId: null, reason: 'order_id is empty' });
      continue;
    }
    const group = groups.get(orderId) ?? [];
    group.push(row);
    groups.set(orderId, group);
  }
  report.orders = groups.size;

  let done = 0;
  for (const [orderId, rows] of groups) {
    const built = buildOrder(rows, { currency: shop.currency, timeZone: shop.timeZone });
    if ('problems' in built) {
      refuseOrder(report, orderId, rows, built.problems);
    } else {
      try {
        const outcome = await importOrder(deps, input.shopId, built, actor);
        report[outcome] += 1;
      } catch (error) {
        const reason =
          error instanceof DomainError
            ? errorMessage(error.code, locale, error.params)
            : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
        if (!(error instanceof DomainError)) deps.logger.error({ err: error, orderId }, 'csv order import failed');
        refuseOrder(report, orderId, rows, new Map([[rows[0]!.line, reason]]));
      }
    }
    done += 1;
    input.onProgress?.({ done, total: groups.size });
  }
  report.refusedLines.sort((a, b) => a.line - b.line);
  return report;
}

async function importOrder(deps: Deps, shopId: string, built: BuiltOrder, actor: Actor): Promise<UpsertOutcome> {
  const order = built.order;
  // The order and its parcel are written in one transaction: a refused parcel refuses the order.
  return withOrderLock(deps, { shopId, externalId: order.externalId }, async (tx) => {
    const { outcome } = await applyOrderUpsert(tx, deps, { shopId, order, actor });
    if (built.shipment) {
      const result = await applyAddShipment(tx, deps, { shopId, actor, shipment: built.shipment });
      if (result.created && outcome === 'unchanged') return 'updated';
    }
    return outcome;
  });
}

/** Reports every line of a refused order: bad lines with their reason, the others pointing at them. */
function refuseOrder(report: CsvImportReport, orderId: string, rows: Row[], problems: Map<number, string>): void {
  report.refusedOrders += 1;
  const badLines = [...problems.keys()].sort((a, b) => a - b);
  for (const row of rows) {
    const reason = problems.get(row.line) ?? `order ${orderId} refused because of line ${badLines.join(', ')}`;
    report.refusedLines.push({ line: row.line, orderId, reason });
  }
}

/** Parses the file into rows keyed by column name, with their line numbers. */
function readRows(csv: string | Buffer): { rows: Row[]; ignoredColumns: string[] } | { fatal: string; line: number } {
  const text = typeof csv === 'string' ? csv : csv.toString('utf8');
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { fatal: `unreadable CSV: ${error instanceof Error ? error.message : String(error)}`, line };
  }
  const [header, ...body] = records;
  if (!header) return { fatal: 'the file is empty', line: 1 };
  const names = header.record.map((name) => name.trim().toLowerCase());
  const missing = csvColumns.required.filter((name) => !names.includes(name));
  if (missing.length) return { fatal: `missing column(s): ${missing.join(', ')}`, line: header.info.lines };
  const known = new Set<string>([...csvColumns.required, ...csvColumns.optional]);
  const rows = body.map(({ record, info }) => {
    const values: Record<string, string> = {};
    names.forEach((name, index) => {
      if (known.has(name) && values[name] === undefined) values[name] = record[index] ?? '';
    });
    if (record.length !== names.length) values.__columns = `expected ${names.length} columns, found ${record.length}`;
    return { line: info.lines, values };
  });
  return { rows, ignoredColumns: names.filter((name) => !known.has(name)) };
}

/** Comma, semicolon (French spreadsheets) or tab: whichever the header line has most of. */
function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((delimiter) => [delimiter, firstLine.split(delimiter).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

interface BuiltOrder {
  order: ReturnType<typeof orderUpsertInput.parse>;
  shipment: { orderExternalId: string; carrier: string; trackingNumber: string; shippedAt?: Date; events: Array<{ occurredAt: Date; status: 'delivered' }> } | null;
}

/** Turns the rows of one order into a validated upsert payload, or the problems of each line. */
function buildOrder(rows: Row[], shop: { currency: string; timeZone: string }): BuiltOrder | { problems: Map<number, string> } {
  const problems = new Map<number, string>();
  const addProblem = (line: number, reason: string) => {
    const previous = problems.get(line);
    problems.set(line, previous ? `${previous}; ${reason}` : reason);
  };
  const first = rows[0]!;

  // Order columns may be repeated on every row or given once; when repeated they must agree.
  const order: Record<string, { value: string; line: number }> = {};
  for (const row of rows) {
    if (row.values.__columns) addProblem(row.line, row.values.__columns);
    for (const column of orderColumns) {
      const value = row.values[column] ?? '';
      if (!value) continue;
      const known = order[column];
      if (!known) order[column] = { value, line: row.line };
      else if (known.value !== value) addProblem(row.line, `${column} "${value}" differs from line ${known.line} ("${known.value}")`);
    }
  }
  const orderValue = (column: (typeof orderColumns)[number]) => order[column]?.value ?? '';
  const orderLine = (column: (typeof orderColumns)[number]) => order[column]?.line ?? first.line;

  const currency = (orderValue('currency') || shop.currency).toUpperCase();
  const money = (value: string, line: number, column: string): number | undefined => {
    try {
      return toMinorUnits(value, currency);
    } catch {
      addProblem(line, `${column} "${value}" is not an amount in ${currency} (e.g. 12,50)`);
      return undefined;
    }
  };
  const date = (column: 'placed_at' | 'shipped_at' | 'delivered_at'): string | undefined => {
    const value = orderValue(column);
    if (!value) return undefined;
    const parsed = parseCsvInstant(value, shop.timeZone);
    if (!parsed) addProblem(orderLine(column), `${column} "${value}" is not a date (YYYY-MM-DD[ HH:MM], DD/MM/YYYY[ HH:MM] or ISO 8601)`);
    return parsed?.toISOString();
  };

  for (const column of ['order_number', 'email', 'placed_at'] as const) {
    if (!orderValue(column)) addProblem(first.line, `${column} is empty`);
  }
  const placedAt = date('placed_at');
  const shippedAt = date('shipped_at');
  const deliveredAt = date('delivered_at');
  const fulfilment = orderValue('fulfilment').toLowerCase() || 'shipping';
  if (fulfilment !== 'shipping' && fulfilment !== 'pickup') {
    addProblem(orderLine('fulfilment'), `fulfilment "${orderValue('fulfilment')}" must be shipping or pickup`);
  }
  const payload: OrderUpsertInput = {
    externalId: first.values.order_id ?? '',
    number: orderValue('order_number'),
    customer: { email: orderValue('email'), ...(orderValue('customer_name') ? { name: orderValue('customer_name') } : {}) },
    currency,
    fulfilment: fulfilment === 'pickup' ? 'pickup' : 'shipping',
    shippingMinor: orderValue('shipping') ? money(orderValue('shipping'), orderLine('shipping'), 'shipping') ?? 0 : 0,
    placedAt: placedAt ?? '',
    ...(shippedAt ? { shippedAt } : {}),
    ...(deliveredAt ? { deliveredAt } : {}),
    lines: rows.map((row) => {
      const quantityText = row.values.quantity ?? '';
      if (!/^\d+$/.test(quantityText)) addProblem(row.line, `quantity "${quantityText}" must be a whole number`);
      const unitPrice = row.values.unit_price ?? '';
      const imageUrl = row.values.image_url ?? '';
      return {
        sku: row.values.sku ?? '',
        title: row.values.title ?? '',
        quantity: Number(quantityText),
        unitPriceMinor: unitPrice ? money(unitPrice, row.line, 'unit_price') ?? 0 : (addProblem(row.line, 'unit_price is empty'), 0),
        ...(imageUrl ? { imageUrl } : {}),
      };
    }),
  };

  const carrier = orderValue('carrier');
  const trackingNumber = orderValue('tracking_number');
  if (Boolean(carrier) !== Boolean(trackingNumber)) {
    addProblem(orderLine(carrier ? 'carrier' : 'tracking_number'), 'carrier and tracking_number go together');
  }

  const result = orderUpsertInput.safeParse(payload);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const [head, index, field] = issue.path;
      const line = head === 'lines' && typeof index === 'number' ? rows[index]?.line ?? first.line : orderLineOf(issue.path, orderLine, first.line);
      const column = head === 'lines' ? csvColumnOfLineField(String(field ?? '')) : csvColumnOfOrderField(issue.path);
      // Problems already described in CSV terms (amounts, dates, quantity) are not repeated.
      if (problems.get(line)?.includes(column)) continue;
      addProblem(line, `${column}: ${issue.message}`);
    }
  }
  if (problems.size || !result.success) return { problems: problems.size ? problems : new Map([[first.line, 'invalid order']]) };

  const parsedOrder = result.data;
  return {
    order: parsedOrder,
    shipment:
      carrier && trackingNumber
        ? {
            orderExternalId: parsedOrder.externalId,
            carrier,
            trackingNumber,
            ...(parsedOrder.shippedAt ? { shippedAt: parsedOrder.shippedAt } : {}),
            events: parsedOrder.deliveredAt ? [{ occurredAt: parsedOrder.deliveredAt, status: 'delivered' as const }] : [],
          }
        : null,
  };
}

function orderLineOf(path: PropertyKey[], orderLine: (column: (typeof orderColumns)[number]) => number, fallback: number): number {
  const column = csvColumnOfOrderField(path);
  return (orderColumns as readonly string[]).includes(column) ? orderLine(column as (typeof orderColumns)[number]) : fallback;
}

function csvColumnOfOrderField(path: PropertyKey[]): string {
  const [head, inner] = path.map(String);
  const map: Record<string, string> = {
    externalId: 'order_id',
    number: 'order_number',
    currency: 'currency',
    shippingMinor: 'shipping',
    placedAt: 'placed_at',
    shippedAt: 'shipped_at',
    deliveredAt: 'delivered_at',
    fulfilment: 'fulfilment',
  };
  if (head === 'customer') return inner === 'name' ? 'customer_name' : 'email';
  return map[head ?? ''] ?? head ?? 'order';
}

function csvColumnOfLineField(field: string): string {
  return { unitPriceMinor: 'unit_price', imageUrl: 'image_url' }[field] ?? field;
}

/**
 * Reads a date as shops' exports write it: ISO 8601 with an offset, or a local date and time
 * (YYYY-MM-DD[ HH:MM[:SS]] or DD/MM/YYYY[ HH:MM[:SS]]) in the shop's time zone. Null when invalid.
 */
export function parseCsvInstant(value: string, timeZone: string): Date | null {
  const text = value.trim();
  if (/(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(text) && /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)) {
    const date = new Date(text.replace(' ', 'T'));
    return Number.isNaN(date.getTime()) ? null : date;
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  const french = /^(\d{2})\/(\d{2})\/(\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  const parts = iso
    ? [iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]]
    : french
      ? [french[3], french[2], french[1], french[4], french[5], french[6]]
      : null;
  if (!parts) return null;
  const [year, month, day, hour, minute, second] = parts.map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  // The instant whose wall-clock time in the zone is `wall`; the offset is checked again at the
  // result so that dates on either side of a DST change land right.
  let instant = wall - zoneOffsetMs(wall, timeZone);
  instant = wall - zoneOffsetMs(instant, timeZone);
  return new Date(instant);
}

function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}
