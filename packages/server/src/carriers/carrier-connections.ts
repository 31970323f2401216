import type { Prisma } from '../generated/prisma/client.js';
import { ActorType, type Actor } from '../core/actor.js';
import type { Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { recordEvent } from '../core/events.js';
import type { Carrier } from './carrier.js';
import { carrierApis, PollableCarrier } from './carrier-apis.js';

/** Who saved a key when no one is named (an operator's script, a test). */
const operatorActor: Actor = { type: ActorType.system, id: 'operator' };

/**
 * Saves the shop's API key for a carrier (replacing the previous one), so its parcels of that
 * carrier are polled. A new key lifts a pause caused by a refused one and forgets the last error.
 * Records `carriers.connected` with the key's last characters only.
 */
export async function connectCarrier(
  deps: Deps,
  input: { shopId: string; carrier: PollableCarrier; apiKey: string; actor?: Actor },
): Promise<{ id: string }> {
  const api = carrierApis[input.carrier];
  const apiKey = input.apiKey.trim();
  if (!api.keyPattern.test(apiKey)) throw new DomainError('INVALID_INPUT', { issues: api.keyHint });
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const fresh = { apiKey, savedAt: now, lastError: null, lastErrorAt: null, credentialsRejectedAt: null };
    const saved = await tx.carrierConnection.upsert({
      where: { shopId_carrier: { shopId: input.shopId, carrier: input.carrier } },
      create: { shopId: input.shopId, carrier: input.carrier, ...fresh },
      update: fresh,
      select: { id: true },
    });
    await recordEvent(tx, {
      shopId: input.shopId,
      subjectType: 'shop',
      subjectId: input.shopId,
      type: 'carriers.connected',
      actor: input.actor ?? operatorActor,
      data: { carrier: input.carrier, apiKeyLast4: apiKey.slice(-4) },
      occurredAt: now,
    });
    return saved;
  });
}

/** One carrier API as the owner sees it: never the key, only whether one is set, how it ends, and how polling goes. */
export interface CarrierConnectionStatus {
  carrier: PollableCarrier;
  label: string;
  /** The parcels' carriers this connection polls. */
  covers: Carrier[];
  isConfigured: boolean;
  apiKeyLast4: string | null;
  /** When the key in use was saved. */
  savedAt: Date | null;
  /** End of the last polling run. */
  lastPolledAt: Date | null;
  /** Stable code of the last run's failure (CARRIER_CREDENTIALS_INVALID, CARRIER_UNAVAILABLE…), null when it went well. */
  lastError: string | null;
  lastErrorAt: Date | null;
  /** The carrier refused the key: nothing is polled until a new key is saved. */
  isPaused: boolean;
  /** Parcels the carrier answered it does not know, among those still polled. */
  unknownParcels: number;
}

const connectionSelect = {
  carrier: true,
  apiKey: true,
  savedAt: true,
  lastPolledAt: true,
  lastError: true,
  lastErrorAt: true,
  credentialsRejectedAt: true,
} satisfies Prisma.CarrierConnectionSelect;

/** Every carrier API Comptoir can poll, connected or not, for the shop. */
export async function listCarrierConnections(deps: Deps, input: { shopId: string }): Promise<CarrierConnectionStatus[]> {
  const rows = await deps.db.carrierConnection.findMany({ where: { shopId: input.shopId }, select: connectionSelect });
  const unknown = await deps.db.shipment.groupBy({
    by: ['carrier'],
    where: { shopId: input.shopId, carrierPollError: 'TRACKING_NUMBER_UNKNOWN', deliveredAt: null },
    _count: { _all: true },
  });
  return Object.values(PollableCarrier).map((carrier) => {
    const row = rows.find((candidate) => candidate.carrier === carrier);
    const api = carrierApis[carrier];
    return {
      carrier,
      label: api.label,
      covers: [...api.covers],
      isConfigured: row !== undefined,
      apiKeyLast4: row ? row.apiKey.slice(-4) : null,
      savedAt: row?.savedAt ?? null,
      lastPolledAt: row?.lastPolledAt ?? null,
      lastError: row?.lastError ?? null,
      lastErrorAt: row?.lastErrorAt ?? null,
      isPaused: row?.credentialsRejectedAt != null,
      unknownParcels: row
        ? unknown.filter((group) => api.covers.includes(group.carrier as Carrier)).reduce((sum, group) => sum + group._count._all, 0)
        : 0,
    };
  });
}

/** Forgets a carrier's key: its parcels are no longer polled (scans pushed by the shop still count). Idempotent. */
export async function disconnectCarrier(deps: Deps, input: { shopId: string; carrier: PollableCarrier; actor: Actor }): Promise<{ removed: boolean }> {
  return deps.db.$transaction(async (tx) => {
    const { count } = await tx.carrierConnection.deleteMany({ where: { shopId: input.shopId, carrier: input.carrier } });
    if (count === 0) return { removed: false };
    await recordEvent(tx, {
      shopId: input.shopId,
      subjectType: 'shop',
      subjectId: input.shopId,
      type: 'carriers.disconnected',
      actor: input.actor,
      data: { carrier: input.carrier },
      occurredAt: deps.clock.now(),
    });
    return { removed: true };
  });
}
