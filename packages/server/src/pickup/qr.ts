import { randomInt } from 'node:crypto';
import QRCode from 'qrcode';

/** Letters and digits that cannot be misread (no 0/O, 1/I/L), as on a printed or shown code. */
const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A new pickup code, "PU-XXXX-XXXX": typed by hand if the scanner fails, 31^8 ≈ 8.5e11 values. */
export function newPickupCode(): string {
  const pick = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `PU-${pick()}-${pick()}`;
}

/** A code as staff type or scan it: trimmed, upper-cased, dashes optional. */
export function normalisePickupCode(input: string): string {
  const compact = input.trim().toUpperCase().replace(/[^0-9A-Z]/g, '');
  const body = compact.startsWith('PU') ? compact.slice(2) : compact;
  return body.length === 8 ? `PU-${body.slice(0, 4)}-${body.slice(4)}` : input.trim().toUpperCase();
}

/** The QR code of a pickup code, as an SVG data URL the widget shows in an <img>. */
export async function pickupQrDataUrl(code: string): Promise<string> {
  const svg = await QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
