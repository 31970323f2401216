export * from './business-time.js';
export * from './case-deadlines.js';
export * from './claim-eligibility.js';
export * from './refund-deadline.js';
export * from './return-eligibility.js';
export * from './zoned-time.js';
export * from './domain-errors.js';
