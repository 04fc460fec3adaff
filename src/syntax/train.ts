/**
 * Training the tagger and the parser from a UD treebank: seeded, so the same data and options give
 * the same weights. Used by `npm run train:syntax` and by the tests (on a tiny treebank).
 */
import { AveragedPerceptron } from '../learn/index.js';
import type { ConlluSentence } from './conllu.js';
import { buildLemmaTable } from './lemma.js';
import { SyntaxModel } from './model.js';
import { LABELER_BUCKETS, PARSER_BUCKETS, Parser, TRANSITIONS, parserInput } from './parser.js';
import { projectivize } from './projectivize.js';
import { PUNCTUATION_BUCKETS, PunctuationAttacher } from './punctuation.js';
import { TAGGER_BUCKETS, Tagger } from './tagger.js';
import { hashWords, type WordHashes } from './word-features.js';

export interface TrainOptions {
  taggerEpochs: number;
  parserEpochs: number;
  /** Folds for jackknifed training tags (the parser learns from tags as noisy as at run time); 1 = gold tags. */
  folds: number;
  seed: number;
  /**
   * Parsers trained one after the other (each its own shuffles and explorations) and averaged into
   * one: their score-level ensemble at the cost of one parser. Default 1.
   */
  parsers?: number;
  /** Chance of following the parser's own wrong transition after the first epoch. */
  explore: number;
  /** Smaller hash tables for tests. */
  buckets?: { tagger: number; parser: number; labeler: number; punctuation: number };
  /**
   * Called after each epoch with the model so far (averaged copy) — for dev scores. A number
   * returned after a parser epoch scores that model (higher is better, e.g. dev LAS): training then
   * keeps the best-scoring epoch's parser instead of the last (early stopping).
   */
  onEpoch?: (stage: 'tagger' | 'parser', epoch: number, trainAccuracy: number, model: () => SyntaxModel) => number | void;
  log?: (line: string) => void;
  /** A tagger already trained on this treebank and its jackknifed training tags: only the parser is trained (for experiments). */
  tagging?: Tagging;
  /** Called with the tagger stage's results when it ran (to keep them for parser-only runs). */
  onTagging?: (tagging: Tagging) => void;
}

/** The tagger stage's results: the tagger, and the training sentences' tags as the parser learns from them. */
export interface Tagging {
  tagger: Tagger;
  trainingTags: { upos: Int32Array; xpos: Int32Array }[];
}

interface Example {
  n: number;
  words: WordHashes;
  upos: Int32Array;
  xpos: Int32Array;
  /** Made projective (what the parser learns) and as the treebank has them (what the punctuation attacher learns). */
  heads: Int32Array;
  goldHeads: Int32Array;
  labels: Int32Array;
}

