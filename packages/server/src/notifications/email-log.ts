import { DomainError } from '../core/domain-error.js';
import type { Deps } from '../core/deps.js';

/** An email as the admin's "Emails sent" lists it. */
export interface SentEmailSummary {
  id: string;
  to: string;
  subject: string;
  /** The template it came from; null for a message logged without an outbox row. */
  topic: string | null;
  /** "resend" or "dev" (the development transport that keeps messages instead of sending them). */
  transport: string;
  providerId: string | null;
  createdAt: Date;
}

/** One email with what was sent, to read it as the recipient did. */
export interface SentEmail extends SentEmailSummary {
  html: string;
  text: string;
}

const summarySelect = { id: true, to: true, subject: true, transport: true, providerId: true, createdAt: true, outboxId: true } as const;

async function topicsOf(deps: Deps, outboxIds: string[]): Promise<Map<string, string | null>> {
  if (outboxIds.length === 0) return new Map();
  const rows = await deps.db.outboxMessage.findMany({ where: { id: { in: outboxIds } }, select: { id: true, topic: true } });
  return new Map(rows.map((row) => [row.id, row.topic]));
}

/** The shop's sent emails, newest first (ids are time-ordered UUIDv7, so they page by id). */
export async function listSentEmails(
  deps: Deps,
  input: { shopId: string; limit: number; cursor?: string | null; search?: string },
): Promise<{ emails: SentEmailSummary[]; nextCursor: string | null }> {
  const rows = await deps.db.emailLog.findMany({
    where: {
      shopId: input.shopId,
      ...(input.cursor ? { id: { lt: input.cursor } } : {}),
      ...(input.search
        ? { OR: [{ to: { contains: input.search, mode: 'insensitive' } }, { subject: { contains: input.search, mode: 'insensitive' } }] }
        : {}),
    },
    orderBy: { id: 'desc' },
    take: input.limit + 1,
    select: summarySelect,
  });
  const page = rows.slice(0, input.limit);
  const topics = await topicsOf(deps, page.flatMap((row) => (row.outboxId ? [row.outboxId] : [])));
  return {
    emails: page.map(({ outboxId, ...row }) => ({ ...row, topic: outboxId ? (topics.get(outboxId) ?? null) : null })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** One email of the shop, with its HTML and plain text. */
export async function getSentEmail(deps: Deps, input: { shopId: string; emailId: string }): Promise<SentEmail> {
  const row = await deps.db.emailLog.findFirst({ where: { id: input.emailId, shopId: input.shopId }, select: { ...summarySelect, html: true, text: true } });
  if (!row) throw new DomainError('NOT_FOUND');
  const { outboxId, ...email } = row;
  const topic = outboxId ? ((await topicsOf(deps, [outboxId])).get(outboxId) ?? null) : null;
  return { ...email, topic };
}
