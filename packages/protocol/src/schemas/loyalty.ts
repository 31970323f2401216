import { z } from 'zod';
import { email, shortText } from './common.js';

/** Kinds of ledger entries. Every change of points is one of them. */
export const LoyaltyEntryKind = {
  /** Points given: an order (pending until its return window closes), a bonus, goodwill. */
  earn: 'earn',
  /** Pending points of a lot made available. */
  release: 'release',
  /** Points spent on a voucher. */
  redeem: 'redeem',
  /** Points taken back because what earned them was returned or cancelled. */
  reverse: 'reverse',
  /** Points lost after a period without activity. */
  expire: 'expire',
  /** A staff member's correction, with a reason. */
  adjust: 'adjust',
  /** A move between two shops' shares of one group account (net zero for the shopper). */
  transfer: 'transfer',
} as const;
export type LoyaltyEntryKind = (typeof LoyaltyEntryKind)[keyof typeof LoyaltyEntryKind];

/** The two balances of an account. */
export const LoyaltyBucket = { pending: 'pending', available: 'available' } as const;
export type LoyaltyBucket = (typeof LoyaltyBucket)[keyof typeof LoyaltyBucket];

/** Statuses of a voucher. */
export const VoucherStatus = { issued: 'issued', redeemed: 'redeemed' } as const;
export type VoucherStatus = (typeof VoucherStatus)[keyof typeof VoucherStatus];

/** A stable id of a tier or reward inside the settings ("gold", "voucher-5"). */
export const loyaltySlug = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case letters, digits, - and _');

/** A tier over the rolling 12 months of spend, with its earning multiplier. */
export const loyaltyTier = z.object({
  id: loyaltySlug,
  name: shortText(60),
  /** Spend over the last 12 months (minor units of the shop's currency) from which the tier applies. */
  thresholdMinor: z.number().int().min(0).max(100_000_000),
  /** Points earned are multiplied by this (1 = no extra). */
  multiplier: z.number().min(1).max(10),
});
export type LoyaltyTier = z.output<typeof loyaltyTier>;

/** A reward: a voucher of a fixed value for a number of points. */
export const loyaltyReward = z.object({
  id: loyaltySlug,
  points: z.number().int().min(1).max(1_000_000),
  valueMinor: z.number().int().min(1).max(10_000_000),
  /** "generated": Comptoir makes the code and announces it by webhook; "pool": drawn from codes the shop uploaded. */
  codeSource: z.enum(['generated', 'pool']).default('generated'),
  /** Days the voucher stays valid; null = no end. */
  validDays: z.number().int().min(1).max(3_650).nullable().default(365),
});
export type LoyaltyReward = z.output<typeof loyaltyReward>;

const defaultTiers: LoyaltyTier[] = [
  { id: 'member', name: 'Membre', thresholdMinor: 0, multiplier: 1 },
  { id: 'silver', name: 'Argent', thresholdMinor: 30_000, multiplier: 1.25 },
  { id: 'gold', name: 'Or', thresholdMinor: 100_000, multiplier: 1.5 },
];

/**
 * A shop's loyalty programme. Every field has a default, so `{}` is a complete programme:
 * 1 point per currency unit, 50 points on the first order, 50 for choosing store credit, three
 * tiers, no expiry, and 100 points for a 5 € voucher. Goodwill points on a missed promise are set
 * in the service policy (`goodwill.loyaltyPointsOnMissedPromise`), not here.
 */
