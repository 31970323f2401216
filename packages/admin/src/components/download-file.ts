/**
 * Saving text the server produced (a CSV export) as a file, without a server download route: a
 * Blob, a temporary link with `download`, a click.
 */

/**
 * A file name safe to offer: the server's, reduced to letters, digits, dot, dash and underscore,
 * ending in `.<extension>`; `fallback` when nothing usable is left.
 */
export function safeDownloadName(name: string, fallback: string, extension = 'csv'): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 120);
  if (!base || base === extension) return fallback;
  return base.toLowerCase().endsWith(`.${extension}`) ? base : `${base}.${extension}`;
}

/** The name of a cases export when the server gave none: `comptoir-cases-<shop>-<yyyy-mm-dd>.csv`. */
export function casesExportName(shopSlug: string, now: Date): string {
  return safeDownloadName(`comptoir-cases-${shopSlug}-${now.toISOString().slice(0, 10)}`, 'comptoir-cases.csv');
}

/** Offers `text` as a file download from inside `root` (a shadow root is fine). */
export function downloadText(root: Node, filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  root.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start reading the Blob only after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
