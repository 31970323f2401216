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

/**
 * Loads a version of a shop's service policy (the current one when `version` is omitted). Stored
 * rules are parsed through `servicePolicyRules`, so a field added later takes its default.
 */
export async function loadCasePolicy(db: Db, shopId: string, version?: number): Promise<CasePolicy> {
  const shop = await db.shop.findUnique({
    where: { id: shopId },
    select: { currentPolicyVersion: true, timeZone: true, locale: true, name: true },
  });
  if (!shop) throw new DomainError('SHOP_NOT_FOUND');
  const wanted = version ?? shop.currentPolicyVersion;
  const row = await db.servicePolicy.findUnique({ where: { shopId_version: { shopId, version: wanted } }, select: { rules: true } });
  const rules = servicePolicyRules.parse(row?.rules ?? {});
  return {
    version: wanted,
    rules,
    timeZone: shop.timeZone,
    schedule: scheduleFromPolicy(rules, shop.timeZone),
    shopLocale: shop.locale,
    shopName: shop.name,
  };
}
