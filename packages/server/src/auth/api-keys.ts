import { randomBytes } from 'node:crypto';
import { sha256 } from '../core/hash.js';

/** A publishable key is public (it sits in the shop's HTML); a secret key is for the shop's back end. */
export const ApiKeyKind = { publishable: 'publishable', secret: 'secret' } as const;
export type ApiKeyKind = (typeof ApiKeyKind)[keyof typeof ApiKeyKind];

const prefixByKind: Record<ApiKeyKind, string> = { publishable: 'pk_', secret: 'sk_' };

/** A freshly generated key: the plaintext (shown once) and what is stored. */
export interface GeneratedApiKey {
  kind: ApiKeyKind;
  plaintext: string;
  hash: string;
  displayPrefix: string;
}

/** Generates a key with 256 bits of randomness; only its hash and first characters are kept. */
export function generateApiKey(kind: ApiKeyKind): GeneratedApiKey {
  const plaintext = prefixByKind[kind] + randomBytes(32).toString('base64url');
  return { kind, plaintext, hash: hashApiKey(plaintext), displayPrefix: plaintext.slice(0, 10) };
}

/** The stored form of a key. A fast hash suffices: keys are long random strings, not passwords. */
export function hashApiKey(plaintext: string): string {
  return sha256(plaintext);
}

/** The kind a key claims by its prefix, or null when it is not shaped as a Comptoir key. */
export function apiKeyKindOf(plaintext: string): ApiKeyKind | null {
  if (!/^(pk|sk)_[A-Za-z0-9_-]{20,80}$/.test(plaintext)) return null;
  return plaintext.startsWith('pk_') ? 'publishable' : 'secret';
}
