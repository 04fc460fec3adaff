import { AveragedPerceptron, FeatureList } from '../../../learn/index.js';
import type { AnalyzedText } from '../../analyze.js';
import type { Gazetteer } from '../gazetteer.js';
import { addHistory, documentEvidence, documentFeatures, type DocumentFeatures, FEATURE_TEMPLATES } from './features.js';
import { allowedAfter, decodeSpans, encodeSpans, LABEL_COUNT, OUTSIDE, type TokenSpan, typeIndexOf } from './labels.js';

/**
 * The name tagger: two passes of an averaged structured perceptron over BILOU labels, Viterbi decoded.
 * The first pass sees each token's own features and its history; the second also sees what the
 * first said about the same words elsewhere in the document.
 */
export interface NameTaggerModel {
  first: AveragedPerceptron;
  second: AveragedPerceptron;
}

/**
 * A document prepared for tagging: its own features, and for each scored token the buckets of its
 * history features after each previous label (word, then shape), hashed once for both passes and
 * kept in one array per sentence.
 */
interface Prepared {
  features: DocumentFeatures;
  /** history[s][(i * LABEL_COUNT + previous) * 2] and the entry after it (unset for an unscored token). */
  history: Int32Array[];
}

function prepare(analyzed: AnalyzedText, gazetteer: Gazetteer, bucketCount: number): Prepared {
  const features = documentFeatures(analyzed, gazetteer, bucketCount);
  const list = new FeatureList(bucketCount, 3);
  const history = features.tokens.map((tokens, s) => {
    const buckets = new Int32Array(tokens.length * LABEL_COUNT * 2);
    tokens.forEach((_, i) => {
      if (features.outside[s]![i]) return;
      for (let previous = 0; previous < LABEL_COUNT; previous++) {
        list.clear();
        addHistory(list, previous, features.history.lower[s]![i]!, features.history.shape[s]![i]!, false);
        buckets.set(list.buckets.subarray(0, 2), (i * LABEL_COUNT + previous) * 2);
      }
    });
    return buckets;
  });
  return { features, history };
}

/** Which label may follow which (row: previous label), anywhere and at a sentence's end. */
const ALLOWED = Array.from({ length: LABEL_COUNT * LABEL_COUNT }, (_, k) => allowedAfter(Math.floor(k / LABEL_COUNT), k % LABEL_COUNT, false));
const ALLOWED_LAST = Array.from({ length: LABEL_COUNT * LABEL_COUNT }, (_, k) => allowedAfter(Math.floor(k / LABEL_COUNT), k % LABEL_COUNT, true));
/** For each label, the labels that may precede it, ascending (Viterbi tries only those). */
const previousLabels = (allowed: boolean[]): number[][] =>
  Array.from({ length: LABEL_COUNT }, (_, label) => Array.from({ length: LABEL_COUNT }, (_, previous) => previous).filter((previous) => allowed[previous * LABEL_COUNT + label]));
const ALLOWED_BEFORE = previousLabels(ALLOWED);
const ALLOWED_BEFORE_LAST = previousLabels(ALLOWED_LAST);

/** Reusable buffers of one decoder, grown to the longest sentence seen. */
class Scratch {
  readonly own: FeatureList;
  readonly history: FeatureList;
  emission = new Float32Array(0);
  transition = new Float32Array(0);
  best = new Float32Array(0);
  after = new Float32Array(0);
  readonly labelTransitions = new Float32Array(LABEL_COUNT * LABEL_COUNT);
  /** The finalized model `labelTransitions` holds the scores of (a learning model changes every sentence). */
  labelTransitionsOf: AveragedPerceptron | undefined;
  readonly scores = new Float32Array(LABEL_COUNT);
  /** One previous label's transition scores, summed in doubles. */
  readonly row = new Float64Array(LABEL_COUNT);
  back = new Int8Array(0);
  constructor(bucketCount: number) {
    this.own = new FeatureList(bucketCount, 1024);
    this.history = new FeatureList(bucketCount, 8);
  }
  reserve(length: number): void {
    if (this.emission.length >= length * LABEL_COUNT) return;
    this.emission = new Float32Array(length * LABEL_COUNT);
    this.transition = new Float32Array(length * LABEL_COUNT * LABEL_COUNT);
    this.best = new Float32Array(length * LABEL_COUNT);
    this.after = new Float32Array(length * LABEL_COUNT);
    this.back = new Int8Array(length * LABEL_COUNT);
  }
}

/** The token's own features and its document evidence, in `scratch.own`. */
function ownFeatures(prepared: Prepared, s: number, i: number, evidence: Int32Array[] | undefined, scratch: Scratch): FeatureList {
  const own = prepared.features.tokens[s]![i]!;
  const list = scratch.own;
  list.buckets.set(own);
  list.length = own.length;
  const extra = evidence?.[i];
  if (extra) {
    list.buckets.set(extra, list.length);
    list.length += extra.length;
  }
  return list;
}

