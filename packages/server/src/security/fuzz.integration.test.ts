import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { errorDefinitions, orderUpsertInput, type ErrorCode } from '@comptoir/protocol';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { backendHeaders, createShopWithKeys, widgetHeaders } from '../test/fixtures.js';
import { testDatabaseKind } from '../test/test-database.js';
import { upsertOrder } from '../orders/upsert-order.js';
import { signShopperToken } from '../auth/shopper-token.js';
import { csrfTokenFor } from '../auth/staff-auth.js';
import { createStaffUser } from '../staff/service.js';
import { sha256 } from '../core/hash.js';
import { ApiKeyKind, generateApiKey } from '../auth/api-keys.js';
import { createContextInner, type RequestInfo } from '../context.js';
import { appRouter } from '../router.js';
import { callByPath, listProcedures } from './procedure-walker.js';
import { attackInputs, withPlaceholders, type VictimShop } from './tenancy-attacks.js';
import { hostileInputFor } from './hostile-values.js';

/**
 * Walks EVERY procedure of the router and throws generated hostile input at it (wrong types, 1 MB
 * strings, nesting 5,000 deep, lone surrogates and NUL, 1e308 and NaN, 10,000-element arrays,
 * `__proto__` keys), as each kind of caller the API knows. Whatever the input, the answer is a
 * result or a TRPCError whose formatted shape carries a known `comptoirCode` — never an internal
 * error, never a crash. FUZZ_RUNS raises the number of inputs per procedure and caller (default 6,
 * so 24 per procedure; `FUZZ_RUNS=200` for a long run).
 */
const runs = Number(process.env.FUZZ_RUNS ?? 6);

/** What the calls answered, to prove the fuzzer gets past input validation into the services. */
const outcomes = new Map<string, number>();
function count(outcome: string): void {
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
}
const origin = 'https://fuzz.test';

let app: TestApp;
let shopId: string;
let ownerId: string;
let customerId: string;
let seeds: Record<string, unknown[]>;

/** Fresh credentials of every kind: a procedure like key rotation or logout must not starve the next ones. */
async function credentials(): Promise<Array<{ name: string; request: Partial<RequestInfo> }>> {
  const db = app.deps.db;
  const publishable = generateApiKey(ApiKeyKind.publishable);
  const secret = generateApiKey(ApiKeyKind.secret);
  await db.apiKey.createMany({
    data: [publishable, secret].map((key) => ({ shopId, kind: key.kind, hash: key.hash, displayPrefix: key.displayPrefix })),
  });
  const token = randomBytes(32).toString('base64url');
  await db.staffSession.create({
    data: { staffUserId: ownerId, tokenHash: sha256(token), activeShopId: shopId, expiresAt: new Date(app.clock.now().getTime() + 3_600_000) },
  });
  const shopperToken = signShopperToken(app.deps.secrets.shopperTokenKey, {
    shopId,
    customerId,
    exp: Math.floor(app.clock.now().getTime() / 1000) + 3600,
  });
  return [
    { name: 'nobody', request: { headers: {} } },
    { name: 'back end', request: { headers: backendHeaders(secret.plaintext) } },
    { name: 'widget with shopper', request: { headers: { ...widgetHeaders(publishable.plaintext, origin), 'x-comptoir-session': shopperToken } } },
    { name: 'owner', request: { cookies: { comptoir_staff: token }, headers: { 'x-csrf-token': csrfTokenFor(token) } } },
  ];
}

/** The shape a client would receive for this error, through the router's own error formatter. */
function formatted(error: TRPCError, request: Partial<RequestInfo>, path: string): { comptoirCode: string; httpStatus: number } {
  const format = appRouter._def._config.errorFormatter;
  const shape = format({
    error,
    type: 'unknown',
    path,
    input: undefined,
    ctx: createContextInner({ deps: app.deps, request }),
    shape: { message: error.message, code: -32600, data: { code: error.code, httpStatus: 400 } },
  }) as { data: { comptoirCode: string; httpStatus: number } };
  return shape.data;
}

/** Calls one procedure with one input; returns a description of what went wrong, or null. */
async function misbehaviour(path: string, request: Partial<RequestInfo>, input: unknown): Promise<string | null> {
  try {
    await callByPath(app.caller(request), path, input);
    count('ok');
    return null;
  } catch (error) {
    if (!(error instanceof TRPCError)) return `threw a non-tRPC error: ${String(error)}`;
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      return `INTERNAL_SERVER_ERROR: ${String((error.cause as Error | undefined)?.message ?? error.message).slice(0, 300)}`;
    }
    const data = formatted(error, request, path);
    count(data.comptoirCode);
    if (!(data.comptoirCode in errorDefinitions)) return `untyped error ${data.comptoirCode}`;
    if ((['INTERNAL_ERROR'] as ErrorCode[]).includes(data.comptoirCode as ErrorCode)) return `internal error code ${data.comptoirCode}`;
    return null;
  }
}

