/**
 * A greedy arc-eager dependency parser with non-monotonic transitions (Honnibal, Goldberg & Johnson
 * 2013; see also Honnibal & Johnson 2015): LEFT may replace a head a word took by RIGHT, and REDUCE
 * gives a word that has none the word below it, so an early wrong move can still be repaired. It is
 * trained with a dynamic oracle (Goldberg & Nivre 2012, 2013) extended to those moves: during training it
 * follows its own, sometimes wrong, transitions and learns the best move from each state it
 * reaches. Features follow Zhang & Nivre (2011): words and tags of the stack and buffer, s0's head,
 * the leftmost and rightmost children and their labels, valency, distance and label sets, hashed
 * into a four-class averaged perceptron.
 *
 * Labels come from a second, separate perceptron asked as a word leaves the stack (LEFT or REDUCE:
 * its subtree is complete then), which keeps the transition model at four classes instead of one
 * per label and direction; the labels it gives feed the parser's label features.
 */
import { AveragedPerceptron, FeatureList, mixHash } from '../learn/index.js';
import type { Tagger } from './tagger.js';
import type { WordHashes } from './word-features.js';

export const PARSER_BUCKETS = 1 << 21;
export const LABELER_BUCKETS = 1 << 17;

const SHIFT = 0;
const LEFT = 1;
const RIGHT = 2;
const REDUCE = 3;
/** SHIFT, LEFT, RIGHT and REDUCE: the classes of the transition perceptron. */
export const TRANSITIONS = 4;
const NO_TAG = -1;
const NO_LABEL = -1;

/** A sentence ready for parsing: word hashes and UPOS and XPOS tag indices, indexed 0 (root) … n. */
export interface ParserInput {
  n: number;
  words: WordHashes;
  tags: Int32Array;
  xtags: Int32Array;
}

/** The gold tree, for training: heads and label indices of words 1…n. */
export interface GoldTree {
  heads: Int32Array;
  labels: Int32Array;
}

/** The parser's view of a sentence: word hashes and tags, the root's tag at 0, none past the end. */
export function parserInput(words: WordHashes, n: number, tags: { upos: Int32Array; xpos: Int32Array }, tagger: Tagger): ParserInput {
  const pad = (ids: Int32Array, rootTag: number) => {
    const padded = new Int32Array(n + 3).fill(NO_TAG);
    padded.set(ids.subarray(1, n + 1), 1);
    padded[0] = rootTag;
    return padded;
  };
  return { n, words, tags: pad(tags.upos, tagger.uposTags.length), xtags: pad(tags.xpos, tagger.xposTags.length) };
}

export interface ParseResult {
  heads: Int32Array;
  labels: Int32Array;
}

/**
 * The parser's configuration: stack, buffer front, arcs so far and what features need of them. The
 * root (word 0) waits at the end of the buffer (Ballesteros & Nivre 2013), after word n.
 */
class State {
  readonly none: number;
  readonly stack: Int32Array;
  depth = 0;
  /** Buffer front; n + 1 once only the root is left. */
  front = 1;
  readonly heads: Int32Array;
  readonly labels: Int32Array;
  readonly left1: Int32Array;
  readonly left2: Int32Array;
  readonly right1: Int32Array;
  readonly right2: Int32Array;
  readonly leftCount: Int32Array;
  readonly rightCount: Int32Array;
  readonly leftLabels: Int32Array;
  readonly rightLabels: Int32Array;

  constructor(readonly n: number) {
    // Index n + 1 stands for "no such word": its word hashes are padding, its tag NO_TAG.
    this.none = n + 1;
    const size = n + 2;
    this.stack = new Int32Array(size);
    this.heads = new Int32Array(size).fill(-1);
    this.labels = new Int32Array(size).fill(NO_LABEL);
    this.left1 = new Int32Array(size).fill(this.none);
    this.left2 = new Int32Array(size).fill(this.none);
    this.right1 = new Int32Array(size).fill(this.none);
    this.right2 = new Int32Array(size).fill(this.none);
    this.leftCount = new Int32Array(size);
    this.rightCount = new Int32Array(size);
    // Two 32-bit halves per word: labels below 64 as bits.
    this.leftLabels = new Int32Array(size * 2);
    this.rightLabels = new Int32Array(size * 2);
  }

