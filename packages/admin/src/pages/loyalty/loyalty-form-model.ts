/**
 * Pure conversions between what the loyalty forms show and what the server takes, kept apart from
 * the elements so they can be tested without a browser.
 */

/** Minor units (cents) as the decimal amount a person types, `"300.00"`. */
export function minorToMajorText(minor: number): string {
  return (minor / 100).toFixed(2);
}

/** A typed amount (`"300"`, `"12,5"`, `"12.50"`) in minor units, or null when it is not an amount. */
export function majorTextToMinor(text: string): number | null {
  const normalized = text.trim().replace(',', '.');
  if (!/^\d+(\.\d{0,2})?$/.test(normalized)) return null;
  return Math.round(Number(normalized) * 100);
}

/** A whole number typed in a field (signs allowed), or null. */
export function parseWholeNumber(text: string): number | null {
  const normalized = text.trim().replace(/^\+/, '');
  if (!/^-?\d+$/.test(normalized)) return null;
  const value = Number(normalized);
  return Number.isSafeInteger(value) ? value : null;
}

/**
 * The voucher codes pasted in the pool form, one a line: trimmed, empty lines and repeats dropped,
 * first occurrence kept (the server skips codes it already has).
 */
export function parseCodeLines(text: string): string[] {
  const seen = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const code = line.trim();
    if (code) seen.add(code);
  }
  return [...seen];
}

/** The codes the server would refuse (it takes letters, digits, - and _, 4 to 64 characters). */
export function invalidCodes(codes: readonly string[]): string[] {
  return codes.filter((code) => !/^[A-Za-z0-9_-]{4,64}$/.test(code));
}

/** Replaces the item at `index` of a list with `patch` applied, leaving the list itself untouched. */
export function patchAt<T extends object>(list: readonly T[], index: number, patch: Partial<T>): T[] {
  return list.map((item, i) => (i === index ? { ...item, ...patch } : item));
}

/** A slug for a new tier or reward that none of `taken` uses yet (`tier-2`, `tier-3`…). */
export function freeSlug(prefix: string, taken: readonly { id: string }[]): string {
  const ids = new Set(taken.map((item) => item.id));
  let n = taken.length + 1;
  while (ids.has(`${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
}
