import type { DocumentExtraction, EntityType, RelationType } from '../types.js';
import type { PredictedSpanRelation } from './relations.js';
import type { LabeledSpan } from './spans.js';

/** Pipeline entity types in CoNLL names; Treaty and Event have none and are not scored. */
export const CONLL_ENTITY_TYPES: Partial<Record<EntityType, string>> = {
  Person: 'PER',
  Country: 'LOC',
  Place: 'LOC',
  Organization: 'ORG',
};

/** Pipeline relation types in CoNLL04 names; the others have no CoNLL04 counterpart. */
export const CONLL04_RELATION_TYPES: Partial<Record<RelationType, string>> = {
  LOCATED_IN: 'Located_In',
  WORKS_FOR: 'Work_For',
  LEADER_OF: 'Work_For',
  BASED_IN: 'OrgBased_In',
  LIVES_IN: 'Live_In',
  KILLED: 'Kill',
};

/**
 * CoNLL04's Work_For joins people to organizations; an office in a country ("Croatian President
 * Tudjman") is annotated there as Live_In, the official's nationality. We state it as the office.
 */
const isOffice = (type: RelationType): boolean => type === 'LEADER_OF' || type === 'WORKS_FOR';

/** Every mention of every entity whose type has a CoNLL name, as a labeled span. */
export function predictedMentions(extraction: DocumentExtraction): LabeledSpan[] {
  return extraction.entities.flatMap((entity) => {
    const type = CONLL_ENTITY_TYPES[entity.type];
    if (!type) return [];
    return entity.mentions
      .filter((mention) => mention.document === extraction.document.id)
      .map(({ start, end, text }) => ({ start, end, text, type }));
  });
}

/** Relations with a CoNLL04 type, once per (type, source, target), with their ends' mentions. */
export function predictedRelations(extraction: DocumentExtraction): PredictedSpanRelation[] {
  const entities = new Map(extraction.entities.map((entity) => [entity.id, entity]));
  const predicted = new Map<string, PredictedSpanRelation>();
  for (const relation of extraction.relations) {
    const source = entities.get(relation.source);
    const target = entities.get(relation.target);
    const type = target && isOffice(relation.type) && target.type === 'Country' ? 'Live_In' : CONLL04_RELATION_TYPES[relation.type];
    const key = `${type}|${relation.source}|${relation.target}`;
    if (!type || !source || !target || predicted.has(key)) continue;
    predicted.set(key, {
      type,
      source: source.name,
      target: target.name,
      sourceMentions: source.mentions.filter((mention) => mention.document === extraction.document.id),
      targetMentions: target.mentions.filter((mention) => mention.document === extraction.document.id),
    });
  }
  return [...predicted.values()];
}
