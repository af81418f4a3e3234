// The fuzz test's one source of randomness: fast-check's generator (fc.gen), so a
// whole round follows from the seed and the round's index (fast-check's path).
// Every draw goes through a builder function that is the same object each time,
// because fc.gen caches arbitraries per builder and compares their arguments.
import fc from 'fast-check';

// Built once: building fc.anything's unicode tables takes longer than drawing thousands of values.
const u31 = fc.noBias(fc.nat());
const jsonValue = fc.jsonValue({ maxDepth: 3 });
/** What can reach the engine through Electron's structured clone as well as JSON. */
const anything = fc.anything({
  maxDepth: 2,
  maxKeys: 5,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withTypedArray: true,
  withSparseArray: true,
  withBoxedValues: true,
  withUnicodeString: true,
});
const graphemes = fc.string({ unit: 'grapheme', maxLength: 40 });
const binary = fc.string({ unit: 'binary', maxLength: 12 });
const U31 = () => u31;
const JSON_VALUE = () => jsonValue;
const ANYTHING = () => anything;
const GRAPHEMES = () => graphemes;
const BINARY = () => binary;

/** fast-check's string arbitrary for a pattern, one builder per pattern (the cache cannot tell regexes apart). */
const patternBuilders = new Map<string, () => fc.Arbitrary<string>>();
function patternBuilder(re: RegExp): () => fc.Arbitrary<string> {
  const key = `${re.source}/${re.flags}`;
  let b = patternBuilders.get(key);
  if (!b) {
    const arb = fc.stringMatching(new RegExp(re.source, re.flags.replace('g', '')), { size: 'small' });
    b = () => arb;
    patternBuilders.set(key, b);
  }
  return b;
}

export class Rnd {
  constructor(private readonly g: fc.GeneratorValue) {}

  /** A uniform integer in [0, 2^31). */
  u31(): number {
    return this.g(U31);
  }
  /** A uniform integer in [0, n). */
  below(n: number): number {
    if (n <= 1) return 0;
    if (n <= 2 ** 31) return this.u31() % n;
    return (this.u31() * 2 ** 31 + this.u31()) % n;
  }
  /** A uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + this.below(max - min + 1);
  }
  chance(p: number): boolean {
    return this.below(1_000_000) < p * 1_000_000;
  }
  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error('pick from an empty list');
    return xs[this.below(xs.length)]!;
  }
  pickOr<T, D>(xs: readonly T[], fallback: D): T | D {
    return xs.length === 0 ? fallback : this.pick(xs);
  }
  /** Items chosen by weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let x = this.below(Math.max(1, Math.round(total * 1000))) / 1000;
    for (const [v, w] of entries) {
      if (x < w) return v;
      x -= w;
    }
    return entries[entries.length - 1]![0];
  }
  /** A random subset (in order), at least `min` long where the list allows. */
  subset<T>(xs: readonly T[], min = 1): T[] {
    const out = xs.filter(() => this.chance(0.5));
    while (out.length < Math.min(min, xs.length)) {
      const x = this.pick(xs);
      if (!out.includes(x)) out.push(x);
    }
    return out;
  }
  json(): unknown {
    return this.g(JSON_VALUE);
  }
  anything(): unknown {
    return this.g(ANYTHING);
  }
  graphemes(): string {
    return this.g(GRAPHEMES);
  }
  binary(): string {
    return this.g(BINARY);
  }
  matching(re: RegExp): string {
    return this.g(patternBuilder(re));
  }
}

// ---- Value pools ----------------------------------------------------------------

export const WORDS = [
  'Drill',
  'Brød',
  'Montering',
  'Bergen Bygg',
  'Ærlig Østlending Åsane',
  'Tromsø',
  'Kjøkkenbenk',
  'Høvelbenk 2000',
  'skrue',
  'Ørsta',
  'blåbær',
  'Fjordlager',
  'Hyttetur på Geilo',
  'Nordlys',
] as const;

export const UNICODE = [
  'æøå ÆØÅ',
  'Smørbrød 🥪 til møtet',
  '👨‍👩‍👧‍👦',
  '🇳🇴',
  'e\u0301\u0301\u0301',
  '\u200b\u200d\ufeff',
  'שלום עולם',
  'مرحبا',
  '\u202etxet\u202c',
  'İıŞş ǅ ß ﬀ',
  '\u0000nul',
  '\ud800',
  '\udfff\ud800',
  'Ω≈ç√∫',
  '٣٤٥',
  '\t\n\r',
  '   ',
  '',
  "'; DROP TABLE order_header; --",
  '" OR 1=1 --',
  '%_\\',
  '${jndi:x}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'NULL',
] as const;

export const NAN_LIKE = ['NaN', 'nan', 'Infinity', '-Infinity', '-0', '1e309', '0x10', '0b11', ' 12 ', '12,50', '1 234,50', '١٢٣', '1_000', '+1', '1.0', '', 'null', 'undefined', 'true', '[]', '{}'] as const;

export const BOUNDARY_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  1,
  2,
  0.5,
  -0.5,
  1e-7,
  999,
  1000,
  1001,
  9999,
  10_000,
  10_001,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  2 ** 32,
  2 ** 53 - 1,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  1e21,
  1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.EPSILON,
  NaN,
  Infinity,
  -Infinity,
  100_000_000_000,
  100_000_000_001,
  1_000_000_000,
  1_000_000_001,
];

export const DATE_MUTANTS = [
  '2025-02-30',
  '2025-13-01',
  '2025-00-10',
  '2024-02-29',
  '2025-02-29',
  '0000-01-01',
  '9999-12-31',
  '1970-01-01',
  '2025-1-5',
  '05.01.2025',
  '2025-01-05T10:00:00Z',
  '2025-01-05 ',
  '+2025-01-05',
  '20250105',
  '2025-W01-1',
] as const;

export const WRONG_TYPES: readonly (() => unknown)[] = [
  () => null,
  () => undefined,
  () => true,
  () => false,
  () => '1',
  () => 1,
  () => [],
  () => ({}),
  () => [1],
  () => 'abc',
  () => ({ id: 1 }),
  () => new Date('2025-01-05T10:00:00Z'),
  () => 10n,
];
