import { Resend } from 'resend';
import type { Logger } from '../../core/logger.js';

/** An email ready for a transport. */
export interface OutgoingEmail {
  from: string;
  to: string;
  replyTo: string | null;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  /** Resend's Idempotency-Key: the outbox message's dedupe key, the same on every attempt. */
  idempotencyKey: string;
}

/** What a transport answers: accepted (with the provider's id) or why not, and whether to retry. */
export type EmailSendResult =
  | { ok: true; providerId: string | null }
  | { ok: false; retryable: boolean; statusCode: number | null; error: string };

/** Where emails go: Resend, or the development transport. */
export interface EmailTransport {
  readonly name: string;
  send(email: OutgoingEmail): Promise<EmailSendResult>;
}

/** Whether a provider status is worth another attempt: network, timeouts, conflicts, rate limits, server errors. */
export function isRetryableStatus(statusCode: number | null): boolean {
  return statusCode === null || statusCode === 408 || statusCode === 409 || statusCode === 429 || statusCode >= 500;
}

/** Sends through the Resend API with the official SDK (honours RESEND_BASE_URL). */
export function createResendTransport(options: { apiKey: string; baseUrl?: string }): EmailTransport {
  const resend = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  return {
    name: 'resend',
    async send(email) {
      const { data, error } = await resend.emails.send(
        {
          from: email.from,
          to: email.to,
          subject: email.subject,
          html: email.html,
          text: email.text,
          headers: email.headers,
          ...(email.replyTo ? { replyTo: email.replyTo } : {}),
        },
        { idempotencyKey: email.idempotencyKey },
      );
      if (error || !data) {
        const statusCode = (error as { statusCode?: number | null } | null)?.statusCode ?? null;
        return { ok: false, retryable: isRetryableStatus(statusCode), statusCode, error: `${error?.name ?? 'error'}: ${error?.message ?? ''}`.slice(0, 300) };
      }
      return { ok: true, providerId: data.id };
    },
  };
}

/** Keeps every email (the dispatcher stores it in EmailLog, shown in the admin) and logs one line. */
export function createDevelopmentTransport(logger: Logger): EmailTransport {
  return {
    name: 'development',
    async send(email) {
      logger.info({ to: email.to, subject: email.subject, idempotencyKey: email.idempotencyKey }, 'email kept (development transport)');
      return { ok: true, providerId: null };
    },
  };
}

/** Resend when RESEND_API_KEY is set, the development transport otherwise. */
export function emailTransportFromEnv(logger: Logger, env: NodeJS.ProcessEnv = process.env): EmailTransport {
  const apiKey = env.RESEND_API_KEY?.trim();
  return apiKey ? createResendTransport({ apiKey, ...(env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : {}) }) : createDevelopmentTransport(logger);
}
