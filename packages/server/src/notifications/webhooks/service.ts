import type { Prisma } from '../../generated/prisma/client.js';
import type { Deps } from '../../core/deps.js';
import { DomainError } from '../../core/domain-error.js';
import { recordEvent } from '../../core/events.js';
import type { Actor } from '../../core/actor.js';
import { OutboxStatus } from '../outbox.js';
import { generateWebhookSecret } from './signing.js';
import { checkWebhookTarget } from './ssrf.js';
import type { WebhookEventType } from './event-types.js';

const endpointSelect = {
  id: true,
  url: true,
  eventTypes: true,
  enabled: true,
  failingSince: true,
  disabledAt: true,
  createdAt: true,
} satisfies Prisma.WebhookEndpointSelect;

async function assertTarget(deps: Deps, url: string): Promise<void> {
  const reason = await checkWebhookTarget(url, { allowPrivate: deps.config.allowPrivateWebhookTargets });
  if (reason) throw new DomainError('WEBHOOK_TARGET_REFUSED', { reason });
}

/** The shop's endpoints (secrets not included). */
export function listWebhookEndpoints(deps: Deps, input: { shopId: string }) {
  return deps.db.webhookEndpoint.findMany({ where: { shopId: input.shopId }, select: endpointSelect, orderBy: { createdAt: 'asc' } });
}

/** Subscribes a URL to event types; the secret is returned once, here. */
export async function createWebhookEndpoint(deps: Deps, input: { shopId: string; url: string; eventTypes: WebhookEventType[]; actor: Actor }) {
  await assertTarget(deps, input.url);
  const secret = generateWebhookSecret();
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: { shopId: input.shopId, url: input.url, secret, eventTypes: [...new Set(input.eventTypes)], createdAt: now },
      select: endpointSelect,
    });
    await recordEvent(tx, {
      shopId: input.shopId, subjectType: 'shop', subjectId: input.shopId, type: 'webhook.endpoint_created',
      actor: input.actor, data: { endpointId: endpoint.id }, occurredAt: now,
    });
    return { ...endpoint, secret };
  });
}

/** Changes an endpoint's URL, event types, or turns it on or off (on again clears its failure record). */
export async function updateWebhookEndpoint(
  deps: Deps,
  input: { shopId: string; id: string; url?: string; eventTypes?: WebhookEventType[]; enabled?: boolean; actor: Actor },
) {
  if (input.url) await assertTarget(deps, input.url);
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const found = await tx.webhookEndpoint.findFirst({ where: { id: input.id, shopId: input.shopId }, select: { id: true } });
    if (!found) throw new DomainError('WEBHOOK_ENDPOINT_NOT_FOUND');
    const endpoint = await tx.webhookEndpoint.update({
      where: { id: input.id },
      data: {
        ...(input.url ? { url: input.url } : {}),
        ...(input.eventTypes ? { eventTypes: [...new Set(input.eventTypes)] } : {}),
        ...(input.enabled === true ? { enabled: true, disabledAt: null, failingSince: null } : {}),
        ...(input.enabled === false ? { enabled: false, disabledAt: now } : {}),
      },
      select: endpointSelect,
    });
    await recordEvent(tx, {
      shopId: input.shopId, subjectType: 'shop', subjectId: input.shopId, type: 'webhook.endpoint_updated',
      actor: input.actor, data: { endpointId: input.id }, occurredAt: now,
    });
    return endpoint;
  });
}

/** Deletes an endpoint and its delivery log. */
export async function deleteWebhookEndpoint(deps: Deps, input: { shopId: string; id: string; actor: Actor }): Promise<{ deleted: true }> {
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    const removed = await tx.webhookEndpoint.deleteMany({ where: { id: input.id, shopId: input.shopId } });
    if (!removed.count) throw new DomainError('WEBHOOK_ENDPOINT_NOT_FOUND');
    await recordEvent(tx, {
      shopId: input.shopId, subjectType: 'shop', subjectId: input.shopId, type: 'webhook.endpoint_deleted',
      actor: input.actor, data: { endpointId: input.id }, occurredAt: now,
    });
  });
  return { deleted: true };
}

/** The latest delivery attempts of an endpoint, with status code, error and duration. */
export async function listWebhookDeliveries(deps: Deps, input: { shopId: string; endpointId: string; limit: number }) {
  const endpoint = await deps.db.webhookEndpoint.findFirst({ where: { id: input.endpointId, shopId: input.shopId }, select: { id: true } });
  if (!endpoint) throw new DomainError('WEBHOOK_ENDPOINT_NOT_FOUND');
  const deliveries = await deps.db.webhookDelivery.findMany({
    where: { endpointId: input.endpointId },
    orderBy: { createdAt: 'desc' },
    take: input.limit,
    select: { id: true, outboxId: true, attempt: true, statusCode: true, error: true, durationMs: true, createdAt: true },
  });
  const messages = await deps.db.outboxMessage.findMany({
    where: { id: { in: [...new Set(deliveries.map((d) => d.outboxId))] } },
    select: { id: true, topic: true, status: true },
  });
  const byId = new Map(messages.map((m) => [m.id, m]));
  return deliveries.map((d) => ({ ...d, eventType: byId.get(d.outboxId)?.topic ?? null, messageStatus: byId.get(d.outboxId)?.status ?? null }));
}

/**
 * "Send again": puts a webhook message of this shop back in the queue now, with its attempts reset.
 * It keeps its webhook-id, so a receiver that already has it can recognise it.
 */
export async function resendWebhookMessage(deps: Deps, input: { shopId: string; outboxId: string; actor: Actor }): Promise<{ queued: true }> {
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    const updated = await tx.outboxMessage.updateMany({
      where: { id: input.outboxId, shopId: input.shopId, channel: 'webhook', status: { not: OutboxStatus.pending } },
      data: { status: OutboxStatus.pending, attempts: 0, nextAttemptAt: now, lockedUntil: null, lastError: null, sentAt: null },
    });
    if (!updated.count) throw new DomainError('NOT_FOUND');
    await recordEvent(tx, {
      shopId: input.shopId, subjectType: 'shop', subjectId: input.shopId, type: 'webhook.message_resent',
      actor: input.actor, data: { outboxId: input.outboxId }, occurredAt: now,
    });
  });
  return { queued: true };
}
