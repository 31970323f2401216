import { describe, expect, it } from 'vitest';
import { hashWithoutLinkToken, readLinkToken } from './link-token.js';

describe('the emailed link token', () => {
  it.each([
    ['#comptoir-link=abc_DEF-123', 'abc_DEF-123'],
    ['#comptoir=order/1042&comptoir-link=a%2Bb', 'a+b'],
    ['#comptoir=order/1042', null],
    ['#comptoir-link=', null],
    ['#comptoir-link=%E0%A4%A', null],
    ['', null],
  ] as const)('reads %s', (hash, token) => {
    expect(readLinkToken(hash)).toBe(token);
  });

  it('takes the token out of the address and keeps the rest of the fragment', () => {
    expect(hashWithoutLinkToken('#comptoir-link=abc')).toBe('');
    expect(hashWithoutLinkToken('#top&comptoir-link=abc')).toBe('#top');
    expect(hashWithoutLinkToken('#comptoir-link=abc&comptoir=order/1042')).toBe('#comptoir=order/1042');
  });
});
