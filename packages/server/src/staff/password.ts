import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { passwordPolicy } from '@comptoir/protocol/schemas/staff';
import { DomainError } from '../core/domain-error.js';

/**
 * scrypt parameters for new hashes: N = 2^15, r = 8, p = 1 uses 32 MiB and about 50–100 ms per
 * hash on a small server (the OWASP minimum for scrypt), so a stolen table is slow to crack.
 */
export const scryptParams = { ln: 15, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

/** Bounds on parameters read back from a stored hash, so a corrupt row cannot exhaust the server. */
const maxLn = 20;
const maxR = 16;
const maxP = 4;

interface ParsedHash {
  ln: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

function scrypt(password: string, salt: Buffer, keyLength: number, params: { ln: number; r: number; p: number }) {
  const N = 2 ** params.ln;
  // Node refuses above maxmem (32 MiB by default) and N = 2^15, r = 8 needs exactly that: allow twice.
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 2 * 128 * N * params.r * params.p };
  return new Promise<Buffer>((resolve, reject) => {
    scryptCallback(password.normalize('NFKC'), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

const b64 = (buffer: Buffer) => buffer.toString('base64').replace(/=+$/, '');

/** Hashes a password into a PHC-like string: `$scrypt$ln=15,r=8,p=1$<salt>$<hash>` (base64, no padding). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(scryptParams.saltLength);
  const hash = await scrypt(password, salt, scryptParams.keyLength, scryptParams);
  return `$scrypt$ln=${scryptParams.ln},r=${scryptParams.r},p=${scryptParams.p}$${b64(salt)}$${b64(hash)}`;
}

function parseHash(stored: string): ParsedHash | null {
  const match = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(stored);
  if (!match) return null;
  const [, ln, r, p, salt, hash] = match;
  const parsed = {
    ln: Number(ln),
    r: Number(r),
    p: Number(p),
    salt: Buffer.from(salt!, 'base64'),
    hash: Buffer.from(hash!, 'base64'),
  };
  if (parsed.ln < 10 || parsed.ln > maxLn || parsed.r < 1 || parsed.r > maxR || parsed.p < 1 || parsed.p > maxP) return null;
  if (parsed.salt.length < 8 || parsed.hash.length < 16 || parsed.hash.length > 64) return null;
  return parsed;
}

/** Whether `password` matches a stored hash; the comparison takes the same time wherever they differ. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const candidate = await scrypt(password, parsed.salt, parsed.hash.length, parsed);
  return timingSafeEqual(candidate, parsed.hash);
}

/** Whether a stored hash was made with weaker parameters than today's, to upgrade it at next sign-in. */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  return !parsed || parsed.ln < scryptParams.ln || parsed.r < scryptParams.r;
}

let dummyHash: Promise<string> | null = null;

/**
 * Spends the time of a real verification and answers false: used when the email is unknown (or has
 * no password yet), so response times do not tell which accounts exist.
 */
export async function verifyDummyPassword(password: string): Promise<false> {
  dummyHash ??= hashPassword('comptoir-dummy-password');
  await verifyPassword(password, await dummyHash);
  return false;
}

/** Refuses a password the policy does not accept (too short or too long). */
export function assertPasswordAcceptable(password: string): void {
  const length = [...password].length;
  if (length < passwordPolicy.minLength || length > passwordPolicy.maxLength) {
    throw new DomainError('PASSWORD_TOO_SHORT', { min: passwordPolicy.minLength });
  }
}
