import { defaultServicePolicyRules } from '@comptoir/protocol';
import type { Prisma } from '../generated/prisma/client.js';

/**
 * The rules of version 1 of a new shop's ServicePolicy: the complete, validated defaults of
 * `servicePolicyRules` in @comptoir/protocol (30-day returns, 48-hour refunds, 2-business-day
 * claims, 24 opening hours for tickets, 9–19 Monday to Saturday, every guarantee action on).
 * Written out in full so a stored version never depends on later changes to the defaults.
 */
export function defaultPolicyRules(): Prisma.InputJsonObject {
  return defaultServicePolicyRules();
}
