import { pickLocale } from '@comptoir/protocol';
import type { Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { accountBalances, loadLoyaltyShop } from '../loyalty/accounts.js';
import { tierFor } from '../loyalty/ledger.js';
import { rollingSpendMinor } from '../loyalty/service.js';

/** How many of a customer's orders and cases the history shows, newest first. */
export const customerHistoryLimit = 50;

/** A customer's programme standing, or null when the shop's programme is off. */
export interface CustomerLoyalty {
  balance: number;
  pending: number;
  tier: string | null;
}

/**
 * Everything the shop knows of one of its customers: orders, returns, claims, tickets, what they
 * spent net of refunds, and their loyalty standing. CUSTOMER_NOT_FOUND for another shop's customer.
 */
export async function getCustomerHistory(deps: Deps, input: { shopId: string; customerId: string }) {
  const db = deps.db;
  const customer = await db.customer.findFirst({
    where: { id: input.customerId, shopId: input.shopId },
    select: { id: true, email: true, name: true, createdAt: true, blocked: true, locale: true },
  });
  if (!customer) throw new DomainError('CUSTOMER_NOT_FOUND');
  const scope = { shopId: input.shopId, customerId: customer.id };
  const newest = { take: customerHistoryLimit } as const;
  const [orders, returns, claims, tickets, spent, refunded, shop] = await Promise.all([
    db.order.findMany({
      where: scope,
      orderBy: [{ placedAt: 'desc' }, { id: 'desc' }],
      select: { id: true, number: true, placedAt: true, totalMinor: true, currency: true, status: true, fulfilment: true },
      ...newest,
    }),
    db.returnCase.findMany({ where: scope, orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }], select: { id: true, code: true, status: true, requestedAt: true }, ...newest }),
    db.claim.findMany({ where: scope, orderBy: [{ openedAt: 'desc' }, { id: 'desc' }], select: { id: true, kind: true, status: true, openedAt: true }, ...newest }),
    db.ticket.findMany({ where: scope, orderBy: [{ openedAt: 'desc' }, { id: 'desc' }], select: { id: true, subject: true, status: true, openedAt: true }, ...newest }),
    db.order.aggregate({ where: { ...scope, status: { not: 'cancelled' } }, _sum: { totalMinor: true } }),
    // Refunds of a cancelled order are left out, as its total is: it counts on neither side.
    db.refund.aggregate({
      where: { shopId: input.shopId, status: 'succeeded', order: { customerId: customer.id, status: { not: 'cancelled' } } },
      _sum: { amountMinor: true },
    }),
    loadLoyaltyShop(db, input.shopId),
  ]);
  return {
    // The language their emails go out in (their own, else the shop's): saved replies are picked in it.
    customer: { ...customer, locale: pickLocale(customer.locale, shop.locale) },
    orders,
    returns,
    claims,
    tickets,
    lifetimeSpend: { amountMinor: (spent._sum.totalMinor ?? 0) - (refunded._sum.amountMinor ?? 0), currency: shop.currency },
    loyalty: shop.settings.enabled ? await loyaltyOf(deps, { scope: shop.scope, email: customer.email, tiers: shop.settings.tiers }) : null,
  };
}

async function loyaltyOf(
  deps: Deps,
  input: { scope: string; email: string; tiers: Parameters<typeof tierFor>[0] },
): Promise<CustomerLoyalty> {
  const account = await deps.db.loyaltyAccount.findUnique({ where: { scope_email: { scope: input.scope, email: input.email } }, select: { id: true } });
  if (!account) return { balance: 0, pending: 0, tier: input.tiers.length ? tierFor(input.tiers, 0).current.name : null };
  const balances = await accountBalances(deps.db, account.id);
  const spendMinor = await rollingSpendMinor(deps.db, account.id, deps.clock.now());
  return { balance: balances.available, pending: balances.pending, tier: input.tiers.length ? tierFor(input.tiers, spendMinor).current.name : null };
}
