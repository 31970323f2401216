/**
 * The single-use sign-in token of an emailed link (`#comptoir-link=<token>`), read by the loader.
 * It travels in the fragment, which browsers never send to servers; once read it is taken out of
 * the address so that it is neither bookmarked, shared nor reused.
 */

const pattern = /(^#?|&)comptoir-link=([^&]*)/;

/** The token in a location hash, or null. */
export function readLinkToken(hash: string): string | null {
  const raw = pattern.exec(hash)?.[2];
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** The hash without the token (and without a dangling `&`): `''` when nothing else was in it. */
export function hashWithoutLinkToken(hash: string): string {
  const rest = hash
    .replace(/^#/, '')
    .split('&')
    .filter((part) => part && !part.startsWith('comptoir-link='))
    .join('&');
  return rest ? `#${rest}` : '';
}
