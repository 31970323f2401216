import { isErrorCode } from '@comptoir/protocol';
import type { Prisma } from '../generated/prisma/client.js';
import type { Deps } from '../core/deps.js';
import { hmac } from '../core/hash.js';
import { recordEvent } from '../core/events.js';
import { systemActor } from '../core/actor.js';
import { emailRetryPolicy, retryDelayMs, webhookRetryPolicy, type RetryPolicy } from './backoff.js';
import { isEmailTopic, isEssentialTopic, renderEmail, type EmailData, type EmailTopic } from './email/registry.js';
import { oneLine } from './email/layout.js';
import type { EmailTransport } from './email/transport.js';
import { enqueue, OutboxStatus, type EmailPayload, type WebhookPayload } from './outbox.js';
import type { WebhookSender } from './webhooks/sender.js';
import { signWebhook, webhookIdFor } from './webhooks/signing.js';

/** What delivering needs besides the usual dependencies. */
export interface NotificationDeps extends Deps {
  email: EmailTransport;
  webhooks: WebhookSender;
  /** Jitter source (tests pin it). */
  random?: () => number;
}

/** Knobs of one dispatch pass. */
export interface DispatchOptions {
  /** At most this many messages claimed per pass. */
  limit?: number;
  /** How long a claim lasts; a worker that dies releases its messages when it ends. */
  leaseMs?: number;
  webhookTimeoutMs?: number;
  emailTimeoutMs?: number;
}

/** What a pass did. */
export interface DispatchReport {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  dead: number;
  suppressed: number;
}

/** An endpoint failing this long is disabled and its owners told. */
export const endpointFailureLimitMs = 3 * 24 * 3_600_000;

interface ClaimedRow {
  id: string;
  shopId: string | null;
  channel: string;
  dedupeKey: string;
  topic: string;
  payload: unknown;
  attempts: number;
  lockedUntil: Date;
}

type Outcome =
  | { kind: 'sent'; providerId?: string | null; log?: Prisma.EmailLogUncheckedCreateInput }
  | { kind: 'suppressed' }
  | { kind: 'failed'; error: string }
  | { kind: 'retry'; error: string };

/** The signed token of a one-click unsubscribe link. */
export function unsubscribeToken(deps: Deps, customerId: string): string {
  return `${customerId}.${hmac(deps.secrets.shopperTokenKey, `unsubscribe.v1.${customerId}`)}`;
}

