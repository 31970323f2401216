/**
 * The service policy form, without the browser: which settings it shows (every one of
 * `servicePolicyRules` in @comptoir/protocol), how the typed text becomes the rules object the server
 * takes, and on which field each refusal belongs — the protocol's own zod schema on this side, the
 * server's error codes on the other. Kept pure so it is tested without a browser.
 */
import { legalLimits } from '@comptoir/protocol/policy/legal';
import {
  servicePolicyRules,
  type OpeningSchedule,
  type ServicePolicyRules,
  type ServicePolicyRulesInput,
  type Weekday,
} from '@comptoir/protocol/policy/service-policy';
import { majorTextToMinor, minorToMajorText, parseWholeNumber } from '../loyalty/loyalty-form-model.js';

/** What a number counts, shown next to its field. */
export type PolicyUnit = 'days' | 'months' | 'businessDays' | 'hours' | 'openingHours' | 'percent' | 'points' | 'returns' | 'orders';

/** Why the law bounds a field, to explain it next to the field. */
export type LegalBasis = 'withdrawal' | 'conformity' | 'refund' | 'shipping';

/** A legal bound of a field: a floor (the policy may be more generous, never less) or a ceiling. */
export interface LegalBound {
  kind: 'floor' | 'ceiling' | 'note';
  value: number;
  basis: LegalBasis;
}

/** One setting of the policy form. */
export interface PolicyField {
  /** Its path in the rules, dot-separated (`returns.windowDays`). */
  path: string;
  /** How it is typed: a whole number, an amount, a switch, one of a few options, a day of the year, a list (one item a line). */
  kind: 'integer' | 'money' | 'boolean' | 'choice' | 'monthDay' | 'lines';
  unit?: PolicyUnit;
  /** Bounds the schema enforces (in minor units for amounts). */
  min?: number;
  max?: number;
  options?: readonly string[];
  legal?: LegalBound;
}

/** The form's sections, in the order they are shown; `schedule` is the opening hours editor. */
export const policySections = ['returns', 'refunds', 'exchanges', 'claims', 'tickets', 'schedule', 'abuse', 'automation', 'goodwill'] as const;
export type PolicySection = (typeof policySections)[number];

/** Every setting of the policy except the opening schedule (which has its own editor), in display order. */
export const policyFields = [
  { path: 'returns.windowDays', kind: 'integer', unit: 'days', min: legalLimits.withdrawalDays, max: 365, legal: { kind: 'floor', value: legalLimits.withdrawalDays, basis: 'withdrawal' } },
  { path: 'returns.conformityGuaranteeMonths', kind: 'integer', unit: 'months', min: legalLimits.conformityGuaranteeMonths, max: 120, legal: { kind: 'floor', value: legalLimits.conformityGuaranteeMonths, basis: 'conformity' } },
  { path: 'returns.approvalBusinessDays', kind: 'integer', unit: 'businessDays', min: 1, max: 10 },
  { path: 'returns.holidayExtension.enabled', kind: 'boolean' },
  { path: 'returns.holidayExtension.ordersFrom', kind: 'monthDay' },
  { path: 'returns.holidayExtension.ordersTo', kind: 'monthDay' },
  { path: 'returns.holidayExtension.returnUntil', kind: 'monthDay' },
  { path: 'returns.nonReturnable.skus', kind: 'lines', max: 1_000 },
  { path: 'returns.nonReturnable.tags', kind: 'lines', max: 100 },
  { path: 'returns.methods.drop_off', kind: 'boolean' },
  { path: 'returns.methods.post_prepaid', kind: 'boolean' },
  { path: 'returns.methods.post_own_cost', kind: 'boolean' },
  { path: 'returns.methods.keep', kind: 'boolean' },
  { path: 'returns.keep.maxLineValueMinor', kind: 'money', min: 0, max: 1_000_000 },
  { path: 'returns.keep.firstTimeOnly', kind: 'boolean' },
  { path: 'refunds.dueHours', kind: 'integer', unit: 'hours', min: 1, max: legalLimits.refundMaxDays * 24, legal: { kind: 'ceiling', value: legalLimits.refundMaxDays * 24, basis: 'refund' } },
  { path: 'refunds.originalShipping', kind: 'choice', options: ['whole_order_returned', 'always'], legal: { kind: 'note', value: 0, basis: 'shipping' } },
  { path: 'refunds.instant.enabled', kind: 'boolean' },
  { path: 'refunds.instant.minDeliveredOrders', kind: 'integer', unit: 'orders', min: 0, max: 1_000 },
  { path: 'refunds.instant.requireNoRefusedReturn', kind: 'boolean' },
  { path: 'refunds.storeCredit.offerFirst', kind: 'boolean' },
  { path: 'refunds.storeCredit.bonusPercent', kind: 'integer', unit: 'percent', min: 0, max: 100 },
  { path: 'exchanges.enabled', kind: 'boolean' },
  { path: 'claims.notReceivedDaysAfterPromise', kind: 'integer', unit: 'days', min: 0, max: 30 },
  { path: 'claims.notReceivedDaysAfterOrder', kind: 'integer', unit: 'days', min: 1, max: 90 },
  { path: 'claims.answerBusinessDays', kind: 'integer', unit: 'businessDays', min: 1, max: 10 },
  { path: 'tickets.firstResponseOpeningHours', kind: 'integer', unit: 'openingHours', min: 1, max: 240 },
  { path: 'abuse.maxReturnsPer90Days', kind: 'integer', unit: 'returns', min: 1, max: 1_000 },
  { path: 'abuse.blockedEmails', kind: 'lines', max: 1_000 },
  { path: 'automation.autoApproveReturns', kind: 'boolean' },
  { path: 'automation.autoRefundClaims', kind: 'boolean' },
  { path: 'automation.escalateTickets', kind: 'boolean' },
  { path: 'automation.remindAt75Percent', kind: 'boolean' },
  { path: 'goodwill.loyaltyPointsOnMissedPromise', kind: 'integer', unit: 'points', min: 0, max: 100_000 },
] as const satisfies readonly PolicyField[];

