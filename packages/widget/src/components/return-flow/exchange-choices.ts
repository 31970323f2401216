import type { ReturnLineEligibility } from '../../controllers/api-types.js';

/** A variant the shopper may ask for in exchange of a line. */
export interface ExchangeChoice {
  sku: string;
  label: string;
  /** The variant bought (a replacement of the same item). */
  isSame: boolean;
}

/**
 * What a line can be exchanged for: the same variant again first (a replacement, for a faulty
 * item), then the shop's other variants of the product, each SKU once.
 */
export function exchangeChoices(line: Pick<ReturnLineEligibility, 'sku' | 'variant' | 'exchangeOptions'>): ExchangeChoice[] {
  const others = line.exchangeOptions.filter((option, index, all) => option.sku !== line.sku && all.findIndex((other) => other.sku === option.sku) === index);
  return [{ sku: line.sku, label: line.variant ?? '', isSame: true }, ...others.map((option) => ({ ...option, isSame: false }))];
}

/** The `{ sku, label }` entries of a value that should be a list of them (a return's order line carries it as JSON). */
function readOptions(value: unknown): Array<{ sku: string; label: string }> {
  if (!Array.isArray(value)) return [];
  return value.filter((option): option is { sku: string; label: string } => typeof option?.sku === 'string' && typeof option?.label === 'string');
}

/** What the shopper reads for the SKU they asked for: the variant's name, or the one bought for the same SKU. */
export function exchangeLabel(line: { sku: string; variant: string | null; title: string; exchangeOptions: unknown }, sku: string): string {
  const choice = exchangeChoices({ ...line, exchangeOptions: readOptions(line.exchangeOptions) }).find((candidate) => candidate.sku === sku);
  return choice?.label || line.variant || line.title;
}