/** A small deterministic generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

export function trainSyntaxModel(treebank: readonly ConlluSentence[], options: TrainOptions): SyntaxModel {
  const log = options.log ?? (() => {});
  const random = seededRandom(options.seed);
  const uposTags = [...new Set(treebank.flatMap((s) => s.words.map((w) => w.upos)))].sort();
  const xposTags = [...new Set(treebank.flatMap((s) => s.words.map((w) => w.xpos)))].sort();
  const labels = [...new Set(treebank.flatMap((s) => s.words.map((w) => w.deprel)))].sort();
  if (!labels.includes('root')) labels.push('root');
  const buckets = options.buckets ?? { tagger: TAGGER_BUCKETS, parser: PARSER_BUCKETS, labeler: LABELER_BUCKETS, punctuation: PUNCTUATION_BUCKETS };
  const examples: Example[] = treebank.map((sentence) => {
    const n = sentence.words.length;
    const heads = new Int32Array(n + 1).fill(-1);
    const labelIds = new Int32Array(n + 1).fill(-1);
    sentence.words.forEach((word, index) => {
      heads[index + 1] = word.head;
      labelIds[index + 1] = labels.indexOf(word.deprel);
    });
    return {
      n,
      words: hashWords(sentence.words.map((w) => w.form)),
      upos: Int32Array.from([-1, ...sentence.words.map((w) => uposTags.indexOf(w.upos))]),
      xpos: Int32Array.from([-1, ...sentence.words.map((w) => xposTags.indexOf(w.xpos))]),
      heads: projectivize(heads, n),
      goldHeads: heads,
      labels: labelIds,
    };
  });
  const xposDictionary = buildTagDictionary(examples, (example) => example.xpos);
  const uposDictionary = buildTagDictionary(examples, (example) => example.upos);
  log(
    `${examples.length} sentences, ${xposTags.length} XPOS and ${uposTags.length} UPOS tags, ${labels.length} labels, ` +
      `${xposDictionary.size} and ${uposDictionary.size} words in the tag dictionaries`,
  );
  const lemmas = buildLemmaTable(treebank);

  const newTagger = () =>
    new Tagger([
      { tags: xposTags, model: new AveragedPerceptron(xposTags.length, buckets.tagger), dictionary: xposDictionary },
      { tags: uposTags, model: new AveragedPerceptron(uposTags.length, buckets.tagger), dictionary: uposDictionary },
    ]);
  const trainTagger = (tagger: Tagger, data: Example[], report: boolean) => {
    const order = data.slice();
    for (let epoch = 1; epoch <= options.taggerEpochs; epoch++) {
      let correct = 0;
      let total = 0;
      for (const example of shuffle(order, random)) {
        correct += tagger.train(example.words, example.n, example);
        total += example.n;
      }
      if (report) options.onEpoch?.('tagger', epoch, correct / total, () => snapshot(tagger, undefined, undefined));
    }
    for (const pass of tagger.passes) pass.model.finalize();
  };

  const { tagger, trainingTags } = options.tagging ?? tagTraining();
  if (!options.tagging) options.onTagging?.({ tagger, trainingTags });

  // The model's own rule for what is punctuation, applied to the tags the parser learns from.
  const blank = snapshot(tagger, undefined, undefined);
  const inputs = examples.map((example, index) => {
    const tags = trainingTags[index]!;
    return { example, tags, mask: blank.punctuationOf(tags.upos, example.n), input: parserInput(example.words, example.n, tags, tagger) };
  });
  const punctLabel = labels.indexOf('punct');
  const members: SyntaxModel[] = [];
  const parserCount = options.parsers ?? 1;
  for (let member = 1; member <= parserCount; member++) {
    if (parserCount > 1) log(`parser ${member} of ${parserCount}`);
    members.push(trainParser());
  }
  if (members.length === 1) return members[0]!;
  // The transitions and the punctuation attacher are averaged; the labeler is the first parser's
  // (averaged, it scored the same on EWT dev, its sparse rows 50% fuller and slower to read).
  const transitions = AveragedPerceptron.mean(members.map((model) => model.parser.transitions));
  transitions.prune(1 / 128);
  const punctuationModel = AveragedPerceptron.mean(members.map((model) => model.punctuation.model));
  return new SyntaxModel(tagger, new Parser(labels, transitions, members[0]!.parser.labeler), new PunctuationAttacher(punctuationModel), lemmas);

  /** One parser and punctuation attacher, trained on the jackknifed tags: the best epoch's, when `onEpoch` scores them. */
  function trainParser(): SyntaxModel {
    const parser = new Parser(labels, new AveragedPerceptron(TRANSITIONS, buckets.parser), new AveragedPerceptron(labels.length, buckets.labeler));
    const punctuation = new PunctuationAttacher(new AveragedPerceptron(1, buckets.punctuation));
    let best: { score: number; epoch: number; model: SyntaxModel } | undefined;
    for (let epoch = 1; epoch <= options.parserEpochs; epoch++) {
      let correct = 0;
      let total = 0;
      const explore = epoch === 1 ? 0 : options.explore;
      for (const { example, tags, mask, input } of shuffle(inputs.slice(), random)) {
        const tree = { heads: new Int32Array(example.n + 1), labels: new Int32Array(example.n + 1) };
        correct += parser.train(input, { heads: example.heads, labels: example.labels }, explore, random, tree);
        total += example.n;
        // The attacher learns on the trees the parser makes of the training sentences as it learns.
        punctuation.reattach(
          { n: example.n, words: example.words, upos: tags.upos, xpos: tags.xpos, mask, ...tree },
          punctLabel,
          example.goldHeads,
        );
      }
      let candidate: SyntaxModel | undefined;
      const score = options.onEpoch?.('parser', epoch, correct / total, () => (candidate ??= snapshot(tagger, parser, punctuation)));
      if (typeof score === 'number' && (!best || score > best.score)) best = { score, epoch, model: candidate ?? snapshot(tagger, parser, punctuation) };
    }
    if (best) {
      log(`best parser epoch: ${best.epoch}`);
      return best.model;
    }
    parser.transitions.finalize();
    parser.labeler.finalize();
    punctuation.model.finalize();
    return new SyntaxModel(tagger, parser, punctuation, lemmas);
  }

  function tagTraining(): Tagging {
    // Jackknifing: each fold is tagged by a tagger trained on the other folds.
    const trainingTags = examples.map((example) => ({ upos: example.upos, xpos: example.xpos }));
    if (options.folds > 1) {
      for (let fold = 0; fold < options.folds; fold++) {
        const held = examples.filter((_, index) => index % options.folds === fold);
        const tagger = newTagger();
        trainTagger(tagger, examples.filter((_, index) => index % options.folds !== fold), false);
        let correct = 0;
        let total = 0;
        examples.forEach((example, index) => {
          if (index % options.folds !== fold) return;
          trainingTags[index] = tagger.tag(example.words, example.n);
          for (let i = 1; i <= example.n; i++) if (trainingTags[index]!.upos[i] === example.upos[i]) correct++;
          total += example.n;
        });
        log(`jackknife fold ${fold + 1}/${options.folds}: ${held.length} sentences tagged at ${(correct / total).toFixed(4)}`);
      }
    }
    const tagger = newTagger();
    trainTagger(tagger, examples, true);
    return { tagger, trainingTags };
  }

  function snapshot(current: Tagger, currentParser: Parser | undefined, currentPunctuation: PunctuationAttacher | undefined): SyntaxModel {
    const finalized = (model: AveragedPerceptron) => model.finalizedCopy();
    const [xpos, upos] = current.passes;
    const taggerCopy = xpos.model.finalized ? current : new Tagger([{ ...xpos, model: finalized(xpos.model) }, { ...upos, model: finalized(upos.model) }]);
    const parserCopy = currentParser
      ? new Parser(labels, finalized(currentParser.transitions), finalized(currentParser.labeler))
      : new Parser(labels, new AveragedPerceptron(TRANSITIONS, 1), new AveragedPerceptron(labels.length, 1));
    const punctuationCopy = new PunctuationAttacher(currentPunctuation ? finalized(currentPunctuation.model) : new AveragedPerceptron(1, 1));
    return new SyntaxModel(taggerCopy, parserCopy, punctuationCopy, lemmas);
  }
}

/** Frequent words (20+ times) the treebank tags alike 99.5% of the time. */
function buildTagDictionary(examples: readonly Example[], tagsOf: (example: Example) => Int32Array): Map<string, number> {
  const counts = new Map<string, Map<number, number>>();
  for (const example of examples) {
    for (let i = 1; i <= example.n; i++) {
      const norm = example.words.norms[i]!;
      let perTag = counts.get(norm);
      if (!perTag) counts.set(norm, (perTag = new Map()));
      const tag = tagsOf(example)[i]!;
      perTag.set(tag, (perTag.get(tag) ?? 0) + 1);
    }
  }
  const dictionary = new Map<string, number>();
  for (const [norm, perTag] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    let total = 0;
    let top = -1;
    let topCount = 0;
    for (const [tag, count] of perTag) {
      total += count;
      if (count > topCount) [top, topCount] = [tag, count];
    }
    if (total >= 20 && topCount / total >= 0.995) dictionary.set(norm, top);
  }
  return dictionary;
}