/** The sender of a shop's emails: its own address, or "<Shop> <no-reply@…>" on this server's domain. */
export function senderOf(deps: Deps, shop: { name: string; emailFrom: string | null } | null): string {
  if (shop?.emailFrom) return oneLine(shop.emailFrom);
  const domain = process.env.COMPTOIR_EMAIL_DOMAIN ?? new URL(deps.config.publicUrl).hostname;
  const display = (shop?.name ?? 'Comptoir').replace(/["<>\\\r\n]/g, '').trim().slice(0, 60) || 'Comptoir';
  return `"${display}" <no-reply@${domain}>`;
}

/**
 * A send that has not answered in this time is counted as failed and retried later. The bound
 * keeps every delivery inside its claim's lease (see dispatchDue): no second worker can take a
 * message while the first is still talking to the receiver. A send that did reach Resend is
 * dropped there on retry, by its Idempotency-Key.
 */
const defaultEmailTimeoutMs = 20_000;

function timeout(ms: number): { promise: Promise<never>; clear(): void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer in ${ms} ms`), { code: 'SEND_TIMEOUT' })), ms);
  });
  return { promise, clear: () => clearTimeout(timer) };
}

async function deliverEmail(deps: NotificationDeps, row: ClaimedRow, timeoutMs: number): Promise<Outcome> {
  const payload = row.payload as EmailPayload;
  if (!isEmailTopic(row.topic)) return { kind: 'failed', error: `unknown topic ${row.topic}` };
  const topic: EmailTopic = row.topic;
  const shop = row.shopId
    ? await deps.db.shop.findUnique({
        where: { id: row.shopId },
        select: { name: true, logoUrl: true, brandColor: true, emailFrom: true, emailReplyTo: true, timeZone: true },
      })
    : null;
  const essential = isEssentialTopic(topic);
  const headers: Record<string, string> = {};
  if (!essential && payload.customerId) {
    const customer = await deps.db.customer.findUnique({ where: { id: payload.customerId }, select: { emailOptOut: true, erasedAt: true } });
    if (!customer || customer.emailOptOut || customer.erasedAt) return { kind: 'suppressed' };
    const url = `${deps.config.publicUrl}/unsubscribe?token=${encodeURIComponent(unsubscribeToken(deps, payload.customerId))}`;
    headers['List-Unsubscribe'] = `<${url}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  const rendered = renderEmail(topic, payload.locale, payload.data as unknown as EmailData[EmailTopic], {
    shopName: shop?.name ?? 'Comptoir',
    logoUrl: shop?.logoUrl ?? null,
    brandColor: shop?.brandColor ?? null,
    timeZone: shop?.timeZone ?? 'Europe/Paris',
  });
  const limit = timeout(timeoutMs);
  let result: Awaited<ReturnType<NotificationDeps['email']['send']>>;
  try {
    const sending = deps.email.send({
      from: senderOf(deps, shop),
      to: payload.to,
      replyTo: shop?.emailReplyTo ?? null,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      headers,
      idempotencyKey: row.dedupeKey,
    });
    result = await Promise.race([sending, limit.promise]);
  } catch (err) {
    if ((err as { code?: unknown }).code !== 'SEND_TIMEOUT') throw err;
    return { kind: 'retry', error: `network ${(err as Error).message}` };
  } finally {
    limit.clear();
  }
  if (!result.ok) return { kind: result.retryable ? 'retry' : 'failed', error: `${result.statusCode ?? 'network'} ${result.error}` };
  return {
    kind: 'sent',
    log: {
      shopId: row.shopId,
      outboxId: row.id,
      to: payload.to,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      transport: deps.email.name,
      providerId: result.providerId,
      createdAt: deps.clock.now(),
    },
  };
}

const endpointSelect = { id: true, shopId: true, url: true, secret: true, enabled: true, failingSince: true } as const;
type EndpointRow = Prisma.WebhookEndpointGetPayload<{ select: typeof endpointSelect }>;

async function deliverWebhook(deps: NotificationDeps, row: ClaimedRow, endpoints: Map<string, EndpointRow>, timeoutMs: number): Promise<Outcome> {
  const payload = row.payload as WebhookPayload;
  const endpoint = endpoints.get(payload.endpointId);
  if (!endpoint || !endpoint.enabled) return { kind: 'failed', error: 'endpoint disabled or deleted' };
  const now = deps.clock.now();
  const headers = signWebhook({ secret: endpoint.secret, id: webhookIdFor(row.id), timestamp: now, body: payload.body });
  const started = performance.now();
  const result = await deps.webhooks.send({ url: endpoint.url, headers, body: payload.body, timeoutMs });
  const durationMs = Math.round(performance.now() - started);
  const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  await deps.db.$transaction(async (tx) => {
    await tx.webhookDelivery.create({
      data: { endpointId: endpoint.id, outboxId: row.id, attempt: row.attempts, statusCode: result.statusCode, error: result.error, durationMs, createdAt: now },
    });
    if (ok) {
      if (endpoint.failingSince) await tx.webhookEndpoint.updateMany({ where: { id: endpoint.id }, data: { failingSince: null } });
      return;
    }
    const failingSince = endpoint.failingSince ?? now;
    // Several deliveries of one pass share the endpoint snapshot: only the first failure stamps it.
    if (!endpoint.failingSince) await tx.webhookEndpoint.updateMany({ where: { id: endpoint.id, failingSince: null }, data: { failingSince: now } });
    if (now.getTime() - failingSince.getTime() >= endpointFailureLimitMs) await disableEndpoint(deps, tx, endpoint, failingSince, now);
  });
  if (ok) return { kind: 'sent' };
  const error = result.statusCode === null ? (result.error ?? 'network error') : `HTTP ${result.statusCode}`;
  return { kind: 'retry', error };
}

async function disableEndpoint(
  deps: NotificationDeps,
  tx: Prisma.TransactionClient,
  endpoint: { id: string; shopId: string; url: string },
  failingSince: Date,
  now: Date,
): Promise<void> {
  const changed = await tx.webhookEndpoint.updateMany({ where: { id: endpoint.id, enabled: true }, data: { enabled: false, disabledAt: now } });
  if (!changed.count) return;
  await recordEvent(tx, {
    shopId: endpoint.shopId,
    subjectType: 'shop',
    subjectId: endpoint.shopId,
    type: 'webhook.endpoint_disabled',
    actor: systemActor,
    reason: 'auto.webhook_failing_3_days',
    data: { endpointId: endpoint.id },
    occurredAt: now,
  });
  const owners = await tx.staffMembership.findMany({
    where: { shopId: endpoint.shopId, role: 'owner', staffUser: { disabledAt: null } },
    select: { staffUser: { select: { email: true, locale: true } } },
  });
  for (const owner of owners) {
    await enqueue(tx, {
      channel: 'email',
      shopId: endpoint.shopId,
      topic: 'webhook_endpoint_disabled',
      dedupeKey: `webhook_disabled:${endpoint.id}:${now.toISOString()}:${owner.staffUser.email}`,
      to: owner.staffUser.email,
      locale: owner.staffUser.locale === 'en' ? 'en' : 'fr',
      data: { endpointUrl: endpoint.url, failingSince: failingSince.toISOString(), url: `${deps.config.publicUrl}/admin/#/settings/webhooks` },
      at: now,
    });
  }
}

/** Settles one claimed message, only if this worker still holds its claim. */
async function settle(deps: NotificationDeps, row: ClaimedRow, outcome: Outcome, policy: RetryPolicy): Promise<keyof DispatchReport> {
  const now = deps.clock.now();
  const claim = { id: row.id, status: OutboxStatus.pending, lockedUntil: row.lockedUntil };
  if (outcome.kind === 'sent') {
    await deps.db.$transaction(async (tx) => {
      const done = await tx.outboxMessage.updateMany({ where: claim, data: { status: OutboxStatus.sent, sentAt: now, lockedUntil: null, lastError: null } });
      if (done.count && outcome.log) await tx.emailLog.create({ data: outcome.log });
    });
    return 'sent';
  }
  if (outcome.kind === 'suppressed') {
    await deps.db.outboxMessage.updateMany({ where: claim, data: { status: OutboxStatus.suppressed, lockedUntil: null } });
    return 'suppressed';
  }
  if (outcome.kind === 'failed' || row.attempts >= policy.maxAttempts) {
    const status = outcome.kind === 'failed' ? OutboxStatus.failed : OutboxStatus.dead;
    await deps.db.outboxMessage.updateMany({ where: claim, data: { status, lockedUntil: null, lastError: outcome.error.slice(0, 500) } });
    return status;
  }
  const nextAttemptAt = new Date(now.getTime() + retryDelayMs(policy, row.attempts, deps.random));
  await deps.db.outboxMessage.updateMany({ where: claim, data: { lockedUntil: null, nextAttemptAt, lastError: outcome.error.slice(0, 500) } });
  return 'retried';
}

/**
 * Claims due pending messages (`FOR UPDATE SKIP LOCKED`, then a lease, so instances never take the
 * same one), delivers them concurrently, and records each outcome: sent, retried later with
 * exponential backoff and jitter, failed for good, or dead after the last attempt. A worker dying
 * at any moment loses nothing: an unsettled claim simply expires and the message is tried again,
 * with the same Idempotency-Key / webhook-id so the receiver can drop the repeat.
 */
export async function dispatchDue(deps: NotificationDeps, options: DispatchOptions = {}): Promise<DispatchReport> {
  const now = deps.clock.now();
  const webhookTimeoutMs = options.webhookTimeoutMs ?? 10_000;
  // The lease outlasts the slowest delivery by a wide margin, so a claim never expires while its
  // worker is still sending: the message cannot be taken and sent a second time meanwhile.
  const emailTimeoutMs = options.emailTimeoutMs ?? defaultEmailTimeoutMs;
  const leaseMs = Math.max(options.leaseMs ?? 60_000, 2 * Math.max(webhookTimeoutMs, emailTimeoutMs));
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const limit = options.limit ?? 50;
  const rows = await deps.db.$queryRaw<ClaimedRow[]>`
    UPDATE "OutboxMessage" SET "lockedUntil" = ${leaseUntil}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE "status" = 'pending' AND "nextAttemptAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})
      ORDER BY "nextAttemptAt", "id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "shopId", "channel", "dedupeKey", "topic", "payload", "attempts", "lockedUntil"`;
  const report: DispatchReport = { claimed: rows.length, sent: 0, retried: 0, failed: 0, dead: 0, suppressed: 0 };
  const endpointIds = [...new Set(rows.filter((row) => row.channel === 'webhook').map((row) => (row.payload as WebhookPayload).endpointId))];
  const endpoints = new Map(
    endpointIds.length
      ? (await deps.db.webhookEndpoint.findMany({ where: { id: { in: endpointIds } }, select: endpointSelect })).map((e) => [e.id, e] as const)
      : [],
  );
  await Promise.all(
    rows.map(async (row) => {
      const isEmail = row.channel === 'email';
      let outcome: Outcome;
      try {
        outcome = isEmail ? await deliverEmail(deps, row, emailTimeoutMs) : await deliverWebhook(deps, row, endpoints, webhookTimeoutMs);
      } catch (err) {
        deps.logger.error({ err, outboxId: row.id }, 'outbox delivery crashed');
        const code = (err as { code?: unknown }).code;
        outcome = { kind: 'retry', error: isErrorCode(code) ? code : String((err as Error).message ?? err).slice(0, 300) };
      }
      const result = await settle(deps, row, outcome, isEmail ? emailRetryPolicy : webhookRetryPolicy);
      report[result] += 1;
    }),
  );
  return report;
}

/** Runs passes until nothing is due (bounded), for the job handler and tests. */
export async function dispatchAllDue(deps: NotificationDeps, options: DispatchOptions & { maxPasses?: number } = {}): Promise<DispatchReport> {
  const total: DispatchReport = { claimed: 0, sent: 0, retried: 0, failed: 0, dead: 0, suppressed: 0 };
  for (let pass = 0; pass < (options.maxPasses ?? 20); pass += 1) {
    const report = await dispatchDue(deps, options);
    for (const key of Object.keys(total) as Array<keyof DispatchReport>) total[key] += report[key];
    if (report.claimed < (options.limit ?? 50)) break;
  }
  return total;
}
