import { z } from 'zod';
import { exchangeOption, type ExchangeOption } from '@comptoir/protocol';

const storedOptions = z.array(exchangeOption);

/**
 * The exchange variants stored on an order line (a JSON column), or none when the value is not a
 * list of `{ sku, label }`: a malformed row offers no exchange variant rather than failing the return.
 */
export function exchangeOptionsOf(stored: unknown): ExchangeOption[] {
  const parsed = storedOptions.safeParse(stored);
  return parsed.success ? parsed.data : [];
}

/** Whether a return may ask for `sku` in exchange of a line: the same SKU (a replacement), or one of its variants. */
export function isExchangeSkuOffered(line: { sku: string; exchangeOptions: unknown }, sku: string): boolean {
  return sku === line.sku || exchangeOptionsOf(line.exchangeOptions).some((option) => option.sku === sku);
}
