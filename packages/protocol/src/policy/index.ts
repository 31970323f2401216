export * from './legal.js';
export * from './public-holidays.js';
export * from './return-reasons.js';
export * from './service-policy.js';
export * from './verdicts.js';
