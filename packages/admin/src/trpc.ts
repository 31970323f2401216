import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@comptoir/server/router';
import type { ComptoirErrorData, ErrorCode } from '@comptoir/protocol';
import { currentLocale, t } from './i18n/index.js';

/** What the server answers, procedure by procedure. */
export type Outputs = inferRouterOutputs<AppRouter>;
export type StaffOverview = Outputs['staff']['me'];
export type StaffMember = Outputs['staff']['list'][number];
export type ApiKeyRow = Outputs['shops']['admin']['listKeys'][number];
export type InboxCase = Outputs['cases']['admin']['inbox']['cases'][number];
export type ReturnDetail = Outputs['returns']['admin']['detail'];
export type CaseNote = Outputs['cases']['admin']['notes'][number];
export type WebhookEndpoint = Outputs['webhooks']['admin']['list'][number];
export type WebhookDelivery = Outputs['webhooks']['admin']['deliveries'][number];
export type SentEmailRow = Outputs['emails']['admin']['list']['emails'][number];
export type SentEmail = Outputs['emails']['admin']['get'];
export type LoyaltyMember = Outputs['loyalty']['admin']['members']['members'][number];
export type LoyaltyMemberHistory = Outputs['loyalty']['admin']['memberHistory'];
export type LoyaltyGroup = Outputs['loyalty']['admin']['group'];

let csrfToken = '';

/** The CSRF token of the current session (from `staff.me`), sent with every call. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/**
 * The typed client of the Comptoir API, same origin: the session cookie goes with every call, and the
 * CSRF token and language in headers.
 */
export const api = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: `${location.origin}/trpc`,
      maxItems: 10,
      headers: () => ({ 'x-csrf-token': csrfToken, 'x-comptoir-locale': currentLocale() }),
      fetch: (url, options) => fetch(url, { ...(options as RequestInit), credentials: 'same-origin' }),
    }),
  ],
});

/** The stable code of a failed call, when the server gave one. */
export function errorCodeOf(error: unknown): ErrorCode | null {
  if (error instanceof TRPCClientError) {
    const data = error.data as Partial<ComptoirErrorData> | undefined;
    return data?.comptoirCode ?? null;
  }
  return null;
}

/** A sentence for a failed call in the current language: the server's own message when it sent one. */
export function errorMessageOf(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const data = error.data as Partial<ComptoirErrorData> | undefined;
    const message = data?.messages?.[currentLocale()];
    if (message) return message;
    if (!data) return t('error.network');
  }
  return t('error.unknown');
}
