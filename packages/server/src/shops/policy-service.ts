import { legalLimits, servicePolicyRules, type ServicePolicyRules } from '@comptoir/protocol';
import { Prisma } from '../generated/prisma/client.js';
import type { Actor } from '../core/actor.js';
import type { Db, Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { recordEvent } from '../core/events.js';
import { requireValidPolicy } from '../guarantees/domain-errors.js';

/** Who saved a policy version: a staff member, or null for the defaults the system wrote. */
export interface PolicyAuthor {
  id: string;
  name: string;
}

/** One version of the shop's service policy, as the policy editor shows it. */
export interface ShopPolicy {
  version: number;
  /** The rules with every default filled in (an old version gains fields added since). */
  rules: ServicePolicyRules;
  createdAt: Date;
  createdBy: PolicyAuthor | null;
  /** What the law requires, so the editor can say why a value is refused. */
  legal: typeof legalLimits;
}

/** A line of the policy's history. */
export interface PolicyVersionSummary {
  version: number;
  createdAt: Date;
  createdBy: PolicyAuthor | null;
}

/** The names of staff users by id, in one query. */
async function authorsById(db: Db, ids: Array<string | null>): Promise<Map<string, PolicyAuthor>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await db.staffUser.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user]));
}

/**
 * The dotted paths of the leaves that differ between two versions ("returns.windowDays"). Arrays
 * (opening intervals, holidays, SKUs) are compared whole: the editor replaces them whole.
 */
export function changedPolicyFields(before: unknown, after: unknown, prefix = ''): string[] {
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => changedPolicyFields(before[key], after[key], prefix ? `${prefix}.${key}` : key));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [prefix];
}

async function loadVersion(db: Db, shopId: string, version: number): Promise<ShopPolicy> {
  const row = await db.servicePolicy.findUnique({
    where: { shopId_version: { shopId, version } },
    select: { version: true, rules: true, createdAt: true, createdBy: true },
  });
  if (!row) throw new DomainError('SHOP_NOT_FOUND');
  const authors = await authorsById(db, [row.createdBy]);
  return {
    version: row.version,
    rules: servicePolicyRules.parse(row.rules ?? {}),
    createdAt: row.createdAt,
    createdBy: row.createdBy ? (authors.get(row.createdBy) ?? null) : null,
    legal: legalLimits,
  };
}

/** The shop's current policy (`shops.admin.policy`). */
export async function getShopPolicy(deps: Deps, input: { shopId: string }): Promise<ShopPolicy> {
  const shop = await deps.db.shop.findUnique({ where: { id: input.shopId }, select: { currentPolicyVersion: true } });
  if (!shop) throw new DomainError('SHOP_NOT_FOUND');
  return loadVersion(deps.db, input.shopId, shop.currentPolicyVersion);
}

/** Every version of the shop's policy, newest first (`shops.admin.policyHistory`). */
export async function listPolicyHistory(deps: Deps, input: { shopId: string }): Promise<PolicyVersionSummary[]> {
  const rows = await deps.db.servicePolicy.findMany({
    where: { shopId: input.shopId },
    orderBy: { version: 'desc' },
    select: { version: true, createdAt: true, createdBy: true },
    take: 500,
  });
  const authors = await authorsById(deps.db, rows.map((row) => row.createdBy));
  return rows.map((row) => ({
    version: row.version,
    createdAt: row.createdAt,
    createdBy: row.createdBy ? (authors.get(row.createdBy) ?? null) : null,
  }));
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/**
 * Saves the rules as a new, immutable version and makes it the one new cases open under, in one
 * transaction. Cases already open keep the version they were opened under. The save is refused
 * with POLICY_VERSION_CONFLICT when someone saved since the editor loaded `expectedVersion`: the
 * conditional update of `currentPolicyVersion` lets exactly one of two concurrent saves through.
 */
export async function updateShopPolicy(
  deps: Deps,
  input: { shopId: string; expectedVersion: number; rules: unknown; actor: Actor },
): Promise<ShopPolicy> {
  const rules = requireValidPolicy(input.rules);
  const now = deps.clock.now();
  const authorId = input.actor.type === 'staff' ? (input.actor.id ?? null) : null;
  try {
    return await deps.db.$transaction(async (tx) => {
      const shop = await tx.shop.findUnique({ where: { id: input.shopId }, select: { currentPolicyVersion: true } });
      if (!shop) throw new DomainError('SHOP_NOT_FOUND');
      const conflict = () => new DomainError('POLICY_VERSION_CONFLICT', { currentVersion: shop.currentPolicyVersion });
      if (shop.currentPolicyVersion !== input.expectedVersion) throw conflict();
      const toVersion = input.expectedVersion + 1;
      const bumped = await tx.shop.updateMany({
        where: { id: input.shopId, currentPolicyVersion: input.expectedVersion },
        data: { currentPolicyVersion: toVersion },
      });
      if (bumped.count !== 1) throw conflict();
      const previous = await tx.servicePolicy.findUnique({
        where: { shopId_version: { shopId: input.shopId, version: input.expectedVersion } },
        select: { rules: true },
      });
      await tx.servicePolicy.create({
        data: { shopId: input.shopId, version: toVersion, rules: rules as Prisma.InputJsonObject, createdAt: now, createdBy: authorId },
      });
      await recordEvent(tx, {
        shopId: input.shopId,
        subjectType: 'shop',
        subjectId: input.shopId,
        type: 'shop.policy_updated',
        actor: input.actor,
        data: {
          fromVersion: input.expectedVersion,
          toVersion,
          changed: changedPolicyFields(servicePolicyRules.parse(previous?.rules ?? {}), rules),
        },
        occurredAt: now,
      });
      return loadVersion(tx, input.shopId, toVersion);
    });
  } catch (error) {
    // A version row left over by a racing save (unique shopId+version): the same conflict.
    if (isUniqueViolation(error)) {
      const current = await deps.db.shop.findUnique({ where: { id: input.shopId }, select: { currentPolicyVersion: true } });
      throw new DomainError('POLICY_VERSION_CONFLICT', { currentVersion: current?.currentPolicyVersion ?? input.expectedVersion });
    }
    throw error;
  }
}