/** The path of one of the form's settings. */
export type PolicyPath = (typeof policyFields)[number]['path'];

/** Settings shown together under one heading inside a section (`returns.methods`…). */
export type PolicyGroup = 'returns.holidayExtension' | 'returns.nonReturnable' | 'returns.methods' | 'returns.keep' | 'refunds.instant' | 'refunds.storeCredit';

/** Places of the opening schedule an error can point at. */
export type SchedulePath = 'schedule.openingHours' | `schedule.openingHours.${Weekday}` | 'schedule.holidays' | 'schedule.publicHolidays';

/** Where an error is shown: a setting, a group of settings, a part of the schedule, or the form as a whole. */
export type PolicyErrorTarget = PolicyPath | PolicyGroup | SchedulePath | 'form';

/** Why a value is refused, with what the message needs. */
export type PolicyFieldError =
  | { kind: 'wholeNumber' }
  | { kind: 'amount' }
  | { kind: 'tooSmall'; min: number }
  | { kind: 'tooBig'; max: number }
  | { kind: 'belowLegalFloor'; floor: number }
  | { kind: 'aboveLegalCeiling'; ceiling: number }
  | { kind: 'noReturnMethod' }
  | { kind: 'noOpeningHours' }
  | { kind: 'monthDay' }
  | { kind: 'invalidLine'; line: number }
  | { kind: 'time' }
  | { kind: 'closesBeforeOpens'; interval: number }
  | { kind: 'overlap' }
  | { kind: 'invalid'; detail: string };

/** Errors by where they are shown. */
export type PolicyErrors = Partial<Record<PolicyErrorTarget, PolicyFieldError>>;

/** What the inputs hold: text for numbers, amounts, days and lists; a boolean for switches. */
export type PolicyFormValues = Record<PolicyPath, string | boolean>;

/** The section a setting belongs to (the first part of its path). */
export function sectionOf(path: string): PolicySection {
  return path.split('.')[0] as PolicySection;
}

/** The group a setting is shown in, or null for a setting directly in its section. */
export function groupOf(path: string): PolicyGroup | null {
  const parts = path.split('.');
  return parts.length > 2 ? (`${parts[0]}.${parts[1]}` as PolicyGroup) : null;
}

/** The field definition of a path. */
export function fieldOf(path: PolicyPath): PolicyField {
  return policyFields.find((field) => field.path === path)!;
}

function getAt(object: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], object);
}

function setAt(object: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let target = object;
  for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
  target[keys.at(-1)!] = value;
}

