import { describe, expect, it } from 'vitest';
import { estimateDeliveryFromTransit } from './transit-times.js';

describe('estimated delivery from the carrier’s usual transit time', () => {
  it.each([
    // Paris: UTC+2 in summer, UTC+1 in winter; the estimate is the end of the local day.
    ['Colissimo shipped on a Tuesday: Thursday', 'colissimo', 'FR', '2026-06-16T14:00:00Z', '2026-06-18T21:59:59.999Z'],
    ['Colissimo shipped on a Friday: Tuesday (no Saturday round promised)', 'colissimo', 'FR', '2026-06-19T14:00:00Z', '2026-06-23T21:59:59.999Z'],
    ['Chronopost shipped on a Saturday: counts from Monday, next day Tuesday', 'chronopost', 'FR', '2026-06-20T09:00:00Z', '2026-06-23T21:59:59.999Z'],
    ['Chronopost shipped the day before 14 July: 15 July', 'chronopost', 'FR', '2026-07-13T12:00:00Z', '2026-07-15T21:59:59.999Z'],
    ['Mondial Relay across Ascension (Thursday 14 May 2026)', 'mondial_relay', 'FR', '2026-05-12T10:00:00Z', '2026-05-19T21:59:59.999Z'],
    ['DPD across the October clock change', 'dpd', 'FR', '2026-10-23T10:00:00Z', '2026-10-27T22:59:59.999Z'],
    ['a shop outside France: the longer times, no French holidays', 'colissimo', 'BE', '2026-07-13T12:00:00Z', '2026-07-20T21:59:59.999Z'],
  ])('%s', (_name, carrier, country, shippedAt, expected) => {
    expect(estimateDeliveryFromTransit({ carrier, country, timeZone: 'Europe/Paris', shippedAt: new Date(shippedAt) })?.toISOString()).toBe(expected);
  });

  it('makes no estimate for a carrier the shop named itself', () => {
    expect(estimateDeliveryFromTransit({ carrier: 'other', country: 'FR', timeZone: 'Europe/Paris', shippedAt: new Date('2026-06-16T14:00:00Z') })).toBeNull();
    expect(estimateDeliveryFromTransit({ carrier: 'toString', country: 'FR', timeZone: 'Europe/Paris', shippedAt: new Date('2026-06-16T14:00:00Z') })).toBeNull();
  });
});
