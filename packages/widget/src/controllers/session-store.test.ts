import { describe, expect, it } from 'vitest';
import { SessionStore } from './session-store.js';

describe('SessionStore', () => {
  it('keeps a session until it expires, then forgets it', () => {
    let now = Date.parse('2026-01-01T10:00:00Z');
    const store = new SessionStore('pk_a', () => now);
    store.set({ token: 't1', expiresAt: '2026-01-01T11:00:00Z' });
    expect(store.get()?.token).toBe('t1');
    now = Date.parse('2026-01-01T11:00:00Z');
    expect(store.get()).toBeNull();
  });

  it('keeps each shop apart', () => {
    const now = () => Date.parse('2026-01-01T10:00:00Z');
    const shopA = new SessionStore('pk_a', now);
    shopA.set({ token: 'a', expiresAt: '2026-01-02T00:00:00Z' });
    expect(new SessionStore('pk_b', now).get()).toBeNull();
    shopA.clear();
    expect(shopA.get()).toBeNull();
  });
});
