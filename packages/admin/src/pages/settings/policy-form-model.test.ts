import { describe, expect, it } from 'vitest';
import { defaultServicePolicyRules, servicePolicyRules } from '@comptoir/protocol/policy/service-policy';
import {
  errorsFromIssues,
  errorsFromServer,
  firstErrorTarget,
  formValuesFromRules,
  groupOf,
  parseLines,
  policyFields,
  readPolicyForm,
  targetOfPath,
  validatePolicyForm,
  type PolicyField,
  type PolicyPath,
} from './policy-form-model.js';

/** Every leaf of an object (arrays count as leaves), as dot paths. */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafPaths(child, prefix ? `${prefix}.${key}` : key));
}

const defaults = () => defaultServicePolicyRules();
const formOf = (patch: Partial<Record<PolicyPath, string | boolean>> = {}) => ({ ...formValuesFromRules(defaults()), ...patch });

describe('policy form model', () => {
  it('has a field for every setting of the policy schema (the schedule has its own editor)', () => {
    const settings = leafPaths(defaults()).filter((path) => !path.startsWith('schedule.'));
    expect(policyFields.map((field) => field.path).sort()).toEqual(settings.sort());
  });

  it('gives back the server’s rules unchanged when nothing is edited', () => {
    const rules = servicePolicyRules.parse({
      returns: { windowDays: 45, nonReturnable: { skus: ['MUG-1', 'BOL-2'] }, keep: { maxLineValueMinor: 2_550 } },
      abuse: { blockedEmails: ['a@example.fr'] },
      schedule: { holidays: ['2026-08-15'], openingHours: { monday: [{ opens: '09:00', closes: '12:30' }, { opens: '14:00', closes: '19:00' }] } },
    });
    const result = validatePolicyForm(formValuesFromRules(rules), rules.schedule);
    expect(result).toEqual({ ok: true, rules });
  });

  it.each((policyFields as readonly PolicyField[]).filter((field) => field.kind === 'integer'))(
    'keeps $path within the bounds the schema enforces',
    (field) => {
      const at = (value: number) => validatePolicyForm(formOf({ [field.path as PolicyPath]: String(value) }), defaults().schedule);
      expect(at(field.min!).ok).toBe(true);
      expect(at(field.max!).ok).toBe(true);
      expect(at(field.min! - 1)).toMatchObject({ ok: false, errors: { [field.path]: {} } });
      expect(at(field.max! + 1)).toMatchObject({ ok: false, errors: { [field.path]: {} } });
    },
  );

  it('explains a return window under the withdrawal period as the legal floor, on its field', () => {
    const result = validatePolicyForm(formOf({ 'returns.windowDays': '10' }), defaults().schedule);
    expect(result).toEqual({ ok: false, errors: { 'returns.windowDays': { kind: 'belowLegalFloor', floor: 14 } } });
  });

  it('explains a refund delay beyond 14 days as the legal ceiling', () => {
    const result = validatePolicyForm(formOf({ 'refunds.dueHours': '400' }), defaults().schedule);
    expect(result).toEqual({ ok: false, errors: { 'refunds.dueHours': { kind: 'aboveLegalCeiling', ceiling: 336 } } });
  });

  it('refuses a policy without any way to send an item back, on the methods group', () => {
    const result = validatePolicyForm(
      formOf({ 'returns.methods.drop_off': false, 'returns.methods.post_prepaid': false, 'returns.methods.post_own_cost': false, 'returns.methods.keep': true }),
      defaults().schedule,
    );
    expect(result).toEqual({ ok: false, errors: { 'returns.methods': { kind: 'noReturnMethod' } } });
  });

  it('reports text that is not a number or an amount once, on its field', () => {
    const result = validatePolicyForm(formOf({ 'returns.windowDays': '3 semaines', 'returns.keep.maxLineValueMinor': 'quinze' }), defaults().schedule);
    expect(result).toEqual({ ok: false, errors: { 'returns.windowDays': { kind: 'wholeNumber' }, 'returns.keep.maxLineValueMinor': { kind: 'amount' } } });
  });

  it('reads amounts in currency units and lists one item a line', () => {
    const { rules } = readPolicyForm(
      formOf({ 'returns.keep.maxLineValueMinor': '12,5', 'returns.nonReturnable.skus': ' A-1 \n\nB-2\nA-1\n', 'abuse.blockedEmails': '' }),
      defaults().schedule,
    );
    expect(rules.returns?.keep?.maxLineValueMinor).toBe(1_250);
    expect(rules.returns?.nonReturnable?.skus).toEqual(['A-1', 'B-2']);
    expect(rules.abuse?.blockedEmails).toEqual([]);
    expect(parseLines('x\r\ny')).toEqual(['x', 'y']);
  });

  it('points at the line of a list that is refused', () => {
    const result = validatePolicyForm(formOf({ 'abuse.blockedEmails': 'ok@example.fr\nnot-an-email' }), defaults().schedule);
    expect(result).toEqual({ ok: false, errors: { 'abuse.blockedEmails': { kind: 'invalidLine', line: 2 } } });
  });

  it('refuses a day of the year that does not exist', () => {
    const result = validatePolicyForm(formOf({ 'returns.holidayExtension.returnUntil': '02-30' }), defaults().schedule);
    expect(result).toEqual({ ok: false, errors: { 'returns.holidayExtension.returnUntil': { kind: 'monthDay' } } });
  });

  it('puts opening hours errors on their day, and a closed week on the whole schedule', () => {
    const schedule = defaults().schedule;
    const reversed = { ...schedule, openingHours: { ...schedule.openingHours, tuesday: [{ opens: '14:00', closes: '12:00' }] } };
    expect(validatePolicyForm(formOf(), reversed)).toEqual({ ok: false, errors: { 'schedule.openingHours.tuesday': { kind: 'closesBeforeOpens', interval: 1 } } });
    const overlapping = {
      ...schedule,
      openingHours: { ...schedule.openingHours, monday: [{ opens: '09:00', closes: '13:00' }, { opens: '12:00', closes: '19:00' }] },
    };
    expect(validatePolicyForm(formOf(), overlapping)).toEqual({ ok: false, errors: { 'schedule.openingHours.monday': { kind: 'overlap' } } });
    const empty = { ...schedule, openingHours: { ...schedule.openingHours, friday: [{ opens: '', closes: '18:00' }] } };
    expect(validatePolicyForm(formOf(), empty)).toEqual({ ok: false, errors: { 'schedule.openingHours.friday': { kind: 'time' } } });
    const closed = {
      ...schedule,
      openingHours: { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] },
    };
    expect(validatePolicyForm(formOf(), closed)).toEqual({ ok: false, errors: { 'schedule.openingHours': { kind: 'noOpeningHours' } } });
    const badHoliday = { ...schedule, holidays: ['2026-12-25', '2026-02-30'] };
    expect(validatePolicyForm(formOf(), badHoliday)).toEqual({ ok: false, errors: { 'schedule.holidays': { kind: 'invalidLine', line: 2 } } });
  });

  it('finds the field of any path of the rules', () => {
    expect(targetOfPath(['returns', 'windowDays'])).toBe('returns.windowDays');
    expect(targetOfPath(['returns', 'methods'])).toBe('returns.methods');
    expect(targetOfPath(['returns', 'nonReturnable', 'skus', 3])).toBe('returns.nonReturnable.skus');
    expect(targetOfPath(['schedule', 'openingHours', 'monday', 1, 'opens'])).toBe('schedule.openingHours.monday');
    expect(targetOfPath(['schedule', 'holidays', 0])).toBe('schedule.holidays');
    expect(targetOfPath(['somethingNew'])).toBe('form');
    expect(groupOf('returns.methods.keep')).toBe('returns.methods');
    expect(groupOf('returns.windowDays')).toBeNull();
  });

  it('puts the server’s refusals on the right field', () => {
    expect(errorsFromServer('POLICY_BELOW_LEGAL_FLOOR', { field: 'returns.windowDays', floor: 14 })).toEqual({ 'returns.windowDays': { kind: 'belowLegalFloor', floor: 14 } });
    expect(errorsFromServer('POLICY_BELOW_LEGAL_FLOOR', { field: 'returns.conformityGuaranteeMonths', floor: 24 })).toEqual({
      'returns.conformityGuaranteeMonths': { kind: 'belowLegalFloor', floor: 24 },
    });
    expect(errorsFromServer('POLICY_ABOVE_LEGAL_CEILING', { field: 'refunds.dueHours', ceiling: 336 })).toEqual({ 'refunds.dueHours': { kind: 'aboveLegalCeiling', ceiling: 336 } });
    expect(errorsFromServer('POLICY_NO_RETURN_METHOD', {})).toEqual({ 'returns.methods': { kind: 'noReturnMethod' } });
    expect(errorsFromServer('POLICY_NO_OPENING_HOURS', {})).toEqual({ 'schedule.openingHours': { kind: 'noOpeningHours' } });
    expect(errorsFromServer('INVALID_INPUT', { issues: 'rules.claims.answerBusinessDays: Too big: expected number to be <=10; rules.schedule.holidays.2: not a date' })).toEqual({
      'claims.answerBusinessDays': { kind: 'invalid', detail: 'Too big: expected number to be <=10' },
      'schedule.holidays': { kind: 'invalid', detail: 'not a date' },
    });
    expect(errorsFromServer('INVALID_INPUT', { issues: 'expectedVersion: expected number' })).toBeNull();
    expect(errorsFromServer('POLICY_VERSION_CONFLICT', {})).toBeNull();
  });

  it('takes the first issue of a field and orders errors as the form shows them', () => {
    const result = servicePolicyRules.safeParse({ returns: { windowDays: 3.5 }, claims: { answerBusinessDays: 0 } });
    expect(result.success).toBe(false);
    const errors = errorsFromIssues(result.error!.issues);
    expect(Object.keys(errors).sort()).toEqual(['claims.answerBusinessDays', 'returns.windowDays']);
    expect(firstErrorTarget(errors)).toBe('returns.windowDays');
    expect(firstErrorTarget({ 'abuse.blockedEmails': { kind: 'invalidLine', line: 1 }, 'schedule.holidays': { kind: 'invalidLine', line: 1 } })).toBe('schedule.holidays');
    expect(firstErrorTarget({})).toBeNull();
  });
});
