import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { isNonPublicAddress, publicOnlyLookup } from './ssrf.js';

/** One HTTP attempt's outcome: the status code, or a network error. */
export interface WebhookAttemptResult {
  statusCode: number | null;
  error: string | null;
}

/** Posts signed webhook bodies. Tests may replace it; the default speaks HTTP(S) itself. */
export interface WebhookSender {
  send(request: { url: string; headers: Record<string, string>; body: string; timeoutMs: number }): Promise<WebhookAttemptResult>;
}

/**
 * The default sender: node:http(s), redirects NOT followed (a 3xx counts as a failure), the
 * response body ignored beyond its status, and — unless private targets are allowed — only public
 * addresses connected to, checked after DNS resolution on the socket's own lookup.
 */
export function createHttpWebhookSender(options: { allowPrivateTargets: boolean }): WebhookSender {
  return {
    send: ({ url, headers, body, timeoutMs }) =>
      new Promise((resolve) => {
        let parsed: URL;
        try {
          parsed = new URL(url);
        } catch {
          resolve({ statusCode: null, error: 'invalid_url' });
          return;
        }
        const host = parsed.hostname.replace(/^\[|\]$/g, '');
        if (!options.allowPrivateTargets && net.isIP(host) && isNonPublicAddress(host)) {
          resolve({ statusCode: null, error: 'private_address' });
          return;
        }
        const client = parsed.protocol === 'https:' ? https : http;
        const request = client.request(
          parsed,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'user-agent': 'Comptoir-Webhooks/1', 'content-length': Buffer.byteLength(body), ...headers },
            timeout: timeoutMs,
            ...(options.allowPrivateTargets ? {} : { lookup: publicOnlyLookup }),
          },
          (response) => {
            response.resume();
            response.on('end', () => resolve({ statusCode: response.statusCode ?? null, error: null }));
            response.on('error', (err) => resolve({ statusCode: response.statusCode ?? null, error: err.message }));
          },
        );
        request.on('timeout', () => request.destroy(new Error('timeout')));
        request.on('error', (err: Error & { code?: string }) =>
          resolve({ statusCode: null, error: err.code === 'ESSRF' ? 'private_address' : err.message.slice(0, 200) }),
        );
        request.end(body);
      }),
  };
}
