import { randomBytes } from 'node:crypto';
import type { StaffRole } from '@comptoir/protocol/schemas/staff';
import type { Prisma } from '../generated/prisma/client.js';
import type { Actor } from '../core/actor.js';
import type { Db, Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { recordEvent } from '../core/events.js';
import { sha256 } from '../core/hash.js';
import { hitRateLimit, minutesToWait, resetRateLimit } from '../core/rate-limit.js';
import type { StaffIdentity } from '../auth/staff-auth.js';
import { staffSessionPolicy } from './session-policy.js';
import { emailInvitation, emailPasswordReset } from './access-emails.js';
import { assertPasswordAcceptable, hashPassword, needsRehash, verifyDummyPassword, verifyPassword } from './password.js';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

export { staffSessionPolicy };

/** How long invitation and password-reset links stay valid (each works once). */
export const staffLinkLifetimeMs = { staff_invite: 7 * day, password_reset: hour } as const;
type LinkPurpose = keyof typeof staffLinkLifetimeMs;

/**
 * Sign-in limits. Every attempt counts and a success clears the email's count, so five failures in a
 * row lock the email until its 15-minute window ends, even with the right password; the address
 * limit slows down guessing across many emails from one place.
 */
export const staffLoginLimits = {
  perEmail: { limit: 5, windowMs: 15 * minute },
  perIp: { limit: 30, windowMs: 15 * minute },
  /** Link redemptions and reset requests, per address: the tokens cannot be guessed, but each costs a hash. */
  linksPerIp: { limit: 20, windowMs: 15 * minute },
  resetRequestsPerEmail: { limit: 3, windowMs: hour },
} as const;

const loginEmailKey = (email: string) => `staff-login:email:${email}`;

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function staffActor(staffUserId: string): Actor {
  return { type: 'staff', id: staffUserId };
}

async function enforceLimit(
  deps: Deps,
  key: string,
  limits: { limit: number; windowMs: number },
): Promise<void> {
  const verdict = await hitRateLimit(deps.db, { key, ...limits, now: deps.clock.now() });
  if (!verdict.allowed) throw new DomainError('TOO_MANY_ATTEMPTS', { minutes: minutesToWait(verdict.retryAfterMs) });
}

function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: sha256(token) };
}

/**
 * The admin's page for a link. An invitation to an account that already has a password says so
 * (`account=existing`): the page then asks for that password to confirm, instead of a new one.
 */
function adminLink(deps: Deps, route: 'accept' | 'reset', token: string, hasPassword = false): string {
  return `${deps.config.publicUrl.replace(/\/$/, '')}/admin/#/${route}?token=${token}${hasPassword ? '&account=existing' : ''}`;
}

/** Marks every unused link of a purpose for a person as used: a new link replaces the old ones. */
async function invalidateLinks(tx: Db, staffUserId: string, purpose: LinkPurpose, now: Date, shopId?: string) {
  await tx.oneTimeToken.updateMany({
    where: { purpose, staffUserId, usedAt: null, ...(shopId ? { shopId } : {}) },
    data: { usedAt: now },
  });
}

async function issueLink(
  tx: Db,
  deps: Deps,
  input: { purpose: LinkPurpose; staffUserId: string; email: string; shopId?: string; data?: PendingMembership; hasPassword?: boolean },
) {
  const now = deps.clock.now();
  await invalidateLinks(tx, input.staffUserId, input.purpose, now, input.shopId);
  const { token, tokenHash } = newLinkToken();
  const expiresAt = new Date(now.getTime() + staffLinkLifetimeMs[input.purpose]);
  const row = await tx.oneTimeToken.create({
    data: {
      purpose: input.purpose,
      tokenHash,
      staffUserId: input.staffUserId,
      email: input.email,
      shopId: input.shopId ?? null,
      ...(input.data ? { data: { ...input.data } } : {}),
      expiresAt,
    },
    select: { id: true },
  });
  return { url: adminLink(deps, input.purpose === 'staff_invite' ? 'accept' : 'reset', token, input.hasPassword), expiresAt, tokenId: row.id };
}

/**
 * Uses a link's token once: the conditional update succeeds for exactly one caller, and only while
 * the token is unused and unexpired.
 */
