export * from './stripe-settings.js';
export * from './stripe-provider.js';
export * from './submit-refund.js';
export * from './connections.js';
export * from './stripe-webhook.js';
export { registerPaymentHooks } from './http.js';
