import type { PrivacyCustomerRef, PrivacyEraseResult, PrivacyExport } from '@comptoir/protocol/schemas/privacy';
import { Prisma } from '../generated/prisma/client.js';
import type { Actor } from '../core/actor.js';
import type { Db, Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { recordEvent } from '../core/events.js';

/**
 * GDPR requests of a shopper to the shop (the controller), answered by the shop's owner or its
 * back end: a copy of everything stored about them (articles 15 and 20), and erasure (article 17)
 * that anonymises personal data while keeping what accounting law makes the shop keep: orders,
 * amounts, refunds and their allocations, store credit, loyalty ledgers.
 */

/** What replaces erased free text (ticket bodies, descriptions, comments). */
export const redactedText = '[effacé à la demande du client / erased at the customer’s request]';

/** The address an erased customer keeps: unique per customer, never deliverable (.invalid, RFC 2606). */
export function tombstoneEmail(customerId: string): string {
  return `erased+${customerId}@erased.invalid`;
}

/** Columns that are secrets or machinery, never personal data of the shopper: left out of exports. */
const internalColumns = new Set(['payloadHash', 'tokenHash', 'secret', 'dedupeKey', 'lockedUntil']);

/**
 * Rows as plain JSON: dates as ISO strings, bytes as base64, internal columns dropped. Whole rows
 * rather than a select on purpose: a column added later that holds personal data is exported
 * without anyone having to remember this file.
 */
function toJson<T>(value: T): Record<string, unknown>[] | Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(value, function replacer(key, item: unknown) {
      if (internalColumns.has(key)) return undefined;
      if (item instanceof Uint8Array) return Buffer.from(item).toString('base64');
      if (item && typeof item === 'object' && (item as { type?: unknown }).type === 'Buffer' && Array.isArray((item as { data?: unknown }).data)) {
        return Buffer.from((item as { data: number[] }).data).toString('base64');
      }
      if (typeof item === 'bigint') return item.toString();
      return item;
    }),
  ) as Record<string, unknown>[] | Record<string, unknown>;
}

function rows(value: unknown): Record<string, unknown>[] {
  return toJson(value) as Record<string, unknown>[];
}

/** Finds the customer a request is about, in this shop only. */
async function findCustomer(db: Db, shopId: string, ref: PrivacyCustomerRef) {
  const customer = await db.customer.findFirst({
    where: ref.customerId ? { id: ref.customerId, shopId } : { email: ref.email!, shopId },
  });
  if (!customer) throw new DomainError('CUSTOMER_NOT_FOUND');
  return customer;
}

/** The loyalty scopes the shop's accounts live in (its own, and its group's if it belongs to one). */
async function loyaltyScopes(db: Db, shopId: string): Promise<string[]> {
  const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { loyaltyGroupId: true } });
  return [`shop:${shopId}`, ...(shop.loyaltyGroupId ? [`group:${shop.loyaltyGroupId}`] : [])];
}

