import { createHash } from 'node:crypto';
import { pickLocale, type Locale, type Localized } from '@comptoir/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ActorType } from '../core/actor.js';
import type { Deps } from '../core/deps.js';
import { recordEvent } from '../core/events.js';
import { constantTimeEquals } from '../core/hash.js';
import { unsubscribeToken } from './dispatcher.js';

/** A token is a customer id (a UUID) and a base64url HMAC: anything longer is not one. */
const maxTokenLength = 200;
/** One-click bodies are one short field; nothing bigger is read. */
const bodyLimitBytes = 4_096;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The customer a genuine unsubscribe token names, or null for a missing, malformed or forged one. */
export function verifyUnsubscribeToken(deps: Deps, token: unknown): string | null {
  if (typeof token !== 'string' || token.length > maxTokenLength) return null;
  const customerId = token.slice(0, token.indexOf('.'));
  if (!uuidPattern.test(customerId)) return null;
  return constantTimeEquals(token, unsubscribeToken(deps, customerId)) ? customerId : null;
}

/** What an unsubscribe request found or did. */
export type UnsubscribeOutcome = 'unsubscribed' | 'already' | 'gone';

/**
 * Opts a customer out of non-essential email, recording `customer.email_opted_out` in the same
 * transaction. Idempotent: the flag is set only where it is not yet, so a second click (or two
 * at once) changes nothing and records nothing.
 */
export async function optOutOfEmail(deps: Deps, input: { customerId: string; reason: string }): Promise<UnsubscribeOutcome> {
  return deps.db.$transaction(async (tx) => {
    const customer = await tx.customer.findUnique({ where: { id: input.customerId }, select: { id: true, shopId: true, erasedAt: true } });
    if (!customer || customer.erasedAt) return 'gone';
    const changed = await tx.customer.updateMany({ where: { id: customer.id, emailOptOut: false }, data: { emailOptOut: true } });
    if (changed.count === 0) return 'already';
    await recordEvent(tx, {
      shopId: customer.shopId,
      subjectType: 'customer',
      subjectId: customer.id,
      type: 'customer.email_opted_out',
      actor: { type: ActorType.shopper, id: customer.id },
      reason: input.reason,
      occurredAt: deps.clock.now(),
    });
    return 'unsubscribed';
  });
}

const texts = {
  title: { fr: 'Se désabonner des e-mails', en: 'Unsubscribe from emails' },
  ask: {
    fr: 'Vous ne recevrez plus de {shop} les e-mails facultatifs (étapes de livraison, points de fidélité). Les messages indispensables sur vos commandes, retours et remboursements continueront d’arriver.',
    en: 'You will no longer receive optional emails from {shop} (delivery steps, loyalty points). Essential messages about your orders, returns and refunds will still arrive.',
  },
  confirm: { fr: 'Confirmer le désabonnement', en: 'Confirm unsubscribing' },
  done: { fr: 'C’est fait : vous êtes désabonné·e.', en: 'Done: you are unsubscribed.' },
  already: { fr: 'Vous êtes déjà désabonné·e : rien de plus à faire.', en: 'You are already unsubscribed: nothing more to do.' },
  gone: { fr: 'Ce compte n’existe plus : aucun e-mail ne lui sera envoyé.', en: 'This account no longer exists: no email will be sent to it.' },
  invalidTitle: { fr: 'Lien de désabonnement invalide', en: 'Invalid unsubscribe link' },
  invalid: {
    fr: 'Ce lien est incomplet ou a été modifié. Ouvrez le lien « Se désabonner » d’un e-mail récent, ou répondez à cet e-mail pour demander à la boutique de vous désabonner.',
    en: 'This link is incomplete or has been altered. Open the “Unsubscribe” link of a recent email, or reply to that email to ask the shop to unsubscribe you.',
  },
  otherLanguage: { fr: 'English', en: 'Français' },
  theShop: { fr: 'cette boutique', en: 'this shop' },
} satisfies Record<string, Localized>;

/** The page's only style, allowed by its hash: no inline script, no nonce, nothing else loads. */
const style = [
  ':root{color-scheme:light dark;font:16px/1.5 system-ui,sans-serif}',
  'body{margin:0;padding:2rem 1rem;display:flex;justify-content:center;background:#fff;color:#1f1d1a}',
  'main{max-width:34rem}',
  'h1{font-size:1.5rem;margin:0 0 1rem}',
  'button{font:inherit;padding:.75rem 1.25rem;border-radius:.5rem;border:2px solid currentColor;background:#1d4ed8;color:#fff;cursor:pointer}',
  'button:focus-visible,a:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}',
  '[role=alert]{border-left:4px solid #b91c1c;padding-left:1rem}',
  'nav{margin-top:2rem;font-size:.9rem}',
  'a{color:#1d4ed8}',
  '@media (prefers-color-scheme:dark){body{background:#1c1b19;color:#f3f0ea}a{color:#93c5fd}}',
].join('');
const styleHash = createHash('sha256').update(style).digest('base64');

