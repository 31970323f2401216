/** What a code brought to the counter is, told by its shape alone. */
export type CounterCode = { kind: 'pickup'; code: string } | { kind: 'return'; code: string } | { kind: 'unknown' };

/**
 * Reads a code scanned or typed at the counter, whatever the case, spaces and dashes: a pickup code
 * is "PU-XXXX-XXXX" (its 8 characters alone are accepted too), a return code "R-" and 6 or 8
 * characters (see returns/code.ts; other lengths from 4 are looked up as well, except 7, which
 * reads as a pickup code without its prefix). A QR code holding a URL is read for the code at its
 * end. Generated codes never collide: with its R, a return code is 7 or 9 characters, a bare
 * pickup code 8.
 */
export function readCounterCode(raw: string): CounterCode {
  const upper = raw.trim().toUpperCase();
  const inUrl = /(?:^|[^0-9A-Z])(PU-?[0-9A-Z]{4}-?[0-9A-Z]{4}|R-[0-9A-Z]{4,})\/?$/.exec(upper);
  const compact = (inUrl ? inUrl[1]! : upper).replace(/[^0-9A-Z]/g, '');
  if (/^PU[0-9A-Z]{8}$/.test(compact)) return { kind: 'pickup', code: `PU-${compact.slice(2, 6)}-${compact.slice(6)}` };
  if (/^[0-9A-Z]{8}$/.test(compact)) return { kind: 'pickup', code: `PU-${compact.slice(0, 4)}-${compact.slice(4)}` };
  if (/^R[0-9A-Z]{4,18}$/.test(compact)) return { kind: 'return', code: `R-${compact.slice(1)}` };
  return { kind: 'unknown' };
}