/** The text (or switch) each input starts with, from the rules the server has. */
export function formValuesFromRules(rules: ServicePolicyRules): PolicyFormValues {
  const values = {} as PolicyFormValues;
  for (const field of policyFields as readonly PolicyField[]) {
    const value = getAt(rules, field.path);
    const path = field.path as PolicyPath;
    if (field.kind === 'boolean') values[path] = Boolean(value);
    else if (field.kind === 'money') values[path] = minorToMajorText(value as number);
    else if (field.kind === 'lines') values[path] = (value as string[]).join('\n');
    else values[path] = String(value);
  }
  return values;
}

/** The non-empty lines of a list field, trimmed, repeats dropped. */
export function parseLines(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))];
}

/**
 * The rules object the inputs describe, and the inputs that are not even a number or an amount
 * (those are left out of the rules, so the schema does not report them a second time).
 */
export function readPolicyForm(values: PolicyFormValues, schedule: OpeningSchedule): { rules: ServicePolicyRulesInput; errors: PolicyErrors } {
  const rules: Record<string, unknown> = {};
  const errors: PolicyErrors = {};
  for (const field of policyFields as readonly PolicyField[]) {
    const path = field.path as PolicyPath;
    const value = values[path];
    switch (field.kind) {
      case 'boolean':
        setAt(rules, path, value === true);
        break;
      case 'integer': {
        const number = parseWholeNumber(String(value));
        if (number === null) errors[path] = { kind: 'wholeNumber' };
        else setAt(rules, path, number);
        break;
      }
      case 'money': {
        const minor = majorTextToMinor(String(value));
        if (minor === null) errors[path] = { kind: 'amount' };
        else setAt(rules, path, minor);
        break;
      }
      case 'lines':
        setAt(rules, path, parseLines(String(value)));
        break;
      default:
        setAt(rules, path, String(value).trim());
    }
  }
  rules.schedule = schedule;
  return { rules: rules as ServicePolicyRulesInput, errors };
}

const fieldPaths = new Set<string>(policyFields.map((field) => field.path));
const groups = new Set<string>(policyFields.map((field) => groupOf(field.path)).filter((group) => group !== null));

/** Where an error at a path of the rules (from zod or the server) is shown. */
export function targetOfPath(path: readonly PropertyKey[]): PolicyErrorTarget {
  const keys = path.filter((key): key is string => typeof key === 'string');
  if (keys[0] === 'schedule') {
    if (keys[1] === 'openingHours') return (keys[2] ? `schedule.openingHours.${keys[2]}` : 'schedule.openingHours') as SchedulePath;
    if (keys[1] === 'holidays' || keys[1] === 'publicHolidays') return `schedule.${keys[1]}`;
    return 'form';
  }
  for (let length = keys.length; length > 0; length--) {
    const candidate = keys.slice(0, length).join('.');
    if (fieldPaths.has(candidate) || groups.has(candidate)) return candidate as PolicyErrorTarget;
  }
  return 'form';
}

/** One issue of the protocol's schema (zod's type, without depending on zod here). */
type Issue = NonNullable<ReturnType<typeof servicePolicyRules.safeParse>['error']>['issues'][number];

/** The error a zod issue becomes on its field. */
function errorOfIssue(issue: Issue, target: PolicyErrorTarget): PolicyFieldError {
  const params = issue.code === 'custom' ? (issue.params as { comptoirCode?: string; floor?: number; ceiling?: number } | undefined) : undefined;
  switch (params?.comptoirCode) {
    case 'POLICY_BELOW_LEGAL_FLOOR':
      return { kind: 'belowLegalFloor', floor: Number(params.floor) };
    case 'POLICY_ABOVE_LEGAL_CEILING':
      return { kind: 'aboveLegalCeiling', ceiling: Number(params.ceiling) };
    case 'POLICY_NO_RETURN_METHOD':
      return { kind: 'noReturnMethod' };
    case 'POLICY_NO_OPENING_HOURS':
      return { kind: 'noOpeningHours' };
  }
  const index = issue.path.find((key): key is number => typeof key === 'number');
  if (target.startsWith('schedule.openingHours.')) {
    if (issue.code === 'invalid_format') return { kind: 'time' };
    if (issue.code === 'custom') return index === undefined ? { kind: 'overlap' } : { kind: 'closesBeforeOpens', interval: index + 1 };
  }
  if (issue.code === 'too_small' && typeof issue.minimum === 'number' && index === undefined) return { kind: 'tooSmall', min: issue.minimum };
  if (issue.code === 'too_big' && typeof issue.maximum === 'number' && index === undefined) return { kind: 'tooBig', max: issue.maximum };
  if (index !== undefined) return { kind: 'invalidLine', line: index + 1 };
  if (fieldPaths.has(target) && fieldOf(target as PolicyPath).kind === 'monthDay') return { kind: 'monthDay' };
  return { kind: 'invalid', detail: issue.message };
}

