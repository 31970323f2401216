export { Platform, platformLabels, type PlatformOrderUpdate, type PlatformShipment, type PlatformEvent } from './platform.js';
export { registerPlatformHooks } from './http.js';
export { receivePlatformWebhook, type IncomingWebhook, type ReceiveWebhookResult } from './receive-webhook.js';
export { applyPlatformOrder, type ApplyPlatformOrderResult } from './apply-platform-order.js';
export { connectPlatform } from './connections.js';
export { base64BodySignature, signPrestaShopBody, verifyBodySignature, verifyPrestaShopSignature, prestashopToleranceSeconds } from './signatures.js';
export { mapWooCommerceWebhook } from './woocommerce.js';
export { mapShopifyWebhook } from './shopify.js';
export { mapPrestaShopWebhook } from './prestashop.js';
