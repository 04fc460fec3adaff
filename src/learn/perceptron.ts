/**
 * A multiclass averaged perceptron over hashed features (Collins 2002; Freund & Schapire 1999),
 * weights in one typed array laid out bucket-major (`bucket * classCount + class`), so scoring a
 * feature reads contiguous memory.
 *
 * Averaging is lazy, by Daumé's trick: besides the weights `w` we keep `u`, the sum of every update
 * times the step at which it happened; the average over `t` steps is then `w - u / t`, with no
 * per-weight timestamps to store or touch.
 */
export class AveragedPerceptron {
  readonly weights: Float32Array;
  private stepSums: Float64Array | undefined;
  private step = 1;
  /** After `finalize` (or loading): every weight is an integer times this. */
  scale = 1;

  /** A blank model to train, or (with `weights` and their `scale`) a finalized one. */
  constructor(
    readonly classCount: number,
    readonly bucketCount: number,
    weights?: { values: Float32Array; scale: number },
  ) {
    if (weights && weights.values.length !== classCount * bucketCount) {
      throw new RangeError(`weights hold ${weights.values.length} values, expected ${classCount * bucketCount}`);
    }
    this.weights = weights?.values ?? new Float32Array(classCount * bucketCount);
    this.stepSums = weights ? undefined : new Float64Array(classCount * bucketCount);
    if (weights) this.scale = weights.scale;
  }

  /** Whether `finalize` has run (or the weights were loaded): no more updates. */
  get finalized(): boolean {
    return this.stepSums === undefined;
  }

  /** Writes each class's score for the features into `scores` (length ≥ classCount). */
  score(features: Int32Array, featureCount: number, scores: Float32Array): Float32Array {
    const classes = this.classCount;
    const weights = this.weights;
    scores.fill(0, 0, classes);
    for (let f = 0; f < featureCount; f++) {
      const row = features[f]! * classes;
      for (let c = 0; c < classes; c++) scores[c]! += weights[row + c]!;
    }
    return scores;
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
    const weights = this.weights;
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
    const weights = this.weights;
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
   * Replaces the weights by their average and rounds them to the int16 grid the model file stores
   * (int16 times `scale`), so the in-memory model scores exactly as the saved one.
   */
  finalize(): void {
    const sums = this.stepSums;
    if (!sums) return;
    const weights = this.weights;
    const step = this.step;
    for (let i = 0; i < weights.length; i++) weights[i] = weights[i]! - sums[i]! / step;
    this.stepSums = undefined;
    this.scale = quantizationScale(weights);
    for (let i = 0; i < weights.length; i++) weights[i] = Math.round(weights[i]! / this.scale) * this.scale;
  }
}

/** Largest stored magnitude of a quantized weight. */
export const INT16_MAX = 32767;

/** The scale that maps the largest |weight| to the int16 range (1 for an all-zero model). */
function quantizationScale(weights: Float32Array): number {
  let max = 0;
  for (let i = 0; i < weights.length; i++) {
    const magnitude = Math.abs(weights[i]!);
    if (magnitude > max) max = magnitude;
  }
  return max === 0 ? 1 : Math.fround(max / INT16_MAX);
}