export const loyaltySettings = z.object({
  enabled: z.boolean().default(true),
  earning: z
    .object({
      /** Points per whole currency unit of merchandise (shipping excluded). */
      pointsPerUnit: z.number().min(0).max(100).default(1),
      /** Extra points on a shopper's first order in the programme. */
      firstOrderBonus: z.number().int().min(0).max(100_000).default(50),
      /** Points for choosing store credit instead of a refund to the original payment. */
      storeCreditBonus: z.number().int().min(0).max(100_000).default(50),
    })
    .prefault({}),
  /** Tiers by ascending threshold; the first must start at 0. */
  tiers: z
    .array(loyaltyTier)
    .min(1)
    .max(10)
    .default(defaultTiers)
    .check((ctx) => {
      const tiers = ctx.value;
      const ids = new Set(tiers.map((tier) => tier.id));
      if (ids.size !== tiers.length) ctx.issues.push({ code: 'custom', input: tiers, message: 'tier ids must be unique' });
      if (tiers[0]?.thresholdMinor !== 0) ctx.issues.push({ code: 'custom', input: tiers, message: 'the first tier starts at 0' });
      if (tiers.some((tier, index) => index > 0 && tier.thresholdMinor <= tiers[index - 1]!.thresholdMinor)) {
        ctx.issues.push({ code: 'custom', input: tiers, message: 'tier thresholds must increase' });
      }
    }),
  expiry: z
    .object({
      enabled: z.boolean().default(false),
      /** Months without activity (earning, redeeming, an adjustment) after which available points expire. */
      inactiveMonths: z.number().int().min(1).max(120).default(24),
      /** Days before expiry the shopper is reminded by email. */
      reminderDays: z.number().int().min(1).max(180).default(30),
    })
    .prefault({}),
  rewards: z
    .array(loyaltyReward)
    .max(20)
    .default([{ id: 'voucher-5', points: 100, valueMinor: 500, codeSource: 'generated', validDays: 365 }])
    .check((ctx) => {
      if (new Set(ctx.value.map((reward) => reward.id)).size !== ctx.value.length) {
        ctx.issues.push({ code: 'custom', input: ctx.value, message: 'reward ids must be unique' });
      }
    }),
});
/** A complete programme. */
export type LoyaltySettings = z.output<typeof loyaltySettings>;
/** A programme as an admin sends it: every field optional. */
export type LoyaltySettingsInput = z.input<typeof loyaltySettings>;

/** The programme every shop starts with. */
export function defaultLoyaltySettings(): LoyaltySettings {
  return loyaltySettings.parse({});
}

const isoDate = z.iso.datetime();
const points = z.number().int();

/** A voucher as the shopper and the admin see it. */
export const voucherOutput = z.object({
  id: z.uuid(),
  code: z.string(),
  valueMinor: z.number().int(),
  currency: z.string(),
  points,
  status: z.enum(['issued', 'redeemed']),
  /** The shop that issued it. */
  shopId: z.uuid(),
  expiresAt: isoDate.nullable(),
  redeemedAt: isoDate.nullable(),
  createdAt: isoDate,
});
export type VoucherOutput = z.output<typeof voucherOutput>;

/** One line of a shopper's history. */
export const loyaltyEntryOutput = z.object({
  id: z.uuid(),
  kind: z.enum(['earn', 'release', 'redeem', 'reverse', 'expire', 'adjust', 'transfer']),
  bucket: z.enum(['pending', 'available']),
  points,
  shopId: z.uuid(),
  availableAt: isoDate.nullable(),
  sourceType: z.string().nullable(),
  sourceId: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: isoDate,
});
export type LoyaltyEntryOutput = z.output<typeof loyaltyEntryOutput>;

/** Points still pending, grouped by when they become available. */
export const pendingLotOutput = z.object({
  points,
  availableAt: isoDate.nullable(),
  sourceType: z.string().nullable(),
  sourceId: z.string().nullable(),
});

/** Where a shopper stands among the tiers. */
export const tierProgressOutput = z.object({
  current: z.object({ id: z.string(), name: z.string(), multiplier: z.number() }),
  next: z.object({ id: z.string(), name: z.string(), thresholdMinor: z.number().int() }).nullable(),
  /** Spend over the last 12 months, minor units. */
  spendMinor: z.number().int(),
  /** What is left to spend to reach the next tier (0 at the top). */
  remainingMinor: z.number().int(),
  currency: z.string(),
});

/** A page of history: `nextCursor` is passed back as `cursor` for the following page. */
export const historyPageInput = z.object({
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(100).default(20),
});

/** What the widget shows: balances, pending points, tier, history, vouchers, rewards. */
export const loyaltySummaryOutput = z.object({
  enabled: z.boolean(),
  available: points,
  pending: points,
  pendingLots: z.array(pendingLotOutput),
  tier: tierProgressOutput,
  history: z.array(loyaltyEntryOutput),
  nextCursor: z.uuid().nullable(),
  vouchers: z.array(voucherOutput),
  rewards: z.array(z.object({ id: z.string(), points, valueMinor: z.number().int(), currency: z.string(), isAffordable: z.boolean() })),
  /** When available points expire without activity; null when expiry is off or nothing is available. */
  expiresAt: isoDate.nullable(),
});
export type LoyaltySummaryOutput = z.output<typeof loyaltySummaryOutput>;

/** Input of the widget's summary. */
export const loyaltySummaryInput = historyPageInput.prefault({});

/** A shopper turns points into a voucher; the same key gives the same voucher. */
export const loyaltyRedeemInput = z.object({
  rewardId: loyaltySlug,
  idempotencyKey: z.string().trim().min(8).max(100),
});