async function consumeLink(tx: Db, purpose: LinkPurpose, token: string, now: Date) {
  const row = await tx.oneTimeToken.findFirst({
    where: { purpose, tokenHash: sha256(token) },
    select: { id: true, staffUserId: true, shopId: true, data: true },
  });
  if (!row?.staffUserId) throw new DomainError('STAFF_LINK_INVALID');
  const used = await tx.oneTimeToken.updateMany({
    where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (used.count !== 1) throw new DomainError('STAFF_LINK_INVALID');
  return { staffUserId: row.staffUserId, shopId: row.shopId, pending: pendingMembershipOf(row.data) };
}

/**
 * What an invitation of an EXISTING account carries: the role it offers. Such an invitation adds no
 * membership until the person accepts it, so a shop cannot add someone's account to its team (and
 * learn it exists, or give it work) without their consent.
 */
interface PendingMembership {
  role: StaffRole;
}

function pendingMembershipOf(data: unknown): PendingMembership | null {
  const role = (data as { role?: unknown } | null)?.role;
  return role === 'owner' || role === 'staff' ? { role } : null;
}

/** Turns an accepted invitation into a membership (once) and records it. */
async function joinFromInvitation(tx: Db, input: { shopId: string; staffUserId: string; role: StaffRole; now: Date }): Promise<void> {
  const existing = await tx.staffMembership.findUnique({
    where: { shopId_staffUserId: { shopId: input.shopId, staffUserId: input.staffUserId } },
    select: { id: true },
  });
  if (!existing) await tx.staffMembership.create({ data: { shopId: input.shopId, staffUserId: input.staffUserId, role: input.role } });
  await invalidateLinks(tx, input.staffUserId, 'staff_invite', input.now, input.shopId);
  await recordEvent(tx, {
    shopId: input.shopId,
    subjectType: 'staff',
    subjectId: input.staffUserId,
    type: 'staff.invitation_accepted',
    toStatus: input.role,
    actor: staffActor(input.staffUserId),
    occurredAt: input.now,
  });
}

/** A person added to a shop. */
export interface CreatedStaffMember {
  staffUserId: string;
  /** False when the email already had an account (from another shop): only a membership was added. */
  isNewUser: boolean;
  /** Whether the person can already sign in (has a password). */
  hasPassword: boolean;
}

/**
 * Adds a person to a shop with a role, creating their account if the email is new. With a password
 * (CLI, demo seed), a new account can sign in at once; an existing account keeps its own password.
 */
export async function createStaffUser(
  deps: Deps,
  input: { email: string; name: string; password?: string; shopId: string; role: StaffRole; actor?: Actor },
): Promise<CreatedStaffMember> {
  const email = normalizeEmail(input.email);
  if (input.password !== undefined) assertPasswordAcceptable(input.password);
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const shop = await tx.shop.findUnique({ where: { id: input.shopId }, select: { id: true } });
    if (!shop) throw new DomainError('SHOP_NOT_FOUND');
    const existing = await tx.staffUser.findUnique({
      where: { email },
      select: { id: true, passwordHash: true, memberships: { where: { shopId: input.shopId }, select: { id: true } } },
    });
    if (existing?.memberships.length) throw new DomainError('STAFF_ALREADY_MEMBER', { email });
    const user =
      existing ??
      (await tx.staffUser.create({ data: { email, name: input.name, passwordHash }, select: { id: true, passwordHash: true } }));
    await tx.staffMembership.create({ data: { shopId: input.shopId, staffUserId: user.id, role: input.role } });
    await recordEvent(tx, {
      shopId: input.shopId,
      subjectType: 'staff',
      subjectId: user.id,
      type: 'staff.added',
      toStatus: input.role,
      actor: input.actor ?? { type: 'system' },
      occurredAt: now,
    });
    return { staffUserId: user.id, isNewUser: !existing, hasPassword: user.passwordHash !== null };
  });
}

/** The outcome of an invitation. */
export interface StaffInvitation {
  staffUserId: string;
  /**
   * The link that lets the person choose a password, shown once to whoever invited them (until
   * emails are sent); null when the person already has an account and simply gains this shop.
   */
  invitationUrl: string | null;
  expiresAt: Date | null;
}

