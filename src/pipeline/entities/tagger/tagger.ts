import { AveragedPerceptron, FeatureList } from '../../../learn/index.js';
import type { AnalyzedText } from '../../analyze.js';
import type { Gazetteer } from '../gazetteer.js';
import { addHistory, documentEvidence, documentFeatures, type DocumentFeatures, FEATURE_TEMPLATES } from './features.js';
import { allowedAfter, decodeSpans, encodeSpans, LABEL_COUNT, OUTSIDE, type TokenSpan, typeIndexOf } from './labels.js';

/**
 * The name tagger: an averaged structured perceptron over BILOU labels, Viterbi decoded, in two
 * passes. The first scores each token's labels from its own features, and each label after each
 * previous one from the label, word and shape (the transitions). The second scores each token's
 * labels anew from its own features and what the first said about the same words elsewhere in the
 * document (Krishnan & Manning 2006), and decodes again over the first pass's transitions: the
 * evidence is about tokens, not label pairs, so the transitions are computed once.
 */
export interface NameTaggerModel {
  first: AveragedPerceptron;
  /** Token scores from the own features and the document evidence (its transition weights unused). */
  second: AveragedPerceptron;
}

/**
 * A document prepared for tagging: its own features, and for each scored token the buckets of its
 * history features after each previous label (word, then shape), hashed once and kept in one
 * array per sentence.
 */
interface Prepared {
  features: DocumentFeatures;
  /** history[s][(i * LABEL_COUNT + previous) * 2] and the entry after it (unset for an unscored token). */
  history: Int32Array[];
  /** starts[s]: the tokens before sentence s, where its scores begin in a document's score arrays. */
  starts: number[];
  tokenCount: number;
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
        buckets[(i * LABEL_COUNT + previous) * 2] = list.buckets[0]!;
        buckets[(i * LABEL_COUNT + previous) * 2 + 1] = list.buckets[1]!;
      }
    });
    return buckets;
  });
  const starts: number[] = [];
  let tokenCount = 0;
  for (const tokens of features.tokens) {
    starts.push(tokenCount);
    tokenCount += tokens.length;
  }
  return { features, history, starts, tokenCount };
}

/** Which label may follow which (row: previous label), anywhere and at a sentence's end. */
const ALLOWED = Array.from({ length: LABEL_COUNT * LABEL_COUNT }, (_, k) => allowedAfter(Math.floor(k / LABEL_COUNT), k % LABEL_COUNT, false));
const ALLOWED_LAST = Array.from({ length: LABEL_COUNT * LABEL_COUNT }, (_, k) => allowedAfter(Math.floor(k / LABEL_COUNT), k % LABEL_COUNT, true));
/** For each label, the labels that may precede it, ascending (Viterbi tries only those). */
const previousLabels = (allowed: boolean[]): number[][] =>
  Array.from({ length: LABEL_COUNT }, (_, label) => Array.from({ length: LABEL_COUNT }, (_, previous) => previous).filter((previous) => allowed[previous * LABEL_COUNT + label]));
const ALLOWED_BEFORE = previousLabels(ALLOWED);
const ALLOWED_BEFORE_LAST = previousLabels(ALLOWED_LAST);

/**
 * Reusable buffers of one decoder. The scores are kept for a whole document (token t's label scores
 * from `t * LABEL_COUNT`, its transition scores from `t * LABEL_COUNT²`), so the second pass finds
 * the first's; the Viterbi tables are one sentence's.
 */
