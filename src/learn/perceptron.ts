/**
 * A multiclass averaged perceptron over hashed features (Collins 2002; Freund & Schapire 1999),
 * weights in one typed array laid out bucket-major (`bucket * classCount + class`), so scoring a
 * feature reads contiguous memory.
 *
 * Averaging is lazy, by Daumé's trick: besides the weights `w` we keep `u`, the sum of every update
 * times the step at which it happened; the average over `t` steps is then `w - u / t`, with no
 * per-weight timestamps to store or touch.
 *
 * A model read from a file keeps only its non-zero weights, row by row, when they are few (a few
 * per bucket of dozens of classes): scoring a feature then reads a handful of entries from tables
 * a tenth the size, which stay in the processor's cache, instead of a row of mostly zeros from
 * tables of tens of megabytes. Scores are the same to the bit: the zeros skipped add nothing.
 */
export class AveragedPerceptron {
  /** Dense weights, while training. */
  private dense: Float32Array | undefined;
  /**
   * Dense weights read from a file with too many non-zero weights to pay compressing, as their int16
   * multiples of `scale`: half the memory of float32 (the startup snapshot's heap holds them, and a
   * process started from it pays for every megabyte), read as the float32 the dense table held.
   */
  private grid: Int16Array | undefined;
  /** Compressed weights: bucket b's are entries `rowStart[b]` … `rowStart[b + 1] - 1`. */
  private rowStart: Int32Array | undefined;
  /**
   * Each entry: its weight's int16 multiple of `scale` above its class's byte (`value << 8 | class`),
   * one read per entry where a class array and a weight array took two.
   */
  private entries: Int32Array | undefined;
  /** Scratch for `score`: the entry range of each feature's row. */
  private bounds = new Int32Array(512);
  private stepSums: Float64Array | undefined;
  private step = 1;
  /** After `finalize` (or loading): every weight is an integer times this. */
  scale = 1;

  /** A blank model to train, or (with the non-zero weights of a finalized one, as multiples of `scale`) a finalized one. */
  constructor(
    readonly classCount: number,
    readonly bucketCount: number,
    weights?: QuantizedWeights,
  ) {
    const size = classCount * bucketCount;
    if (!weights) {
      this.dense = new Float32Array(size);
      this.stepSums = new Float64Array(size);
      return;
    }
    const { positions, values, scale } = weights;
    if (positions.length !== values.length || (positions.length > 0 && positions[positions.length - 1]! >= size)) {
      throw new RangeError(`weights fall outside ${classCount} classes × ${bucketCount} buckets`);
    }
    this.scale = scale;
    if (compresses(classCount, bucketCount, values.length)) {
      const rowStart = new Int32Array(bucketCount + 1);
      const entries = new Int32Array(values.length);
      // Positions ascend: walk the buckets alongside them (no division per weight).
      let bucket = 0;
      let rowEnd = classCount;
      for (let i = 0; i < positions.length; i++) {
        const position = positions[i]!;
        while (position >= rowEnd) {
          rowStart[++bucket] = i;
          rowEnd += classCount;
        }
        entries[i] = (values[i]! << 8) | (position - rowEnd + classCount);
      }
      while (bucket < bucketCount) rowStart[++bucket] = positions.length;
      this.rowStart = rowStart;
      this.entries = entries;
    } else {
      const grid = new Int16Array(size);
      for (let i = 0; i < positions.length; i++) grid[positions[i]!] = values[i]!;
      this.grid = grid;
    }
  }

  /** All weights, bucket-major (for training and tests: a compressed model builds them anew on each call). */
  get weights(): Float32Array {
    if (this.dense) return this.dense;
    if (this.grid) return Float32Array.from(this.grid, (value) => value * this.scale);
    const dense = new Float32Array(this.classCount * this.bucketCount);
    for (let b = 0; b < this.bucketCount; b++) this.weightsOf(b, dense.subarray(b * this.classCount));
    return dense;
  }

  /** Whether `finalize` has run (or the weights were loaded): no more updates. */
  get finalized(): boolean {
    return this.stepSums === undefined;
  }

