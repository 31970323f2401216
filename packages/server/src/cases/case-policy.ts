import { servicePolicyRules, type ServicePolicyRules } from '@comptoir/protocol';
import type { Db } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { scheduleFromPolicy, type BusinessSchedule } from '../guarantees/business-time.js';

/** A shop's policy version as a case uses it: the rules, the shop's time zone and its business schedule. */
export interface CasePolicy {
  version: number;
  rules: ServicePolicyRules;
  timeZone: string;
  schedule: BusinessSchedule;
  shopLocale: string;
  shopName: string;
}

/** Parsed rules by shop and version. A version is never changed once written, so this never goes stale. */
const parsedRules = new Map<string, ServicePolicyRules>();
const parsedRulesLimit = 2_000;

function rulesOf(shopId: string, version: number, stored: unknown): ServicePolicyRules {
  const key = `${shopId}:${version}`;
  const cached = parsedRules.get(key);
  if (cached) return cached;
  const rules = servicePolicyRules.parse(stored ?? {});
  // A missing row parses to the defaults, which a later save of that version would replace: not cached.
  if (stored !== null && stored !== undefined) {
    if (parsedRules.size >= parsedRulesLimit) parsedRules.delete(parsedRules.keys().next().value!);
    parsedRules.set(key, rules);
  }
  return rules;
}

/**
 * Loads a version of a shop's service policy (the current one when `version` is omitted), in one
 * statement. Stored rules are parsed through `servicePolicyRules`, so a field added later takes its
 * default; the parsed rules are shared (treat them as read-only).
 */
export async function loadCasePolicy(db: Db, shopId: string, version?: number): Promise<CasePolicy> {
  const [row] = await db.$queryRaw<Array<{ version: number; timeZone: string; locale: string; name: string; rules: unknown }>>`
    SELECT COALESCE(${version ?? null}::int, s."currentPolicyVersion") AS "version", s."timeZone", s."locale", s."name", p."rules"
    FROM "Shop" s
    LEFT JOIN "ServicePolicy" p ON p."shopId" = s."id" AND p."version" = COALESCE(${version ?? null}::int, s."currentPolicyVersion")
    WHERE s."id" = ${shopId}::uuid`;
  if (!row) throw new DomainError('SHOP_NOT_FOUND');
  const rules = rulesOf(shopId, row.version, typeof row.rules === 'string' ? JSON.parse(row.rules) : row.rules);
  return {
    version: row.version,
    rules,
    timeZone: row.timeZone,
    schedule: scheduleFromPolicy(rules, row.timeZone),
    shopLocale: row.locale,
    shopName: row.name,
  };
}