class Scratch {
  readonly own: FeatureList;
  readonly history: FeatureList;
  emission = new Float32Array(0);
  transition: Float32Array = new Float32Array(0);
  best = new Float32Array(0);
  after = new Float32Array(0);
  back = new Int8Array(0);
  readonly labelTransitions = new Float32Array(LABEL_COUNT * LABEL_COUNT);
  /** The finalized model `labelTransitions` holds the scores of (a learning model changes every sentence). */
  labelTransitionsOf: AveragedPerceptron | undefined;
  readonly scores = new Float32Array(LABEL_COUNT);
  /** One previous label's transition scores, summed in doubles. */
  readonly row = new Float64Array(LABEL_COUNT);
  constructor(bucketCount: number) {
    this.own = new FeatureList(bucketCount, 1024);
    this.history = new FeatureList(bucketCount, 8);
  }
  /** Room for the scores of `tokens` tokens and the Viterbi tables of a sentence of `longest`. */
  reserve(tokens: number, longest: number): void {
    if (this.emission.length < tokens * LABEL_COUNT) {
      this.emission = new Float32Array(tokens * LABEL_COUNT);
      this.transition = new Float32Array(tokens * LABEL_COUNT * LABEL_COUNT);
    }
    if (this.best.length < longest * LABEL_COUNT) {
      this.best = new Float32Array(longest * LABEL_COUNT);
      this.after = new Float32Array(longest * LABEL_COUNT);
      this.back = new Int8Array(longest * LABEL_COUNT);
    }
  }
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

/** Scores sentence s's tokens (labels, and labels after each previous one) into the scratch's arrays from token `at`. */
function scoreSentence(model: AveragedPerceptron, prepared: Prepared, s: number, at: number, byLabel: Float32Array, scratch: Scratch): void {
  const own = prepared.features.tokens[s]!;
  const length = own.length;
  const L = LABEL_COUNT;
  const { emission, transition, row } = scratch;
  const outside = prepared.features.outside[s]!;
  const history = prepared.history[s]!;
  for (let i = 0; i < length; i++) {
    const t = at + i;
    if (outside[i]) {
      // Of the transition features, an unscored token has the label's alone (`byLabel`).
      onlyOutside(emission, t);
      continue;
    }
    emission.set(model.score(own[i]!, own[i]!.length, scratch.scores), t * L);
    // After the sentence's start or an unscored token only O can precede; the other rows are never the best path.
    const previousCount = i === 0 || outside[i - 1] ? 1 : L;
    for (let previous = 0; previous < previousCount; previous++) {
      // The label's score, then its word's and its shape's, added in that order in doubles as one sum would be.
      for (let label = 0; label < L; label++) row[label] = byLabel[previous * L + label]!;
      model.addWeightsOf(history[(i * L + previous) * 2]!, row);
      model.addWeightsOf(history[(i * L + previous) * 2 + 1]!, row);
      transition.set(row, (t * L + previous) * L);
    }
    transition.fill(-Infinity, (t * L + previousCount) * L, (t + 1) * L * L);
  }
}

/** Token t's label scores when it is unscored: only O can stand there. */
function onlyOutside(emission: Float32Array, t: number): void {
  emission.fill(-Infinity, t * LABEL_COUNT, (t + 1) * LABEL_COUNT);
  emission[t * LABEL_COUNT + OUTSIDE] = 0;
}

/** Token i's own features and its document evidence, in `scratch.own`. */
function secondPassFeatures(prepared: Prepared, s: number, i: number, evidence: Int32Array[], scratch: Scratch): FeatureList {
  const own = prepared.features.tokens[s]![i]!;
  const extra = evidence[i]!;
  const list = scratch.own;
  list.buckets.set(own);
  list.buckets.set(extra, own.length);
  list.length = own.length + extra.length;
  return list;
}

/** Scores sentence s's tokens anew with the second pass (from token `at`), leaving the transitions as they are. */
function rescoreSentence(model: AveragedPerceptron, prepared: Prepared, s: number, evidence: Int32Array[], at: number, scratch: Scratch): void {
  const outside = prepared.features.outside[s]!;
  for (let i = 0; i < outside.length; i++) {
    if (outside[i]) {
      onlyOutside(scratch.emission, at + i);
      continue;
    }
    const features = secondPassFeatures(prepared, s, i, evidence, scratch);
    scratch.emission.set(model.score(features.buckets, features.length, scratch.scores), (at + i) * LABEL_COUNT);
  }
}

/**
 * The best well-formed label sequence of a sentence of `length` tokens whose scores start at
 * token `at`: Viterbi over the token scores plus the scores of each previous label (`byLabel` for
 * an unscored token). Leaves its forward scores in `scratch.best`.
 */
function viterbi(scratch: Scratch, byLabel: Float32Array, outside: boolean[], at: number, length: number): number[] {
  const L = LABEL_COUNT;
  const { emission, transition, best, back } = scratch;
  for (let i = 0; i < length; i++) {
    const allowed = i === length - 1 ? ALLOWED_LAST : ALLOWED;
    const allowedBefore = i === length - 1 ? ALLOWED_BEFORE_LAST : ALLOWED_BEFORE;
    const scored = !outside[i];
    const scores = scored ? transition : byLabel;
    const from0 = scored ? (at + i) * L * L : 0;
    const e = (at + i) * L;
    if (!scored) {
      best.fill(-Infinity, i * L, (i + 1) * L);
      back.fill(0, i * L, (i + 1) * L);
    }
    // An unscored token can only be O.
    for (let label = scored ? 0 : OUTSIDE; label < (scored ? L : OUTSIDE + 1); label++) {
      let top = -Infinity;
      let from = 0;
      if (i === 0) {
        if (allowed[OUTSIDE * L + label]) top = 0 + scores[from0 + OUTSIDE * L + label]!;
      } else {
        const previousLabels = allowedBefore[label]!;
        for (let k = 0; k < previousLabels.length; k++) {
          const previous = previousLabels[k]!;
          const score = best[(i - 1) * L + previous]! + scores[from0 + previous * L + label]!;
          if (score > top) {
            top = score;
            from = previous;
          }
        }
      }
      best[i * L + label] = top + emission[e + label]!;
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
  return labels;
}

/**
 * Labels one sentence with a learning first pass and learns as a structured perceptron (Collins
 * 2002): where the best sequence differs from the gold one, the gold features gain and the
 * predicted ones lose.
 */
function learnSentence(model: AveragedPerceptron, prepared: Prepared, s: number, scratch: Scratch, gold: number[]): void {
  const own = prepared.features.tokens[s]!;
  const length = own.length;
  scratch.reserve(length, length);
  const byLabel = labelTransitions(model, scratch);
  const outside = prepared.features.outside[s]!;
  scoreSentence(model, prepared, s, 0, byLabel, scratch);
  const labels = viterbi(scratch, byLabel, outside, 0, length);
  for (let i = 0; i < length; i++) {
    const [truth, guess] = [gold[i]!, labels[i]!];
    const [truthBefore, guessBefore] = i === 0 ? [OUTSIDE, OUTSIDE] : [gold[i - 1]!, labels[i - 1]!];
    if (truth === guess && truthBefore === guessBefore) continue;
    if (!outside[i]) model.update(truth, guess, own[i]!, own[i]!.length);
    const history = historyFeatures(prepared, s, i, truthBefore, scratch, true, outside[i]);
    model.adjust(truth, history.buckets, history.length, 1);
    historyFeatures(prepared, s, i, guessBefore, scratch, true, outside[i]);
    model.adjust(guess, history.buckets, history.length, -1);
  }
  model.tick();
}

/**
 * The names of the sentence just decoded (scores from token `at`), each with its margin: the best
 * labelling's score minus the best score of a labelling that gives one of the name's tokens another
 * type or O. Max-marginals are the forward (Viterbi) scores plus the best scores of what follows.
 */
function namesWithMargins(labels: number[], outside: boolean[], at: number, byLabel: Float32Array, scratch: Scratch): TokenSpan[] {
  const L = LABEL_COUNT;
  const length = labels.length;
  const { emission, transition, best, after } = scratch;
  after.fill(0, (length - 1) * L, length * L);
  for (let i = length - 2; i >= 0; i--) {
    const allowed = i + 1 === length - 1 ? ALLOWED_LAST : ALLOWED;
    const next0 = (at + i + 1) * L;
    for (let label = 0; label < L; label++) {
      let top = -Infinity;
      if (outside[i + 1]) {
        // Only O follows, with the transition of the label alone.
        if (allowed[label * L + OUTSIDE]) top = byLabel[label * L + OUTSIDE]! + emission[next0 + OUTSIDE]! + after[(i + 1) * L + OUTSIDE]!;
      } else {
        for (let next = 0; next < L; next++) {
          if (!allowed[label * L + next]) continue;
          const score = transition[(next0 + label) * L + next]! + emission[next0 + next]! + after[(i + 1) * L + next]!;
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

/** The first pass over a document: its labels, with every score left in the scratch's arrays. */
function firstPass(model: AveragedPerceptron, prepared: Prepared, scratch: Scratch): number[][] {
  const sentences = prepared.features.tokens;
  scratch.reserve(prepared.tokenCount, Math.max(0, ...sentences.map((tokens) => tokens.length)));
  const byLabel = labelTransitions(model, scratch);
  return sentences.map((tokens, s) => {
    scoreSentence(model, prepared, s, prepared.starts[s]!, byLabel, scratch);
    return viterbi(scratch, byLabel, prepared.features.outside[s]!, prepared.starts[s]!, tokens.length);
  });
}

/** What the first pass's labels say about each token's words elsewhere in the document, as hashed features. */
function evidenceOf(prepared: Prepared, labels: number[][], bucketCount: number): Int32Array[][] {
  return documentEvidence(prepared.features, labels.map(decodeSpans), labels, bucketCount);
}

/**
 * The names of a document, as token ranges per sentence of `analyzed.tokens`. `firstPassOnly`
 * shows what the document evidence of the second pass brings.
 */
export function tagNames(model: NameTaggerModel, analyzed: AnalyzedText, gazetteer: Gazetteer, firstPassOnly = false): TokenSpan[][] {
  const scratch = new Scratch(model.first.bucketCount);
  const prepared = prepare(analyzed, gazetteer, model.first.bucketCount);
  const labels = firstPass(model.first, prepared, scratch);
  if (firstPassOnly) return labels.map(decodeSpans);
  const evidence = evidenceOf(prepared, labels, model.first.bucketCount);
  const byLabel = labelTransitions(model.first, scratch);
  return prepared.features.tokens.map((tokens, s) => {
    const [at, outside] = [prepared.starts[s]!, prepared.features.outside[s]!];
    rescoreSentence(model.second, prepared, s, evidence[s]!, at, scratch);
    return namesWithMargins(viterbi(scratch, byLabel, outside, at, tokens.length), outside, at, byLabel, scratch);
  });
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

/** A training document's first pass, by a model that never saw it: the transitions the second pass decodes over, and the evidence. */
interface HeldOutPass {
  transition: Float32Array;
  byLabel: Float32Array;
  evidence: Int32Array[][];
}

/**
 * Trains both passes. The second pass must learn from first-pass output as it looks on new text,
 * not on text the first pass was trained on: each fold's transitions and evidence come from a
 * first pass trained on the other folds.
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
  const heldOut: HeldOutPass[] = new Array(documents.length);
  for (let fold = 0; fold < options.folds; fold++) {
    const model = trainFirstPass(all.filter((d) => d % options.folds !== fold), prepared, gold, options, `fold ${fold + 1}`);
    const scratch = new Scratch(options.bucketCount);
    for (const d of all.filter((d) => d % options.folds === fold)) {
      const labels = firstPass(model, prepared[d]!, scratch);
      heldOut[d] = {
        transition: scratch.transition.slice(0, prepared[d]!.tokenCount * LABEL_COUNT * LABEL_COUNT),
        byLabel: scratch.labelTransitions.slice(),
        evidence: evidenceOf(prepared[d]!, labels, options.bucketCount),
      };
    }
  }
  const first = trainFirstPass(all, prepared, gold, options, 'first pass');
  const second = trainSecondPass(all, prepared, heldOut, gold, options);
  return { first, second };
}

/** Seeded epochs over the training documents in a shuffled order, then the averaged model. */
function trainPass(indices: number[], options: TrainingOptions, name: string, learnDocument: (model: AveragedPerceptron, scratch: Scratch, d: number) => void): AveragedPerceptron {
  const model = new AveragedPerceptron(LABEL_COUNT, options.bucketCount);
  const scratch = new Scratch(options.bucketCount);
  const random = seededRandom(options.seed);
  const order = [...indices];
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(order, random);
    for (const d of order) learnDocument(model, scratch, d);
    options.onEpoch?.(name, epoch);
  }
  model.finalize();
  return model;
}

function trainFirstPass(indices: number[], prepared: Prepared[], gold: number[][][], options: TrainingOptions, name: string): AveragedPerceptron {
  return trainPass(indices, options, name, (model, scratch, d) => prepared[d]!.features.tokens.forEach((_, s) => learnSentence(model, prepared[d]!, s, scratch, gold[d]![s]!)));
}

/**
 * Learns the second pass's token scores over the fixed first-pass transitions: a structured
 * perceptron whose free weights are the token features' (own and evidence), so where the decoded
 * label differs from the gold one, the gold label's features gain and the decoded one's lose.
 */
function trainSecondPass(indices: number[], prepared: Prepared[], heldOut: HeldOutPass[], gold: number[][][], options: TrainingOptions): AveragedPerceptron {
  return trainPass(indices, options, 'second pass', (model, scratch, d) => {
    const { transition, byLabel, evidence } = heldOut[d]!;
    const { features, starts } = prepared[d]!;
    scratch.reserve(prepared[d]!.tokenCount, Math.max(0, ...features.tokens.map((tokens) => tokens.length)));
    scratch.transition = transition;
    features.tokens.forEach((tokens, s) => {
      const [at, outside] = [starts[s]!, features.outside[s]!];
      rescoreSentence(model, prepared[d]!, s, evidence[s]!, at, scratch);
      viterbi(scratch, byLabel, outside, at, tokens.length).forEach((guess, i) => {
        if (outside[i] || guess === gold[d]![s]![i]) return;
        const features = secondPassFeatures(prepared[d]!, s, i, evidence[s]!, scratch);
        model.update(gold[d]![s]![i]!, guess, features.buckets, features.length);
      });
      model.tick();
    });
  });
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
