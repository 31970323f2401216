import { z } from 'zod';
import type { ErrorParams } from '../errors.js';
import { email, shortText } from '../schemas/common.js';
import { legalLimits } from './legal.js';

/** The machine codes a policy can be refused with (each has fr/en messages in errors.ts). */
export type PolicyErrorCode =
  | 'POLICY_BELOW_LEGAL_FLOOR'
  | 'POLICY_ABOVE_LEGAL_CEILING'
  | 'POLICY_NO_RETURN_METHOD'
  | 'POLICY_NO_OPENING_HOURS';

/** Params carried by a zod issue that maps to one of our error codes. */
interface PolicyIssueParams extends ErrorParams {
  comptoirCode: PolicyErrorCode;
}

const issueParams = (comptoirCode: PolicyErrorCode, params: ErrorParams): PolicyIssueParams => ({
  comptoirCode,
  ...params,
});

/** A whole number of days, hours… with a legal floor reported as POLICY_BELOW_LEGAL_FLOOR. */
const atLeastByLaw = (field: string, floor: number, max: number) =>
  z
    .number()
    .int()
    .max(max)
    .check((ctx) => {
      if (ctx.value < floor) {
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          message: `${field} must be at least ${floor} (legal floor)`,
          params: issueParams('POLICY_BELOW_LEGAL_FLOOR', { field, floor }),
        });
      }
    });

/** A whole number with a legal ceiling reported as POLICY_ABOVE_LEGAL_CEILING. */
const atMostByLaw = (field: string, ceiling: number, min: number) =>
  z
    .number()
    .int()
    .min(min)
    .check((ctx) => {
      if (ctx.value > ceiling) {
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          message: `${field} must be at most ${ceiling} (legal maximum)`,
          params: issueParams('POLICY_ABOVE_LEGAL_CEILING', { field, ceiling }),
        });
      }
    });