/**
 * Invites a person to a shop. A new email gets an account without a password and a 7-day single-use
 * link to set one. An email that already has an account (in another shop) gets a pending invitation
 * instead, emailed to them and never shown to the inviter: they join when they accept it, with their
 * own password or signed in (`staff.joinShop`); until then `staff.list` shows them as invited. The
 * link never changes an existing password, so it cannot be used to take the account over.
 * Inviting again someone who has not accepted yet replaces their link.
 */
export async function inviteStaff(
  deps: Deps,
  input: { shopId: string; email: string; name: string; role: StaffRole; actor: Actor },
): Promise<StaffInvitation> {
  const email = normalizeEmail(input.email);
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const existing = await tx.staffUser.findUnique({
      where: { email },
      select: { id: true, passwordHash: true, memberships: { select: { shopId: true } } },
    });
    if (existing) {
      const isMemberHere = existing.memberships.some((m) => m.shopId === input.shopId);
      const isPendingHereOnly = isMemberHere && existing.passwordHash === null && existing.memberships.length === 1;
      if (isPendingHereOnly) {
        const link = await issueLink(tx, deps, { purpose: 'staff_invite', staffUserId: existing.id, email, shopId: input.shopId });
        await emailInvitation(tx, { shopId: input.shopId, email, inviterId: input.actor.id ?? null, role: input.role, ...link, now });
        await recordEvent(tx, {
          shopId: input.shopId,
          subjectType: 'staff',
          subjectId: existing.id,
          type: 'staff.invited',
          actor: input.actor,
          reason: 'invitation_renewed',
          occurredAt: now,
        });
        return { staffUserId: existing.id, invitationUrl: link.url, expiresAt: link.expiresAt };
      }
      if (isMemberHere) throw new DomainError('STAFF_ALREADY_MEMBER', { email });
      const link = await issueLink(tx, deps, {
        purpose: 'staff_invite',
        staffUserId: existing.id,
        email,
        shopId: input.shopId,
        data: { role: input.role },
        hasPassword: existing.passwordHash !== null,
      });
      await emailInvitation(tx, { shopId: input.shopId, email, inviterId: input.actor.id ?? null, role: input.role, ...link, now });
      await recordEvent(tx, {
        shopId: input.shopId,
        subjectType: 'staff',
        subjectId: existing.id,
        type: 'staff.invited',
        toStatus: input.role,
        actor: input.actor,
        reason: 'existing_account',
        occurredAt: now,
      });
      // The link goes to the person only: whoever holds it could accept for them.
      return { staffUserId: existing.id, invitationUrl: null, expiresAt: link.expiresAt };
    }
    const user = await tx.staffUser.create({ data: { email, name: input.name }, select: { id: true } });
    await tx.staffMembership.create({ data: { shopId: input.shopId, staffUserId: user.id, role: input.role } });
    const link = await issueLink(tx, deps, { purpose: 'staff_invite', staffUserId: user.id, email, shopId: input.shopId });
    await emailInvitation(tx, { shopId: input.shopId, email, inviterId: input.actor.id ?? null, role: input.role, ...link, now });
    await recordEvent(tx, {
      shopId: input.shopId,
      subjectType: 'staff',
      subjectId: user.id,
      type: 'staff.invited',
      toStatus: input.role,
      actor: input.actor,
      occurredAt: now,
    });
    return { staffUserId: user.id, invitationUrl: link.url, expiresAt: link.expiresAt };
  });
}

/**
 * Accepts an invitation through its link (once). A new account sets its password with it. An
 * existing account confirms with its CURRENT password (the link never changes it) and joins the shop.
 */
