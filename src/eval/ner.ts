import type { AnnotatedDocument } from './conll2003.js';
import { CountTable, ErrorTally, type PrfTable } from './prf.js';
import { overlaps, type LabeledSpan } from './spans.js';

/** A gold-annotated document and what was predicted on it, in the gold's type names. */
export interface NerCase extends AnnotatedDocument {
  predicted: LabeledSpan[];
}

export interface SpanError {
  text: string;
  type: string;
  count: number;
}

export interface WrongTypeError {
  text: string;
  gold: string;
  predicted: string;
  count: number;
}

export interface NerReport extends PrfTable {
  documents: number;
  errors: {
    /** Predicted spans that match no gold span (wrong boundaries included). */
    falsePositives: SpanError[];
    /** Gold spans that no prediction matches, neither exactly nor with another type. */
    falseNegatives: SpanError[];
    /** Exact gold span, other type: counted as a false positive and a false negative. */
    wrongType: WrongTypeError[];
  };
}

export interface NerScoreOptions {
  /** Types always shown, even when nothing of them occurred. */
  types?: readonly string[];
  /** How many of the most frequent errors of each kind to keep. */
  topErrors?: number;
}

/**
 * Exact-match NER scoring (span and type), per type and micro-averaged, as conlleval counts it.
 * Predictions overlapping an excluded gold span (MISC) are not counted; a span predicted twice
 * with one type counts once.
 */
export function scoreNer(cases: Iterable<NerCase>, options: NerScoreOptions = {}): NerReport {
  const table = new CountTable(options.types);
  const falsePositives = new ErrorTally<Omit<SpanError, 'count'>>();
  const falseNegatives = new ErrorTally<Omit<SpanError, 'count'>>();
  const wrongType = new ErrorTally<Omit<WrongTypeError, 'count'>>();
  let documents = 0;
  for (const { gold, excluded, predicted } of cases) {
    documents += 1;
    const goldBySpan = new Map(gold.map((span) => [spanKey(span), span]));
    const matched = new Set<LabeledSpan>();
    const predictedSpans = new Set<string>();
    for (const prediction of unique(predicted)) {
      if (excluded.some((span) => overlaps(span, prediction))) continue;
      predictedSpans.add(spanKey(prediction));
      const expected = goldBySpan.get(spanKey(prediction));
      if (expected?.type === prediction.type) {
        table.add(prediction.type, 'tp');
        matched.add(expected);
        continue;
      }
      table.add(prediction.type, 'fp');
      if (expected) wrongType.add({ text: prediction.text, gold: expected.type, predicted: prediction.type });
      else falsePositives.add({ text: prediction.text, type: prediction.type });
    }
    for (const expected of gold) {
      if (matched.has(expected)) continue;
      table.add(expected.type, 'fn');
      if (!predictedSpans.has(spanKey(expected))) falseNegatives.add({ text: expected.text, type: expected.type });
    }
  }
  const top = options.topErrors ?? 20;
  return {
    documents,
    ...table.scores(),
    errors: {
      falsePositives: falsePositives.top(top),
      falseNegatives: falseNegatives.top(top),
      wrongType: wrongType.top(top),
    },
  };
}

function spanKey(span: LabeledSpan): string {
  return `${span.start}:${span.end}`;
}

function unique(spans: LabeledSpan[]): LabeledSpan[] {
  const seen = new Map<string, LabeledSpan>();
  for (const span of spans) seen.set(`${spanKey(span)}:${span.type}`, span);
  return [...seen.values()];
}
