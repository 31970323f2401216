import type { Locale } from '@comptoir/protocol';

/** The shop's branding, as every email shows it. */
export interface EmailBranding {
  shopName: string;
  logoUrl: string | null;
  brandColor: string | null;
}

/**
 * What a template says, as structured text: the layout alone turns it into HTML (escaping every
 * value) and plain text, so no template can forget to escape a shop name or a product title.
 */
export interface EmailContent {
  subject: string;
  /** Hidden preview line shown by mail clients after the subject. */
  preheader: string;
  heading: string;
  paragraphs: string[];
  /** Label/value rows (order number, amount, deadline…). */
  details?: Array<[string, string]>;
  /** The main button. */
  action?: { label: string; url: string };
  /** A large monospace code (sign-in code). */
  code?: string;
  /** Small print under the body (why you receive this). */
  footnote?: string;
}

/** A rendered email: subject, HTML and plain text. */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Escapes a value for HTML text and quoted attributes. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** An http(s) URL, or null: a `javascript:` or malformed URL never reaches an href or src. */
export function safeUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** A header value on one line (no header injection through a shop name or a title). */
export function oneLine(value: string, max = 200): string {
  return value.replace(/[\r\n\t]+/g, ' ').replace(/\s{2,}/g, ' ').trim().slice(0, max);
}

const defaultBrand = '#1f4e79';

function channel(hex: string, index: number): number {
  const value = Number.parseInt(hex.slice(1 + index * 2, 3 + index * 2), 16) / 255;
  return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  return 0.2126 * channel(hex, 0) + 0.7152 * channel(hex, 1) + 0.0722 * channel(hex, 2);
}

/** WCAG contrast ratio between two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The brand colour as a safe #rrggbb (anything else falls back to the default) and the text colour
 * that reads on it: white or black, whichever contrasts more (always at least 4.58:1, above WCAG AA's 4.5:1).
 */
export function brandColours(brandColor: string | null): { background: string; foreground: string } {
  const background = brandColor && /^#[0-9a-fA-F]{6}$/.test(brandColor) ? brandColor.toLowerCase() : defaultBrand;
  const foreground = contrastRatio(background, '#ffffff') >= contrastRatio(background, '#000000') ? '#ffffff' : '#000000';
  return { background, foreground };
}

const textColour = '#1a1a1a';
const mutedColour = '#555555';
const fontStack = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

/** Lays content out as an accessible, table-based HTML email with inline styles, and as plain text. */
export function renderLayout(locale: Locale, branding: EmailBranding, content: EmailContent): RenderedEmail {
  const { background, foreground } = brandColours(branding.brandColor);
  const logo = safeUrl(branding.logoUrl);
  const action = content.action ? { label: content.action.label, url: safeUrl(content.action.url) } : null;
  const e = escapeHtml;

  const header = logo
    ? `<img src="${e(logo)}" alt="${e(branding.shopName)}" height="48" style="display:block;height:48px;max-width:240px;border:0;">`
    : `<span style="font:bold 20px ${fontStack};color:${foreground};">${e(branding.shopName)}</span>`;
  const paragraphs = content.paragraphs
    .map((paragraph) => `<p style="margin:0 0 16px;font:16px/1.5 ${fontStack};color:${textColour};">${e(paragraph)}</p>`)
    .join('\n');
  const code = content.code
    ? `<p style="margin:8px 0 24px;font:bold 32px/1.2 'Courier New',monospace;letter-spacing:6px;color:${textColour};" aria-label="${e(content.code.split('').join(' '))}">${e(content.code)}</p>`
    : '';
  const details = content.details?.length
    ? `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;border-collapse:collapse;">${content.details
        .map(
          ([label, value]) =>
            `<tr><td style="padding:4px 16px 4px 0;font:14px ${fontStack};color:${mutedColour};">${e(label)}</td><td style="padding:4px 0;font:bold 14px ${fontStack};color:${textColour};">${e(value)}</td></tr>`,
        )
        .join('')}</table>`
    : '';
  const button =
    action?.url
      ? `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px;"><tr><td style="border-radius:6px;background:${background};"><a href="${e(action.url)}" style="display:inline-block;padding:12px 24px;font:bold 16px ${fontStack};color:${foreground};text-decoration:none;border-radius:6px;">${e(action.label)}</a></td></tr></table>`
      : '';
  const footnote = content.footnote
    ? `<p style="margin:16px 0 0;font:13px/1.4 ${fontStack};color:${mutedColour};">${e(content.footnote)}</p>`
    : '';

  const html = `<!DOCTYPE html>
<html lang="${locale}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${e(content.subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f4f4f5;">
<div style="display:none;max-height:0;overflow:hidden;">${e(content.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f4f5;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background:#ffffff;border-radius:8px;">
<tr><td style="padding:20px 32px;background:${background};border-radius:8px 8px 0 0;">${header}</td></tr>
<tr><td style="padding:32px;">
<h1 style="margin:0 0 16px;font:bold 22px/1.3 ${fontStack};color:${textColour};">${e(content.heading)}</h1>
${paragraphs}
${code}
${details}
${button}
${action?.url ? `<p style="margin:0 0 16px;font:13px/1.4 ${fontStack};color:${mutedColour};word-break:break-all;">${e(action.url)}</p>` : ''}
${footnote}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`;

  const textParts = [
    content.heading,
    '',
    ...content.paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(content.code ? [content.code, ''] : []),
    ...(content.details?.length ? [...content.details.map(([label, value]) => `${label} : ${value}`.replace(' : ', locale === 'fr' ? ' : ' : ': ')), ''] : []),
    ...(action?.url ? [`${action.label} : ${action.url}`.replace(' : ', locale === 'fr' ? ' : ' : ': '), ''] : []),
    ...(content.footnote ? ['—', content.footnote, ''] : []),
    branding.shopName,
  ];
  return { subject: oneLine(content.subject), html, text: textParts.join('\n') };
}