export async function acceptInvitation(
  deps: Deps,
  input: { token: string; password: string; ip: string },
): Promise<{ email: string }> {
  await enforceLimit(deps, `staff-link:ip:${input.ip}`, staffLoginLimits.linksPerIp);
  assertPasswordAcceptable(input.password);
  // An existing account confirms with its password, checked before the transaction (scrypt is slow
  // and the rate limit writes on its own); the transaction then makes sure the hash did not change.
  const confirmedHash = await confirmExistingAccount(deps, input);
  const passwordHash = confirmedHash ?? (await hashPassword(input.password));
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const link = await consumeLink(tx, 'staff_invite', input.token, now);
    const user = await tx.staffUser.findUnique({
      where: { id: link.staffUserId },
      select: { id: true, email: true, passwordHash: true, disabledAt: true, memberships: { select: { shopId: true } } },
    });
    if (!user || user.disabledAt || !link.shopId) throw new DomainError('STAFF_LINK_INVALID');
    if (link.pending) {
      if (user.passwordHash === null) {
        await tx.staffUser.update({ where: { id: user.id }, data: { passwordHash } });
      } else if (user.passwordHash !== confirmedHash) {
        throw new DomainError('STAFF_LINK_INVALID');
      }
      await joinFromInvitation(tx, { shopId: link.shopId, staffUserId: user.id, role: link.pending.role, now });
      return { email: user.email };
    }
    const isStillMember = user.memberships.some((m) => m.shopId === link.shopId);
    if (user.passwordHash !== null || !isStillMember) throw new DomainError('STAFF_LINK_INVALID');
    await tx.staffUser.update({ where: { id: user.id }, data: { passwordHash } });
    await invalidateLinks(tx, user.id, 'staff_invite', now);
    await recordEvent(tx, {
      shopId: link.shopId,
      subjectType: 'staff',
      subjectId: user.id,
      type: 'staff.invitation_accepted',
      actor: staffActor(user.id),
      occurredAt: now,
    });
    return { email: user.email };
  });
}

/**
 * For a link inviting an account that already has a password: checks the password given is that
 * account's (INVALID_CREDENTIALS otherwise, counted like a sign-in) and answers its hash. Null for
 * any other link, which the transaction then judges.
 */
async function confirmExistingAccount(deps: Deps, input: { token: string; password: string }): Promise<string | null> {
  const row = await deps.db.oneTimeToken.findFirst({
    where: { purpose: 'staff_invite', tokenHash: sha256(input.token), usedAt: null, expiresAt: { gt: deps.clock.now() } },
    select: { staffUserId: true, data: true },
  });
  if (!row?.staffUserId || !pendingMembershipOf(row.data)) return null;
  const user = await deps.db.staffUser.findUnique({ where: { id: row.staffUserId }, select: { email: true, passwordHash: true } });
  if (!user?.passwordHash) return null;
  await enforceLimit(deps, loginEmailKey(user.email), staffLoginLimits.perEmail);
  if (!(await verifyPassword(input.password, user.passwordHash))) throw new DomainError('INVALID_CREDENTIALS');
  return user.passwordHash;
}

/** A shop's invitation waiting for the signed-in person's answer. */
export interface PendingInvitation {
  id: string;
  shop: { id: string; slug: string; name: string };
  role: StaffRole;
  expiresAt: Date;
}

/** The invitations of existing accounts that are still open, for a person or for a shop. */
async function openInvitations(db: Db, where: { staffUserId?: string; shopId?: string }, now: Date) {
  const rows = await db.oneTimeToken.findMany({
    where: { purpose: 'staff_invite', usedAt: null, expiresAt: { gt: now }, shopId: where.shopId ?? { not: null }, ...(where.staffUserId ? { staffUserId: where.staffUserId } : {}) },
    orderBy: { createdAt: 'asc' },
    select: { id: true, shopId: true, staffUserId: true, data: true, createdAt: true, expiresAt: true },
  });
  return rows.flatMap((row) => {
    const pending = pendingMembershipOf(row.data);
    return pending && row.shopId && row.staffUserId ? [{ ...row, shopId: row.shopId, staffUserId: row.staffUserId, role: pending.role }] : [];
  });
}

/** The invitations waiting for the signed-in person (shown by the admin, accepted with `joinShop`). */
export async function listMyInvitations(deps: Deps, input: { staffUserId: string }): Promise<PendingInvitation[]> {
  const rows = await openInvitations(deps.db, { staffUserId: input.staffUserId }, deps.clock.now());
  if (rows.length === 0) return [];
  const shops = await deps.db.shop.findMany({ where: { id: { in: rows.map((row) => row.shopId) } }, select: { id: true, slug: true, name: true } });
  return rows.flatMap((row) => {
    const shop = shops.find((candidate) => candidate.id === row.shopId);
    return shop ? [{ id: row.id, shop, role: row.role, expiresAt: row.expiresAt }] : [];
  });
}

/**
 * The signed-in person accepts one of their invitations and joins that shop. Someone else's
 * invitation, or one used, withdrawn or expired, is STAFF_INVITATION_NOT_FOUND.
 */
