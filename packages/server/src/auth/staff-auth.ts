import type { Context } from '../context.js';
import { DomainError } from '../core/domain-error.js';
import { constantTimeEquals, sha256 } from '../core/hash.js';
import { staffSessionPolicy } from '../staff/session-policy.js';

/** Name of the HttpOnly cookie that carries the staff session token. */
export const staffSessionCookie = 'comptoir_staff';

/** The staff member behind an admin call, in the shop they are working on. */
export interface StaffIdentity {
  sessionId: string;
  userId: string;
  shopId: string;
  role: 'owner' | 'staff';
  /** Every shop this person belongs to, to switch between them. */
  shopIds: string[];
  csrfToken: string;
}

/**
 * The CSRF token of a session, derived from its secret token: the admin reads it from `staff.me`
 * and sends it in `x-csrf-token`; a cross-site form cannot know it.
 */
export function csrfTokenFor(sessionToken: string): string {
  return sha256(`csrf:${sessionToken}`);
}

/**
 * Resolves the session cookie to a staff member and their active shop. A session past its end is
 * refused; a used one slides its end forward (12 h idle, never beyond 30 days from sign-in).
 */
export async function authenticateStaff(ctx: Context): Promise<StaffIdentity> {
  const token = ctx.request.cookies[staffSessionCookie];
  if (!token) throw new DomainError('STAFF_SESSION_REQUIRED');
  const now = ctx.deps.clock.now();
  const session = await ctx.deps.db.staffSession.findUnique({
    where: { tokenHash: sha256(token) },
    select: {
      id: true,
      createdAt: true,
      lastSeenAt: true,
      expiresAt: true,
      activeShopId: true,
      staffUser: {
        select: {
          id: true,
          disabledAt: true,
          memberships: { select: { shopId: true, role: true }, orderBy: { createdAt: 'asc' } },
        },
      },
    },
  });
  if (!session || session.expiresAt <= now || session.staffUser.disabledAt) throw new DomainError('STAFF_SESSION_REQUIRED');
  if (now.getTime() - session.lastSeenAt.getTime() >= staffSessionPolicy.touchEveryMs) {
    const expiresAt = new Date(
      Math.min(now.getTime() + staffSessionPolicy.idleMs, session.createdAt.getTime() + staffSessionPolicy.absoluteMs),
    );
    await ctx.deps.db.staffSession.updateMany({ where: { id: session.id }, data: { lastSeenAt: now, expiresAt } });
  }
  const memberships = session.staffUser.memberships;
  const membership =
    memberships.find((m) => m.shopId === session.activeShopId) ?? memberships.find(() => true);
  if (!membership) throw new DomainError('STAFF_SESSION_REQUIRED');
  return {
    sessionId: session.id,
    userId: session.staffUser.id,
    shopId: membership.shopId,
    role: membership.role === 'owner' ? 'owner' : 'staff',
    shopIds: memberships.map((m) => m.shopId),
    csrfToken: csrfTokenFor(token),
  };
}

/** Refuses a state-changing call whose `x-csrf-token` does not match the session's. */
export function requireCsrf(ctx: Context, staff: StaffIdentity): void {
  const sent = ctx.request.headers['x-csrf-token'];
  if (!sent || !constantTimeEquals(sent, staff.csrfToken)) throw new DomainError('CSRF_TOKEN_INVALID');
}
