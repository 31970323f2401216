import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultServicePolicyRules, legalLimits } from '@comptoir/protocol';
import { createCaseShop, failureCode, testOrigin, type CaseShop } from '../cases/case-fixtures.js';
import { csrfTokenFor } from '../auth/staff-auth.js';
import { login, createStaffUser } from '../staff/service.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { testDatabaseKind } from '../test/test-database.js';
import { widgetHeaders } from '../test/fixtures.js';

const dayMs = 86_400_000;
const now = '2026-06-15T10:00:00Z';

describe(`shop settings and the versioned service policy on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let shop: CaseShop;
  let other: CaseShop;
  let clerk: ReturnType<TestApp['caller']>;

  beforeAll(async () => {
    app = await createTestApp({ now });
    shop = await createCaseShop(app, 'settings-shop');
    other = await createCaseShop(app, 'settings-other');
    // The fixture's v1 has empty rules; a real shop's v1 holds the complete defaults.
    await app.deps.db.servicePolicy.update({
      where: { shopId_version: { shopId: shop.shop.id, version: 1 } },
      data: { rules: defaultServicePolicyRules() },
    });
    await createStaffUser(app.deps, { email: 'clerk@settings.example', name: 'Clerc', password: 'un mot de passe de clerc 42', shopId: shop.shop.id, role: 'staff' });
    const session = await login(app.deps, { email: 'clerk@settings.example', password: 'un mot de passe de clerc 42', ip: '10.0.0.9' });
    clerk = app.caller({ cookies: { comptoir_staff: session.token }, headers: { 'x-csrf-token': csrfTokenFor(session.token) } });
  });
  afterAll(async () => {
    await app?.close();
  });

  const profile = {
    name: 'Atelier Réglages',
    locale: 'en' as const,
    timeZone: 'America/Montreal',
    country: 'ca',
    brandColor: '#1F6FEB',
    logoUrl: 'https://cdn.example/logo.png',
    emailFrom: 'Bonjour@Atelier.example',
    emailReplyTo: null,
  };

  it('returns the settings page fields and lets the owner change the profile, with the changed fields in the event', async () => {
    const before = await shop.staff.shops.admin.get();
    expect(before).toMatchObject({ emailFrom: null, emailReplyTo: null, brandColor: null, logoUrl: null, country: 'FR', currentPolicyVersion: 1, currency: 'EUR' });

    const updated = await shop.staff.shops.admin.updateProfile(profile);
    expect(updated).toMatchObject({
      name: 'Atelier Réglages',
      locale: 'en',
      timeZone: 'America/Montreal',
      country: 'CA',
      brandColor: '#1f6feb',
      logoUrl: 'https://cdn.example/logo.png',
      emailFrom: 'bonjour@atelier.example',
      emailReplyTo: null,
      currency: 'EUR',
    });
    expect(await shop.staff.shops.admin.get()).toEqual(updated);
    const events = await app.deps.db.event.findMany({ where: { shopId: shop.shop.id, type: 'shop.profile_updated' }, select: { data: true, actorType: true, actorId: true } });
    expect(events).toEqual([
      { data: { changed: ['name', 'locale', 'timeZone', 'country', 'brandColor', 'logoUrl', 'emailFrom'] }, actorType: 'staff', actorId: shop.staffUserId },
    ]);
    // The widget sees the new name at once (the key cache is cleared).
    const widget = app.caller({ headers: widgetHeaders(shop.publishableKey, testOrigin) });
    expect((await widget.shops.widget.config()).name).toBe('Atelier Réglages');

    // Saving the same profile again changes nothing and records nothing.
    await shop.staff.shops.admin.updateProfile(profile);
    expect(await app.deps.db.event.count({ where: { shopId: shop.shop.id, type: 'shop.profile_updated' } })).toBe(1);
    await shop.staff.shops.admin.updateProfile({ ...profile, name: 'settings-shop', locale: 'fr', timeZone: 'Europe/Paris', country: 'FR' });
  });

  it('refuses a bad profile with INVALID_INPUT and keeps profile and policy changes to owners', async () => {
    for (const bad of [
      { timeZone: 'Europe/Atlantis' },
      { brandColor: 'red' },
      { logoUrl: 'http://cdn.example/logo.png' },
      { logoUrl: 'javascript:alert(1)' },
      { country: 'FRA' },
      { emailFrom: 'not-an-email' },
      { name: '' },
    ]) {
      expect(await failureCode(shop.staff.shops.admin.updateProfile({ ...profile, ...bad })), JSON.stringify(bad)).toBe('BAD_REQUEST');
    }
    // Plain http is fine for a logo served by the developer's own machine.
    await expect(shop.staff.shops.admin.updateProfile({ ...profile, name: 'settings-shop', logoUrl: 'http://localhost:5173/logo.svg' })).resolves.toMatchObject({
      logoUrl: 'http://localhost:5173/logo.svg',
    });
    expect(await failureCode(clerk.shops.admin.updateProfile(profile))).toBe('STAFF_ROLE_REQUIRED');
    expect(await failureCode(clerk.shops.admin.updatePolicy({ expectedVersion: 1, rules: {} }))).toBe('STAFF_ROLE_REQUIRED');
    // Reading the policy is for every member of the team.
    await expect(clerk.shops.admin.policy()).resolves.toMatchObject({ version: 1 });
    await expect(clerk.shops.admin.policyHistory()).resolves.toHaveLength(1);
  });

  it('gives the current policy with every default filled, its author and the legal limits', async () => {
    const policy = await shop.staff.shops.admin.policy();
    expect(policy).toMatchObject({ version: 1, createdBy: null, legal: legalLimits });
    expect(policy.rules).toEqual(defaultServicePolicyRules());
    expect(policy.rules.schedule.openingHours.sunday).toEqual([]);
  });

  it('saves a new version, records what changed, and refuses a save made on a stale version', async () => {
    const current = await shop.staff.shops.admin.policy();
    const rules = structuredClone(current.rules);
    rules.returns.windowDays = 45;
    rules.schedule.holidays = ['2026-08-15'];
    rules.schedule.openingHours.sunday = [{ opens: '10:00', closes: '13:00' }];
    const saved = await shop.staff.shops.admin.updatePolicy({ expectedVersion: 1, rules });
    expect(saved).toMatchObject({ version: 2, createdBy: { id: shop.staffUserId, name: 'Owner settings-shop' } });
    expect(saved.rules.returns.windowDays).toBe(45);
    expect((await shop.staff.shops.admin.get()).currentPolicyVersion).toBe(2);
    const event = await app.deps.db.event.findFirstOrThrow({ where: { shopId: shop.shop.id, type: 'shop.policy_updated' }, select: { data: true, actorId: true } });
    expect(event).toEqual({
      data: { fromVersion: 1, toVersion: 2, changed: ['returns.windowDays', 'schedule.holidays', 'schedule.openingHours.sunday'] },
      actorId: shop.staffUserId,
    });

    // Someone else's editor still holds version 1.
    expect(await failureCode(shop.staff.shops.admin.updatePolicy({ expectedVersion: 1, rules: { returns: { windowDays: 60 } } }))).toBe('POLICY_VERSION_CONFLICT');
    const conflict = await shop.staff.shops.admin.updatePolicy({ expectedVersion: 1, rules: {} }).catch((error: unknown) => error);
    expect((conflict as { message: string }).message).toContain('version 2');

    const history = await shop.staff.shops.admin.policyHistory();
    expect(history.map((row) => [row.version, row.createdBy?.name ?? null])).toEqual([
      [2, 'Owner settings-shop'],
      [1, null],
    ]);
    // Version 1 is untouched: cases opened under it keep its rules.
    const v1 = await app.deps.db.servicePolicy.findUniqueOrThrow({ where: { shopId_version: { shopId: shop.shop.id, version: 1 } }, select: { rules: true } });
    expect((v1.rules as { returns: { windowDays: number } }).returns.windowDays).toBe(30);
  });

  it('lets exactly one of two concurrent saves of the same version through', async () => {
    const { version } = await shop.staff.shops.admin.policy();
    const outcomes = await Promise.allSettled([
      shop.staff.shops.admin.updatePolicy({ expectedVersion: version, rules: { returns: { windowDays: 31 } } }),
      shop.staff.shops.admin.updatePolicy({ expectedVersion: version, rules: { returns: { windowDays: 32 } } }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === 'rejected');
    expect(await failureCode(Promise.reject((rejected as PromiseRejectedResult).reason))).toBe('POLICY_VERSION_CONFLICT');
    expect(await app.deps.db.servicePolicy.count({ where: { shopId: shop.shop.id } })).toBe(version + 1);
  });

  it('refuses a policy below the legal floors with their own codes, field and floor', async () => {
    const { version } = await shop.staff.shops.admin.policy();
    const floor = await shop.staff.shops.admin.updatePolicy({ expectedVersion: version, rules: { returns: { windowDays: 10 } } }).catch((error: unknown) => error);
    expect(await failureCode(Promise.reject(floor))).toBe('POLICY_BELOW_LEGAL_FLOOR');
    expect((floor as { cause: { params: unknown } }).cause.params).toEqual({ field: 'returns.windowDays', floor: 14 });
    expect(await failureCode(shop.staff.shops.admin.updatePolicy({ expectedVersion: version, rules: { refunds: { dueHours: 24 * 15 } } }))).toBe('POLICY_ABOVE_LEGAL_CEILING');
    expect(
      await failureCode(
        shop.staff.shops.admin.updatePolicy({ expectedVersion: version, rules: { returns: { methods: { drop_off: false, post_prepaid: false, post_own_cost: false } } } }),
      ),
    ).toBe('POLICY_NO_RETURN_METHOD');
    const closed = Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((day) => [day, []]));
    expect(await failureCode(shop.staff.shops.admin.updatePolicy({ expectedVersion: version, rules: { schedule: { openingHours: closed } } }))).toBe('POLICY_NO_OPENING_HOURS');
    expect((await shop.staff.shops.admin.policy()).version).toBe(version);
  });

  it('applies a shorter return window to new returns at once, while an open return keeps its version', async () => {
    const deliveredAt = new Date(new Date(now).getTime() - 20 * dayMs).toISOString();
    const placedAt = new Date(new Date(now).getTime() - 23 * dayMs).toISOString();
    const openReturnOrder = await shop.placeOrder({ number: 'POL-1', email: 'lea@example.fr', placedAt, deliveredAt });
    const laterOrder = await shop.placeOrder({ number: 'POL-2', email: 'lea@example.fr', placedAt, deliveredAt });
    const { version } = await shop.staff.shops.admin.policy();
    await shop.staff.shops.admin.updatePolicy({ expectedVersion: version, rules: { returns: { windowDays: 30 } } });
    const shopper = shop.shopper(openReturnOrder.customerId);

    const before = await shopper.returns.widget.eligibility({ orderNumber: 'POL-2' });
    expect(before.lines[0]).toMatchObject({ eligible: true, code: 'within_return_window' });
    const deadline = new Date(before.lines[0]!.deadline!);
    expect(Math.round((deadline.getTime() - new Date(deliveredAt).getTime()) / dayMs)).toBe(31);
    const opened = await shopper.returns.widget.create({
      orderId: openReturnOrder.orderId,
      lines: [{ orderLineId: (await shopper.returns.widget.eligibility({ orderNumber: 'POL-1' })).lines[0]!.orderLineId, quantity: 1 }],
      method: 'drop_off',
      resolution: 'refund',
      idempotencyKey: 'policy-return-0001',
    });
    const openedVersion = (await app.deps.db.returnCase.findUniqueOrThrow({ where: { id: opened.returnId }, select: { policyVersion: true } })).policyVersion;
    expect(openedVersion).toBe(version + 1);

    const lowered = await shop.staff.shops.admin.updatePolicy({ expectedVersion: version + 1, rules: { returns: { windowDays: 15 } } });
    expect(lowered.rules.returns.windowDays).toBe(15);
    const after = await shopper.returns.widget.eligibility({ orderNumber: 'POL-2' });
    expect(after.lines[0]).toMatchObject({ eligible: false, code: 'window_closed' });
    expect(laterOrder.orderId).toBeTruthy();

    // The return opened under the 30-day version keeps it, and can still be approved under it.
    expect((await app.deps.db.returnCase.findUniqueOrThrow({ where: { id: opened.returnId }, select: { policyVersion: true } })).policyVersion).toBe(openedVersion);
    await expect(shop.staff.returns.admin.approve({ returnId: opened.returnId })).resolves.toBeTruthy();
  });

  it("keeps another shop's policy and settings out of reach", async () => {
    const mine = await other.staff.shops.admin.policyHistory();
    expect(mine.map((row) => row.version)).toEqual([1]);
    expect((await other.staff.shops.admin.get()).id).toBe(other.shop.id);
  });
});
