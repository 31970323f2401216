import type { Deps } from '../core/deps.js';
import { DomainError } from '../core/domain-error.js';
import { ActorType } from '../core/actor.js';
import { applyPlatformOrder, type ApplyPlatformOrderResult } from './apply-platform-order.js';
import { Platform, platformLabels, type PlatformEvent } from './platform.js';
import { mapPrestaShopWebhook } from './prestashop.js';
import { mapShopifyWebhook } from './shopify.js';
import { verifyBodySignature, verifyPrestaShopSignature } from './signatures.js';
import { mapWooCommerceWebhook } from './woocommerce.js';

/** A webhook as it arrived: headers lower-cased, and the body exactly as sent (signatures cover its bytes). */
export interface IncomingWebhook {
  platform: Platform;
  shopSlug: string;
  headers: Record<string, string | undefined>;
  rawBody: Buffer;
}

/** What receiving a webhook did. */
export type ReceiveWebhookResult =
  | ({ status: 'applied' } & ApplyPlatformOrderResult)
  | { status: 'ignored'; reason: string }
  | { status: 'ping' };

function parseJson(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new DomainError('WEBHOOK_PAYLOAD_INVALID', { issues: 'body is not JSON' });
  }
}

/**
 * Receives an order webhook from a shop platform: finds the shop and its connection, checks the
 * platform's signature over the raw body, reads the payload and applies the order. Unknown topics
 * are acknowledged and ignored, so the platform does not retry them.
 */
export async function receivePlatformWebhook(deps: Deps, webhook: IncomingWebhook): Promise<ReceiveWebhookResult> {
  const { platform, headers, rawBody } = webhook;
  const shop = await deps.db.shop.findUnique({
    where: { slug: webhook.shopSlug },
    select: { id: true, country: true, timeZone: true, platformConnections: { where: { platform }, select: { id: true, secret: true } } },
  });
  if (!shop) throw new DomainError('SHOP_NOT_FOUND');
  const connection = shop.platformConnections[0];
  if (!connection) throw new DomainError('PLATFORM_NOT_CONNECTED', { platform: platformLabels[platform] });

  let event: PlatformEvent;
  switch (platform) {
    case Platform.woocommerce: {
      const signature = headers['x-wc-webhook-signature'];
      // When a webhook is saved, WooCommerce pings its URL, unsigned, with a form body "webhook_id=N",
      // and refuses to save it unless the answer is 2xx. The ping changes nothing.
      if (!signature && !headers['x-wc-webhook-topic'] && /^webhook_id=\d{1,12}$/.test(rawBody.toString('utf8').trim())) {
        return { status: 'ping' };
      }
      verifyBodySignature(platform, 'X-WC-Webhook-Signature', signature, connection.secret, rawBody);
      event = mapWooCommerceWebhook(headers['x-wc-webhook-topic'] ?? '', parseJson(rawBody));
      break;
    }
    case Platform.shopify:
      verifyBodySignature(platform, 'X-Shopify-Hmac-Sha256', headers['x-shopify-hmac-sha256'], connection.secret, rawBody);
      event = mapShopifyWebhook(headers['x-shopify-topic'] ?? '', parseJson(rawBody));
      break;
    case Platform.prestashop:
      verifyPrestaShopSignature(headers['x-comptoir-signature'], connection.secret, rawBody, deps.clock.now());
      event = mapPrestaShopWebhook(parseJson(rawBody), shop.timeZone);
      break;
  }

  if (event.kind === 'ignored') return { status: 'ignored', reason: event.reason };
  const result = await applyPlatformOrder(deps, {
    shopId: shop.id,
    shopCountry: shop.country,
    update: event.update,
    actor: { type: ActorType.shopBackend, id: connection.id },
  });
  return { status: 'applied', ...result };
}