export async function joinShop(deps: Deps, input: { staffUserId: string; invitationId: string }): Promise<{ shopId: string; role: StaffRole }> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const row = await tx.oneTimeToken.findFirst({
      where: { id: input.invitationId, purpose: 'staff_invite', staffUserId: input.staffUserId },
      select: { id: true, shopId: true, data: true },
    });
    const pending = pendingMembershipOf(row?.data);
    if (!row?.shopId || !pending) throw new DomainError('STAFF_INVITATION_NOT_FOUND');
    const used = await tx.oneTimeToken.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (used.count !== 1) throw new DomainError('STAFF_INVITATION_NOT_FOUND');
    await joinFromInvitation(tx, { shopId: row.shopId, staffUserId: input.staffUserId, role: pending.role, now });
    return { shopId: row.shopId, role: pending.role };
  });
}

/**
 * Creates a 1-hour single-use password-reset link for an account, replacing earlier ones. The CLI
 * prints it (`comptoir staff reset-link`) until the mailer sends it.
 */
export async function createPasswordResetLink(
  deps: Deps,
  input: { email: string; sendEmail?: boolean },
): Promise<{ resetUrl: string; expiresAt: Date }> {
  const email = normalizeEmail(input.email);
  const user = await deps.db.staffUser.findUnique({ where: { email }, select: { id: true, disabledAt: true, locale: true } });
  if (!user || user.disabledAt) throw new DomainError('STAFF_NOT_FOUND');
  return deps.db.$transaction(async (tx) => {
    const link = await issueLink(tx, deps, { purpose: 'password_reset', staffUserId: user.id, email });
    if (input.sendEmail) await emailPasswordReset(tx, { email, locale: user.locale, ...link, now: deps.clock.now() });
    return { resetUrl: link.url, expiresAt: link.expiresAt };
  });
}

/**
 * Someone asked for a password reset: the answer is the same whether or not the email has an
 * account, so it reveals nothing. A link is created and emailed only for a real account (the
 * server's operator can also print one with `comptoir staff reset-link`).
 */
export async function requestPasswordReset(deps: Deps, input: { email: string; ip: string }): Promise<void> {
  const email = normalizeEmail(input.email);
  await enforceLimit(deps, `staff-reset:ip:${input.ip}`, staffLoginLimits.linksPerIp);
  const perEmail = await hitRateLimit(deps.db, {
    key: `staff-reset:email:${email}`,
    ...staffLoginLimits.resetRequestsPerEmail,
    now: deps.clock.now(),
  });
  // Past the per-email limit the answer stays the same; no further link is made.
  if (!perEmail.allowed) return;
  try {
    await createPasswordResetLink(deps, { email, sendEmail: true });
    deps.logger.info({ event: 'staff.password_reset_requested' }, 'password reset link emailed');
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'STAFF_NOT_FOUND')) throw error;
  }
}

/** Sets a new password through a reset link (once), signs the person out everywhere and lifts a lockout. */
export async function resetPassword(
  deps: Deps,
  input: { token: string; password: string; ip: string },
): Promise<{ email: string }> {
  await enforceLimit(deps, `staff-link:ip:${input.ip}`, staffLoginLimits.linksPerIp);
  assertPasswordAcceptable(input.password);
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  const email = await deps.db.$transaction(async (tx) => {
    const link = await consumeLink(tx, 'password_reset', input.token, now);
    const user = await tx.staffUser.findUnique({
      where: { id: link.staffUserId },
      select: { id: true, email: true, disabledAt: true, memberships: { select: { shopId: true } } },
    });
    if (!user || user.disabledAt) throw new DomainError('STAFF_LINK_INVALID');
    await tx.staffUser.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.staffSession.deleteMany({ where: { staffUserId: user.id } });
    await invalidateLinks(tx, user.id, 'password_reset', now);
    for (const membership of user.memberships) {
      await recordEvent(tx, {
        shopId: membership.shopId,
        subjectType: 'staff',
        subjectId: user.id,
        type: 'staff.password_reset',
        actor: staffActor(user.id),
        occurredAt: now,
      });
    }
    return user.email;
  });
  await resetRateLimit(deps.db, loginEmailKey(email));
  return { email };
}

/** A new staff session: the token goes into the cookie and is never stored. */
export interface StaffSignIn {
  token: string;
  /** How long the browser keeps the cookie: the session's absolute maximum. */
  cookieMaxAgeSeconds: number;
  staffUserId: string;
  activeShopId: string;
}

