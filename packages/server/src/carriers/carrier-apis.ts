import { Carrier } from './carrier.js';
import type { CarrierAdapter } from './carrier-adapter.js';
import { createLaPosteAdapter } from './la-poste-adapter.js';

/**
 * Carriers whose tracking API Comptoir polls when the shop saves its credentials. The key is the
 * connection's `carrier`; each API may answer for the parcels of several carriers.
 */
export const PollableCarrier = {
  colissimo: Carrier.colissimo,
} as const;
export type PollableCarrier = (typeof PollableCarrier)[keyof typeof PollableCarrier];

/** How this server reaches the carriers' APIs: the defaults are the carriers' own. */
export interface CarrierApiSettings {
  /** La Poste's API base URL (default https://api.laposte.fr); tests and staging point it at a local server. */
  laPosteBaseUrl?: string;
  /** Per request, before the parcel is left for the next run. */
  timeoutMs: number;
}

/** La Poste answers in well under a second; 10 s leaves room without holding the worker long. */
export const defaultCarrierApiSettings: CarrierApiSettings = { timeoutMs: 10_000 };

/** One pollable carrier API: what it is called, which parcels it answers for, and its adapter. */
export interface CarrierApi {
  label: string;
  /** The shipments' carriers this API tracks. */
  covers: readonly Carrier[];
  /** What a key of this API looks like, checked before saving it. */
  keyPattern: RegExp;
  /** Shown when the key does not match the pattern. */
  keyHint: string;
  createAdapter(apiKey: string, settings: CarrierApiSettings): CarrierAdapter;
}

export const carrierApis: Record<PollableCarrier, CarrierApi> = {
  colissimo: {
    label: 'La Poste (Colissimo, Chronopost)',
    // La Poste's "Suivi v2" tracks Colissimo, Lettre suivie and Chronopost numbers with the same codes.
    covers: [Carrier.colissimo, Carrier.chronopost],
    // developer.laposte.fr keys are long opaque tokens; a short one is a typo or a placeholder.
    keyPattern: /^[A-Za-z0-9+/=._-]{16,200}$/,
    keyHint: 'apiKey: expected the X-Okapi-Key of a developer.laposte.fr application (16 to 200 letters, digits or +/=._-)',
    createAdapter: (apiKey, settings) =>
      createLaPosteAdapter({ apiKey, timeoutMs: settings.timeoutMs, ...(settings.laPosteBaseUrl ? { baseUrl: settings.laPosteBaseUrl } : {}) }),
  },
};

/** Whether a string names a carrier whose API Comptoir can poll. */
export function isPollableCarrier(value: unknown): value is PollableCarrier {
  return typeof value === 'string' && Object.hasOwn(carrierApis, value);
}

/**
 * Reads the carriers' API settings from the environment: COMPTOIR_LA_POSTE_API_URL (only to point
 * the adapter elsewhere) and COMPTOIR_CARRIER_TIMEOUT_MS.
 */
export function carrierApiSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): CarrierApiSettings {
  const timeout = Number(env.COMPTOIR_CARRIER_TIMEOUT_MS);
  return {
    ...(env.COMPTOIR_LA_POSTE_API_URL ? { laPosteBaseUrl: env.COMPTOIR_LA_POSTE_API_URL } : {}),
    timeoutMs: Number.isInteger(timeout) && timeout >= 100 && timeout <= 120_000 ? timeout : defaultCarrierApiSettings.timeoutMs,
  };
}