/** Everything stored about one shopper in one shop, as one JSON document. */
export async function exportCustomer(deps: Deps, input: { shopId: string; ref: PrivacyCustomerRef; actor: Actor }): Promise<PrivacyExport> {
  const { db } = deps;
  const shop = await db.shop.findUniqueOrThrow({ where: { id: input.shopId }, select: { id: true, name: true } });
  const customer = await findCustomer(db, input.shopId, input.ref);
  const where = { shopId: input.shopId, customerId: customer.id };

  const orders = await db.order.findMany({
    where,
    include: { lines: { orderBy: { position: 'asc' } }, shipments: { include: { events: true } } },
    orderBy: { placedAt: 'asc' },
  });
  const orderIds = orders.map((order) => order.id);
  const returns = await db.returnCase.findMany({ where, include: { lines: true }, orderBy: { requestedAt: 'asc' } });
  const returnIds = returns.map((item) => item.id);
  const exchanges = await db.exchange.findMany({ where: { shopId: input.shopId, returnId: { in: returnIds } } });
  const refunds = await db.refund.findMany({
    where: { shopId: input.shopId, orderId: { in: orderIds } },
    include: { allocations: true },
    orderBy: { createdAt: 'asc' },
  });
  const storeCredit = await db.storeCreditEntry.findMany({ where, orderBy: { createdAt: 'asc' } });
  const claims = await db.claim.findMany({ where, orderBy: { openedAt: 'asc' } });
  const claimIds = claims.map((claim) => claim.id);
  const claimAttachments = await db.attachment.findMany({ where: { shopId: input.shopId, claimId: { in: claimIds } } });
  const tickets = await db.ticket.findMany({
    where,
    // Internal notes are the shop's own working notes, but messages flagged internal are still
    // about this person: exported like the rest, as the right of access covers them.
    include: { messages: { include: { attachments: true }, orderBy: { createdAt: 'asc' } } },
    orderBy: { openedAt: 'asc' },
  });
  const pickupBookings = await db.pickupBooking.findMany({ where: { shopId: input.shopId, orderId: { in: orderIds } } });
  const accounts = await db.loyaltyAccount.findMany({
    where: { scope: { in: await loyaltyScopes(db, input.shopId) }, email: customer.email },
    include: {
      entries: { where: { shopId: input.shopId }, orderBy: { createdAt: 'asc' } },
    },
  });
  const vouchers = await db.voucher.findMany({
    where: { shopId: input.shopId, accountId: { in: accounts.map((account) => account.id) } },
  });
  const emails = await db.emailLog.findMany({ where: { shopId: input.shopId, to: customer.email }, orderBy: { createdAt: 'asc' } });
  const subjectIds = [customer.id, ...orderIds, ...returnIds, ...refunds.map((refund) => refund.id), ...claimIds, ...tickets.map((ticket) => ticket.id)];
  const events = await db.event.findMany({
    where: { shopId: input.shopId, subjectId: { in: subjectIds } },
    orderBy: { occurredAt: 'asc' },
  });

  deps.logger.info({ shopId: input.shopId, customerId: customer.id, actor: input.actor }, 'customer data exported');
  return {
    format: 'comptoir.customer-export.v1',
    exportedAt: deps.clock.now().toISOString(),
    shop,
    customer: toJson(customer) as Record<string, unknown>,
    orders: rows(orders),
    returns: rows(returns.map((item) => ({ ...item, exchange: exchanges.find((exchange) => exchange.returnId === item.id) ?? null }))),
    refunds: rows(refunds),
    storeCredit: rows(storeCredit),
    claims: rows(claims.map((claim) => ({ ...claim, attachments: claimAttachments.filter((file) => file.claimId === claim.id) }))),
    tickets: rows(tickets),
    pickupBookings: rows(pickupBookings),
    loyalty: rows(accounts.map((account) => ({ ...account, vouchers: vouchers.filter((voucher) => voucher.accountId === account.id) }))),
    emails: rows(emails),
    events: rows(events),
  };
}

/**
 * Erases a shopper's personal data in one shop, in one transaction: the customer keeps its row
 * (orders point to it) with a tombstone address and no name or phone; free text they or the staff
 * wrote about them is redacted; attachments are deleted; sign-in codes, pending emails and the
 * copies of sent emails go. Amounts, statuses, dates and the event history stay, so the books
 * and the guarantees' record still add up. A second request finds `erasedAt` and changes nothing.
 */
