/**
 * Punctuation attached after parsing (after Ma, Zhang & Zhu 2014, "Punctuation processing for
 * projective dependency parsing"): once the sentence is parsed, every word the tagger calls PUNCT is
 * taken out and attached again, left to right, to one of the few words that keep the tree
 * projective, as UD's guidelines have it (the head of the smallest unit next to it, the highest node
 * that keeps the tree projective). A small perceptron ranks those candidates, reading the parse
 * around them; the relation is always `punct`.
 */
import { AveragedPerceptron, FeatureList, mixHash } from '../learn/index.js';
import type { WordHashes } from './word-features.js';

export const PUNCTUATION_BUCKETS = 1 << 16;

/** Which words are punctuation: those tagged PUNCT. */
export function punctuationMask(upos: Int32Array, n: number, punctTag: number): Uint8Array {
  const mask = new Uint8Array(n + 2);
  for (let i = 1; i <= n; i++) if (upos[i] === punctTag) mask[i] = 1;
  return mask;
}

/** What the attacher reads of a parsed sentence (full positions 1 … n). */
export interface AttachInput {
  n: number;
  words: WordHashes;
  upos: Int32Array;
  xpos: Int32Array;
  mask: Uint8Array;
  /** Heads of the words (set), of punctuation (filled in here). */
  heads: Int32Array;
  /** Relations of the words (label indices; those of punctuation are filled in here). */
  labels: Int32Array;
}

const LEFT_SIDE = 1;
const RIGHT_SIDE = 2;
const MAX_CANDIDATES = 64;

export class PunctuationAttacher {
  private readonly features: FeatureList;
  /** One mark's candidate heads; for each, the side of the chain that reached it, how far up (9: where the chains meet) and the word below it. */
  private readonly candidates = new Int32Array(MAX_CANDIDATES);
  private readonly sides = new Int32Array(MAX_CANDIDATES);
  private readonly ranks = new Int32Array(MAX_CANDIDATES);
  private readonly below = new Int32Array(MAX_CANDIDATES);
  private readonly score = new Float32Array(1);

  constructor(readonly model: AveragedPerceptron) {
    this.features = new FeatureList(model.bucketCount);
  }

  /**
   * Takes the punctuation out of a parsed sentence (a word that hung from a mark hangs from the
   * mark's head) and attaches it again. Leaves the tree as it is when nothing but punctuation, or
   * two roots, would be left. Returns how many marks got their gold head (training).
   */
  reattach(input: AttachInput, punctLabel: number, gold?: Int32Array): number {
    const { n, mask, heads } = input;
    let roots = 0;
    for (let i = 1; i <= n; i++) {
      if (mask[i]) continue;
      let head = heads[i]!;
      for (let steps = 0; head > 0 && mask[head] && steps < n; steps++) head = heads[head]!;
      if (head === 0) roots++;
    }
    if (roots !== 1) return 0;
    for (let i = 1; i <= n; i++) {
      if (mask[i]) continue;
      while (heads[i]! > 0 && mask[heads[i]!]) heads[i] = heads[heads[i]!]!;
    }
    for (let i = 1; i <= n; i++) if (mask[i]) heads[i] = -1;
    return this.attach(input, punctLabel, gold);
  }

  /**
   * Attaches every punctuation mark, left to right, with relation `punctLabel`. With `gold` heads
   * (training) the model learns, and each mark is attached where the gold tree has it when that
   * keeps the tree projective. Returns how many marks got their gold head.
   */
  private attach(input: AttachInput, punctLabel: number, gold?: Int32Array): number {
    const { n, mask, heads, labels } = input;
    // Span of each word's subtree, among the words present so far.
    const spanStart = new Int32Array(n + 2);
    const spanEnd = new Int32Array(n + 2);
    for (let i = 1; i <= n; i++) {
      spanStart[i] = spanEnd[i] = i;
    }
    for (let i = 1; i <= n; i++) if (!mask[i]) widen(heads, spanStart, spanEnd, i);
    let correct = 0;
    let previousMark = 0;
    for (let p = 1; p <= n; p++) {
      if (!mask[p]) continue;
      const count = this.gather(input, p, spanStart, spanEnd);
      let best = 0;
      let bestScore = -Infinity;
      let goldIndex = -1;
      for (let c = 0; c < count; c++) {
        this.extract(input, p, c, spanStart, spanEnd, previousMark);
        const score = this.model.score(this.features.buckets, this.features.length, this.score)[0]!;
        if (score > bestScore) [best, bestScore] = [c, score];
        if (gold && this.candidates[c] === gold[p]) goldIndex = c;
      }
      let chosen = best;
      if (gold && goldIndex >= 0) {
        if (goldIndex !== best) {
          this.extract(input, p, goldIndex, spanStart, spanEnd, previousMark);
          this.model.adjust(0, this.features.buckets, this.features.length, 1);
          this.extract(input, p, best, spanStart, spanEnd, previousMark);
          this.model.adjust(0, this.features.buckets, this.features.length, -1);
        } else {
          correct++;
        }
        this.model.tick();
        chosen = goldIndex;
      }
      heads[p] = this.candidates[chosen]!;
      labels[p] = punctLabel;
      widen(heads, spanStart, spanEnd, p);
      previousMark = p;
    }
    return correct;
  }

