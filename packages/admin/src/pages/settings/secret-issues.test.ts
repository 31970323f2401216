import { describe, expect, it } from 'vitest';
import { issuePathsOf } from './secret-issues.js';

describe('issuePathsOf', () => {
  it('names the inputs of a Stripe refusal, each once', () => {
    expect(issuePathsOf('secretKey: expected a Stripe secret or restricted key (sk_… or rk_…)')).toEqual(['secretKey']);
    expect(issuePathsOf('secretKey: Too small: expected string to have >=1 characters; webhookSecret: Too small; secretKey: again')).toEqual([
      'secretKey',
      'webhookSecret',
    ]);
  });

  it('keeps the colon of a message out of the name', () => {
    expect(issuePathsOf('secret: expected 16 to 500 characters: got 5')).toEqual(['secret']);
  });

  it('names nothing for an issue without a path', () => {
    expect(issuePathsOf('')).toEqual([]);
    expect(issuePathsOf('something went wrong')).toEqual([]);
  });
});
