export * from './locale.js';
export * from './errors.js';
export * from './money.js';
export * from './schemas/common.js';
export * from './schemas/orders.js';
