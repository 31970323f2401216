import fc from 'fast-check';

/**
 * Generators of hostile input for the fuzz tests: wrong types, huge strings, deep objects, awkward
 * unicode, extreme numbers, huge arrays, prototype-pollution keys. Used both as whole inputs and to
 * replace one field of a valid-looking input, so validation deeper than the top level is exercised.
 */

/** Strings a careless parser, a regex or the database chokes on. */
const nastyStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\u202Eevil\u202C',
  'مرحبا بالعالم',
  '𝕏🧨👩🏽‍💻',
  '\r\n\t',
  "'; DROP TABLE \"Order\"; --",
  '${constructor}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00%ff',
  '__proto__',
  'constructor',
  '00000000-0000-0000-0000-000000000000',
  '2026-02-30T25:61:00Z',
  'NaN',
  '1e308',
];

/** Numbers at and past every bound. NaN and the infinities cannot travel in JSON, but callers in-process can pass them. */
const nastyNumbers = [
  0,
  -0,
  -1,
  0.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_SAFE_INTEGER,
  2 ** 31,
  -(2 ** 31) - 1,
  Number.EPSILON,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

/** Nesting as deep as `depth`, as objects or arrays. */
export function deeplyNested(depth: number, kind: 'object' | 'array'): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = kind === 'object' ? { a: value } : [value];
  return value;
}

/** Objects whose keys try to reach Object.prototype. */
function pollutionAttempts(): unknown[] {
  return [
    JSON.parse('{"__proto__":{"polluted":"yes"}}') as unknown,
    JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}') as unknown,
    JSON.parse('{"a":{"__proto__":{"polluted":"yes"}},"__proto__":[1]}') as unknown,
  ];
}

/** One hostile value of any type. `maxStringBytes` bounds the huge strings (about 1 MB by default). */
export function hostileValue(options: { maxStringBytes?: number } = {}): fc.Arbitrary<unknown> {
  const maxBytes = options.maxStringBytes ?? 1_000_000;
  return fc.oneof(
    { arbitrary: fc.constantFrom(...nastyStrings), weight: 4 },
    { arbitrary: fc.constantFrom(...nastyNumbers), weight: 4 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 2 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 50 }), weight: 1 },
    { arbitrary: fc.constantFrom(1_000, 70_000, maxBytes).chain((size) => fc.constantFrom('x'.repeat(size), 'é'.repeat(size / 2), '\u0000'.repeat(size))), weight: 2 },
    { arbitrary: fc.constantFrom(1_000, 5_000).chain((depth) => fc.constantFrom(deeplyNested(depth, 'object'), deeplyNested(depth, 'array'))), weight: 1 },
    { arbitrary: fc.constantFrom(Array.from({ length: 10_000 }, (_, index) => index), Array.from({ length: 10_000 }, () => ({}))), weight: 1 },
    { arbitrary: fc.constantFrom(...pollutionAttempts()), weight: 2 },
    { arbitrary: fc.constantFrom(null, undefined, true, false, [], {}, () => 1, Symbol('s'), new Date(Number.NaN), 10n), weight: 2 },
    { arbitrary: fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true }), weight: 3 },
  );
}

/** The dotted paths of the leaves and branches of a plain value. */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
}

function replaceAt(value: unknown, path: string[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value)) return value.map((item, index) => (String(index) === head ? replaceAt(item, rest, replacement) : item));
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  copy[head] = replaceAt(copy[head], rest, replacement);
  return copy;
}

/**
 * Inputs for a procedure: wholly hostile values, or a valid-looking seed with one field replaced by
 * (or one extra field holding) a hostile value.
 */
export function hostileInputFor(seeds: unknown[], options: { maxStringBytes?: number } = {}): fc.Arbitrary<unknown> {
  const value = hostileValue(options);
  const usable = seeds.filter((seed) => seed !== undefined);
  if (usable.length === 0) return value;
  const mutated = fc
    .tuple(fc.constantFrom(...usable), fc.nat(), value)
    .map(([seed, pick, replacement]) => {
      const paths = pathsOf(seed);
      return replaceAt(seed, paths[pick % paths.length]!, replacement);
    });
  const extraKey = fc
    .tuple(fc.constantFrom(...usable), fc.constantFrom('__proto__', 'constructor', 'prototype', 'shopId', 'customerId', 'role'), value)
    .map(([seed, key, extra]) => (seed && typeof seed === 'object' && !Array.isArray(seed) ? { ...seed, [key]: extra } : seed));
  return fc.oneof({ arbitrary: value, weight: 2 }, { arbitrary: mutated, weight: 3 }, { arbitrary: extraKey, weight: 1 });
}