  get done(): boolean {
    return this.front > this.n && this.depth === 0;
  }

  stackAt(k: number): number {
    return this.depth > k ? this.stack[this.depth - 1 - k]! : this.none;
  }

  /** The k-th word of the buffer: the root (0) right after word n. */
  bufferAt(k: number): number {
    const at = this.front + k;
    return at <= this.n ? at : at === this.n + 1 ? 0 : this.none;
  }

  legal(transition: number): boolean {
    if (this.front > this.n) {
      // Only the root is left: the stack is reduced to its last word, which the root takes.
      return transition === REDUCE ? this.depth > 1 : transition === LEFT && this.depth === 1;
    }
    switch (transition) {
      case SHIFT:
        return true;
      case REDUCE:
        return this.depth > 1;
      default:
        return this.depth > 0;
    }
  }

  /** The (head, dependent) arc a transition completes as it pops the dependent (labelled then), or undefined. */
  popped(transition: number): [number, number] | undefined {
    const s0 = this.stackAt(0);
    if (transition === LEFT) return [this.bufferAt(0), s0];
    if (transition === REDUCE) return [this.heads[s0]! >= 0 ? this.heads[s0]! : this.stackAt(1), s0];
    return undefined;
  }

  /** `label` is that of the arc the transition completes (see `popped`). */
  apply(transition: number, label: number): void {
    const s0 = this.stackAt(0);
    switch (transition) {
      case SHIFT:
        this.stack[this.depth++] = this.front++;
        return;
      case RIGHT:
        this.attach(s0, this.front);
        this.stack[this.depth++] = this.front++;
        return;
      case LEFT:
        // Non-monotonic (Honnibal, Goldberg & Johnson 2013): a head s0 took by RIGHT is replaced.
        if (this.heads[s0]! >= 0) this.detach(s0);
        this.attach(this.bufferAt(0), s0);
        break;
      default:
        // Non-monotonic too: a word reduced without a head takes the one below it.
        if (this.heads[s0]! < 0) this.attach(this.stackAt(1), s0);
    }
    this.depth--;
    this.labels[s0] = label;
    const head = this.heads[s0]!;
    if (head === 0 || label < 0) return;
    const bits = s0 < head ? this.leftLabels : this.rightLabels;
    bits[head * 2 + (label >= 32 ? 1 : 0)]! |= 1 << (label & 31);
  }

  private attach(head: number, dependent: number): void {
    this.heads[dependent] = head;
    if (head === 0) return;
    if (dependent < head) {
      // Left dependents come right to left: each new one is the leftmost so far.
      this.left2[head] = this.left1[head]!;
      this.left1[head] = dependent;
      this.leftCount[head]!++;
    } else {
      // Right dependents come left to right.
      this.right2[head] = this.right1[head]!;
      this.right1[head] = dependent;
      this.rightCount[head]!++;
    }
  }

  /** Undoes a RIGHT arc: its dependent, still on the stack and unlabelled, is its head's rightmost child. */
  private detach(dependent: number): void {
    const head = this.heads[dependent]!;
    this.heads[dependent] = -1;
    this.rightCount[head]!--;
    const next = this.right2[head]!;
    this.right1[head] = next;
    let second = this.none;
    if (next !== this.none) for (let k = next - 1; k > head && second === this.none; k--) if (this.heads[k] === head) second = k;
    this.right2[head] = second;
  }

