import { randomInt } from 'node:crypto';
import type { Db } from '../core/deps.js';

/** Letters and digits that cannot be mistaken for one another when read aloud or typed (no 0/O, 1/I/L, 2/Z, 5/S). */
export const returnCodeAlphabet = 'ABCDEFGHJKMNPQRTUVWXY346789';

/** A random return code such as "R-7KQ3XM": short enough to type at the counter, printed under its QR code. */
export function generateReturnCode(length = 6): string {
  let code = '';
  for (let i = 0; i < length; i += 1) code += returnCodeAlphabet[randomInt(returnCodeAlphabet.length)];
  return `R-${code}`;
}

/**
 * A code no other return of the shop has. 27^6 codes make a clash rare; it is checked before the
 * insert, which runs under the order's lock, and the (shopId, code) unique index is the last word.
 */
export async function uniqueReturnCode(tx: Db, shopId: string): Promise<string> {
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const code = generateReturnCode(attempt < 4 ? 6 : 8);
    const taken = await tx.returnCase.findUnique({ where: { shopId_code: { shopId, code } }, select: { id: true } });
    if (!taken) return code;
  }
  throw new Error('could not find a free return code');
}
