export * from './machine.js';
export * from './return-status.js';
export * from './refund-status.js';
export * from './claim-status.js';
export * from './ticket-status.js';
export * from './exchange-status.js';