/**
 * Signs a staff member in by email and password. Unknown emails cost the same time as known ones,
 * and both limits are counted before the password is checked.
 */
export async function login(deps: Deps, input: { email: string; password: string; ip: string }): Promise<StaffSignIn> {
  const email = normalizeEmail(input.email);
  await enforceLimit(deps, `staff-login:ip:${input.ip}`, staffLoginLimits.perIp);
  await enforceLimit(deps, loginEmailKey(email), staffLoginLimits.perEmail);
  const user = await deps.db.staffUser.findUnique({
    where: { email },
    select: {
      id: true,
      passwordHash: true,
      disabledAt: true,
      memberships: { select: { shopId: true }, orderBy: { createdAt: 'asc' } },
    },
  });
  const firstShop = user?.memberships[0];
  const isValid =
    user?.passwordHash && !user.disabledAt && firstShop
      ? await verifyPassword(input.password, user.passwordHash)
      : await verifyDummyPassword(input.password);
  if (!isValid || !user || !firstShop) throw new DomainError('INVALID_CREDENTIALS');
  await resetRateLimit(deps.db, loginEmailKey(email));

  const now = deps.clock.now();
  const token = randomBytes(32).toString('base64url');
  const rehash = user.passwordHash && needsRehash(user.passwordHash) ? await hashPassword(input.password) : null;
  await deps.db.$transaction(async (tx) => {
    if (rehash) await tx.staffUser.update({ where: { id: user.id }, data: { passwordHash: rehash } });
    await tx.staffSession.create({
      data: {
        staffUserId: user.id,
        tokenHash: sha256(token),
        activeShopId: firstShop.shopId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + staffSessionPolicy.idleMs),
      },
    });
    await recordEvent(tx, {
      shopId: firstShop.shopId,
      subjectType: 'staff',
      subjectId: user.id,
      type: 'staff.signed_in',
      actor: staffActor(user.id),
      occurredAt: now,
    });
  });
  return {
    token,
    cookieMaxAgeSeconds: staffSessionPolicy.absoluteMs / 1000,
    staffUserId: user.id,
    activeShopId: firstShop.shopId,
  };
}

/** Ends a session (the transport clears the cookie). */
export async function logout(deps: Deps, input: { sessionId: string }): Promise<void> {
  await deps.db.staffSession.deleteMany({ where: { id: input.sessionId } });
}

/** A shop as the admin's switcher shows it. */
export interface StaffShop {
  id: string;
  slug: string;
  name: string;
  role: StaffRole;
}

/** What the admin needs to draw itself for the signed-in person. */
export interface StaffOverview {
  user: { id: string; email: string; name: string; locale: string };
  activeShop: StaffShop;
  shops: StaffShop[];
  /** Send in `x-csrf-token` on every call. */
  csrfToken: string;
  /** Shops that invited this person and wait for an answer (`staff.joinShop`). */
  invitations: PendingInvitation[];
}

const membershipSelect = {
  role: true,
  shop: { select: { id: true, slug: true, name: true } },
} satisfies Prisma.StaffMembershipSelect;

/** The signed-in person, their shops and roles, the active shop and the CSRF token. */
export async function describeStaff(deps: Deps, staff: StaffIdentity): Promise<StaffOverview> {
  const user = await deps.db.staffUser.findUniqueOrThrow({
    where: { id: staff.userId },
    select: {
      id: true,
      email: true,
      name: true,
      locale: true,
      memberships: { select: membershipSelect, orderBy: { createdAt: 'asc' } },
    },
  });
  const shops: StaffShop[] = user.memberships.map((m) => ({
    id: m.shop.id,
    slug: m.shop.slug,
    name: m.shop.name,
    role: m.role === 'owner' ? 'owner' : 'staff',
  }));
  const activeShop = shops.find((shop) => shop.id === staff.shopId);
  if (!activeShop) throw new DomainError('STAFF_SESSION_REQUIRED');
  return {
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale },
    activeShop,
    shops,
    csrfToken: staff.csrfToken,
    invitations: await listMyInvitations(deps, { staffUserId: user.id }),
  };
}

