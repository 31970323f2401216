import { z } from 'zod';
import { DomainError } from '../core/domain-error.js';
import { Carrier, normaliseTrackingNumber } from './carrier.js';
import type { CarrierAdapter, CarrierEvent } from './carrier-adapter.js';
import { normaliseTrackingStatus } from './tracking-status.js';

/** How to reach La Poste's "Suivi v2" API (developer.laposte.fr, product "Suivi"). */
export interface LaPosteAdapterOptions {
  /** The application's key from developer.laposte.fr, sent as `X-Okapi-Key`. */
  apiKey: string;
  /** Defaults to https://api.laposte.fr; tests pass a local server. */
  baseUrl?: string;
  /** Language of the event labels: "fr_FR" (default) or "en_GB". */
  lang?: 'fr_FR' | 'en_GB';
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

/** The part of a "Suivi v2" answer Comptoir reads; unknown fields are ignored, sizes are bounded. */
const suiviResponse = z.object({
  returnCode: z.number().int().optional(),
  shipment: z
    .object({
      idShip: z.string().max(64).optional(),
      /** The estimated delivery date La Poste announces while the parcel travels. */
      estimDate: z.iso.datetime({ offset: true }).optional(),
      event: z
        .array(
          z.object({
            code: z.string().max(16),
            date: z.iso.datetime({ offset: true }),
            label: z.string().max(1_000).optional(),
          }),
        )
        .max(500)
        .default([]),
    })
    .optional(),
});

/**
 * The La Poste adapter: Colissimo, Lettre suivie and Chronopost numbers through
 * `GET /suivi/v2/idships/{id}`. Events come back newest first; they are returned oldest first.
 */
export function createLaPosteAdapter(options: LaPosteAdapterOptions): CarrierAdapter {
  const baseUrl = (options.baseUrl ?? 'https://api.laposte.fr').replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;

  return {
    carrier: Carrier.colissimo,
    async fetchEvents(trackingNumber, { signal } = {}) {
      const id = normaliseTrackingNumber(trackingNumber);
      const url = `${baseUrl}/suivi/v2/idships/${encodeURIComponent(id)}?lang=${options.lang ?? 'fr_FR'}`;
      const timeout = AbortSignal.timeout(timeoutMs);
      let response: Response;
      try {
        response = await doFetch(url, {
          headers: { 'X-Okapi-Key': options.apiKey, Accept: 'application/json' },
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
      } catch {
        throw new DomainError('CARRIER_UNAVAILABLE', { carrier: 'La Poste' });
      }
      if (response.status === 404 || response.status === 400) {
        await response.body?.cancel();
        throw new DomainError('TRACKING_NUMBER_UNKNOWN', { trackingNumber: id });
      }
      if (response.status === 401 || response.status === 403) {
        await response.body?.cancel();
        throw new DomainError('CARRIER_CREDENTIALS_INVALID', { carrier: 'La Poste' });
      }
      // 207 is how the API answers a number it knows with partial data.
      if (response.status !== 200 && response.status !== 207) {
        await response.body?.cancel();
        throw new DomainError('CARRIER_UNAVAILABLE', { carrier: 'La Poste' });
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw new DomainError('CARRIER_UNAVAILABLE', { carrier: 'La Poste' });
      }
      const parsed = suiviResponse.safeParse(body);
      if (!parsed.success || !parsed.data.shipment) throw new DomainError('CARRIER_UNAVAILABLE', { carrier: 'La Poste' });
      const events: CarrierEvent[] = parsed.data.shipment.event.map((event) => ({
        occurredAt: new Date(event.date),
        status: normaliseTrackingStatus(Carrier.colissimo, event.code) ?? normaliseTrackingStatus(Carrier.colissimo, event.label ?? ''),
        rawCode: event.code,
        description: event.label ?? null,
        location: null,
      }));
      events.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
      // The estimate is the shipment's as of now: it belongs to the newest scan.
      const { estimDate } = parsed.data.shipment;
      const newest = events.at(-1);
      if (estimDate && newest) newest.estimatedDeliveryAt = new Date(estimDate);
      return events;
    },
  };
}
