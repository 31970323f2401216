import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake does with the next request that reaches it (then with the following one…). */
export type FakeStripeStep =
  /** Creates the refund as Stripe would and answers at once. */
  | { kind: 'ok' }
  /** Creates the refund, and answers only after `ms` (past the client's timeout). */
  | { kind: 'delay'; ms: number }
  /** Answers 500 before doing anything (nothing is created, nothing is remembered for the key). */
  | { kind: 'error500' }
  /** Refuses the request as Stripe does for a payment already refunded in full. */
  | { kind: 'charge_already_refunded' };

/** A refund object as Stripe's API returns it (the fields Comptoir reads and a few more). */
export interface FakeStripeRefund {
  id: string;
  object: 'refund';
  amount: number;
  currency: string;
  status: 'pending' | 'succeeded' | 'failed';
  payment_intent: string | null;
  charge: string | null;
  failure_reason: string | null;
  metadata: Record<string, string>;
  created: number;
}

/** A request as the fake received it. */
export interface FakeStripeRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  authorization: string | null;
  form: Record<string, string>;
}

/**
 * A local HTTP server that speaks the part of Stripe's API refunds use: `POST /v1/refunds` with a
 * form-encoded body, answering a refund object. It honours `Idempotency-Key` like Stripe: a key
 * already used gets the first answer again (with `Idempotent-Replayed: true`) and creates nothing.
 */
export class FakeStripeServer {
  readonly requests: FakeStripeRequest[] = [];
  readonly refunds = new Map<string, FakeStripeRefund>();
  /** The status new refunds are created with. */
  refundStatus: FakeStripeRefund['status'] = 'pending';
  private readonly steps: FakeStripeStep[] = [];
  private readonly answers = new Map<string, { status: number; body: string }>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private server: Server | null = null;
  private sequence = 0;

  /** The steps the next requests follow; once they are used up, requests are answered at once. */
  script(...steps: FakeStripeStep[]): void {
    this.steps.push(...steps);
  }

  async start(): Promise<{ host: string; port: number; protocol: 'http' }> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return { host: '127.0.0.1', port: (this.server.address() as AddressInfo).port, protocol: 'http' };
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.on('error', () => {});
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    const idempotencyKey = (req.headers['idempotency-key'] as string | undefined) ?? null;
    const path = (req.url ?? '/').split('?')[0]!;
    this.requests.push({ method: req.method ?? 'GET', path, idempotencyKey, authorization: req.headers.authorization ?? null, form });

    if (req.method !== 'POST' || path !== '/v1/refunds') return this.send(res, 404, { error: { type: 'invalid_request_error', message: 'Unrecognized request URL' } });
    if (!req.headers.authorization?.startsWith('Bearer ')) return this.send(res, 401, { error: { type: 'invalid_request_error', message: 'No API key provided' } });

    const replay = idempotencyKey ? this.answers.get(idempotencyKey) : undefined;
    if (replay) return this.send(res, replay.status, replay.body, { 'Idempotent-Replayed': 'true' });

    const step = this.steps.shift() ?? { kind: 'ok' };
    if (step.kind === 'error500') return this.send(res, 500, { error: { type: 'api_error', message: 'An unknown error occurred' } });
    if (step.kind === 'charge_already_refunded') {
      const body = JSON.stringify({
        error: { type: 'invalid_request_error', code: 'charge_already_refunded', message: 'Charge has already been refunded.' },
      });
      if (idempotencyKey) this.answers.set(idempotencyKey, { status: 400, body });
      return this.send(res, 400, body);
    }

    this.sequence += 1;
    const metadata: Record<string, string> = {};
    for (const [name, value] of Object.entries(form)) {
      const match = /^metadata\[(.+)\]$/.exec(name);
      if (match) metadata[match[1]!] = value;
    }
    const refund: FakeStripeRefund = {
      id: `re_fake${String(this.sequence).padStart(6, '0')}`,
      object: 'refund',
      amount: Number(form.amount),
      currency: 'eur',
      status: this.refundStatus,
      payment_intent: form.payment_intent ?? null,
      charge: form.charge ?? null,
      failure_reason: null,
      metadata,
      created: 1_780_000_000 + this.sequence,
    };
    this.refunds.set(refund.id, refund);
    const body = JSON.stringify(refund);
    if (idempotencyKey) this.answers.set(idempotencyKey, { status: 200, body });
    if (step.kind === 'delay') {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.send(res, 200, body);
      }, step.ms);
      this.timers.add(timer);
      return;
    }
    this.send(res, 200, body);
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    if (res.destroyed || res.writableEnded) return;
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': `req_fake${this.requests.length}`, ...headers });
    res.end(text);
  }
}