  /**
   * Dynamic-oracle cost: how many gold arcs, still reachable, the transition makes unreachable. A
   * word on the stack with a head can still take one from the buffer (LEFT replaces it), and a word
   * without one can still take the word below it (REDUCE), so SHIFT and RIGHT would often cost the
   * same; as in Honnibal et al. (2013), the detour costs one more: RIGHT when b0's head is s0, SHIFT
   * when it is further on. One way of building each arc, the same every time, is easier to learn
   * (the README's syntax section gives the scores); the other stays open to repair an error.
   */
  cost(transition: number, gold: Int32Array): number {
    const s0 = this.stackAt(0);
    const front = this.front;
    const n = this.n;
    const inBuffer = (word: number) => word >= front && word <= n;
    let cost = 0;
    if (front > n) return 0;
    if (transition === SHIFT || transition === RIGHT) {
      const b0 = front;
      for (let k = 0; k < this.depth; k++) {
        const item = this.stack[k]!;
        if (gold[item] === b0) cost++;
        if (item !== s0 && gold[b0] === item) cost++;
      }
      if (gold[b0] === 0 && this.depth > 0) cost++;
      if (transition === SHIFT ? this.depth > 0 && gold[b0] === s0 : gold[b0] !== s0 && inBuffer(gold[b0]!)) cost++;
      return cost;
    }
    for (let d = front; d <= n; d++) if (gold[d] === s0) cost++;
    const head = gold[s0]!;
    if (transition === REDUCE) return cost + (inBuffer(head) ? 1 : 0);
    // LEFT: s0 takes b0 and leaves; its gold head is lost if s0 could still have reached it.
    if (head === front) return cost;
    const own = this.heads[s0]!;
    const reachable = inBuffer(head) || head === own || (own < 0 && (this.depth > 1 ? head === this.stackAt(1) : head === 0));
    return cost + (reachable ? 1 : 0);
  }
}

export class Parser {
  private readonly features: FeatureList;
  private readonly labelFeatures: FeatureList;
  private readonly scores = new Float32Array(TRANSITIONS);
  private readonly labelScores: Float32Array;
  /** Index of "root", the only label of an arc from word 0. */
  private readonly rootLabel: number;

  constructor(
    readonly labelNames: readonly string[],
    readonly transitions: AveragedPerceptron,
    readonly labeler: AveragedPerceptron,
  ) {
    this.features = new FeatureList(transitions.bucketCount);
    this.labelFeatures = new FeatureList(labeler.bucketCount);
    this.labelScores = new Float32Array(labelNames.length);
    this.rootLabel = labelNames.indexOf('root');
    if (this.rootLabel < 0) throw new Error('the label set has no "root"');
    if (labelNames.length > 64) throw new Error('at most 64 dependency labels');
  }

  parse(input: ParserInput): ParseResult {
    const state = new State(input.n);
    while (!state.done) {
      const transition = this.bestTransition(state, input);
      state.apply(transition, this.label(state, input, transition));
    }
    return { heads: state.heads.slice(0, input.n + 1), labels: state.labels.slice(0, input.n + 1) };
  }

  /**
   * Parses one training sentence, updating both models; `explore` is the chance of following the
   * model's own transition when it is wrong. Returns the number of correct heads (and the heads
   * and labels it reached in `predicted`, when given).
   */
  train(input: ParserInput, gold: GoldTree, explore: number, random: () => number, predicted?: ParseResult): number {
    const state = new State(input.n);
    const costs = new Int32Array(TRANSITIONS);
    while (!state.done) {
      this.extract(state, input);
      const scores = this.transitions.score(this.features.buckets, this.features.length, this.scores);
      let minCost = Infinity;
      for (let t = 0; t < TRANSITIONS; t++) {
        costs[t] = state.legal(t) ? state.cost(t, gold.heads) : -1;
        if (costs[t]! >= 0 && costs[t]! < minCost) minCost = costs[t]!;
      }
      const guess = AveragedPerceptron.best(scores, TRANSITIONS, (t) => costs[t]! >= 0);
      const best = AveragedPerceptron.best(scores, TRANSITIONS, (t) => costs[t] === minCost);
      this.transitions.update(best, guess, this.features.buckets, this.features.length);
      this.transitions.tick();
      const next = guess === best || random() < explore ? guess : best;
      const arc = state.popped(next);
      let label = NO_LABEL;
      if (arc) {
        label = this.label(state, input, next);
        const [head, dependent] = arc;
        if (head !== 0 && gold.heads[dependent] === head) {
          this.labeler.update(gold.labels[dependent]!, label, this.labelFeatures.buckets, this.labelFeatures.length);
          this.labeler.tick();
        }
      }
      state.apply(next, label);
    }
    let correct = 0;
    for (let i = 1; i <= input.n; i++) if (state.heads[i] === gold.heads[i]) correct++;
    predicted?.heads.set(state.heads.subarray(0, input.n + 1));
    predicted?.labels.set(state.labels.subarray(0, input.n + 1));
    return correct;
  }