function historyFeatures(prepared: Prepared, s: number, i: number, previous: number, scratch: Scratch, withLabelAlone: boolean, labelAloneOnly = false): FeatureList {
  scratch.history.clear();
  if (labelAloneOnly) scratch.history.add(FEATURE_TEMPLATES.previousLabel, previous);
  else addHistory(scratch.history, previous, prepared.features.history.lower[s]![i]!, prepared.features.history.shape[s]![i]!, withLabelAlone);
  return scratch.history;
}

/** The scores of each label after each previous label, from the previous label alone: a sentence's constant part of the transitions. */
function labelTransitions(model: AveragedPerceptron, scratch: Scratch): Float32Array {
  if (scratch.labelTransitionsOf === model) return scratch.labelTransitions;
  scratch.labelTransitionsOf = model.finalized ? model : undefined;
  const L = LABEL_COUNT;
  const scores = scratch.scores;
  for (let previous = 0; previous < L; previous++) {
    scratch.history.clear();
    scratch.history.add(FEATURE_TEMPLATES.previousLabel, previous);
    scratch.labelTransitions.set(model.score(scratch.history.buckets, scratch.history.length, scores), previous * L);
  }
  return scratch.labelTransitions;
}

/**
 * Labels one sentence: the best well-formed label sequence under the model (Viterbi over the
 * token scores plus the scores of each previous label). With `gold`, it learns as a structured
 * perceptron (Collins 2002): where the best sequence differs from the gold one, the gold
 * features gain and the predicted ones lose.
 */
function decodeSentence(
  model: AveragedPerceptron,
  prepared: Prepared,
  s: number,
  evidence: Int32Array[] | undefined,
  scratch: Scratch,
  gold?: number[],
): number[] {
  const length = prepared.features.tokens[s]!.length;
  const L = LABEL_COUNT;
  scratch.reserve(length);
  const { emission, transition, best, back, row } = scratch;
  const scores = scratch.scores;
  const byLabel = labelTransitions(model, scratch);
  const outside = prepared.features.outside[s]!;
  for (let i = 0; i < length; i++) {
    if (outside[i]) {
      // Only O can stand here; of the transition features, an unscored token has the label's alone (`byLabel`).
      emission.fill(-Infinity, i * L, (i + 1) * L);
      emission[i * L + OUTSIDE] = 0;
      continue;
    }
    const own = ownFeatures(prepared, s, i, evidence, scratch);
    emission.set(model.score(own.buckets, own.length, scores), i * L);
    // After the sentence's start or an unscored token only O can precede; the other rows are never the best path.
    const previousCount = i === 0 || outside[i - 1] ? 1 : L;
    const history = prepared.history[s]!;
    for (let previous = 0; previous < previousCount; previous++) {
      // The label's score, then its word's and its shape's, added in that order in doubles as one sum would be.
      for (let label = 0; label < L; label++) row[label] = byLabel[previous * L + label]!;
      model.addWeightsOf(history[(i * L + previous) * 2]!, row);
      model.addWeightsOf(history[(i * L + previous) * 2 + 1]!, row);
      transition.set(row, (i * L + previous) * L);
    }
    transition.fill(-Infinity, (i * L + previousCount) * L, (i + 1) * L * L);
  }
  for (let i = 0; i < length; i++) {
    const allowed = i === length - 1 ? ALLOWED_LAST : ALLOWED;
    const allowedBefore = i === length - 1 ? ALLOWED_BEFORE_LAST : ALLOWED_BEFORE;
    const scored = !outside[i];
    const scores = scored ? transition : byLabel;
    const at = scored ? i * L * L : 0;
    if (!scored) {
      best.fill(-Infinity, i * L, (i + 1) * L);
      back.fill(0, i * L, (i + 1) * L);
    }
    // An unscored token can only be O.
    for (let label = scored ? 0 : OUTSIDE; label < (scored ? L : OUTSIDE + 1); label++) {
      let top = -Infinity;
      let from = 0;
      if (i === 0) {
        if (allowed[OUTSIDE * L + label]) top = 0 + scores[at + OUTSIDE * L + label]!;
      } else {
        const previousLabels = allowedBefore[label]!;
        for (let k = 0; k < previousLabels.length; k++) {
          const previous = previousLabels[k]!;
          const score = best[(i - 1) * L + previous]! + scores[at + previous * L + label]!;
          if (score > top) {
            top = score;
            from = previous;
          }
        }
      }
      best[i * L + label] = top + emission[i * L + label]!;
      back[i * L + label] = from;
    }
  }
  const labels = new Array<number>(length);
  let label = 0;
  for (let k = 1; k < L; k++) if (best[(length - 1) * L + k]! > best[(length - 1) * L + label]!) label = k;
  for (let i = length - 1; i >= 0; i--) {
    labels[i] = label;
    label = back[i * L + label]!;
  }
  if (gold) {
    for (let i = 0; i < length; i++) {
      const [truth, guess] = [gold[i]!, labels[i]!];
      const [truthBefore, guessBefore] = i === 0 ? [OUTSIDE, OUTSIDE] : [gold[i - 1]!, labels[i - 1]!];
      if (truth === guess && truthBefore === guessBefore) continue;
      if (!outside[i]) {
        const own = ownFeatures(prepared, s, i, evidence, scratch);
        model.update(truth, guess, own.buckets, own.length);
      }
      const history = historyFeatures(prepared, s, i, truthBefore, scratch, true, outside[i]);
      model.adjust(truth, history.buckets, history.length, 1);
      historyFeatures(prepared, s, i, guessBefore, scratch, true, outside[i]);
      model.adjust(guess, history.buckets, history.length, -1);
    }
    model.tick();
  }
  return labels;
}

