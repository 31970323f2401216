import { describe, expect, it } from 'vitest';
import { generateWebhookSecret, signWebhook } from './signing.js';
import { isNonPublicAddress, checkWebhookTarget } from './ssrf.js';
import { verifyStandardWebhook } from './test-verifier.js';

describe('Standard Webhooks signing', () => {
  it('produces signatures an independent verifier accepts, and rejects tampering', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const body = JSON.stringify({ type: 'return.requested', data: { id: 'r_1', note: 'é€' } });
    const at = new Date('2026-06-15T10:00:00Z');
    const headers = signWebhook({ secret, id: 'msg_1', timestamp: at, body });
    const now = at.getTime() / 1000;
    expect(verifyStandardWebhook(secret, headers, body, now)).toBe(true);
    expect(verifyStandardWebhook(secret, headers, `${body} `, now)).toBe(false);
    expect(verifyStandardWebhook(secret, { ...headers, 'webhook-id': 'msg_2' }, body, now)).toBe(false);
    expect(verifyStandardWebhook(generateWebhookSecret(), headers, body, now)).toBe(false);
    expect(verifyStandardWebhook(secret, headers, body, now + 3600)).toBe(false);
  });

  it('matches the specification example', () => {
    // Example from the Standard Webhooks reference libraries' test suite.
    const headers = signWebhook({
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      timestamp: new Date(1614265330 * 1000),
      body: '{"test": 2432232314}',
    });
    expect(headers['webhook-signature']).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });
});

describe('server-side request forgery guard', () => {
  it.each([
    '127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0',
    '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '64:ff9b::a9fe:a9fe', '224.0.0.1',
  ])('refuses %s', (address) => {
    expect(isNonPublicAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '1.1.1.1'])('allows %s', (address) => {
    expect(isNonPublicAddress(address)).toBe(false);
  });

  it('refuses private targets after resolving names, unless the configuration allows them', async () => {
    expect(await checkWebhookTarget('http://localhost:8080/hook', { allowPrivate: false })).toBe('private_address');
    expect(await checkWebhookTarget('http://[::1]/hook', { allowPrivate: false })).toBe('private_address');
    expect(await checkWebhookTarget('http://169.254.169.254/latest', { allowPrivate: false })).toBe('private_address');
    expect(await checkWebhookTarget('ftp://example.com/', { allowPrivate: false })).toBe('unsupported_scheme');
    expect(await checkWebhookTarget('http://localhost:8080/hook', { allowPrivate: true })).toBeNull();
  });
});