  /**
   * The heads mark p may take without crossing an arc: up from its left neighbour while the subtree
   * so far ends before p, and up from its right neighbour while it starts after p.
   */
  private gather(input: AttachInput, p: number, spanStart: Int32Array, spanEnd: Int32Array): number {
    const { n, mask, heads } = input;
    let count = 0;
    const push = (word: number, side: number, rank: number, from: number): void => {
      if (mask[word] || count >= MAX_CANDIDATES) return;
      for (let c = 0; c < count; c++) if (this.candidates[c] === word) return;
      this.candidates[count] = word;
      this.sides[count] = side;
      this.ranks[count] = rank;
      this.below[count++] = from;
    };
    // Left: the nearest word or already attached mark.
    let x = p - 1;
    while (x >= 1 && mask[x] && heads[x]! < 0) x--;
    for (let rank = 0, from = 0; x >= 1; rank++) {
      push(x, LEFT_SIDE, rank, from);
      const up = heads[x]!;
      if (up <= 0 || spanEnd[x]! > p) break;
      if (up > p) {
        push(up, RIGHT_SIDE, 9, x);
        break;
      }
      from = x;
      x = up;
    }
    // Right: the nearest word (marks to the right are not attached yet).
    x = p + 1;
    while (x <= n && mask[x]) x++;
    for (let rank = 0, from = 0; x <= n; rank++) {
      push(x, RIGHT_SIDE, rank, from);
      const up = heads[x]!;
      if (up <= 0 || spanStart[x]! < p) break;
      if (up < p) {
        push(up, LEFT_SIDE, 9, x);
        break;
      }
      from = x;
      x = up;
    }
    // Never reached on a projective tree; a mark without candidates hangs from the root word.
    if (count === 0) for (let i = 1; i <= n && count === 0; i++) if (heads[i] === 0) push(i, LEFT_SIDE, 9, 0);
    return count;
  }

  private extract(input: AttachInput, p: number, c: number, spanStart: Int32Array, spanEnd: Int32Array, previousMark: number): void {
    const f = this.features;
    f.clear();
    const { n, words, upos, xpos, heads, labels } = input;
    const w = words.norm;
    const head = this.candidates[c]!;
    const side = this.sides[c]!;
    const rank = Math.min(this.ranks[c]!, 9);
    const child = this.below[c]!;
    const mark = w[p]!;
    const ht = upos[head]!, hx = xpos[head]!, hl = labels[head]!;
    const last = p === n ? 1 : 0;
    const atRoot = heads[head] === 0 ? 1 : 0;
    const markSide = mixHash(mark, side);
    const edgeBefore = spanStart[head]! > 1 ? w[spanStart[head]! - 1]! : 1;
    const edgeAfter = spanEnd[head]! < n ? w[spanEnd[head]! + 1]! : 1;
    const previous = previousMark ? w[previousMark]! : 0;
    const sameAsPrevious = previousMark && heads[previousMark] === head ? 1 : 0;
    f.add(0, markSide);
    f.add(1, markSide, rank);
    f.add(2, markSide, ht);
    f.add(3, markSide, hx);
    f.add(4, markSide, hl);
    f.add(5, markSide, hl, ht);
    f.add(6, markSide, w[head]!);
    f.add(7, markSide, hl, child ? labels[child]! : -1);
    f.add(8, markSide, mixHash(edgeBefore, edgeAfter));
    f.add(9, markSide, edgeAfter, ht);
    f.add(10, markSide, edgeBefore, ht);
    f.add(11, markSide, mixHash(previous, sameAsPrevious));
    f.add(12, markSide, mixHash(last, atRoot), ht);
    f.add(13, markSide, Math.min(Math.abs(head - p), 6), rank);
    f.add(14, markSide, upos[p - 1] ?? -1, p < n ? upos[p + 1]! : -1);
    f.add(15, markSide, mixHash(hl, rank), mixHash(upos[p - 1] ?? -1, p < n ? upos[p + 1]! : -1));
  }
}

/** Adds word i to the subtree spans of its ancestors. */
function widen(heads: Int32Array, spanStart: Int32Array, spanEnd: Int32Array, i: number): void {
  for (let a = heads[i]!, steps = 0; a > 0 && steps < heads.length; a = heads[a]!, steps++) {
    if (spanStart[a]! > i) spanStart[a] = i;
    if (spanEnd[a]! < i) spanEnd[a] = i;
  }
}