const isValidMonthDay = (value: string): boolean => {
  const [month, day] = value.split('-').map(Number) as [number, number];
  // 2024 is a leap year, so 02-29 counts as a real day.
  const date = new Date(Date.UTC(2024, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** A day of the year without a year, "MM-DD" (for the yearly holiday extension). */
export const monthDay = z
  .string()
  .regex(/^\d{2}-\d{2}$/, 'expected MM-DD')
  .refine(isValidMonthDay, 'not a day of the year');

/** A calendar date "YYYY-MM-DD" (a holiday, in the shop's time zone). */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((value) => isValidMonthDay(value.slice(5)) && (value.slice(5) !== '02-29' || Number(value.slice(0, 4)) % 4 === 0), 'not a date');

/** A wall-clock time "HH:MM" in the shop's time zone; "24:00" closes at midnight. */
export const wallTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:MM');

const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** One opening interval of a day. */
export const openingInterval = z
  .object({ opens: wallTime, closes: wallTime })
  .refine((interval) => minutesOf(interval.opens) < minutesOf(interval.closes), 'opens must be before closes');
export type OpeningInterval = z.output<typeof openingInterval>;

/** A day's opening intervals, in order and not overlapping (a lunch break makes two). */
const dayHours = (defaultHours: OpeningInterval[]) =>
  z
    .array(openingInterval)
    .max(4)
    .refine(
      (intervals) => intervals.every((interval, i) => i === 0 || minutesOf(intervals[i - 1]!.closes) <= minutesOf(interval.opens)),
      'intervals must be in order and must not overlap',
    )
    .default(defaultHours);

const nineToSeven: OpeningInterval[] = [{ opens: '09:00', closes: '19:00' }];

/** The weekdays, Monday first, as keys of the opening hours. */
export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof weekdays)[number];

/** When the shop is open: per weekday, in its time zone, plus holidays. Business days and opening hours derive from it. */
export const openingSchedule = z
  .object({
    openingHours: z
      .object({
        monday: dayHours(nineToSeven),
        tuesday: dayHours(nineToSeven),
        wednesday: dayHours(nineToSeven),
        thursday: dayHours(nineToSeven),
        friday: dayHours(nineToSeven),
        saturday: dayHours(nineToSeven),
        sunday: dayHours([]),
      })
      .prefault({})
      .check((ctx) => {
        if (weekdays.every((day) => ctx.value[day].length === 0)) {
          ctx.issues.push({
            code: 'custom',
            input: ctx.value,
            message: 'the shop must open at least once a week',
            params: issueParams('POLICY_NO_OPENING_HOURS', {}),
          });
        }
      }),
    /** Days the shop is closed, "YYYY-MM-DD" in its time zone. */
    holidays: z.array(calendarDate).max(200).default([]),
    /** Public holidays to close on without listing them: the French ones, or none. */
    publicHolidays: z.enum(['FR', 'none']).default('FR'),
  })
  .prefault({});
export type OpeningSchedule = z.output<typeof openingSchedule>;

/**
 * A shop's service policy: every promise it makes, with Amazon-like defaults and French legal
 * floors. `servicePolicyRules.parse({})` gives the complete defaults; a stored version is parsed
 * the same way, so a field added later takes its default in old versions.
 */
export const servicePolicyRules = z.object({
  returns: z
    .object({
      /** Days from delivery (or pickup) to ask for a return. Legal floor: 14. */
      windowDays: atLeastByLaw('returns.windowDays', legalLimits.withdrawalDays, 365).default(30),
      /** Orders placed in a season (1 Nov–31 Dec) returnable until a later day (31 Jan), if that is later. */
      holidayExtension: z
        .object({
          enabled: z.boolean().default(true),
          ordersFrom: monthDay.default('11-01'),
          ordersTo: monthDay.default('12-31'),
          /** In the year after `ordersTo` when it falls earlier in the year than `ordersFrom`. */
          returnUntil: monthDay.default('01-31'),
        })
        .prefault({}),
      /** Items refused for a change of mind (hygiene, made to measure), still covered when defective. */
      nonReturnable: z
        .object({
          skus: z.array(shortText()).max(1_000).default([]),
          /** Matched case-insensitively against the order line's tags. */
          tags: z.array(shortText(64)).max(100).default(['hygiene', 'made-to-measure']),
        })
        .prefault({}),
      /** Months from delivery a defective item can be returned. Legal floor: 24. */
      conformityGuaranteeMonths: atLeastByLaw('returns.conformityGuaranteeMonths', legalLimits.conformityGuaranteeMonths, 120).default(24),
      /** Business days the shop has to approve or refuse a request before it is approved automatically. */
      approvalBusinessDays: z.number().int().min(1).max(10).default(1),
      /** Which return methods the shop offers. */
      methods: z
        .object({
          drop_off: z.boolean().default(true),
          post_prepaid: z.boolean().default(false),
          post_own_cost: z.boolean().default(true),
          keep: z.boolean().default(false),
        })
        .prefault({}),
      /** When "keep" (returnless refund) is offered. */
      keep: z
        .object({
          /** Highest value, in minor units, of the returned quantity of a line the shopper may keep. */
          maxLineValueMinor: z.number().int().min(0).max(1_000_000).default(1_500),
          /** Only for a customer's first returnless request. */
          firstTimeOnly: z.boolean().default(true),
        })
        .prefault({}),
    })
    .prefault({})
    .check((ctx) => {
      const { drop_off, post_prepaid, post_own_cost } = ctx.value.methods;
      if (!drop_off && !post_prepaid && !post_own_cost) {
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          path: ['methods'],
          message: 'offer at least one way to send an item back',
          params: issueParams('POLICY_NO_RETURN_METHOD', {}),
        });
      }
    }),
  refunds: z
    .object({
      /** Hours from receipt in store (or the carrier's first scan) to refund. Legal maximum: 14 days. */
      dueHours: atMostByLaw('refunds.dueHours', legalLimits.refundMaxDays * 24, 1).default(48),
      /** Refund at request, before the item is back, for customers the shop trusts. */
      instant: z
        .object({
          enabled: z.boolean().default(false),
          minDeliveredOrders: z.number().int().min(0).max(1_000).default(3),
          requireNoRefusedReturn: z.boolean().default(true),
        })
        .prefault({}),
      /** Store credit offered before the original payment method, with a bonus. */
      storeCredit: z
        .object({
          offerFirst: z.boolean().default(true),
          bonusPercent: z.number().int().min(0).max(100).default(10),
        })
        .prefault({}),
      /**
       * When the original delivery cost is refunded. The law requires it when the whole order is
       * withdrawn, so that is the least a policy can say.
       */
      originalShipping: z.enum(['whole_order_returned', 'always']).default('whole_order_returned'),
    })
    .prefault({}),
  exchanges: z.object({ enabled: z.boolean().default(true) }).prefault({}),
  claims: z
    .object({
      /** "Not received" opens this many days after the latest promised delivery date. */
      notReceivedDaysAfterPromise: z.number().int().min(0).max(30).default(3),
      /** …or this many days after the order when no date was promised. */
      notReceivedDaysAfterOrder: z.number().int().min(1).max(90).default(30),
      /** Business days the shop has to answer a claim before it is decided for the shopper. */
      answerBusinessDays: z.number().int().min(1).max(10).default(2),
    })
    .prefault({}),
  tickets: z
    .object({
      /** Opening hours to the first response. */
      firstResponseOpeningHours: z.number().int().min(1).max(240).default(24),
    })
    .prefault({}),
  schedule: openingSchedule,
  abuse: z
    .object({
      /** Returns in the last 90 days from which a new request waits for a person. */
      maxReturnsPer90Days: z.number().int().min(1).max(1_000).default(5),
      /** Shoppers whose requests always wait for a person. */
      blockedEmails: z.array(email).max(1_000).default([]),
    })
    .prefault({}),
  /** What the server does by itself when the shop misses a deadline. All on by default. */
  automation: z
    .object({
      autoApproveReturns: z.boolean().default(true),
      autoRefundClaims: z.boolean().default(true),
      escalateTickets: z.boolean().default(true),
      remindAt75Percent: z.boolean().default(true),
    })
    .prefault({}),
  goodwill: z
    .object({
      /** Loyalty points given to the shopper when the shop misses a promise; 0 gives none. */
      loyaltyPointsOnMissedPromise: z.number().int().min(0).max(100_000).default(100),
    })
    .prefault({}),
});

