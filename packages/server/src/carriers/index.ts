export { Carrier, carrierLabels, carrierFromName, isCarrier, normaliseTrackingNumber } from './carrier.js';
export { detectCarrier, type CarrierDetection, type DetectionConfidence } from './detect-carrier.js';
export { trackingUrl } from './tracking-url.js';
export { normaliseTrackingStatus, isLate } from './tracking-status.js';
export type { CarrierAdapter, CarrierEvent } from './carrier-adapter.js';
export { createLaPosteAdapter, type LaPosteAdapterOptions } from './la-poste-adapter.js';
export { PollableCarrier, carrierApis, carrierApiSettingsFromEnv, isPollableCarrier, type CarrierApiSettings } from './carrier-apis.js';
export { connectCarrier, disconnectCarrier, listCarrierConnections, type CarrierConnectionStatus } from './carrier-connections.js';
export { pollCarrierTracking, type CarrierPollSummary, type PollCarrierTrackingOptions } from './poll-carrier-tracking.js';
