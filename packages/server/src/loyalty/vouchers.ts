import { pickLocale, type VoucherOutput, type VoucherVerdict } from '@comptoir/protocol';
import type { Prisma } from '../generated/prisma/client.js';
import { ActorType, type Actor } from '../core/actor.js';
import type { Deps, Db } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { recordEvent } from '../core/events.js';
import { newId } from '../core/ids.js';
import { enqueue } from '../notifications/outbox.js';
import { createCaseLink } from '../notifications/shopper-code.js';
import { accountBalances, coverShare, inLoyaltyTransaction, loadLoyaltyShop, touchAccount } from './accounts.js';
import { accountScope, generateVoucherCode, normalizeVoucherCode } from './ledger.js';

export const voucherSelect = {
  id: true,
  code: true,
  valueMinor: true,
  currency: true,
  points: true,
  status: true,
  shopId: true,
  expiresAt: true,
  redeemedAt: true,
  createdAt: true,
} satisfies Prisma.VoucherSelect;

type VoucherRow = Prisma.VoucherGetPayload<{ select: typeof voucherSelect }>;

/** A voucher row as clients see it. */
export function toVoucherOutput(row: VoucherRow): VoucherOutput {
  return {
    ...row,
    status: row.status === 'redeemed' ? 'redeemed' : 'issued',
    expiresAt: row.expiresAt?.toISOString() ?? null,
    redeemedAt: row.redeemedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Draws one unused code of a pool atomically: concurrent draws never get the same code. */
async function drawPoolCode(tx: Db, input: { shopId: string; rewardId: string; voucherId: string; now: Date }): Promise<string | null> {
  const rows = await tx.$queryRaw<Array<{ code: string }>>`
    UPDATE "VoucherCodePool" SET "drawnAt" = ${input.now}, "voucherId" = ${input.voucherId}::uuid
    WHERE "id" = (
      SELECT "id" FROM "VoucherCodePool"
      WHERE "shopId" = ${input.shopId}::uuid AND "rewardId" = ${input.rewardId} AND "drawnAt" IS NULL
      ORDER BY "createdAt", "id"
      FOR UPDATE SKIP LOCKED
      LIMIT 1
    )
    RETURNING "code"`;
  return rows[0]?.code ?? null;
}

/**
 * Turns a shopper's available points into a voucher of one of the shop's rewards. The account is
 * locked for the whole transaction, so concurrent redemptions can never spend the same points twice;
 * the same idempotency key gives back the same voucher. In a group, points earned at other shops
 * are first transferred to this shop's share (accounted per shop). A generated code is announced
 * to the shop's systems by the `loyalty.voucher_issued` webhook; a pool code is drawn atomically.
 */
export async function redeemForVoucher(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  input: { shopId: string; email: string; rewardId: string; idempotencyKey: string; actor?: Actor },
): Promise<{ voucher: VoucherOutput; available: number; created: boolean }> {
  const now = deps.clock.now();
  const email = input.email.trim().toLowerCase();
  const actor: Actor = input.actor ?? { type: ActorType.shopper };
  return inLoyaltyTransaction(deps, async (tx) => {
    const shop = await loadLoyaltyShop(tx, input.shopId);
    if (!shop.settings.enabled) throw new DomainError('LOYALTY_DISABLED');
    const reward = shop.settings.rewards.find((candidate) => candidate.id === input.rewardId);
    if (!reward) throw new DomainError('LOYALTY_REWARD_NOT_FOUND');
    const existing = await tx.loyaltyAccount.findUnique({ where: { scope_email: { scope: shop.scope, email } }, select: { id: true } });
    if (!existing) throw new DomainError('LOYALTY_INSUFFICIENT_POINTS', { required: reward.points, available: 0 });
    await tx.$queryRaw`SELECT "id" FROM "LoyaltyAccount" WHERE "id" = ${existing.id}::uuid FOR UPDATE`;
    const accountId = existing.id;

    const previous = await tx.voucher.findUnique({
      where: { accountId_issueKey: { accountId, issueKey: input.idempotencyKey } },
      select: voucherSelect,
    });
    if (previous) {
      const { available } = await accountBalances(tx, accountId);
      return { voucher: toVoucherOutput(previous), available, created: false };
    }
    const { available } = await accountBalances(tx, accountId);
    if (available < reward.points) throw new DomainError('LOYALTY_INSUFFICIENT_POINTS', { required: reward.points, available });

    const voucherId = newId();
    let code: string | null;
    if (reward.codeSource === 'pool') {
      code = await drawPoolCode(tx, { shopId: shop.id, rewardId: reward.id, voucherId, now });
      if (!code) throw new DomainError('LOYALTY_POOL_EMPTY');
    } else {
      code = null;
      // 27^10 codes: a collision is astronomically rare, but is checked rather than assumed.
      for (let attempt = 0; attempt < 5 && !code; attempt += 1) {
        const candidate = generateVoucherCode();
        const taken = await tx.voucher.findUnique({ where: { shopId_code: { shopId: shop.id, code: candidate } }, select: { id: true } });
        if (!taken) code = candidate;
      }
      if (!code) throw new Error('could not generate a unique voucher code');
    }
    const covered = await coverShare(tx, {
      accountId,
      shopId: shop.id,
      points: reward.points,
      reason: 'redeem',
      sourceType: 'voucher',
      sourceId: voucherId,
      actor,
      now,
    });
    if (covered < reward.points) throw new DomainError('LOYALTY_INSUFFICIENT_POINTS', { required: reward.points, available });
    const voucher = await tx.voucher.create({
      data: {
        id: voucherId,
        shopId: shop.id,
        accountId,
        code,
        valueMinor: reward.valueMinor,
        currency: shop.currency,
        points: reward.points,
        rewardId: reward.id,
        codeSource: reward.codeSource,
        status: 'issued',
        issueKey: input.idempotencyKey,
        expiresAt: reward.validDays ? new Date(now.getTime() + reward.validDays * 86_400_000) : null,
        createdAt: now,
      },
      select: voucherSelect,
    });
    await tx.loyaltyEntry.create({
      data: {
        accountId,
        shopId: shop.id,
        kind: 'redeem',
        bucket: 'available',
        points: -reward.points,
        reason: reward.id,
        sourceType: 'voucher',
        sourceId: voucherId,
        dedupeKey: `redeem:${voucherId}`,
        actorType: actor.type,
        actorId: actor.id ?? null,
        createdAt: now,
      },
      select: { id: true },
    });
    await touchAccount(tx, accountId, now);
    await recordEvent(tx, {
      shopId: shop.id,
      subjectType: 'loyalty',
      subjectId: accountId,
      type: 'loyalty.voucher_issued',
      actor,
      reason: reward.id,
      data: { voucherId, points: reward.points, valueMinor: reward.valueMinor, codeSource: reward.codeSource },
      occurredAt: now,
    });
    await enqueue(tx, {
      channel: 'webhook',
      shopId: shop.id,
      type: 'loyalty.voucher_issued',
      dedupeKey: `loyalty.voucher_issued:${voucherId}`,
      data: {
        voucherId,
        code,
        valueMinor: reward.valueMinor,
        currency: shop.currency,
        rewardId: reward.id,
        codeSource: reward.codeSource,
        expiresAt: voucher.expiresAt?.toISOString() ?? null,
      },
      at: now,
    });
    // The code by email too, so it is at hand at the till; with a link back to the points.
    const customer = await tx.customer.findFirst({ where: { shopId: shop.id, email, erasedAt: null }, select: { id: true, locale: true, shop: { select: { locale: true } } } });
    if (customer && code) {
      await enqueue(tx, {
        channel: 'email',
        shopId: shop.id,
        topic: 'loyalty_voucher_issued',
        dedupeKey: `loyalty.voucher_issued:${voucherId}`,
        to: email,
        locale: pickLocale(customer.locale, customer.shop.locale),
        customerId: customer.id,
        data: {
          code,
          value: { amountMinor: reward.valueMinor, currency: shop.currency },
          points: reward.points,
          expiresAt: voucher.expiresAt?.toISOString() ?? null,
          url: await createCaseLink(deps, tx, { shopId: shop.id, customerId: customer.id, caseType: 'loyalty', caseId: accountId }),
        },
        at: now,
      });
    }
    return { voucher: toVoucherOutput(voucher), available: available - reward.points, created: true };
  });
}

/**
 * The voucher a shop's checkout may use under this code: one issued by the shop itself, or by a
 * shop of the same group for a group account. A code of another shop is unknown here.
 */
async function findUsableVoucher(db: Db, shopId: string, rawCode: string) {
  const code = normalizeVoucherCode(rawCode);
  const shop = await db.shop.findUnique({ where: { id: shopId }, select: { id: true, loyaltyGroupId: true } });
  if (!shop) throw new DomainError('SHOP_NOT_FOUND');
  const groupScope = shop.loyaltyGroupId ? accountScope(shop) : null;
  const candidates = await db.voucher.findMany({
    where: { code, ...(groupScope ? {} : { shopId }) },
    select: { ...voucherSelect, redeemKey: true, redeemedAtShopId: true, accountId: true },
    take: 10,
  });
  const own = candidates.find((voucher) => voucher.shopId === shopId);
  if (own) return own;
  if (!groupScope) return null;
  const accounts = await db.loyaltyAccount.findMany({
    where: { id: { in: candidates.map((voucher) => voucher.accountId) }, scope: groupScope },
    select: { id: true },
  });
  const inGroup = new Set(accounts.map((account) => account.id));
  return candidates.find((voucher) => inGroup.has(voucher.accountId)) ?? null;
}

/** What a checkout learns about a code. */
export interface VoucherValidation {
  isValid: boolean;
  verdict: VoucherVerdict;
  valueMinor: number | null;
  currency: string | null;
  expiresAt: string | null;
}

/** Whether a code can be used at this shop now, and for how much. Reads only: safe to repeat. */
export async function validateVoucher(deps: Pick<Deps, 'db' | 'clock'>, input: { shopId: string; code: string }): Promise<VoucherValidation> {
  const voucher = await findUsableVoucher(deps.db, input.shopId, input.code);
  if (!voucher) return { isValid: false, verdict: 'unknown', valueMinor: null, currency: null, expiresAt: null };
  const details = { valueMinor: voucher.valueMinor, currency: voucher.currency, expiresAt: voucher.expiresAt?.toISOString() ?? null };
  if (voucher.status === 'redeemed') return { isValid: false, verdict: 'redeemed', ...details };
  if (voucher.expiresAt && voucher.expiresAt <= deps.clock.now()) return { isValid: false, verdict: 'expired', ...details };
  return { isValid: true, verdict: 'valid', ...details };
}

/**
 * Uses a voucher on an order at the shop's checkout: single use, idempotent by the checkout's
 * redeem key (a retry with the same key gets the same answer, another key gets
 * VOUCHER_ALREADY_REDEEMED). A conditional update makes the use atomic across instances.
 */
export async function redeemVoucher(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { shopId: string; code: string; redeemKey: string; orderRef?: string | null; actor: Actor },
): Promise<{ voucherId: string; valueMinor: number; currency: string; redeemedAt: string; isFirstRedemption: boolean }> {
  const now = deps.clock.now();
  const voucher = await findUsableVoucher(deps.db, input.shopId, input.code);
  if (!voucher) throw new DomainError('VOUCHER_NOT_FOUND');
  const answer = (redeemedAt: Date, isFirstRedemption: boolean) => ({
    voucherId: voucher.id,
    valueMinor: voucher.valueMinor,
    currency: voucher.currency,
    redeemedAt: redeemedAt.toISOString(),
    isFirstRedemption,
  });
  const replay = async () => {
    const current = await deps.db.voucher.findUniqueOrThrow({
      where: { id: voucher.id },
      select: { redeemKey: true, redeemedAtShopId: true, redeemedAt: true },
    });
    if (current.redeemKey === input.redeemKey && current.redeemedAtShopId === input.shopId && current.redeemedAt) {
      return answer(current.redeemedAt, false);
    }
    throw new DomainError('VOUCHER_ALREADY_REDEEMED');
  };
  if (voucher.status === 'redeemed') return replay();
  if (voucher.expiresAt && voucher.expiresAt <= now) throw new DomainError('VOUCHER_EXPIRED');
  return deps.db.$transaction(async (tx) => {
    const updated = await tx.voucher.updateMany({
      where: { id: voucher.id, status: 'issued' },
      data: { status: 'redeemed', redeemedAt: now, redeemedAtShopId: input.shopId, redeemKey: input.redeemKey, redeemedOrderRef: input.orderRef ?? null },
    });
    if (updated.count === 0) return null;
    await recordEvent(tx, {
      shopId: input.shopId,
      subjectType: 'loyalty',
      subjectId: voucher.accountId,
      type: 'loyalty.voucher_redeemed',
      fromStatus: 'issued',
      toStatus: 'redeemed',
      actor: input.actor,
      data: { voucherId: voucher.id, issuedByShopId: voucher.shopId, orderRef: input.orderRef ?? null },
      occurredAt: now,
    });
    return answer(now, true);
  }).then((result) => result ?? replay());
}

/** Adds codes the shop's checkout already knows to a pool reward; codes already there are skipped. */
export async function uploadVoucherCodes(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { shopId: string; rewardId: string; codes: readonly string[]; actor: Actor },
): Promise<{ added: number; skipped: number; remaining: number }> {
  const now = deps.clock.now();
  const shop = await loadLoyaltyShop(deps.db, input.shopId);
  if (!shop.settings.rewards.some((reward) => reward.id === input.rewardId)) throw new DomainError('LOYALTY_REWARD_NOT_FOUND');
  const codes = [...new Set(input.codes.map(normalizeVoucherCode))];
  return deps.db.$transaction(async (tx) => {
    const result = await tx.voucherCodePool.createMany({
      data: codes.map((code) => ({ shopId: input.shopId, rewardId: input.rewardId, code, createdAt: now })),
      skipDuplicates: true,
    });
    const remaining = await tx.voucherCodePool.count({ where: { shopId: input.shopId, rewardId: input.rewardId, drawnAt: null } });
    await recordEvent(tx, {
      shopId: input.shopId,
      subjectType: 'shop',
      subjectId: input.shopId,
      type: 'loyalty.codes_uploaded',
      actor: input.actor,
      data: { rewardId: input.rewardId, added: result.count },
      occurredAt: now,
    });
    return { added: result.count, skipped: input.codes.length - result.count, remaining };
  });
}
