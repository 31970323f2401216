import { describe, expect, it } from 'vitest';
import { toTrackingEvents } from './poll-carrier-tracking.js';

const at = (iso: string) => new Date(iso);

describe('scans polled from a carrier, as stored', () => {
  it('keeps the scans whose status Comptoir could read, and moves the announced date to the newest kept', () => {
    const events = toTrackingEvents([
      { occurredAt: at('2026-05-05T16:15:00Z'), status: 'in_transit', rawCode: 'PC1', description: 'Pris en charge', location: null },
      { occurredAt: at('2026-05-05T21:00:00Z'), status: null, rawCode: 'XX9', description: 'Événement inconnu', location: null, estimatedDeliveryAt: at('2026-05-06T22:00:00Z') },
    ]);
    expect(events).toEqual([{ occurredAt: at('2026-05-05T16:15:00Z'), status: 'in_transit', description: 'Pris en charge', estimatedDeliveryAt: at('2026-05-06T22:00:00Z') }]);
  });

  it('cleans the carrier’s wording as the API would accept it from a shop', () => {
    const [event] = toTrackingEvents([
      { occurredAt: at('2026-05-05T16:15:00Z'), status: 'delivered', rawCode: 'DI1', description: `Livré\u0000 ${'x'.repeat(600)}`, location: '  \n ' },
    ]);
    expect(event!.description).toMatch(/^Livré x+$/);
    expect(event!.description).toHaveLength(500);
    expect(event).not.toHaveProperty('location');
  });

  it('never leaves half of a character at the cut', () => {
    const [event] = toTrackingEvents([
      { occurredAt: at('2026-05-05T16:15:00Z'), status: 'in_transit', rawCode: 'PC1', description: `${'a'.repeat(499)}📦`, location: null },
    ]);
    expect(event!.description).toBe(`${'a'.repeat(499)}\uFFFD`);
  });
});
