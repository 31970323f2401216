import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * An independent Standard Webhooks verifier, written from the specification
 * (https://www.standardwebhooks.com, "Verifying webhooks"): the signed content is
 * `${webhook-id}.${webhook-timestamp}.${body}`, the key the base64 part after `whsec_`, the header a
 * space-separated list of `v1,<base64 signature>`, the timestamp within a tolerance of now.
 */
export function verifyStandardWebhook(secret: string, headers: Record<string, string | undefined>, body: string, nowSeconds: number): boolean {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures) return false;
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > 5 * 60) return false;
  if (!secret.startsWith('whsec_')) return false;
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`, 'utf8').digest();
  return signatures.split(' ').some((entry) => {
    const [version, value] = entry.split(',', 2);
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
