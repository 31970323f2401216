/**
 * The shop's brand colour as the widget uses it: a `#rrggbb` value, and the text colour that reads
 * on it (the same rule as the widget's, so the preview shows what shoppers will see).
 */

/** Whether a text is a colour the server takes (`#rrggbb`). */
export function isHexColor(value: string): boolean {
  return /^#[0-9a-f]{6}$/i.test(value);
}

/** A typed colour made canonical: `1F5F4A`, `#1f5f4a ` → `#1f5f4a`; `#abc` → `#aabbcc`; null when it is not a colour. */
export function normalizeHexColor(text: string): string | null {
  const value = text.trim().replace(/^#?/, '#').toLowerCase();
  if (/^#[0-9a-f]{3}$/.test(value)) return `#${[...value.slice(1)].map((c) => c + c).join('')}`;
  return isHexColor(value) ? value : null;
}

function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio (1 to 21) of two `#rrggbb` colours. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The text colour the widget puts on the brand colour: near-black on light colours, white on dark ones. */
export function onAccentColor(accent: string): '#1f1d1a' | '#ffffff' {
  const luminance = relativeLuminance(accent);
  return (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) ? '#1f1d1a' : '#ffffff';
}