/** A complete, validated service policy. */
export type ServicePolicyRules = z.output<typeof servicePolicyRules>;
/** A policy as an admin sends it: every field optional. */
export type ServicePolicyRulesInput = z.input<typeof servicePolicyRules>;

/** The default policy every new shop starts with. */
export function defaultServicePolicyRules(): ServicePolicyRules {
  return servicePolicyRules.parse({});
}

/** The verdict of {@link validateServicePolicy}: the rules, or the error code and params to throw. */
export type PolicyValidation =
  | { ok: true; rules: ServicePolicyRules }
  | { ok: false; code: PolicyErrorCode | 'INVALID_INPUT'; params: ErrorParams; issues: z.core.$ZodIssue[] };

/**
 * Parses a policy and, when it is refused, names the most useful error: a legal floor or ceiling
 * first (the admin must learn it is the law), then a missing method or opening hours, then plain
 * invalid input. The server throws `new DomainError(code, params)`.
 */
export function validateServicePolicy(input: unknown): PolicyValidation {
  const result = servicePolicyRules.safeParse(input);
  if (result.success) return { ok: true, rules: result.data };
  const issues = result.error.issues;
  const coded = issues
    .map((issue) => (issue.code === 'custom' ? (issue.params as PolicyIssueParams | undefined) : undefined))
    .filter((params): params is PolicyIssueParams => params?.comptoirCode !== undefined);
  const order: PolicyErrorCode[] = ['POLICY_BELOW_LEGAL_FLOOR', 'POLICY_ABOVE_LEGAL_CEILING', 'POLICY_NO_RETURN_METHOD', 'POLICY_NO_OPENING_HOURS'];
  for (const code of order) {
    const found = coded.find((params) => params.comptoirCode === code);
    if (found) {
      const { comptoirCode: _code, ...params } = found;
      return { ok: false, code, params, issues };
    }
  }
  return {
    ok: false,
    code: 'INVALID_INPUT',
    params: { issues: issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ').slice(0, 500) },
    issues,
  };
}
