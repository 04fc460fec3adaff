import type { GoldSpanRelation } from './conll04.js';
import { CountTable, ErrorTally, type PrfTable } from './prf.js';
import { overlaps, type Span } from './spans.js';

/** A predicted relation in the gold's type names: the mentions of its source and of its target. */
export interface PredictedSpanRelation {
  type: string;
  source: string;
  target: string;
  sourceMentions: Span[];
  targetMentions: Span[];
}

export interface SpanRelationCase {
  relations: GoldSpanRelation[];
  predicted: PredictedSpanRelation[];
}

export interface RelationError {
  type: string;
  source: string;
  target: string;
  count: number;
}

export interface SpanRelationReport extends PrfTable {
  documents: number;
  errors: { falsePositives: RelationError[]; falseNegatives: RelationError[] };
}

/**
 * Relation scoring on span annotations: a prediction matches a gold relation of its type when a
 * mention of its source overlaps the gold head and a mention of its target overlaps the gold tail.
 * Each gold relation is matched at most once.
 */
export function scoreSpanRelations(
  cases: Iterable<SpanRelationCase>,
  options: { types?: readonly string[]; topErrors?: number } = {},
): SpanRelationReport {
  const table = new CountTable(options.types);
  const falsePositives = new ErrorTally<Omit<RelationError, 'count'>>();
  const falseNegatives = new ErrorTally<Omit<RelationError, 'count'>>();
  let documents = 0;
  for (const { relations, predicted } of cases) {
    documents += 1;
    const matched = new Set<GoldSpanRelation>();
    for (const prediction of predicted) {
      const gold = relations.find(
        (relation) =>
          !matched.has(relation) &&
          relation.type === prediction.type &&
          prediction.sourceMentions.some((mention) => overlaps(mention, relation.head)) &&
          prediction.targetMentions.some((mention) => overlaps(mention, relation.tail)),
      );
      if (gold) {
        matched.add(gold);
        table.add(gold.type, 'tp');
      } else {
        table.add(prediction.type, 'fp');
        falsePositives.add({ type: prediction.type, source: prediction.source, target: prediction.target });
      }
    }
    for (const relation of relations) {
      if (matched.has(relation)) continue;
      table.add(relation.type, 'fn');
      falseNegatives.add({ type: relation.type, source: relation.head.text, target: relation.tail.text });
    }
  }
  const top = options.topErrors ?? 20;
  return {
    documents,
    ...table.scores(),
    errors: { falsePositives: falsePositives.top(top), falseNegatives: falseNegatives.top(top) },
  };
}