/**
 * The names of the sentence just decoded, each with its margin: the best labelling's score minus
 * the best score of a labelling that gives one of the name's tokens another type or O. Max-
 * marginals are the forward (Viterbi) scores plus the best scores of what follows.
 */
function namesWithMargins(labels: number[], outside: boolean[], scratch: Scratch): TokenSpan[] {
  const L = LABEL_COUNT;
  const length = labels.length;
  const { emission, transition, best, after, labelTransitions } = scratch;
  after.fill(0, (length - 1) * L, length * L);
  for (let i = length - 2; i >= 0; i--) {
    const allowed = i + 1 === length - 1 ? ALLOWED_LAST : ALLOWED;
    for (let label = 0; label < L; label++) {
      let top = -Infinity;
      if (outside[i + 1]) {
        // Only O follows, with the transition of the label alone.
        if (allowed[label * L + OUTSIDE]) top = labelTransitions[label * L + OUTSIDE]! + emission[(i + 1) * L + OUTSIDE]! + after[(i + 1) * L + OUTSIDE]!;
      } else {
        for (let next = 0; next < L; next++) {
          if (!allowed[label * L + next]) continue;
          const score = transition[((i + 1) * L + label) * L + next]! + emission[(i + 1) * L + next]! + after[(i + 1) * L + next]!;
          if (score > top) top = score;
        }
      }
      after[i * L + label] = top;
    }
  }
  let total = -Infinity;
  for (let label = 0; label < L; label++) total = Math.max(total, best[(length - 1) * L + label]!);
  return decodeSpans(labels).map((span) => {
    let alternative = -Infinity;
    const type = typeIndexOf(labels[span.start]!);
    for (let i = span.start; i < span.end; i++) {
      for (let label = 0; label < L; label++) {
        if (typeIndexOf(label) !== type) alternative = Math.max(alternative, best[i * L + label]! + after[i * L + label]!);
      }
    }
    return { ...span, margin: total - alternative };
  });
}

function decodeDocument(model: AveragedPerceptron, prepared: Prepared, evidence: Int32Array[][] | undefined, scratch: Scratch): number[][] {
  return prepared.features.tokens.map((_, s) => decodeSentence(model, prepared, s, evidence?.[s], scratch));
}

function secondPassEvidence(model: AveragedPerceptron, prepared: Prepared, scratch: Scratch): Int32Array[][] {
  const labels = decodeDocument(model, prepared, undefined, scratch);
  return documentEvidence(prepared.features, labels.map(decodeSpans), labels, model.bucketCount);
}

/**
 * The names of a document, as token ranges per sentence of `analyzed.tokens`. `firstPassOnly`
 * shows what the document evidence of the second pass brings.
 */
export function tagNames(model: NameTaggerModel, analyzed: AnalyzedText, gazetteer: Gazetteer, firstPassOnly = false): TokenSpan[][] {
  const scratch = new Scratch(model.first.bucketCount);
  const prepared = prepare(analyzed, gazetteer, model.first.bucketCount);
  if (firstPassOnly) return decodeDocument(model.first, prepared, undefined, scratch).map(decodeSpans);
  const evidence = secondPassEvidence(model.first, prepared, scratch);
  return prepared.features.tokens.map((_, s) => namesWithMargins(decodeSentence(model.second, prepared, s, evidence[s], scratch), prepared.features.outside[s]!, scratch));
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
  // A name with a token the tagger never scores (all lower case, between lower-case words) cannot be learnt.
  const gold = documents.map((document, d) =>
    document.names.map((names, s) => {
      const outside = prepared[d]!.features.outside[s]!;
      const learnable = names.filter((name) => !outside.slice(name.start, name.end).some(Boolean));
      return encodeSpans(learnable, document.analyzed.tokens[s]!.length);
    }),
  );
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