  private bestTransition(state: State, input: ParserInput): number {
    this.extract(state, input);
    const scores = this.transitions.score(this.features.buckets, this.features.length, this.scores);
    return AveragedPerceptron.best(scores, TRANSITIONS, (t) => state.legal(t));
  }

  /** The label of the arc the transition completes (NO_LABEL for SHIFT and RIGHT); fills `labelFeatures`. */
  private label(state: State, input: ParserInput, transition: number): number {
    const arc = state.popped(transition);
    if (!arc) return NO_LABEL;
    const [head, dependent] = arc;
    if (head === 0) return this.rootLabel;
    this.extractLabel(state, input, head, dependent);
    const scores = this.labeler.score(this.labelFeatures.buckets, this.labelFeatures.length, this.labelScores);
    return AveragedPerceptron.best(scores, this.labelNames.length, (l) => l !== this.rootLabel);
  }

  private extract(state: State, input: ParserInput): void {
    const f = this.features;
    f.clear();
    const w = input.words.norm;
    const t = input.tags;
    const L = state.labels;
    const s0 = state.stackAt(0);
    const s1 = state.stackAt(1);
    const s2 = state.stackAt(2);
    const b0 = state.bufferAt(0);
    const b1 = state.bufferAt(1);
    const b2 = state.bufferAt(2);
    const s0l = state.left1[s0]!;
    const s0l2 = state.left2[s0]!;
    const s0r = state.right1[s0]!;
    const s0r2 = state.right2[s0]!;
    const b0l = state.left1[b0]!;
    const b0l2 = state.left2[b0]!;
    const s1r = state.right1[s1]!;
    const s1l = state.left1[s1]!;

    const s0w = w[s0]!, s0t = t[s0]!, s1w = w[s1]!, s1t = t[s1]!, b0w = w[b0]!, b0t = t[b0]!;
    const b1w = w[b1]!, b1t = t[b1]!, b2t = t[b2]!, s2t = t[s2]!;
    const s0wt = mixHash(s0w, s0t), s1wt = mixHash(s1w, s1t), b0wt = mixHash(b0w, b0t);

    f.add(0, 0);
    // Single words.
    f.add(1, s0w); f.add(2, s0t); f.add(3, s0wt);
    f.add(4, s1w); f.add(5, s1t); f.add(6, s1wt);
    f.add(7, w[s2]!); f.add(8, s2t);
    f.add(9, b0w); f.add(10, b0t); f.add(11, b0wt);
    f.add(12, b1w); f.add(13, b1t); f.add(14, mixHash(b1w, b1t));
    f.add(15, w[b2]!); f.add(16, b2t);
    // Children of s0, s1 and b0, with their labels.
    f.add(20, w[s0l]!); f.add(21, t[s0l]!); f.add(22, L[s0l]!);
    f.add(23, w[s0l2]!); f.add(24, t[s0l2]!); f.add(25, L[s0l2]!);
    f.add(26, w[s0r]!); f.add(27, t[s0r]!); f.add(28, L[s0r]!);
    f.add(29, w[s0r2]!); f.add(30, t[s0r2]!); f.add(31, L[s0r2]!);
    f.add(32, w[b0l]!); f.add(33, t[b0l]!); f.add(34, L[b0l]!);
    f.add(35, w[b0l2]!); f.add(36, t[b0l2]!); f.add(37, L[b0l2]!);
    f.add(38, w[s1r]!); f.add(39, t[s1r]!); f.add(40, L[s1r]!);
    f.add(41, w[s1l]!); f.add(42, t[s1l]!); f.add(43, L[s1l]!);
    // Pairs.
    f.add(50, s0wt, b0wt);
    f.add(51, s0wt, b0w);
    f.add(52, s0w, b0wt);
    f.add(53, s0wt, b0t);
    f.add(54, s0t, b0wt);
    f.add(55, s0w, b0w);
    f.add(56, s0t, b0t);
    f.add(57, b0t, b1t);
    f.add(58, s1wt, s0wt);
    f.add(59, s1w, s0w);
    f.add(60, s1t, s0t);
    f.add(61, s1t, s0w);
    f.add(62, s1w, s0t);
    f.add(63, s0w, b0w, b1t);
    f.add(64, b0w, b1w);
    // Tag trigrams.
    f.add(70, b0t, b1t, b2t);
    f.add(71, s0t, b0t, b1t);
    f.add(72, s1t, s0t, b0t);
    f.add(73, s0t, t[s0l]!, b0t);
    f.add(74, s0t, t[s0r]!, b0t);
    f.add(75, s0t, b0t, t[b0l]!);
    f.add(76, s1t, s0t, t[s0l]!);
    f.add(77, s1t, s0t, t[s0r]!);
    f.add(78, s1t, t[s1r]!, s0t);
    f.add(79, s0t, t[s0l]!, t[s0l2]!);
    f.add(80, s0t, t[s0r]!, t[s0r2]!);
    f.add(81, b0t, t[b0l]!, t[b0l2]!);
    f.add(82, s2t, s1t, s0t);
    f.add(83, s1t, s0t, b1t);
    // Distances, capped.
    const d0 = s0 < state.none && b0 < state.none ? Math.min(state.front - s0, 6) : 0;
    const d1 = s1 < state.none && s0 < state.none ? Math.min(s0 - s1, 6) : 0;
    f.add(90, d0, s0w); f.add(91, d0, s0t); f.add(92, d0, b0w); f.add(93, d0, b0t); f.add(94, d0, s0t, b0t);
    f.add(95, d1, s1t, s0t); f.add(96, d1, s0w); f.add(97, d1, s1w); f.add(98, d1, s1t); f.add(99, d1, s0t);
    // Valency.
    const s0vl = state.leftCount[s0]!, s0vr = state.rightCount[s0]!, b0vl = state.leftCount[b0]!, s1vr = state.rightCount[s1]!;
    f.add(100, s0w, s0vr); f.add(101, s0t, s0vr); f.add(102, s0w, s0vl); f.add(103, s0t, s0vl);
    f.add(104, b0w, b0vl); f.add(105, b0t, b0vl); f.add(106, s1t, s1vr);
    // Label sets.
    const ll = state.leftLabels, rl = state.rightLabels;
    const s0ls = mixHash(ll[s0 * 2]!, ll[s0 * 2 + 1]!), s0rs = mixHash(rl[s0 * 2]!, rl[s0 * 2 + 1]!);
    const b0ls = mixHash(ll[b0 * 2]!, ll[b0 * 2 + 1]!), s1rs = mixHash(rl[s1 * 2]!, rl[s1 * 2 + 1]!);
    f.add(110, s0w, s0rs); f.add(111, s0t, s0rs); f.add(112, s0w, s0ls); f.add(113, s0t, s0ls);
    f.add(114, b0w, b0ls); f.add(115, b0t, b0ls); f.add(116, s1t, s1rs);
    // Penn tags: finer verb forms (VBD/VBN/VBG), TO, POS, WDT …
    const x = input.xtags;
    const s0x = x[s0]!, s1x = x[s1]!, b0x = x[b0]!, b1x = x[b1]!;
    f.add(120, s0x); f.add(121, s1x); f.add(122, b0x); f.add(123, b1x);
    f.add(124, s0x, b0x); f.add(125, s1x, s0x); f.add(126, s0x, b0x, b1x); f.add(127, s1x, s0x, b0x);
    f.add(128, s0w, b0x); f.add(129, s0x, b0w); f.add(130, s1x, b0x);
    // s1 and b0 compete for s0 as their dependent.
    f.add(131, s1w, s0t, b0t); f.add(132, s1t, s0t, b0w); f.add(133, s1t, b0t);
    const suffix = input.words.suffix3;
    f.add(134, suffix[s0]!, s0t); f.add(135, suffix[b0]!, b0t);
    // The head s0 took by RIGHT, if any (LEFT may replace it; REDUCE keeps it, or gives s1).
    const s0h = s0 < state.none && state.heads[s0]! > 0 ? state.heads[s0]! : state.none;
    const s0hasHead = s0h === state.none ? 0 : 1;
    f.add(140, w[s0h]!); f.add(141, t[s0h]!); f.add(142, s0hasHead, s0t, b0t); f.add(143, t[s0h]!, s0t, b0t);
    f.add(144, s0hasHead, s0w, b0w); f.add(145, s0hasHead, s1t, s0t); f.add(146, t[s0h]!, s0w);
  }

