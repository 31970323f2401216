import { performance } from 'node:perf_hooks';
import type { trackingEventInput } from '@comptoir/protocol';
import type { z } from 'zod';
import { ActorType, type Actor } from '../core/actor.js';
import type { Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { recordEvent } from '../core/events.js';
import { addShipmentTrackingEvents } from '../orders/service.js';
import type { CarrierAdapter, CarrierEvent } from './carrier-adapter.js';
import { carrierApis, carrierApiSettingsFromEnv, PollableCarrier, type CarrierApiSettings } from './carrier-apis.js';

type TrackingEventInput = z.output<typeof trackingEventInput>;

/** How often and how much is polled. The defaults suit a task run every 10 minutes. */
export interface PollCarrierTrackingOptions {
  settings?: CarrierApiSettings;
  /** A parcel is asked again only after this long, so each run takes the parcels least recently asked. */
  intervalMinutes?: number;
  /** Parcels shipped longer ago than this are no longer asked: lost or forgotten, the claims clock has them. */
  maxAgeDays?: number;
  /** At most this many parcels per shop and run, so one big shop does not hold the others back. */
  parcelsPerShop?: number;
  /** No new request starts after this long (real time), so a run ends before the next one is due. */
  budgetMs?: number;
}

export const defaultPollOptions = { intervalMinutes: 60, maxAgeDays: 60, parcelsPerShop: 100, budgetMs: 8 * 60_000 } as const;

/** What one run did, for logs and tests. */
export interface CarrierPollSummary {
  shops: number;
  parcelsAsked: number;
  eventsAdded: number;
  unknownParcels: number;
  /** Connections whose run ended on an error, with its stable code. */
  failures: Array<{ shopId: string; carrier: string; code: string }>;
}

/** Statuses after which the carrier has nothing more to say Comptoir would use. */
const finalStatuses = ['delivered', 'returned_to_sender'];

/** The actor of the changes polled scans cause. */
function carrierActor(carrier: string): Actor {
  return { type: ActorType.system, id: `carrier:${carrier}` };
}

/**
 * Polls the tracking API of every carrier a shop saved credentials for, for the shop's parcels of
 * that carrier still on their way (not delivered, not returned, shipped within `maxAgeDays`, not
 * asked within `intervalMinutes`), and stores the new scans exactly as scans the shop pushes.
 *
 * Each parcel is claimed (its `carrierPolledAt` moved from the value read to now) before the carrier
 * is asked, so two instances running at once never ask for, or store, one parcel twice. A refused key
 * pauses the shop's connection until a new key is saved; a carrier that does not answer ends that
 * shop's run (the parcels are asked again next time); one shop's failure never stops the others.
 */
export async function pollCarrierTracking(deps: Deps, now: Date, options: PollCarrierTrackingOptions = {}): Promise<CarrierPollSummary> {
  const settings = options.settings ?? carrierApiSettingsFromEnv();
  const deadline = performance.now() + (options.budgetMs ?? defaultPollOptions.budgetMs);
  const summary: CarrierPollSummary = { shops: 0, parcelsAsked: 0, eventsAdded: 0, unknownParcels: 0, failures: [] };
  const connections = await deps.db.carrierConnection.findMany({
    where: { credentialsRejectedAt: null, carrier: { in: Object.values(PollableCarrier) } },
    select: { id: true, shopId: true, carrier: true, apiKey: true },
    // The shops that waited longest go first, should the budget run out.
    orderBy: [{ lastPolledAt: { sort: 'asc', nulls: 'first' } }, { id: 'asc' }],
  });
  for (const connection of connections) {
    if (performance.now() >= deadline) break;
    summary.shops += 1;
    let code: string | null;
    try {
      code = await pollConnection(deps, now, { ...connection, carrier: connection.carrier as PollableCarrier }, settings, options, deadline, summary);
    } catch (error) {
      // A bug or a database hiccup with this shop's data: logged, recorded, and the next shop goes on.
      deps.logger.error({ err: error, shopId: connection.shopId, carrier: connection.carrier }, 'carrier polling failed');
      code = 'INTERNAL_ERROR';
    }
    if (code) summary.failures.push({ shopId: connection.shopId, carrier: connection.carrier, code });
    await deps.db.carrierConnection.updateMany({
      where: { id: connection.id, apiKey: connection.apiKey },
      data: { lastPolledAt: deps.clock.now(), lastError: code, lastErrorAt: code ? deps.clock.now() : null },
    });
  }
  return summary;
}

/** Polls one shop's due parcels of one carrier API; returns the code the run ended on, or null. */
async function pollConnection(
  deps: Deps,
  now: Date,
  connection: { id: string; shopId: string; carrier: PollableCarrier; apiKey: string },
  settings: CarrierApiSettings,
  options: PollCarrierTrackingOptions,
  deadline: number,
  summary: CarrierPollSummary,
): Promise<string | null> {
  const api = carrierApis[connection.carrier];
  const adapter = api.createAdapter(connection.apiKey, settings);
  const intervalMs = (options.intervalMinutes ?? defaultPollOptions.intervalMinutes) * 60_000;
  const maxAgeMs = (options.maxAgeDays ?? defaultPollOptions.maxAgeDays) * 86_400_000;
  const due = await deps.db.shipment.findMany({
    where: {
      shopId: connection.shopId,
      carrier: { in: [...api.covers] },
      deliveredAt: null,
      status: { notIn: finalStatuses },
      shippedAt: { gte: new Date(now.getTime() - maxAgeMs) },
      OR: [{ carrierPolledAt: null }, { carrierPolledAt: { lte: new Date(now.getTime() - intervalMs) } }],
    },
    select: { id: true, trackingNumber: true, carrierPolledAt: true, carrierPollError: true },
    orderBy: [{ carrierPolledAt: { sort: 'asc', nulls: 'first' } }, { id: 'asc' }],
    take: options.parcelsPerShop ?? defaultPollOptions.parcelsPerShop,
  });
  for (const parcel of due) {
    if (performance.now() >= deadline) break;
    // The claim: only the instance that moves the timestamp from what it read asks the carrier.
    const claimed = await deps.db.shipment.updateMany({
      where: { id: parcel.id, carrierPolledAt: parcel.carrierPolledAt },
      data: { carrierPolledAt: now },
    });
    if (claimed.count === 0) continue;
    summary.parcelsAsked += 1;
    let scans: CarrierEvent[];
    try {
      scans = await fetchWithTimeout(adapter, parcel.trackingNumber, settings.timeoutMs);
    } catch (error) {
      const code = error instanceof DomainError ? error.code : 'CARRIER_UNAVAILABLE';
      if (code === 'TRACKING_NUMBER_UNKNOWN') {
        // Often a label printed but not yet handed over; noted on the parcel, asked again next interval.
        summary.unknownParcels += 1;
        if (parcel.carrierPollError !== code) await deps.db.shipment.updateMany({ where: { id: parcel.id }, data: { carrierPollError: code } });
        continue;
      }
      if (code === 'CARRIER_CREDENTIALS_INVALID') {
        await pauseConnection(deps, connection);
        return code;
      }
      if (!(error instanceof DomainError)) deps.logger.warn({ err: error, shopId: connection.shopId }, 'carrier adapter failed');
      // The carrier is down or answers nonsense: the other parcels would fare no better this run.
      return 'CARRIER_UNAVAILABLE';
    }
    const events = toTrackingEvents(scans);
    if (events.length) {
      try {
        const stored = await addShipmentTrackingEvents(deps, { shopId: connection.shopId, shipmentId: parcel.id, events, actor: carrierActor(connection.carrier) });
        summary.eventsAdded += stored.eventsAdded;
      } catch (error) {
        // Removed with its order while the carrier answered: nothing to store.
        if (!(error instanceof DomainError && error.code === 'SHIPMENT_NOT_FOUND')) throw error;
        continue;
      }
    }
    if (parcel.carrierPollError) await deps.db.shipment.updateMany({ where: { id: parcel.id }, data: { carrierPollError: null } });
  }
  return null;
}

/**
 * Asks the adapter with a timeout of its own: the signal lets a well-behaved adapter cancel its
 * request, and the race makes sure one that ignores it cannot hold the run.
 */
async function fetchWithTimeout(adapter: CarrierAdapter, trackingNumber: string, timeoutMs: number): Promise<CarrierEvent[]> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new DomainError('CARRIER_UNAVAILABLE', { carrier: adapter.carrier }));
    }, timeoutMs);
  });
  try {
    return await Promise.race([adapter.fetchEvents(trackingNumber, { signal: controller.signal }), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Longest description the API accepts for a scan (trackingEventInput): carriers' wordings are cut to it. */
const maxDescriptionLength = 500;

/**
 * The scans Comptoir can store: those whose status it could interpret (a scan without one would
 * have no status to dedupe and move the parcel by). The carrier's estimate, given on its newest
 * scan, moves to the newest stored scan when that one had no status.
 */
export function toTrackingEvents(scans: readonly CarrierEvent[]): TrackingEventInput[] {
  const known = scans.filter((scan): scan is CarrierEvent & { status: NonNullable<CarrierEvent['status']> } => scan.status !== null);
  const newestEstimate = [...scans].reverse().find((scan) => scan.estimatedDeliveryAt)?.estimatedDeliveryAt ?? null;
  return known.map((scan, index) => {
    const estimate = scan.estimatedDeliveryAt ?? (index === known.length - 1 ? newestEstimate : null);
    return {
      occurredAt: scan.occurredAt,
      status: scan.status,
      ...optionalText('description', scan.description, maxDescriptionLength),
      ...optionalText('location', scan.location, 200),
      ...(estimate ? { estimatedDeliveryAt: estimate } : {}),
    };
  });
}

/**
 * A carrier's wording as the API would accept it from a shop: control characters (PostgreSQL refuses
 * NUL) and runs of spaces become one space, lone surrogates are replaced, and it is cut to the field's length.
 */
function optionalText<K extends string>(key: K, text: string | null, max: number): Partial<Record<K, string>> {
  const clean = (text ?? '')
    .replace(/[\s\u0000-\u001f\u007f]+/g, ' ')
    .trim()
    .slice(0, max)
    // After the cut, which may split a pair.
    .replace(/\p{Surrogate}/gu, '\uFFFD')
    .trim();
  return clean ? ({ [key]: clean } as Record<K, string>) : {};
}

/** Stops polling a shop whose key the carrier refused, unless a new key was saved meanwhile. */
async function pauseConnection(deps: Deps, connection: { id: string; shopId: string; carrier: string; apiKey: string }): Promise<void> {
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    const { count } = await tx.carrierConnection.updateMany({
      where: { id: connection.id, apiKey: connection.apiKey, credentialsRejectedAt: null },
      data: { credentialsRejectedAt: now },
    });
    if (count === 0) return;
    await recordEvent(tx, {
      shopId: connection.shopId,
      subjectType: 'shop',
      subjectId: connection.shopId,
      type: 'carriers.credentials_rejected',
      actor: carrierActor(connection.carrier),
      reason: 'CARRIER_CREDENTIALS_INVALID',
      data: { carrier: connection.carrier, apiKeyLast4: connection.apiKey.slice(-4) },
      occurredAt: now,
    });
  });
}
