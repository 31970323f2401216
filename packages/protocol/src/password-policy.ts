/**
 * The staff password policy, shared by the server (which enforces it) and the admin (which explains
 * it). A file of its own, without zod, so the admin's bundle stays small.
 */
export const passwordPolicy = {
  minLength: 10,
  /** Long passphrases are welcome; the bound only keeps hashing cheap to refuse. */
  maxLength: 200,
} as const;
