import { AveragedPerceptron, FeatureList } from '../../../learn/index.js';
import type { AnalyzedText } from '../../analyze.js';
import type { Gazetteer } from '../gazetteer.js';
import { addHistory, documentEvidence, documentFeatures, type DocumentFeatures, historyKeys } from './features.js';
import { allowedAfter, decodeSpans, encodeSpans, LABEL_COUNT, OUTSIDE, type TokenSpan } from './labels.js';

/**
 * The name tagger: two greedy left-to-right passes of an averaged perceptron over BILOU labels.
 * The first pass sees each token's own features and its history; the second also sees what the
 * first said about the same words elsewhere in the document.
 */
export interface NameTaggerModel {
  first: AveragedPerceptron;
  second: AveragedPerceptron;
}

/** A document prepared for tagging: its own features, and the hashes history features need. */
interface Prepared {
  features: DocumentFeatures;
  history: { lower: number[][]; shape: number[][] };
}

function prepare(analyzed: AnalyzedText, gazetteer: Gazetteer, bucketCount: number): Prepared {
  const features = documentFeatures(analyzed, gazetteer, bucketCount);
  return { features, history: historyKeys(features, analyzed) };
}

/** Reusable buffers of one decoder. */
class Scratch {
  readonly list: FeatureList;
  readonly scores = new Float32Array(LABEL_COUNT);
  constructor(bucketCount: number) {
    this.list = new FeatureList(bucketCount, 1024);
  }
}

/**
 * Labels one sentence greedily. With `gold`, it learns: every token whose best label (all labels
 * allowed, history as predicted) is not the gold one updates the model.
 */
function decodeSentence(
  model: AveragedPerceptron,
  prepared: Prepared,
  s: number,
  evidence: Int32Array[] | undefined,
  scratch: Scratch,
  gold?: number[],
): number[] {
  const own = prepared.features.tokens[s]!;
  const labels: number[] = [];
  const { list, scores } = scratch;
  for (let i = 0; i < own.length; i++) {
    const previous = labels[i - 1] ?? OUTSIDE;
    list.clear();
    list.buckets.set(own[i]!);
    list.length = own[i]!.length;
    const extra = evidence?.[i];
    if (extra) {
      list.buckets.set(extra, list.length);
      list.length += extra.length;
    }
    addHistory(list, previous, labels[i - 2] ?? OUTSIDE, prepared.history.lower[s]![i]!, prepared.history.shape[s]![i]!);
    model.score(list.buckets, list.length, scores);
    if (gold) {
      const guess = AveragedPerceptron.best(scores, LABEL_COUNT);
      model.update(gold[i]!, guess, list.buckets, list.length);
      model.tick();
      labels.push(guess);
    } else {
      const last = i === own.length - 1;
      labels.push(AveragedPerceptron.best(scores, LABEL_COUNT, (label) => allowedAfter(previous, label, last)));
    }
  }
  return labels;
}

function decodeDocument(model: AveragedPerceptron, prepared: Prepared, evidence: Int32Array[][] | undefined, scratch: Scratch): number[][] {
  return prepared.features.tokens.map((_, s) => decodeSentence(model, prepared, s, evidence?.[s], scratch));
}

function secondPassEvidence(model: AveragedPerceptron, prepared: Prepared, scratch: Scratch): Int32Array[][] {
  const labels = decodeDocument(model, prepared, undefined, scratch);
  return documentEvidence(prepared.features, labels.map(decodeSpans), labels, model.bucketCount);
}

/** The names of a document, as token ranges per sentence of `analyzed.tokens`. */
export function tagNames(model: NameTaggerModel, analyzed: AnalyzedText, gazetteer: Gazetteer): TokenSpan[][] {
  const scratch = new Scratch(model.first.bucketCount);
  const prepared = prepare(analyzed, gazetteer, model.first.bucketCount);
  const evidence = secondPassEvidence(model.first, prepared, scratch);
  return decodeDocument(model.second, prepared, evidence, scratch).map(decodeSpans);
}

/** A training document: its analysis and its gold names per sentence. */
export interface TrainingDocument {
  analyzed: AnalyzedText;
  names: TokenSpan[][];
}

export interface TrainingOptions {
  epochs: number;
  /** Folds of the jackknife that gives the second pass first-pass output on unseen text. */
  folds: number;
  bucketCount: number;
  seed: number;
  /** Called after each epoch of each model trained. */
  onEpoch?: (model: string, epoch: number) => void;
}

/**
 * Trains both passes. The second pass must learn from first-pass output as it looks on new text,
 * not on text the first pass was trained on: each fold's evidence comes from a first pass trained
 * on the other folds.
 */
export function trainNameTagger(documents: readonly TrainingDocument[], gazetteer: Gazetteer, options: TrainingOptions): NameTaggerModel {
  const prepared = documents.map((document) => prepare(document.analyzed, gazetteer, options.bucketCount));
  const gold = documents.map((document) => document.names.map((names, s) => encodeSpans(names, document.analyzed.tokens[s]!.length)));
  const all = documents.map((_, d) => d);
  const scratch = new Scratch(options.bucketCount);
  const evidence: Int32Array[][][] = new Array(documents.length);
  for (let fold = 0; fold < options.folds; fold++) {
    const held = all.filter((d) => d % options.folds === fold);
    const model = trainPass(all.filter((d) => d % options.folds !== fold), prepared, gold, undefined, options, `fold ${fold + 1}`);
    for (const d of held) evidence[d] = secondPassEvidence(model, prepared[d]!, scratch);
  }
  const first = trainPass(all, prepared, gold, undefined, options, 'first pass');
  const second = trainPass(all, prepared, gold, evidence, options, 'second pass');
  return { first, second };
}

function trainPass(
  indices: number[],
  prepared: Prepared[],
  gold: number[][][],
  evidence: Int32Array[][][] | undefined,
  options: TrainingOptions,
  name: string,
): AveragedPerceptron {
  const model = new AveragedPerceptron(LABEL_COUNT, options.bucketCount);
  const scratch = new Scratch(options.bucketCount);
  const random = seededRandom(options.seed);
  const order = [...indices];
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(order, random);
    for (const d of order) {
      prepared[d]!.features.tokens.forEach((_, s) => decodeSentence(model, prepared[d]!, s, evidence?.[d]![s], scratch, gold[d]![s]!));
    }
    options.onEpoch?.(name, epoch);
  }
  model.finalize();
  return model;
}

/** mulberry32: a small seeded generator, so training runs repeat exactly. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