export async function eraseCustomer(
  deps: Deps,
  input: { shopId: string; ref: PrivacyCustomerRef; actor: Actor; reason?: string | null },
): Promise<PrivacyEraseResult> {
  return deps.db.$transaction(
    async (tx) => {
      const found = await findCustomer(tx, input.shopId, input.ref);
      // Serialises two erasures of the same customer (double click, retry of the REST call).
      await tx.$executeRaw`SELECT 1 FROM "Customer" WHERE "id" = ${found.id}::uuid FOR UPDATE`;
      const customer = await tx.customer.findUniqueOrThrow({ where: { id: found.id } });
      if (customer.erasedAt) {
        return { customerId: customer.id, erasedAt: customer.erasedAt.toISOString(), alreadyErased: true };
      }
      const now = deps.clock.now();
      const shopId = input.shopId;
      const where = { shopId, customerId: customer.id };
      const tombstone = tombstoneEmail(customer.id);
      const personal = [customer.email, customer.name, customer.phone].filter((value): value is string => Boolean(value && value.length >= 3));

      const orderIds = (await tx.order.findMany({ where, select: { id: true } })).map((order) => order.id);
      const returnIds = (await tx.returnCase.findMany({ where, select: { id: true } })).map((item) => item.id);
      const claimIds = (await tx.claim.findMany({ where, select: { id: true } })).map((claim) => claim.id);
      const ticketIds = (await tx.ticket.findMany({ where, select: { id: true } })).map((ticket) => ticket.id);

      await tx.returnCase.updateMany({ where, data: { reasonText: null, ratingComment: null } });
      await tx.claim.updateMany({ where, data: { description: null, ratingComment: null } });
      await tx.ticket.updateMany({ where, data: { subject: redactedText, ratingComment: null } });
      await tx.ticketMessage.updateMany({ where: { ticketId: { in: ticketIds } }, data: { body: redactedText } });
      await tx.attachment.deleteMany({
        where: { shopId, OR: [{ claimId: { in: claimIds } }, { ticketMessage: { ticketId: { in: ticketIds } } }] },
      });
      await tx.internalNote.updateMany({
        where: { shopId, caseId: { in: [...orderIds, ...returnIds, ...claimIds, ...ticketIds] } },
        data: { body: redactedText },
      });
      await tx.oneTimeToken.deleteMany({ where: { shopId, OR: [{ customerId: customer.id }, { email: customer.email }] } });
      await tx.emailLog.updateMany({ where: { shopId, to: customer.email }, data: { to: tombstone, subject: redactedText, html: '', text: '' } });
      await tx.$executeRaw`
        UPDATE "OutboxMessage"
           SET "payload" = ${JSON.stringify({ erased: true })}::jsonb,
               "status" = CASE WHEN "status" = 'pending' THEN 'dead' ELSE "status" END,
               "lastError" = CASE WHEN "status" = 'pending' THEN 'customer erased' ELSE "lastError" END
         WHERE "shopId" = ${shopId}::uuid AND "channel" = 'email'
           AND ("payload"->>'customerId' = ${customer.id} OR "payload"->>'to' = ${customer.email})`;
      // Event data may quote the address or the name (an order's customer at creation…).
      for (const value of personal) {
        await tx.$executeRaw`
          UPDATE "Event" SET "data" = ${JSON.stringify({ redacted: true })}::jsonb
           WHERE "shopId" = ${shopId}::uuid AND "data" IS NOT NULL AND strpos("data"::text, ${value}) > 0`;
      }
      // Points stay (they are the shop's liability), the account loses the address it was keyed by.
      await tx.loyaltyAccount.updateMany({ where: { scope: `shop:${shopId}`, email: customer.email }, data: { email: tombstone } });
      await tx.customer.update({
        where: { id: customer.id },
        data: { email: tombstone, name: null, phone: null, externalId: null, emailOptOut: true, erasedAt: now },
        select: { id: true },
      });
      await recordEvent(tx, {
        shopId,
        subjectType: 'customer',
        subjectId: customer.id,
        type: 'customer.erased',
        actor: input.actor,
        reason: input.reason ?? 'gdpr.erasure_request',
        data: { orders: orderIds.length, returns: returnIds.length, claims: claimIds.length, tickets: ticketIds.length } satisfies Prisma.InputJsonValue,
        occurredAt: now,
      });
      return { customerId: customer.id, erasedAt: now.toISOString(), alreadyErased: false };
    },
    { maxWait: 15_000, timeout: 60_000 },
  );
}