/** The result of a redemption. */
export const loyaltyRedeemOutput = z.object({
  voucher: voucherOutput,
  available: points,
  /** False when the key had already been used: the voucher is the one made then. */
  created: z.boolean(),
});

/** The checkout asks whether a code can be used here. */
export const voucherValidateInput = z.object({
  code: z.string().trim().min(4).max(64),
});

/** Why a code cannot be used, or "valid". */
export const VoucherVerdict = {
  valid: 'valid',
  unknown: 'unknown',
  redeemed: 'redeemed',
  expired: 'expired',
} as const;
export type VoucherVerdict = (typeof VoucherVerdict)[keyof typeof VoucherVerdict];

/** The answer to a validation: never reveals whose voucher it is. */
export const voucherValidateOutput = z.object({
  isValid: z.boolean(),
  /** A code of another shop (outside its group) is `unknown` here. */
  verdict: z.enum(['valid', 'unknown', 'redeemed', 'expired']),
  valueMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
  expiresAt: isoDate.nullable(),
});

/** The checkout uses a code on an order; the same redeem key answers the same again. */
export const voucherRedeemInput = z.object({
  code: z.string().trim().min(4).max(64),
  redeemKey: z.string().trim().min(8).max(100),
  orderRef: shortText().optional(),
});

/** The answer to a redemption. */
export const voucherRedeemOutput = z.object({
  voucherId: z.uuid(),
  valueMinor: z.number().int(),
  currency: z.string(),
  redeemedAt: isoDate,
  /** False when this redeem key had already redeemed it (a retry). */
  isFirstRedemption: z.boolean(),
});

/** Staff: a manual adjustment, reason required. */
export const loyaltyAdjustInput = z.object({
  email,
  points: z
    .number()
    .int()
    .min(-1_000_000)
    .max(1_000_000)
    .refine((value) => value !== 0, 'not zero'),
  reason: shortText(500),
});

/** Staff: members list. */
export const loyaltyMembersInput = z.object({
  search: z.string().trim().max(200).optional(),
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

/** One member with balances. */
export const loyaltyMemberOutput = z.object({
  accountId: z.uuid(),
  email: z.string(),
  available: points,
  pending: points,
  lastActivityAt: isoDate,
});

export const loyaltyMembersOutput = z.object({
  members: z.array(loyaltyMemberOutput),
  nextCursor: z.uuid().nullable(),
});

/** Staff: one member's history. */
export const loyaltyMemberHistoryInput = historyPageInput.extend({ email });

export const loyaltyMemberHistoryOutput = z.object({
  member: loyaltyMemberOutput.nullable(),
  history: z.array(loyaltyEntryOutput),
  nextCursor: z.uuid().nullable(),
  vouchers: z.array(voucherOutput),
  shortfallPoints: points,
});

/** One shop's share of a programme over a period. */
export const loyaltyStatementOutput = z.object({
  shopId: z.uuid(),
  from: isoDate.nullable(),
  to: isoDate,
  /** Points given at this shop (orders, bonuses, goodwill, positive adjustments). */
  issued: points,
  /** Points taken back at this shop (returns, negative adjustments). */
  reversed: points,
  /** Points spent on vouchers issued at this shop. */
  redeemed: points,
  /** Of those, points earned at other shops of the group (owed by them to this shop). */
  redeemedEarnedElsewhere: points,
  /** Points earned here and spent at other shops of the group (owed by this shop to them). */
  earnedHereRedeemedElsewhere: points,
  expired: points,
  /** What this shop's members still hold from this shop, pending and available. */
  outstanding: points,
  /** Per other shop: points it redeemed from here (`out`) and points this shop redeemed from it (`in`). */
  counterparts: z.array(z.object({ shopId: z.uuid(), shopName: z.string(), pointsIn: points, pointsOut: points })),
});

export const loyaltyStatementInput = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

/** Staff: upload codes for a pool reward. */
export const voucherPoolUploadInput = z.object({
  rewardId: loyaltySlug,
  codes: z.array(z.string().trim().min(4).max(64).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _')).min(1).max(5_000),
});

export const voucherPoolUploadOutput = z.object({ added: z.number().int(), skipped: z.number().int(), remaining: z.number().int() });

/** The group a shop belongs to, with its shops. */
export const loyaltyGroupOutput = z
  .object({
    id: z.uuid(),
    name: z.string(),
    shops: z.array(z.object({ id: z.uuid(), name: z.string() })),
  })
  .nullable();

export const loyaltyGroupCreateInput = z.object({ name: shortText(120) });
/** Owner: add a shop to the active shop's group (the owner must own both shops). */
export const loyaltyGroupAddShopInput = z.object({ shopId: z.uuid() });
