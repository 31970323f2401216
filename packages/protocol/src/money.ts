/**
 * An amount of money: integer minor units (cents) and an ISO 4217 currency. Arithmetic stays in
 * integers; only screens format, with Intl.NumberFormat.
 */
export interface Money {
  amountMinor: number;
  currency: string;
}

const minorDigitsCache = new Map<string, number>();

/** How many minor units a currency has (2 for EUR, 0 for JPY), from Intl. */
export function minorUnitDigits(currency: string): number {
  let digits = minorDigitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    minorDigitsCache.set(currency, digits);
  }
  return digits;
}

/**
 * Parses a decimal amount as platforms send it ("12.50", "12,5", 12.5) into minor units, exactly:
 * the string is split on its separator instead of multiplying a float.
 */
export function toMinorUnits(amount: string | number, currency: string): number {
  const digits = minorUnitDigits(currency);
  const text = typeof amount === 'number' ? amount.toFixed(digits) : amount.trim().replace(',', '.');
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`Not an amount: ${String(amount)}`);
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > digits && /[1-9]/.test(fraction.slice(digits))) {
    throw new RangeError(`${String(amount)} has more decimals than ${currency} allows`);
  }
  const minor = Number(whole) * 10 ** digits + Number(fraction.slice(0, digits).padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Amount out of range: ${String(amount)}`);
  return sign ? -minor : minor;
}

/** Formats money for people, in their locale. */
export function formatMoney(money: Money, locale: string): string {
  const digits = minorUnitDigits(money.currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(
    money.amountMinor / 10 ** digits,
  );
}
