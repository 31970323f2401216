import { describe, expect, it } from 'vitest';
import { maskEmail, normaliseEmail } from './service.js';

describe('maskEmail', () => {
  it.each([
    ['camille.durand@example.fr', 'c•••@example.fr'],
    ['al@example.fr', 'a•••@example.fr'],
    ['x@example.fr', 'x•••@example.fr'],
    ['not-an-email', '•••'],
  ])('masks %j as %j', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });
});

describe('normaliseEmail', () => {
  it('trims and lower-cases like stored customer emails', () => {
    expect(normaliseEmail('  Camille.Durand@Example.FR ')).toBe('camille.durand@example.fr');
  });
});