/** Reports a failure by its own message: the counterexamples hold megabytes and would drown the log. */
function shortReport<T>(details: fc.RunDetails<T>): void {
  if (details.failed) throw new Error(`after ${details.numRuns} runs (seed ${details.seed}): ${String(details.errorInstance)}`);
}

/** A short, printable description of an input, for failure messages. */
function describeInput(input: unknown): string {
  try {
    const text = JSON.stringify(input) ?? String(input);
    return text.length > 200 ? `${text.slice(0, 200)}… (${text.length} chars)` : text;
  } catch {
    return Object.prototype.toString.call(input);
  }
}

beforeAll(async () => {
  app = await createTestApp({ now: '2026-06-10T10:00:00Z' });
  const made = await createShopWithKeys(app.deps.db, { slug: 'fuzz', origins: [origin] });
  shopId = made.shop.id;
  const placed = await upsertOrder(app.deps, {
    shopId,
    actor: { type: 'system' },
    order: orderUpsertInput.parse({
      externalId: 'fz-1',
      number: 'FZ-1',
      customer: { email: 'fuzz@example.fr', name: 'Fuzz' },
      currency: 'EUR',
      lines: [{ sku: 'FZ', title: 'Article', quantity: 2, unitPriceMinor: 1500 }],
      placedAt: '2026-06-01T10:00:00Z',
      deliveredAt: '2026-06-04T10:00:00Z',
    }),
  });
  const order = await app.deps.db.order.findUniqueOrThrow({
    where: { id: placed.orderId },
    select: { customerId: true, lines: { select: { id: true } } },
  });
  customerId = order.customerId;
  const owner = await createStaffUser(app.deps, { email: 'owner@fuzz.test', name: 'Owner', password: 'fuzz-password-123', shopId, role: 'owner' });
  ownerId = owner.staffUserId;
  const keys = await app.deps.db.apiKey.findMany({ where: { shopId }, select: { id: true } });
  // The tenancy table's inputs, aimed at this very shop: valid-looking seeds that the fuzzer then corrupts.
  const self: VictimShop = withPlaceholders({
    shopId,
    slug: 'fuzz',
    orderId: placed.orderId,
    orderExternalId: 'fz-1',
    orderNumber: 'FZ-1',
    customerId,
    customerEmail: 'fuzz@example.fr',
    orderLineIds: order.lines.map((line) => line.id),
    staffUserId: ownerId,
    apiKeyIds: keys.map((key) => key.id),
    secretKey: made.secretKey,
    publishableKey: made.publishableKey,
  });
  seeds = attackInputs(self);
});

afterAll(async () => {
  await app?.close();
});

describe(`fuzzing every procedure on ${testDatabaseKind}`, () => {
  it('walks a router that has procedures', () => {
    expect(listProcedures().length).toBeGreaterThan(20);
  });

  it('refuses a lone surrogate as bad input (PostgreSQL cannot store it in JSON: it was a 500)', async () => {
    const [, , , owner] = await credentials();
    const problem = await misbehaviour('loyalty.admin.createGroup', owner!.request, { name: 'x\uDFFFy' });
    expect(problem).toBeNull();
    expect(outcomes.get('INVALID_INPUT')).toBeGreaterThan(0);
  });

  for (const { path } of listProcedures()) {
    it(`answers hostile input to ${path} with a typed error, never an internal one`, async () => {
      for (const caller of await credentials()) {
        await fc.assert(
          fc.asyncProperty(hostileInputFor(seeds[path] ?? []), async (input) => {
            const problem = await misbehaviour(path, caller.request, input);
            if (problem) throw new Error(`${path} as ${caller.name} with ${describeInput(input)}: ${problem}`);
          }),
          { numRuns: runs, endOnFailure: true, reporter: shortReport },
        );
      }
      expect(({} as Record<string, unknown>).polluted, 'Object.prototype was polluted').toBeUndefined();
    }, 120_000);
  }

  it('got past validation into the services often enough to mean something', () => {
    // Most calls use a credential the procedure does not take and are refused before their input
    // is read; of those that get past identity checks, a fair share must get past validation too.
    const kindOf = (code: string) => (code === 'ok' ? 'ok' : errorDefinitions[code as ErrorCode]?.kind);
    const admitted = [...outcomes].filter(([code]) => !['unauthenticated', 'forbidden'].includes(kindOf(code) ?? ''));
    const validated = admitted.filter(([code]) => !['INVALID_INPUT', 'PAYLOAD_TOO_LARGE'].includes(code));
    const sum = (entries: Array<[string, number]>) => entries.reduce((total, [, n]) => total + n, 0);
    expect(sum([...outcomes])).toBeGreaterThan(listProcedures().length * 4 * runs * 0.9);
    expect(sum(validated) / sum(admitted), JSON.stringify(Object.fromEntries(outcomes))).toBeGreaterThan(0.1);
    expect(outcomes.get('ok') ?? 0).toBeGreaterThan(0);
  });
});