/** The schema's issues as errors on their fields: the first issue of each field wins. */
export function errorsFromIssues(issues: readonly Issue[]): PolicyErrors {
  const errors: PolicyErrors = {};
  for (const issue of issues) {
    const target = targetOfPath(issue.path);
    errors[target] ??= errorOfIssue(issue, target);
  }
  return errors;
}

/** The verdict of {@link validatePolicyForm}. */
export type PolicyFormValidation = { ok: true; rules: ServicePolicyRules } | { ok: false; errors: PolicyErrors };

/** Reads the inputs and checks them with the protocol's own schema, as the server will. */
export function validatePolicyForm(values: PolicyFormValues, schedule: OpeningSchedule): PolicyFormValidation {
  const { rules, errors } = readPolicyForm(values, schedule);
  const result = servicePolicyRules.safeParse(rules);
  const schemaErrors = result.success ? {} : errorsFromIssues(result.error.issues);
  const all = { ...schemaErrors, ...errors };
  if (Object.keys(all).length > 0) return { ok: false, errors: all };
  return { ok: true, rules: result.data! };
}

/**
 * Where a refusal from the server belongs, from its code and params (`POLICY_BELOW_LEGAL_FLOOR` with
 * `field`, `INVALID_INPUT` with `issues` as "path: message; …"); null when it is not about one field.
 */
export function errorsFromServer(code: string | null, params: Record<string, unknown> | undefined): PolicyErrors | null {
  const field = typeof params?.field === 'string' ? params.field.split('.') : [];
  switch (code) {
    case 'POLICY_BELOW_LEGAL_FLOOR':
      return { [targetOfPath(field)]: { kind: 'belowLegalFloor', floor: Number(params?.floor) } };
    case 'POLICY_ABOVE_LEGAL_CEILING':
      return { [targetOfPath(field)]: { kind: 'aboveLegalCeiling', ceiling: Number(params?.ceiling) } };
    case 'POLICY_NO_RETURN_METHOD':
      return { 'returns.methods': { kind: 'noReturnMethod' } };
    case 'POLICY_NO_OPENING_HOURS':
      return { 'schedule.openingHours': { kind: 'noOpeningHours' } };
    case 'INVALID_INPUT': {
      const errors: PolicyErrors = {};
      for (const part of String(params?.issues ?? '').split('; ')) {
        const match = /^([\w.]+): (.*)$/.exec(part);
        if (!match) continue;
        // The server reports the whole input; the rules are under `rules`.
        const path = match[1]!.split('.').filter((key, i) => !(i === 0 && key === 'rules'));
        const target = targetOfPath(path.map((key) => (/^\d+$/.test(key) ? Number(key) : key)));
        if (target !== 'form') errors[target] ??= { kind: 'invalid', detail: match[2]! };
      }
      return Object.keys(errors).length > 0 ? errors : null;
    }
    default:
      return null;
  }
}

/** The first place with an error, in the order the form shows them (to move the focus there). */
export function firstErrorTarget(errors: PolicyErrors): PolicyErrorTarget | null {
  const order: PolicyErrorTarget[] = [];
  for (const field of policyFields) {
    const group = groupOf(field.path);
    if (group && !order.includes(group)) order.push(group);
    order.push(field.path);
    if (field.path === 'tickets.firstResponseOpeningHours') {
      order.push('schedule.openingHours', ...weekdayTargets(), 'schedule.holidays', 'schedule.publicHolidays');
    }
  }
  order.push('form');
  return order.find((target) => errors[target] !== undefined) ?? null;
}

function weekdayTargets(): SchedulePath[] {
  return (['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const).map((day) => `schedule.openingHours.${day}` as const);
}
