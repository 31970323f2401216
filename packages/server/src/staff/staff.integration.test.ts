import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '@comptoir/protocol';
import { csrfTokenFor, staffSessionCookie } from '../auth/staff-auth.js';
import { DomainError } from '../core/domain-error.js';
import { sha256 } from '../core/hash.js';
import { buildHttpServer } from '../http/server.js';
import { createShopWithKeys } from '../test/fixtures.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { testDatabaseKind } from '../test/test-database.js';
import { createPasswordResetLink, createStaffUser, inviteStaff, staffLinkLifetimeMs, staffSessionPolicy } from './service.js';

const minute = 60_000;

/** Expects a domain error, thrown by a service or carried by the tRPC error of a procedure. */
async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  const domain = error instanceof DomainError ? error : (error as { cause?: unknown } | null)?.cause;
  expect(domain).toBeInstanceOf(DomainError);
  expect((domain as DomainError).code).toBe(code);
}

function tokenOf(url: string): string {
  const token = new URL(url.replace('#/', '')).searchParams.get('token');
  if (!token) throw new Error(`no token in ${url}`);
  return token;
}

describe(`staff accounts and sessions on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let shopA: { id: string; slug: string };
  let shopB: { id: string; slug: string };
  let ip = 0;

  /** Each test signs in from its own address, so the per-address limit of one test never leaks into another. */
  const nextIp = () => `198.51.100.${++ip}`;

  /** Signs in as a browser would and returns a caller carrying the session cookie and (unless told) the CSRF token. */
  async function signIn(email: string, password: string, from = nextIp()) {
    let token = '';
    await app
      .caller({
        ip: from,
        setCookie: (name, value) => {
          if (name === staffSessionCookie) token = value;
        },
      })
      .staff.login({ email, password });
    return {
      token,
      as: (options: { csrf?: string | null } = {}) =>
        app.caller({
          ip: from,
          cookies: { [staffSessionCookie]: token },
          headers: options.csrf === null ? {} : { 'x-csrf-token': options.csrf ?? csrfTokenFor(token) },
        }),
    };
  }

  beforeAll(async () => {
    app = await createTestApp();
    shopA = (await createShopWithKeys(app.deps.db, { slug: 'atelier-a', origins: ['https://a.example'] })).shop;
    shopB = (await createShopWithKeys(app.deps.db, { slug: 'boutique-b', origins: ['https://b.example'] })).shop;
    await createStaffUser(app.deps, { email: 'owner.a@example.com', name: 'Alice', password: 'alice-password-1', shopId: shopA.id, role: 'owner' });
    await createStaffUser(app.deps, { email: 'owner.b@example.com', name: 'Bruno', password: 'bruno-password-1', shopId: shopB.id, role: 'owner' });
    await createStaffUser(app.deps, { email: 'clerk.a@example.com', name: 'Chloé', password: 'chloe-password-1', shopId: shopA.id, role: 'staff' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('stores only a salted scrypt hash of the password and of the session token', async () => {
    const user = await app.deps.db.staffUser.findUniqueOrThrow({ where: { email: 'owner.a@example.com' } });
    expect(user.passwordHash).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    const session = await signIn('owner.a@example.com', 'alice-password-1');
    const stored = await app.deps.db.staffSession.findMany({ where: { staffUserId: user.id } });
    expect(stored.map((row) => row.tokenHash)).toContain(sha256(session.token));
    expect(stored.some((row) => row.tokenHash === session.token)).toBe(false);
  });

  it('tells the signed-in person their shops, role and CSRF token', async () => {
    const session = await signIn('owner.a@example.com', 'alice-password-1');
    const me = await session.as().staff.me();
    expect(me.user.email).toBe('owner.a@example.com');
    expect(me.activeShop).toMatchObject({ id: shopA.id, slug: 'atelier-a', role: 'owner' });
    expect(me.shops.map((shop) => shop.id)).toEqual([shopA.id]);
    expect(me.csrfToken).toBe(csrfTokenFor(session.token));
  });

  it('answers a wrong password and an unknown email with the same error', async () => {
    await expectCode(app.caller({ ip: nextIp() }).staff.login({ email: 'owner.a@example.com', password: 'wrong-password' }), 'INVALID_CREDENTIALS');
    await expectCode(app.caller({ ip: nextIp() }).staff.login({ email: 'nobody@example.com', password: 'wrong-password' }), 'INVALID_CREDENTIALS');
  });

  it('refuses a staff mutation without the CSRF token or with a wrong one', async () => {
    const session = await signIn('owner.a@example.com', 'alice-password-1');
    await expectCode(session.as({ csrf: null }).staff.switchShop({ shopId: shopA.id }), 'CSRF_TOKEN_INVALID');
    await expectCode(session.as({ csrf: csrfTokenFor('another-session') }).staff.switchShop({ shopId: shopA.id }), 'CSRF_TOKEN_INVALID');
    await expectCode(session.as({ csrf: null }).staff.logout(), 'CSRF_TOKEN_INVALID');
    await expect(session.as().staff.switchShop({ shopId: shopA.id })).resolves.toEqual({ activeShopId: shopA.id });
  });

  it('refuses staff calls without a session, with an unknown one and after logout', async () => {
    await expectCode(app.caller().staff.me(), 'STAFF_SESSION_REQUIRED');
    await expectCode(app.caller({ cookies: { [staffSessionCookie]: 'forged-token' } }).staff.me(), 'STAFF_SESSION_REQUIRED');
    const session = await signIn('owner.a@example.com', 'alice-password-1');
    await session.as().staff.logout();
    await expectCode(session.as().staff.me(), 'STAFF_SESSION_REQUIRED');
  });

  it('sets the session cookie HttpOnly, Secure, SameSite=Strict on / through the HTTP layer, and CSRF guards it there too', async () => {
    const http = await buildHttpServer(app.deps);
    try {
      const response = await http.inject({
        method: 'POST',
        url: '/trpc/staff.login',
        headers: { 'content-type': 'application/json' },
        payload: { email: 'owner.a@example.com', password: 'alice-password-1' },
      });
      expect(response.statusCode).toBe(200);
      const setCookie = String(response.headers['set-cookie']);
      expect(setCookie).toMatch(new RegExp(`^${staffSessionCookie}=[A-Za-z0-9_-]{43};`));
      const attributes = setCookie.split(';').map((part) => part.trim().toLowerCase());
      expect(attributes).toContain('httponly');
      expect(attributes).toContain('secure');
      expect(attributes).toContain('samesite=strict');
      expect(attributes).toContain('path=/');
      expect(attributes).toContain(`max-age=${staffSessionPolicy.absoluteMs / 1000}`);

      const cookie = setCookie.split(';')[0]!;
      const json = { 'content-type': 'application/json' };
      const withoutToken = await http.inject({ method: 'POST', url: '/trpc/staff.logout', headers: { ...json, cookie }, payload: {} });
      expect(withoutToken.statusCode).toBe(403);
      expect(withoutToken.json()).toMatchObject({ error: { data: { comptoirCode: 'CSRF_TOKEN_INVALID' } } });

      const me = await http.inject({ method: 'GET', url: '/trpc/staff.me', headers: { cookie } });
      const csrfToken = (me.json() as { result: { data: { csrfToken: string } } }).result.data.csrfToken;
      const logout = await http.inject({
        method: 'POST',
        url: '/trpc/staff.logout',
        headers: { ...json, cookie, 'x-csrf-token': csrfToken },
        payload: {},
      });
      expect(logout.statusCode).toBe(200);
      expect(String(logout.headers['set-cookie'])).toMatch(new RegExp(`^${staffSessionCookie}=;.*Max-Age=0`, 'i'));
    } finally {
      await http.close();
    }
  });

  it('locks an email after 5 failed attempts, even with the right password, until the window ends', async () => {
    await createStaffUser(app.deps, { email: 'locked@example.com', name: 'Lou', password: 'lou-password-1', shopId: shopA.id, role: 'staff' });
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await expectCode(app.caller({ ip: nextIp() }).staff.login({ email: 'locked@example.com', password: `wrong-${attempt}` }), 'INVALID_CREDENTIALS');
    }
    await expect(app.caller({ ip: nextIp() }).staff.login({ email: 'locked@example.com', password: 'lou-password-1' })).rejects.toMatchObject({
      cause: { code: 'TOO_MANY_ATTEMPTS', params: { minutes: 15 } },
    });
    app.clock.advance(14 * minute);
    await expectCode(app.caller({ ip: nextIp() }).staff.login({ email: 'locked@example.com', password: 'lou-password-1' }), 'TOO_MANY_ATTEMPTS');
    app.clock.advance(1 * minute);
    const session = await signIn('locked@example.com', 'lou-password-1');
    await expect(session.as().staff.me()).resolves.toMatchObject({ user: { email: 'locked@example.com' } });
  });

  it('clears the failure count after a successful sign-in', async () => {
    await createStaffUser(app.deps, { email: 'clumsy@example.com', name: 'Cam', password: 'cam-password-1', shopId: shopA.id, role: 'staff' });
    for (let round = 0; round < 2; round += 1) {
      for (let attempt = 0; attempt < 4; attempt += 1) {
        await expectCode(app.caller({ ip: nextIp() }).staff.login({ email: 'clumsy@example.com', password: 'nope-nope-nope' }), 'INVALID_CREDENTIALS');
      }
      await signIn('clumsy@example.com', 'cam-password-1');
    }
  });

  it('limits sign-in attempts per address across emails', async () => {
    const from = nextIp();
    for (let attempt = 0; attempt < 30; attempt += 1) {
      await expectCode(app.caller({ ip: from }).staff.login({ email: `spray${attempt}@example.com`, password: 'guess-guess' }), 'INVALID_CREDENTIALS');
    }
    await expectCode(app.caller({ ip: from }).staff.login({ email: 'owner.a@example.com', password: 'alice-password-1' }), 'TOO_MANY_ATTEMPTS');
    app.clock.advance(15 * minute);
  });

  it('lets an invited person set a password once through a link that expires after 7 days', async () => {
    const owner = await signIn('owner.a@example.com', 'alice-password-1');
    const invitation = await owner.as().staff.invite({ email: 'New.Hire@Example.com', name: 'Noé', role: 'staff' });
    expect(invitation.invitationUrl).toMatch(/^http:\/\/comptoir\.test\/admin\/#\/accept\?token=[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(invitation.invitationUrl!);
    // The same link reaches the invited person by email, naming who invited them.
    const invitationEmail = await app.deps.db.outboxMessage.findFirstOrThrow({ where: { topic: 'staff_invitation', payload: { path: ['to'], equals: 'new.hire@example.com' } }, select: { payload: true } });
    expect((invitationEmail.payload as { data: { url: string; inviterName: string } }).data).toMatchObject({ url: invitation.invitationUrl, expiresInHours: 168 });

    await expectCode(app.caller({ ip: nextIp() }).staff.login({ email: 'new.hire@example.com', password: 'anything-at-all' }), 'INVALID_CREDENTIALS');
    await expectCode(app.caller({ ip: nextIp() }).staff.acceptInvitation({ token, password: 'short' }), 'PASSWORD_TOO_SHORT');
    await expect(app.caller({ ip: nextIp() }).staff.acceptInvitation({ token, password: 'noe-password-1' })).resolves.toEqual({
      email: 'new.hire@example.com',
    });
    await expectCode(app.caller({ ip: nextIp() }).staff.acceptInvitation({ token, password: 'takeover-password' }), 'STAFF_LINK_INVALID');
    const session = await signIn('new.hire@example.com', 'noe-password-1');
    expect((await session.as().staff.me()).activeShop).toMatchObject({ id: shopA.id, role: 'staff' });

    const late = await inviteStaff(app.deps, { shopId: shopA.id, email: 'late@example.com', name: 'Léa', role: 'staff', actor: { type: 'system' } });
    app.clock.advance(staffLinkLifetimeMs.staff_invite + 1);
    await expectCode(app.caller({ ip: nextIp() }).staff.acceptInvitation({ token: tokenOf(late.invitationUrl!), password: 'lea-password-1' }), 'STAFF_LINK_INVALID');
  });

  it('replaces the link when the owner invites again someone who has not accepted yet', async () => {
    const first = await inviteStaff(app.deps, { shopId: shopA.id, email: 'again@example.com', name: 'Ali', role: 'staff', actor: { type: 'system' } });
    const second = await inviteStaff(app.deps, { shopId: shopA.id, email: 'again@example.com', name: 'Ali', role: 'staff', actor: { type: 'system' } });
    await expectCode(app.caller({ ip: nextIp() }).staff.acceptInvitation({ token: tokenOf(first.invitationUrl!), password: 'ali-password-1' }), 'STAFF_LINK_INVALID');
    await app.caller({ ip: nextIp() }).staff.acceptInvitation({ token: tokenOf(second.invitationUrl!), password: 'ali-password-1' });
    await expectCode(
      inviteStaff(app.deps, { shopId: shopA.id, email: 'again@example.com', name: 'Ali', role: 'staff', actor: { type: 'system' } }),
      'STAFF_ALREADY_MEMBER',
    );
  });

  it('asks an existing account for consent: a pending invitation, emailed only, accepted signed in', async () => {
    const ownerB = await signIn('owner.b@example.com', 'bruno-password-1');
    const invitation = await ownerB.as().staff.invite({ email: 'clerk.a@example.com', name: 'Chloé', role: 'staff' });
    // No membership yet, and no link for the inviter to use on the person's behalf.
    expect(invitation.invitationUrl).toBeNull();
    expect(invitation.expiresAt).not.toBeNull();
    const clerk = await signIn('clerk.a@example.com', 'chloe-password-1');
    let me = await clerk.as().staff.me();
    expect(me.shops.map((shop) => shop.id)).toEqual([shopA.id]);
    await expectCode(clerk.as().staff.switchShop({ shopId: shopB.id }), 'SHOP_NOT_FOUND');
    expect(me.invitations).toEqual([{ id: expect.any(String), shop: { id: shopB.id, slug: 'boutique-b', name: 'boutique-b' }, role: 'staff', expiresAt: expect.any(Date) }]);
    const team = await ownerB.as().staff.list();
    expect(team.find((member) => member.email === 'clerk.a@example.com')).toMatchObject({ status: 'invited', role: 'staff', staffUserId: me.user.id });
    // The link reaches the person by email.
    const emailed = await app.deps.db.outboxMessage.findFirstOrThrow({
      where: { topic: 'staff_invitation', payload: { path: ['to'], equals: 'clerk.a@example.com' } },
      select: { payload: true },
    });
    // It tells the admin's page to ask for the account's current password, not a new one.
    expect((emailed.payload as { data: { url: string } }).data.url).toMatch(/#\/accept\?token=[A-Za-z0-9_-]{43}&account=existing$/);

    // Someone else cannot accept it for them.
    const ownerA = await signIn('owner.a@example.com', 'alice-password-1');
    await expectCode(ownerA.as().staff.joinShop({ invitationId: me.invitations[0]!.id }), 'STAFF_INVITATION_NOT_FOUND');

    await expect(clerk.as().staff.joinShop({ invitationId: me.invitations[0]!.id })).resolves.toEqual({ shopId: shopB.id, role: 'staff' });
    await expectCode(clerk.as().staff.joinShop({ invitationId: me.invitations[0]!.id }), 'STAFF_INVITATION_NOT_FOUND');
    me = await clerk.as().staff.me();
    expect(me.shops.map((shop) => shop.id).sort()).toEqual([shopA.id, shopB.id].sort());
    expect(me.invitations).toEqual([]);
    expect((await ownerB.as().staff.list()).find((member) => member.email === 'clerk.a@example.com')).toMatchObject({ status: 'active' });
    const accepted = await app.deps.db.event.findFirstOrThrow({ where: { shopId: shopB.id, type: 'staff.invitation_accepted', subjectId: me.user.id } });
    expect(accepted).toMatchObject({ actorType: 'staff', actorId: me.user.id, toStatus: 'staff' });
    await clerk.as().staff.switchShop({ shopId: shopB.id });
    expect((await clerk.as().staff.me()).activeShop.id).toBe(shopB.id);
    await ownerB.as().staff.remove({ staffUserId: me.user.id });
    expect((await clerk.as().staff.me()).activeShop.id).toBe(shopA.id);
  });

  it('lets an existing account accept through the link with its own password, which the link never changes', async () => {
    const ownerB = await signIn('owner.b@example.com', 'bruno-password-1');
    await ownerB.as().staff.invite({ email: 'owner.a@example.com', name: 'Alice', role: 'owner' });
    const emailed = await app.deps.db.outboxMessage.findFirstOrThrow({
      where: { topic: 'staff_invitation', payload: { path: ['to'], equals: 'owner.a@example.com' } },
      select: { payload: true },
    });
    const token = tokenOf((emailed.payload as { data: { url: string } }).data.url);
    // Whoever holds the link without the password gets nowhere, and the password stays.
    await expectCode(app.caller({ ip: nextIp() }).staff.acceptInvitation({ token, password: 'takeover-password' }), 'INVALID_CREDENTIALS');
    await expectCode(app.caller({ ip: nextIp() }).staff.login({ email: 'owner.a@example.com', password: 'takeover-password' }), 'INVALID_CREDENTIALS');
    const alice = await signIn('owner.a@example.com', 'alice-password-1');
    expect((await alice.as().staff.me()).shops.map((shop) => shop.id)).toEqual([shopA.id]);
    // The link still works with the right password, once.
    await expect(app.caller({ ip: nextIp() }).staff.acceptInvitation({ token, password: 'alice-password-1' })).resolves.toEqual({ email: 'owner.a@example.com' });
    await expectCode(app.caller({ ip: nextIp() }).staff.acceptInvitation({ token, password: 'alice-password-1' }), 'STAFF_LINK_INVALID');
    const me = await alice.as().staff.me();
    expect(me.shops.map((shop) => [shop.id, shop.role]).sort()).toEqual(
      [
        [shopA.id, 'owner'],
        [shopB.id, 'owner'],
      ].sort(),
    );
    await ownerB.as().staff.remove({ staffUserId: me.user.id });
  });

  it('withdraws a pending invitation when the owner removes the invitee', async () => {
    const ownerA = await signIn('owner.a@example.com', 'alice-password-1');
    await ownerA.as().staff.invite({ email: 'owner.b@example.com', name: 'Bruno', role: 'staff' });
    const bruno = await signIn('owner.b@example.com', 'bruno-password-1');
    const [pending] = (await bruno.as().staff.me()).invitations;
    expect(pending?.shop.id).toBe(shopA.id);
    const invitee = (await ownerA.as().staff.list()).find((member) => member.email === 'owner.b@example.com');
    expect(invitee?.status).toBe('invited');
    await ownerA.as().staff.remove({ staffUserId: invitee!.staffUserId });
    expect((await ownerA.as().staff.list()).map((member) => member.email)).not.toContain('owner.b@example.com');
    await expectCode(bruno.as().staff.joinShop({ invitationId: pending!.id }), 'STAFF_INVITATION_NOT_FOUND');
    await expectCode(ownerA.as().staff.remove({ staffUserId: invitee!.staffUserId }), 'STAFF_NOT_FOUND');
    expect(await app.deps.db.event.count({ where: { shopId: shopA.id, type: 'staff.invitation_withdrawn', subjectId: invitee!.staffUserId } })).toBe(1);
  });

  it('answers a reset request the same way for known and unknown emails, and a reset link works once within an hour', async () => {
    await createStaffUser(app.deps, { email: 'forgetful@example.com', name: 'Fanny', password: 'fanny-password-1', shopId: shopA.id, role: 'staff' });
    const before = await app.deps.db.oneTimeToken.count({ where: { purpose: 'password_reset' } });
    await expect(app.caller({ ip: nextIp() }).staff.requestPasswordReset({ email: 'forgetful@example.com' })).resolves.toEqual({ ok: true });
    await expect(app.caller({ ip: nextIp() }).staff.requestPasswordReset({ email: 'ghost@example.com' })).resolves.toEqual({ ok: true });
    expect(await app.deps.db.oneTimeToken.count({ where: { purpose: 'password_reset' } })).toBe(before + 1);
    // Only the known address gets an email, with a link that works.
    const resetEmails = await app.deps.db.outboxMessage.findMany({ where: { topic: 'password_reset' }, select: { payload: true } });
    expect(resetEmails.map((row) => (row.payload as { to: string }).to)).toEqual(['forgetful@example.com']);
    const emailedToken = tokenOf((resetEmails[0]!.payload as { data: { url: string } }).data.url);
    expect(emailedToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const oldSession = await signIn('forgetful@example.com', 'fanny-password-1');
    const link = await createPasswordResetLink(app.deps, { email: 'forgetful@example.com' });
    expect(link.resetUrl).toMatch(/^http:\/\/comptoir\.test\/admin\/#\/reset\?token=/);
    const token = tokenOf(link.resetUrl);
    await app.caller({ ip: nextIp() }).staff.resetPassword({ token, password: 'fanny-password-2' });
    await expectCode(oldSession.as().staff.me(), 'STAFF_SESSION_REQUIRED');
    await expectCode(app.caller({ ip: nextIp() }).staff.resetPassword({ token, password: 'fanny-password-3' }), 'STAFF_LINK_INVALID');
    await expectCode(app.caller({ ip: nextIp() }).staff.login({ email: 'forgetful@example.com', password: 'fanny-password-1' }), 'INVALID_CREDENTIALS');
    await signIn('forgetful@example.com', 'fanny-password-2');

    const expiring = await createPasswordResetLink(app.deps, { email: 'forgetful@example.com' });
    app.clock.advance(staffLinkLifetimeMs.password_reset + 1);
    await expectCode(
      app.caller({ ip: nextIp() }).staff.resetPassword({ token: tokenOf(expiring.resetUrl), password: 'fanny-password-4' }),
      'STAFF_LINK_INVALID',
    );
  });

  it('keeps keys and staff management to owners', async () => {
    const clerk = await signIn('clerk.a@example.com', 'chloe-password-1');
    await expectCode(clerk.as().staff.invite({ email: 'x@example.com', name: 'X', role: 'owner' }), 'STAFF_ROLE_REQUIRED');
    await expectCode(clerk.as().staff.list(), 'STAFF_ROLE_REQUIRED');
    const owner = await signIn('owner.a@example.com', 'alice-password-1');
    const ownerId = (await owner.as().staff.me()).user.id;
    await expectCode(clerk.as().staff.remove({ staffUserId: ownerId }), 'STAFF_ROLE_REQUIRED');
    await expectCode(clerk.as().shops.admin.listKeys(), 'STAFF_ROLE_REQUIRED');
    await expectCode(clerk.as().shops.admin.rotateKey({ kind: 'secret' }), 'STAFF_ROLE_REQUIRED');
    const keys = await owner.as().shops.admin.listKeys();
    await expectCode(clerk.as().shops.admin.revokeKey({ keyId: keys[0]!.id }), 'STAFF_ROLE_REQUIRED');
  });

  it('keeps the staff of shop A out of shop B', async () => {
    const ownerA = await signIn('owner.a@example.com', 'alice-password-1');
    await expectCode(ownerA.as().staff.switchShop({ shopId: shopB.id }), 'SHOP_NOT_FOUND');
    const teamA = await ownerA.as().staff.list();
    expect(teamA.map((member) => member.email)).not.toContain('owner.b@example.com');
    const ownerB = await signIn('owner.b@example.com', 'bruno-password-1');
    const ownerBId = (await ownerB.as().staff.me()).user.id;
    await expectCode(ownerA.as().staff.remove({ staffUserId: ownerBId }), 'STAFF_NOT_FOUND');
    expect((await ownerA.as().staff.me()).activeShop.id).toBe(shopA.id);
  });

  it('never removes the last owner, and a removed person loses access', async () => {
    const owner = await signIn('owner.b@example.com', 'bruno-password-1');
    const me = await owner.as().staff.me();
    await expectCode(owner.as().staff.remove({ staffUserId: me.user.id }), 'STAFF_LAST_OWNER');
    await createStaffUser(app.deps, { email: 'temp@example.com', name: 'Tim', password: 'tim-password-1', shopId: shopB.id, role: 'staff' });
    const temp = await signIn('temp@example.com', 'tim-password-1');
    const tempId = (await temp.as().staff.me()).user.id;
    await owner.as().staff.remove({ staffUserId: tempId });
    await expectCode(temp.as().staff.me(), 'STAFF_SESSION_REQUIRED');
    const events = await app.deps.db.event.findMany({ where: { subjectId: tempId, type: 'staff.removed' } });
    expect(events).toMatchObject([{ actorType: 'staff', actorId: me.user.id, shopId: shopB.id }]);
  });

  it('ends a session after 12 idle hours, slides it while used, and never keeps it beyond 30 days', async () => {
    const idle = await signIn('owner.a@example.com', 'alice-password-1');
    const used = await signIn('owner.a@example.com', 'alice-password-1');
    for (let hours = 0; hours < 24; hours += 6) {
      app.clock.advance(6 * 60 * minute);
      await used.as().staff.me();
    }
    await expectCode(idle.as().staff.me(), 'STAFF_SESSION_REQUIRED');
    // Used every 11 hours since sign-in, until the 30-day maximum is less than 11 hours away.
    const every = 11 * 60 * minute;
    for (let elapsed = 24 * 60 * minute + every; elapsed < staffSessionPolicy.absoluteMs; elapsed += every) {
      app.clock.advance(every);
      await used.as().staff.me();
    }
    app.clock.advance(every);
    await expectCode(used.as().staff.me(), 'STAFF_SESSION_REQUIRED');
  });
});