  /** Writes each class's score for the features into `scores` (length ≥ classCount). */
  score(features: Int32Array, featureCount: number, scores: Float32Array): Float32Array {
    const classes = this.classCount;
    scores.fill(0, 0, classes);
    // Dense rows: the training table's floats, or a read model's int16 grid, each weight then the
    // float32 nearest its multiple of the scale (times 1, a float32 is itself).
    const table = this.dense ?? this.grid;
    if (table) {
      const scale = this.dense ? 1 : this.scale;
      if (classes === 4) {
        // A parser's transitions, scored for every move: four sums kept in registers run twice as
        // fast as the general loop, to the same float32 sums.
        let first = 0;
        let second = 0;
        let third = 0;
        let fourth = 0;
        for (let f = 0; f < featureCount; f++) {
          const row = features[f]! * 4;
          first = Math.fround(first + Math.fround(table[row]! * scale));
          second = Math.fround(second + Math.fround(table[row + 1]! * scale));
          third = Math.fround(third + Math.fround(table[row + 2]! * scale));
          fourth = Math.fround(fourth + Math.fround(table[row + 3]! * scale));
        }
        scores[0] = first;
        scores[1] = second;
        scores[2] = third;
        scores[3] = fourth;
        return scores;
      }
      for (let f = 0; f < featureCount; f++) {
        const row = features[f]! * classes;
        for (let c = 0; c < classes; c++) scores[c]! += Math.fround(table[row + c]! * scale);
      }
      return scores;
    }
    const rowStart = this.rowStart!;
    const entries = this.entries!;
    const scale = this.scale;
    // Two sweeps: every feature's row bounds first, loads that wait on nothing, so the processor
    // fetches the rows' starts from memory side by side; then the rows' entries. In one sweep each
    // row's entries wait on its bounds, feature after feature: 4% slower end to end on BBC news.
    if (this.bounds.length < 2 * featureCount) this.bounds = new Int32Array(4 * featureCount);
    const bounds = this.bounds;
    for (let f = 0; f < featureCount; f++) {
      const bucket = features[f]!;
      bounds[2 * f] = rowStart[bucket]!;
      bounds[2 * f + 1] = rowStart[bucket + 1]!;
    }
    for (let f = 0; f < featureCount; f++) {
      const end = bounds[2 * f + 1]!;
      for (let e = bounds[2 * f]!; e < end; e++) {
        // The weight as the dense table would hold it: the float32 nearest its multiple of the scale.
        const entry = entries[e]!;
        scores[entry & 0xff]! += Math.fround((entry >> 8) * scale);
      }
    }
    return scores;
  }

  /** Writes one bucket's weight for each class into `out` (length ≥ classCount). */
  weightsOf(bucket: number, out: Float32Array): Float32Array {
    const classes = this.classCount;
    const dense = this.dense;
    if (dense) {
      out.set(dense.subarray(bucket * classes, (bucket + 1) * classes));
      return out;
    }
    if (this.grid) {
      for (let c = 0; c < classes; c++) out[c] = this.grid[bucket * classes + c]! * this.scale;
      return out;
    }
    out.fill(0, 0, classes);
    const end = this.rowStart![bucket + 1]!;
    for (let e = this.rowStart![bucket]!; e < end; e++) out[this.entries![e]! & 0xff] = Math.fround((this.entries![e]! >> 8) * this.scale);
    return out;
  }

  /** Adds one bucket's weight for each class to `out` (length ≥ classCount), reading only the weights there are. */
  addWeightsOf(bucket: number, out: Float64Array): void {
    const table = this.dense ?? this.grid;
    if (table) {
      const scale = this.dense ? 1 : this.scale;
      for (let c = 0, at = bucket * this.classCount; c < this.classCount; c++) out[c]! += Math.fround(table[at + c]! * scale);
      return;
    }
    const end = this.rowStart![bucket + 1]!;
    for (let e = this.rowStart![bucket]!; e < end; e++) out[this.entries![e]! & 0xff]! += Math.fround((this.entries![e]! >> 8) * this.scale);
  }

  /** The non-zero weights of a finalized model, as positions (`bucket * classCount + class`, ascending) and multiples of `scale`. */
  quantizedWeights(): QuantizedWeights {
    if (!this.finalized) throw new Error('the perceptron is not finalized');
    const entries = this.entries;
    if (entries) {
      const positions = new Int32Array(entries.length);
      const values = new Int16Array(entries.length);
      const rowStart = this.rowStart!;
      for (let b = 0; b < this.bucketCount; b++) {
        for (let e = rowStart[b]!; e < rowStart[b + 1]!; e++) {
          positions[e] = b * this.classCount + (entries[e]! & 0xff);
          values[e] = entries[e]! >> 8;
        }
      }
      return { positions, values, scale: this.scale };
    }
    const dense = this.weights;
    const positions: number[] = [];
    const values: number[] = [];
    for (let i = 0; i < dense.length; i++) {
      const q = Math.round(dense[i]! / this.scale);
      if (q === 0) continue;
      if (Math.abs(q) > INT16_MAX) throw new Error(`weight ${dense[i]} exceeds the quantization range`);
      positions.push(i);
      values.push(q);
    }
    return { positions: Int32Array.from(positions), values: Int16Array.from(values), scale: this.scale };
  }

  /** The best-scoring class among those `allowed` says yes to (all when omitted). */
  static best(scores: Float32Array, classCount: number, allowed?: (klass: number) => boolean): number {
    let best = -1;
    let bestScore = -Infinity;
    for (let c = 0; c < classCount; c++) {
      if (allowed && !allowed(c)) continue;
      if (scores[c]! > bestScore) {
        bestScore = scores[c]!;
        best = c;
      }
    }
    return best;
  }