/** The pages' policy: nothing but that style, and the confirm form posting back here. */
export const unsubscribeContentSecurityPolicy = [
  "default-src 'none'",
  `style-src 'sha256-${styleHash}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function otherLocale(locale: Locale): Locale {
  return locale === 'fr' ? 'en' : 'fr';
}

function page(locale: Locale, title: string, body: string, languageLink?: string): string {
  const other = otherLocale(locale);
  const nav = languageLink
    ? `<nav><a href="${escapeHtml(languageLink)}" lang="${other}" hreflang="${other}">${texts.otherLanguage[locale]}</a></nav>`
    : '';
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${style}</style></head><body><main><h1>${escapeHtml(title)}</h1>${body}${nav}</main></body></html>`;
}

function send(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .code(status)
    .header('content-security-policy', unsubscribeContentSecurityPolicy)
    .header('cache-control', 'no-store')
    // The token is in the URL: it must not leak to another site through Referer.
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .header('x-robots-tag', 'noindex')
    .type('text/html; charset=utf-8')
    .send(html);
}

/** As parsed: a repeated parameter arrives as an array, so nothing is assumed to be a string. */
interface UnsubscribeQuery {
  token?: unknown;
  lang?: unknown;
}

function localeOf(req: FastifyRequest<{ Querystring: UnsubscribeQuery }>): Locale {
  const header = req.headers['accept-language'];
  const lang = typeof req.query.lang === 'string' ? req.query.lang.slice(0, 5) : undefined;
  return pickLocale(lang, typeof header === 'string' ? header.slice(0, 200) : undefined);
}

function languageLink(token: string, locale: Locale): string {
  return `?token=${encodeURIComponent(token)}&lang=${otherLocale(locale)}`;
}

function invalidLink(reply: FastifyReply, locale: Locale): FastifyReply {
  const body = `<p role="alert">${escapeHtml(texts.invalid[locale])}</p><p lang="${otherLocale(locale)}">${escapeHtml(texts.invalid[otherLocale(locale)])}</p>`;
  return send(reply, 400, page(locale, texts.invalidTitle[locale], body));
}

function outcomeText(outcome: UnsubscribeOutcome, locale: Locale): string {
  return texts[outcome === 'unsubscribed' ? 'done' : outcome][locale];
}

/**
 * Registers the target of the `List-Unsubscribe` link emails carry (`/unsubscribe?token=…`).
 * `GET` only shows a page with a confirm button, in French or English: mail scanners and link
 * previews follow links, and a GET must change nothing. `POST` (the button, or a mail client's
 * RFC 8058 one-click request with `List-Unsubscribe=One-Click` as its body) checks the token and
 * opts the customer out. A missing or forged token gets a 400 page saying so in both languages.
 */
export async function registerUnsubscribeRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(async (scope) => {
    // One-click requests come form-encoded (RFC 8058 allows multipart too); the token is in the
    // URL, so the body is only read to be discarded.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: bodyLimitBytes }, (_req, _body, done) => done(null, null));

    scope.get<{ Querystring: UnsubscribeQuery }>('/unsubscribe', async (req, reply) => {
      const locale = localeOf(req);
      const customerId = verifyUnsubscribeToken(deps, req.query.token);
      if (!customerId) return invalidLink(reply, locale);
      const customer = await deps.db.customer.findUnique({
        where: { id: customerId },
        select: { emailOptOut: true, erasedAt: true, shop: { select: { name: true } } },
      });
      const link = languageLink(req.query.token as string, locale);
      if (!customer || customer.erasedAt) return send(reply, 200, page(locale, texts.title[locale], `<p>${escapeHtml(texts.gone[locale])}</p>`, link));
      if (customer.emailOptOut) return send(reply, 200, page(locale, texts.title[locale], `<p>${escapeHtml(texts.already[locale])}</p>`, link));
      const ask = texts.ask[locale].replace('{shop}', customer.shop.name || texts.theShop[locale]);
      // No action attribute: the form posts back to this very URL, token included.
      const form = `<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(texts.confirm[locale])}</button></form>`;
      return send(reply, 200, page(locale, texts.title[locale], `<p>${escapeHtml(ask)}</p>${form}`, link));
    });

    scope.post<{ Querystring: UnsubscribeQuery }>('/unsubscribe', async (req, reply) => {
      const locale = localeOf(req);
      const customerId = verifyUnsubscribeToken(deps, req.query.token);
      if (!customerId) return invalidLink(reply, locale);
      const isBrowserForm = typeof req.headers['sec-fetch-mode'] === 'string' || typeof req.headers.origin === 'string';
      const outcome = await optOutOfEmail(deps, { customerId, reason: isBrowserForm ? 'unsubscribe.page' : 'unsubscribe.one_click' });
      deps.logger.info({ requestId: req.id, outcome }, 'email unsubscribe');
      return send(reply, 200, page(locale, texts.title[locale], `<p role="status">${escapeHtml(outcomeText(outcome, locale))}</p>`));
    });
  });
}