  private extractLabel(state: State, input: ParserInput, head: number, dependent: number): void {
    const f = this.labelFeatures;
    f.clear();
    const words = input.words;
    const w = words.norm;
    const t = input.tags;
    const L = state.labels;
    const hw = w[head]!, ht = t[head]!, dw = w[dependent]!, dt = t[dependent]!;
    const direction = dependent < head ? 1 : 2;
    const distance = Math.min(Math.abs(head - dependent), 6);
    const dl = state.left1[dependent]!, dl2 = state.left2[dependent]!, dr = state.right1[dependent]!;
    const hl = state.left1[head]!, hr = state.right1[head]!;
    const ll = state.leftLabels, rl = state.rightLabels;
    const dls = mixHash(ll[dependent * 2]!, ll[dependent * 2 + 1]!), drs = mixHash(rl[dependent * 2]!, rl[dependent * 2 + 1]!);
    const hls = mixHash(ll[head * 2]!, ll[head * 2 + 1]!), hrs = mixHash(rl[head * 2]!, rl[head * 2 + 1]!);
    const after = dependent + 1 <= input.n ? dependent + 1 : state.none;
    f.add(0, direction);
    f.add(1, dw, direction); f.add(2, dt, direction); f.add(3, hw, direction); f.add(4, ht, direction);
    f.add(5, dt, ht, direction); f.add(6, dw, ht, direction); f.add(7, dt, hw, direction); f.add(8, dw, hw);
    f.add(9, dt, ht, distance * 4 + direction);
    f.add(10, words.form[dependent]!); f.add(11, words.suffix3[dependent]!, dt); f.add(12, words.shape[dependent]!, dt);
    f.add(13, w[dl]!, dt); f.add(14, t[dl]!, dt, ht); f.add(15, L[dl]!, dt); f.add(16, w[dl2]!, dt); f.add(17, L[dr]!, dt); f.add(18, t[dr]!, dt);
    f.add(19, w[dl]!, ht, direction); f.add(20, w[dl]!, dt, ht);
    f.add(21, dls, dt); f.add(22, drs, dt); f.add(23, dls, drs, dt);
    f.add(24, hls, dt, direction); f.add(25, hrs, dt, direction); f.add(26, hls, ht, dt);
    f.add(27, L[hl]!, dt, direction); f.add(28, L[hr]!, dt, direction); f.add(29, t[hl]!, dt, ht);
    f.add(30, t[dependent - 1]!, dt, ht); f.add(31, t[after]!, dt, ht);
    f.add(32, words.suffix3[head]!, ht, dt);
    f.add(33, w[dependent - 1]!, dt);
    const x = input.xtags;
    f.add(34, x[dependent]!, x[head]!, direction); f.add(35, x[dependent]!, hw); f.add(36, dw, x[head]!);
    f.add(37, x[dl]!, x[dependent]!); f.add(38, hls, x[dependent]!, x[head]!);
  }
}

/** The tree the dynamic oracle builds when always taking a zero-cost transition (for tests: it must equal any projective gold tree). */
export function oracleTree(gold: Int32Array, n: number): Int32Array {
  const state = new State(n);
  while (!state.done) {
    let next = -1;
    for (let t = 0; t < TRANSITIONS && next < 0; t++) if (state.legal(t) && state.cost(t, gold) === 0) next = t;
    if (next < 0) throw new Error('no zero-cost transition: the gold tree is not projective');
    state.apply(next, NO_LABEL);
  }
  return state.heads.slice(0, n + 1);
}