/** Makes another of the person's shops the active one; a shop they do not belong to does not exist for them. */
export async function switchShop(deps: Deps, input: { staff: StaffIdentity; shopId: string }): Promise<{ activeShopId: string }> {
  if (!input.staff.shopIds.includes(input.shopId)) throw new DomainError('SHOP_NOT_FOUND');
  await deps.db.staffSession.update({ where: { id: input.staff.sessionId }, data: { activeShopId: input.shopId } });
  return { activeShopId: input.shopId };
}

/** A member of a shop's team, as the owner's staff page lists them. */
export interface StaffMemberRow {
  staffUserId: string;
  email: string;
  name: string;
  role: StaffRole;
  /** "invited" until they set a password. */
  status: 'active' | 'invited';
  addedAt: Date;
}

/** The team of one shop, with the existing accounts invited that have not answered yet. */
export async function listStaff(deps: Deps, input: { shopId: string }): Promise<StaffMemberRow[]> {
  const rows = await deps.db.staffMembership.findMany({
    where: { shopId: input.shopId },
    orderBy: { createdAt: 'asc' },
    select: { role: true, createdAt: true, staffUser: { select: { id: true, email: true, name: true, passwordHash: true } } },
  });
  const members: StaffMemberRow[] = rows.map((row) => ({
    staffUserId: row.staffUser.id,
    email: row.staffUser.email,
    name: row.staffUser.name,
    role: row.role === 'owner' ? 'owner' : 'staff',
    status: row.staffUser.passwordHash === null ? 'invited' : 'active',
    addedAt: row.createdAt,
  }));
  const memberIds = new Set(members.map((member) => member.staffUserId));
  const invitations = (await openInvitations(deps.db, { shopId: input.shopId }, deps.clock.now())).filter((row) => !memberIds.has(row.staffUserId));
  const invitees = invitations.length
    ? await deps.db.staffUser.findMany({ where: { id: { in: invitations.map((row) => row.staffUserId) } }, select: { id: true, email: true, name: true } })
    : [];
  const pending = new Map<string, StaffMemberRow>();
  for (const invitation of invitations) {
    const user = invitees.find((candidate) => candidate.id === invitation.staffUserId);
    if (user) pending.set(user.id, { staffUserId: user.id, email: user.email, name: user.name, role: invitation.role, status: 'invited', addedAt: invitation.createdAt });
  }
  return [...members, ...pending.values()];
}

/**
 * Removes a person from a shop (never the last owner). Their pending invitation to the shop dies
 * with it, and a person left without any shop is signed out everywhere.
 */
export async function removeStaff(deps: Deps, input: { shopId: string; staffUserId: string; actor: Actor }): Promise<void> {
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    const membership = await tx.staffMembership.findUnique({
      where: { shopId_staffUserId: { shopId: input.shopId, staffUserId: input.staffUserId } },
      select: { id: true, role: true },
    });
    if (!membership) {
      // Not a member: perhaps an existing account invited that has not answered, whose invitation is withdrawn.
      const withdrawn = await tx.oneTimeToken.updateMany({
        where: { purpose: 'staff_invite', staffUserId: input.staffUserId, shopId: input.shopId, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (withdrawn.count === 0) throw new DomainError('STAFF_NOT_FOUND');
      await recordEvent(tx, {
        shopId: input.shopId,
        subjectType: 'staff',
        subjectId: input.staffUserId,
        type: 'staff.invitation_withdrawn',
        actor: input.actor,
        occurredAt: now,
      });
      return;
    }
    if (membership.role === 'owner') {
      const owners = await tx.staffMembership.count({ where: { shopId: input.shopId, role: 'owner' } });
      if (owners <= 1) throw new DomainError('STAFF_LAST_OWNER');
    }
    await tx.staffMembership.delete({ where: { id: membership.id } });
    await invalidateLinks(tx, input.staffUserId, 'staff_invite', now, input.shopId);
    const remaining = await tx.staffMembership.count({ where: { staffUserId: input.staffUserId } });
    if (remaining === 0) await tx.staffSession.deleteMany({ where: { staffUserId: input.staffUserId } });
    await recordEvent(tx, {
      shopId: input.shopId,
      subjectType: 'staff',
      subjectId: input.staffUserId,
      type: 'staff.removed',
      fromStatus: membership.role,
      actor: input.actor,
      occurredAt: now,
    });
  });
}
