import { createHmac, randomBytes } from 'node:crypto';

/** A new endpoint secret: `whsec_` and 32 random bytes in base64, as Standard Webhooks describes. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The id receivers deduplicate on: the same for every attempt of one message. */
export function webhookIdFor(outboxId: string): string {
  return `msg_${outboxId}`;
}

/**
 * The three Standard Webhooks headers of one attempt: `webhook-signature` is `v1,` and the base64
 * HMAC-SHA256 of `id.timestamp.body`, keyed with the base64-decoded part of the secret after `whsec_`.
 */
export function signWebhook(input: { secret: string; id: string; timestamp: Date; body: string }): Record<string, string> {
  const key = Buffer.from(input.secret.replace(/^whsec_/, ''), 'base64');
  const seconds = Math.floor(input.timestamp.getTime() / 1000).toString();
  const signature = createHmac('sha256', key).update(`${input.id}.${seconds}.${input.body}`).digest('base64');
  return { 'webhook-id': input.id, 'webhook-timestamp': seconds, 'webhook-signature': `v1,${signature}` };
}
