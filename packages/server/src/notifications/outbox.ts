import type { Locale } from '@comptoir/protocol';
import type { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../core/deps.js';
import { newId } from '../core/ids.js';
import type { EmailData, EmailTopic } from './email/registry.js';
import type { WebhookEventType } from './webhooks/event-types.js';

/** Statuses of an outbox message. */
export const OutboxStatus = {
  pending: 'pending',
  sent: 'sent',
  /** Refused for good (invalid address, endpoint disabled): not retried. */
  failed: 'failed',
  /** Every attempt failed. */
  dead: 'dead',
  /** Not sent because the shopper opted out of non-essential email. */
  suppressed: 'suppressed',
} as const;
export type OutboxStatus = (typeof OutboxStatus)[keyof typeof OutboxStatus];

/** An email to write to the outbox, typed by topic. */
export type EmailMessage = {
  [T in EmailTopic]: {
    channel: 'email';
    /** Null for messages of no shop (staff password reset). */
    shopId: string | null;
    topic: T;
    /** Same cause, same key: a second enqueue of it is ignored. Sent as Resend's Idempotency-Key. */
    dedupeKey: string;
    to: string;
    locale: Locale;
    /** The shopper it goes to, for the opt-out of non-essential email. */
    customerId?: string | null;
    data: EmailData[T];
    /** When the cause happened (deps.clock.now()): the message is due from then. */
    at: Date;
  };
}[EmailTopic];

/** An event to send to every endpoint of the shop subscribed to its type. */
export interface WebhookEventMessage {
  channel: 'webhook';
  shopId: string;
  type: WebhookEventType;
  /** Same cause, same key (per endpoint). */
  dedupeKey: string;
  /** The event's public data: ids, statuses, amounts; never a whole row. */
  data: Record<string, Prisma.InputJsonValue | null>;
  at: Date;
}

/** Anything written to the outbox. */
export type OutboxInput = EmailMessage | WebhookEventMessage;

/** What an email row's payload holds. */
export interface EmailPayload {
  to: string;
  locale: Locale;
  customerId: string | null;
  data: Record<string, unknown>;
}

/** What a webhook row's payload holds: the exact body, so every retry is signed over the same bytes. */
export interface WebhookPayload {
  endpointId: string;
  body: string;
}

/**
 * Writes messages to the outbox in the caller's transaction: they exist if and only if the change
 * that causes them commits. An email is one row; a webhook event is one row per subscribed,
 * enabled endpoint. A dedupe key already present is skipped (no error, the transaction goes on).
 * Returns how many rows were written.
 */
export async function enqueue(tx: Db, message: OutboxInput): Promise<number> {
  if (message.channel === 'email') {
    const payload: EmailPayload = {
      to: message.to.trim().toLowerCase(),
      locale: message.locale,
      customerId: message.customerId ?? null,
      data: message.data as unknown as Record<string, unknown>,
    };
    const result = await tx.outboxMessage.createMany({
      data: [
        {
          shopId: message.shopId,
          channel: 'email',
          dedupeKey: message.dedupeKey,
          topic: message.topic,
          payload: payload as unknown as Prisma.InputJsonValue,
          nextAttemptAt: message.at,
          createdAt: message.at,
        },
      ],
      skipDuplicates: true,
    });
    return result.count;
  }
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { shopId: message.shopId, enabled: true, eventTypes: { has: message.type } },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  if (!endpoints.length) return 0;
  const rows = endpoints.map((endpoint) => {
    const id = newId();
    const body = JSON.stringify({ type: message.type, timestamp: message.at.toISOString(), data: message.data });
    const payload: WebhookPayload = { endpointId: endpoint.id, body };
    return {
      id,
      shopId: message.shopId,
      channel: 'webhook',
      dedupeKey: `${message.dedupeKey}:${endpoint.id}`,
      topic: message.type,
      payload: payload as unknown as Prisma.InputJsonValue,
      nextAttemptAt: message.at,
      createdAt: message.at,
    };
  });
  const result = await tx.outboxMessage.createMany({ data: rows, skipDuplicates: true });
  return result.count;
}