  /** Counts one training example: a step of the averaging clock. */
  tick(): void {
    this.step++;
  }

  /**
   * Adds `amount` (negative to subtract) to one class's weights on these features: the two halves
   * of a structured update, whose gold and predicted features differ (a sequence's transitions).
   */
  adjust(klass: number, features: Int32Array, featureCount: number, amount: number): void {
    const sums = this.stepSums;
    if (!sums) throw new Error('the perceptron is finalized; it can no longer learn');
    const classes = this.classCount;
    const weights = this.dense!;
    const stamped = this.step * amount;
    for (let f = 0; f < featureCount; f++) {
      const index = features[f]! * classes + klass;
      weights[index]! += amount;
      sums[index]! += stamped;
    }
  }

  /** Moves the weights toward `truth` and away from `guess` on these features (no-op if equal). */
  update(truth: number, guess: number, features: Int32Array, featureCount: number, amount = 1): void {
    const sums = this.stepSums;
    if (!sums) throw new Error('the perceptron is finalized; it can no longer learn');
    if (truth === guess) return;
    const classes = this.classCount;
    const weights = this.dense!;
    const stamped = this.step * amount;
    for (let f = 0; f < featureCount; f++) {
      const row = features[f]! * classes;
      weights[row + truth]! += amount;
      sums[row + truth]! += stamped;
      weights[row + guess]! -= amount;
      sums[row + guess]! -= stamped;
    }
  }

  /** A finalized copy of the model as it stands, leaving this one free to keep learning. */
  finalizedCopy(): AveragedPerceptron {
    if (!this.stepSums) return this;
    const copy = new AveragedPerceptron(this.classCount, this.bucketCount);
    copy.weights.set(this.weights);
    copy.stepSums!.set(this.stepSums);
    copy.step = this.step;
    copy.finalize();
    return copy;
  }

  /**
   * The mean of finalized models of one shape (trained with different seeds): a linear model whose
   * scores are the mean of theirs, so it decides as their score-level ensemble would, at the cost of one.
   */
  static mean(models: readonly AveragedPerceptron[]): AveragedPerceptron {
    const [first] = models;
    if (!first || models.some((model) => !model.finalized || model.classCount !== first.classCount || model.bucketCount !== first.bucketCount)) {
      throw new Error('only finalized models of one shape can be averaged');
    }
    const mean = new AveragedPerceptron(first.classCount, first.bucketCount);
    const sum = mean.dense!;
    for (const model of models) {
      const weights = model.weights;
      for (let i = 0; i < sum.length; i++) sum[i]! += weights[i]! / models.length;
    }
    mean.finalize();
    return mean;
  }

  /**
   * Drops the weights of a finalized dense model smaller than `fraction` of the largest: a mean of
   * models holds the union of their features, many of them with weights too small to change a
   * decision, which would only make the file larger and slower to load.
   */
  prune(fraction: number): void {
    const weights = this.dense;
    if (!weights || !this.finalized) throw new Error('only a finalized model still in training form can be pruned');
    const floor = fraction * this.scale * INT16_MAX;
    for (let i = 0; i < weights.length; i++) if (Math.abs(weights[i]!) < floor) weights[i] = 0;
  }

  /**
   * Replaces the weights by their average and rounds them to the int16 grid the model file stores
   * (int16 times `scale`), so the in-memory model scores exactly as the saved one.
   */
  finalize(): void {
    const sums = this.stepSums;
    if (!sums) return;
    const weights = this.dense!;
    const step = this.step;
    for (let i = 0; i < weights.length; i++) weights[i] = weights[i]! - sums[i]! / step;
    this.stepSums = undefined;
    this.scale = quantizationScale(weights);
    for (let i = 0; i < weights.length; i++) weights[i] = Math.round(weights[i]! / this.scale) * this.scale;
  }
}

/** Largest stored magnitude of a quantized weight. */
export const INT16_MAX = 32767;

/** The non-zero weights of a finalized model: positions (`bucket * classCount + class`, ascending) and their multiples of `scale`. */
export interface QuantizedWeights {
  positions: Int32Array;
  values: Int16Array;
  scale: number;
}

/**
 * Whether compressed rows beat the dense table: a class fits in a byte, and the entries and row
 * starts (4 bytes each) take less memory than the int16 grid (2 bytes a weight; a parser's
 * four-class rows, mostly full, stay dense: one read per feature rather than two).
 */
function compresses(classCount: number, bucketCount: number, nonZero: number): boolean {
  return classCount <= 256 && 2 * (nonZero + bucketCount + 1) < classCount * bucketCount;
}

/** The scale that maps the largest |weight| to the int16 range (1 for an all-zero model). */
function quantizationScale(weights: Float32Array): number {
  let max = 0;
  for (let i = 0; i < weights.length; i++) {
    const magnitude = Math.abs(weights[i]!);
    if (magnitude > max) max = magnitude;
  }
  return max === 0 ? 1 : Math.fround(max / INT16_MAX);
}
