/**
 * A greedy averaged-perceptron tagger (Collins 2002, in the style of Honnibal's "A good POS tagger
 * in about 200 lines") in two passes: the first predicts Penn Treebank tags (XPOS) left to right;
 * the second predicts UPOS, seeing the first pass's finer tags on both sides. The parser reads
 * both. Frequent words that the treebank always tags alike skip a pass's model (a tag dictionary).
 */
import { AveragedPerceptron, FeatureList, mixHash } from '../learn/index.js';
import type { WordHashes } from './word-features.js';

export const TAGGER_BUCKETS = 1 << 18;

/** Tag value for positions outside the sentence. */
const NO_TAG = -1;

/** One pass: its tag set, its model, and the words it tags without the model. */
export interface TaggerPass {
  tags: readonly string[];
  model: AveragedPerceptron;
  /** Normalized form → tag index. */
  dictionary: ReadonlyMap<string, number>;
}

export class Tagger {
  private readonly features: FeatureList;
  private readonly scores: Float32Array;

  constructor(readonly passes: readonly [xpos: TaggerPass, upos: TaggerPass]) {
    this.features = new FeatureList(passes[0].model.bucketCount);
    this.scores = new Float32Array(Math.max(...passes.map((pass) => pass.tags.length)));
  }

  get xposTags(): readonly string[] {
    return this.passes[0].tags;
  }

  get uposTags(): readonly string[] {
    return this.passes[1].tags;
  }

  /** XPOS and UPOS tag indices of words 1…n (index 0 unused). */
  tag(words: WordHashes, n: number): { xpos: Int32Array; upos: Int32Array } {
    const xpos = this.pass(0, words, n, undefined, undefined);
    return { xpos, upos: this.pass(1, words, n, xpos, undefined) };
  }

  /** Tags one treebank sentence, updating both passes toward the gold tags; returns correct UPOS. */
  train(words: WordHashes, n: number, gold: { xpos: Int32Array; upos: Int32Array }): number {
    const xpos = this.pass(0, words, n, undefined, gold.xpos);
    const upos = this.pass(1, words, n, xpos, gold.upos);
    let correct = 0;
    for (let i = 1; i <= n; i++) if (upos[i] === gold.upos[i]) correct++;
    return correct;
  }

  private pass(index: number, words: WordHashes, n: number, finer: Int32Array | undefined, gold: Int32Array | undefined): Int32Array {
    const { tags, model, dictionary } = this.passes[index]!;
    const out = new Int32Array(n + 1).fill(NO_TAG);
    const features = this.features;
    for (let i = 1; i <= n; i++) {
      const known = dictionary.get(words.norms[i]!);
      if (known !== undefined) {
        out[i] = known;
        continue;
      }
      features.clear();
      addFeatures(features, words, n, i, out, finer);
      const scores = model.score(features.buckets, features.length, this.scores);
      const guess = AveragedPerceptron.best(scores, tags.length);
      if (gold) {
        model.update(gold[i]!, guess, features.buckets, features.length);
        model.tick();
      }
      // Training follows its own guesses, as tagging will.
      out[i] = guess;
    }
    return out;
  }
}

function addFeatures(f: FeatureList, w: WordHashes, n: number, i: number, tags: Int32Array, finer: Int32Array | undefined): void {
  const p1 = i > 1 ? tags[i - 1]! : NO_TAG;
  const p2 = i > 2 ? tags[i - 2]! : NO_TAG;
  const before = Math.max(i - 1, 0);
  const before2 = Math.max(i - 2, 0);
  const norm = w.norm[i]!;
  f.add(0, 0);
  f.add(1, norm);
  f.add(2, w.form[i]!);
  f.add(3, w.suffix1[i]!);
  f.add(4, w.suffix2[i]!);
  f.add(5, w.suffix3[i]!);
  f.add(6, w.suffix4[i]!);
  f.add(7, w.prefix1[i]!);
  f.add(8, w.prefix2[i]!);
  f.add(9, w.prefix3[i]!);
  f.add(10, w.shape[i]!);
  f.add(11, w.flags[i]!);
  f.add(12, w.norm[before]!);
  f.add(13, w.norm[before2]!);
  f.add(14, w.norm[i + 1]!);
  f.add(15, w.norm[i + 2]!);
  f.add(16, w.suffix3[before]!);
  f.add(17, w.suffix3[i + 1]!);
  f.add(18, p1);
  f.add(19, p1, p2);
  f.add(20, p1, norm);
  f.add(21, w.norm[before]!, norm);
  f.add(22, norm, w.norm[i + 1]!);
  f.add(23, w.shape[i + 1]!);
  f.add(24, p1, w.suffix3[i]!);
  f.add(25, w.shape[before]!, w.shape[i]!);
  f.add(26, w.flags[i]!, w.suffix3[i]!);
  if (finer) {
    const x0 = finer[i]!;
    const x1 = i < n ? finer[i + 1]! : NO_TAG;
    const x2 = i + 1 < n ? finer[i + 2]! : NO_TAG;
    const xp = i > 1 ? finer[i - 1]! : NO_TAG;
    f.add(30, x0);
    f.add(31, x0, norm);
    f.add(32, x1);
    f.add(33, x1, x2);
    f.add(34, p1, x1);
    f.add(35, x0, x1);
    f.add(36, xp, x0);
    f.add(37, norm, x1);
    f.add(38, mixHash(p1, p2), x1);
    f.add(39, x0, w.suffix3[i]!);
  }
}
