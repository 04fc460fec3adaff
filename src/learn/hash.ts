/**
 * Feature hashing: a feature is a template id plus one to three values, each value a 32-bit hash
 * (of a string, or a small integer such as a distance). Hashing strings once per token and mixing
 * integers per feature keeps feature extraction cheap; the model never stores a feature table.
 */

/** FNV-1a, 32 bits, over the UTF-16 code units of `text`. */
export function hashString(text: string): number {
  return hashRange(text, 0, text.length);
}

/** `hashString(text.slice(start, end))` without making the slice. */
export function hashRange(text: string, start: number, end: number): number {
  return continueHash(FNV_OFFSET, text, start, end) >>> 0;
}

export const FNV_OFFSET = 0x811c9dc5;

/** Folds text[start, end) into an FNV-1a hash in progress; `>>> 0` finishes it as `hashString` does. */
export function continueHash(hash: number, text: string, start = 0, end = text.length): number {
  let h = hash;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** One MurmurHash3 round: folds `value` into `hash`. */
export function mixHash(hash: number, value: number): number {
  let k = Math.imul(value | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let h = (hash ^ k) | 0;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3's finalizer: spreads every input bit over the low bits used as a bucket. */
export function finishHash(hash: number): number {
  let h = hash | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A reusable list of hashed features for one decision. `add(template, a, b, c)` puts the bucket of
 * (template, a, b, c) in the list; bucket counts are powers of two.
 */
export class FeatureList {
  readonly buckets: Int32Array;
  length = 0;
  private readonly mask: number;

  constructor(
    readonly bucketCount: number,
    capacity = 256,
  ) {
    if (bucketCount <= 0 || (bucketCount & (bucketCount - 1)) !== 0) {
      throw new RangeError(`bucket count must be a power of two, got ${bucketCount}`);
    }
    this.mask = bucketCount - 1;
    this.buckets = new Int32Array(capacity);
  }

  clear(): void {
    this.length = 0;
  }

  add(template: number, a: number, b = 0, c = 0): void {
    const seed = template >= 0 && template < TEMPLATE_SEEDS.length ? TEMPLATE_SEEDS[template]! : mixHash(FEATURE_SEED, template);
    this.buckets[this.length++] = finishHash(mixHash(mixHash(mixHash(seed, a), b), c)) & this.mask;
  }
}

const FEATURE_SEED = 0x9747b28c;
/** The first round of every feature's hash, which depends on its template alone: computed once. */
const TEMPLATE_SEEDS = Int32Array.from({ length: 256 }, (_, template) => mixHash(FEATURE_SEED, template));
