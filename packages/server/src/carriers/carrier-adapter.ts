import type { TrackingStatus } from '@comptoir/protocol';
import type { Carrier } from './carrier.js';

/** One scan as a carrier's API reports it, with Comptoir's status beside the carrier's own code. */
export interface CarrierEvent {
  occurredAt: Date;
  /** Null when the carrier's code or wording is not one Comptoir can interpret. */
  status: TrackingStatus | null;
  /** The carrier's code ("DI1") or, lacking one, its wording. */
  rawCode: string;
  description: string | null;
  location: string | null;
  /** The delivery date the carrier announces as of this scan (set on the newest scan when it gives one). */
  estimatedDeliveryAt?: Date | null;
}

/**
 * Polls one carrier's tracking API for a shop that holds credentials for it. Implementations take
 * their base URL and credentials at construction, so tests point them at a local server.
 */
export interface CarrierAdapter {
  readonly carrier: Carrier;
  /**
   * The scans of a parcel, oldest first. Throws DomainError TRACKING_NUMBER_UNKNOWN when the
   * carrier does not know the number, CARRIER_CREDENTIALS_INVALID when it refuses the credentials,
   * CARRIER_UNAVAILABLE when it does not answer properly in time.
   */
  fetchEvents(trackingNumber: string, options?: { signal?: AbortSignal }): Promise<CarrierEvent[]>;
}
