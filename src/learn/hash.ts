/**
 * Feature hashing: a feature is a template id plus one to three values, each value a 32-bit hash
 * (of a string, or a small integer such as a distance). Hashing strings once per token and mixing
 * integers per feature keeps feature extraction cheap; the model never stores a feature table.
 */

/** FNV-1a, 32 bits, over the UTF-16 code units of `text`. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
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
    const hash = mixHash(mixHash(mixHash(mixHash(0x9747b28c, template), a), b), c);
    this.buckets[this.length++] = finishHash(hash) & this.mask;
  }
}
