/** `import '@comptoir/widget'` defines `<comptoir-widget>` and its screens. */
export { ComptoirWidget } from './comptoir-widget.js';
export type { ComptoirEventMap, ComptoirEventName } from './events.js';
