import type { FastifyInstance, FastifyReply } from 'fastify';
import { authenticateStaff } from '../auth/staff-auth.js';
import { createContextInner } from '../context.js';
import type { Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { requestInfoFrom } from '../http/request-info.js';
import { getSentEmail } from './email-log.js';

/** Where the admin's "Emails sent" page frames an email: `/admin/emails/<email id>/preview`. */
export const emailPreviewPath = '/admin/emails/:emailId/preview';

/**
 * The preview's own policy, stricter than the admin's where it matters and looser only for styles:
 * no script of any kind, nothing fetched but images, no form, no base, and `sandbox` (no flags) so
 * the document gets an opaque origin even if opened outside the admin's sandboxed iframe. Emails
 * carry their styles inline (`style="…"`, `<style>`), which the admin's `style-src 'self'` blocked
 * in a srcdoc frame: here `'unsafe-inline'` styles are allowed, and nothing else. Only the admin
 * itself (same origin) may frame it.
 */
export const emailPreviewContentSecurityPolicy = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src https: data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
  'sandbox',
].join('; ');

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function plain(reply: FastifyReply, status: number, text: string): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').header('x-content-type-options', 'nosniff').type('text/plain; charset=utf-8').send(text);
}

/**
 * Serves one sent email's HTML, for staff of the email's shop only (the session cookie, as for any
 * admin read). Another shop's email, a wrong id and an unknown one are all 404 (never 403, which
 * would confirm the id exists); no session is 401.
 */
export async function registerEmailPreviewRoute(app: FastifyInstance, deps: Deps): Promise<void> {
  app.get<{ Params: { emailId: string } }>(emailPreviewPath, async (req, reply) => {
    const ctx = createContextInner({ deps, request: requestInfoFrom(req, reply) });
    let shopId: string;
    try {
      shopId = (await authenticateStaff(ctx)).shopId;
    } catch (error) {
      if (error instanceof DomainError) return plain(reply, 401, 'Sign in to the admin to read this email.\n');
      throw error;
    }
    if (!uuidPattern.test(req.params.emailId)) return plain(reply, 404, 'Not found.\n');
    let html: string;
    try {
      html = (await getSentEmail(deps, { shopId, emailId: req.params.emailId })).html;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return plain(reply, 404, 'Not found.\n');
      throw error;
    }
    return reply
      .header('content-security-policy', emailPreviewContentSecurityPolicy)
      .header('x-content-type-options', 'nosniff')
      .header('x-frame-options', 'SAMEORIGIN')
      .header('referrer-policy', 'no-referrer')
      .header('cross-origin-resource-policy', 'same-origin')
      .header('cache-control', 'private, no-store')
      .type('text/html; charset=utf-8')
      .send(html);
  });
}
