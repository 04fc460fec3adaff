/**
 * What a Neo4j user sees of our graph: labels, relationship types and properties of entities,
 * relations, documents and MENTIONED_IN, exactly as `src/store/neo4j.ts` loads them. The in-memory
 * engine reads the graph through this mapping, so a query means the same on both backends.
 */
import { DEFAULT_EVIDENCE_PER_RELATION, definedOnly } from '../store/neo4j.js';
import type { DocumentInfo, Entity, Relation } from '../types.js';
import type { Properties } from './values.js';

export const ENTITY_LABEL = 'Entity';
export const DOCUMENT_LABEL = 'Document';
export const MENTIONED_IN = 'MENTIONED_IN';

export function entityLabels(entity: Pick<Entity, 'type'>): string[] {
  return [ENTITY_LABEL, entity.type];
}

export function entityProperties(entity: Entity): Properties {
  // In the order Neo4j's keys() lists them for a loaded entity.
  return { id: entity.id, name: entity.name, type: entity.type, aliases: entity.aliases ?? [] };
}

/**
 * The relation's own properties flattened, its confidence, and the evidence as two parallel lists
 * (`evidence` sentences, `evidenceDocuments` their documents), capped as the loader caps them.
 */
export function relationProperties(relation: Relation): Properties {
  const properties: Properties = {};
  for (const key in relation.properties) {
    const value = relation.properties[key as keyof Relation['properties']];
    if (value !== undefined && value !== null) properties[key] = value;
  }
  if (relation.confidence !== undefined && relation.confidence !== null) properties.confidence = relation.confidence;
  // One load keeps the first sentences up to the cap (the loader deduplicates only across loads).
  const evidence = (relation.evidence ?? []).slice(0, DEFAULT_EVIDENCE_PER_RELATION);
  properties.evidence = evidence.map((item) => item.text);
  properties.evidenceDocuments = evidence.map((item) => item.document);
  return properties;
}

/** Neo4j stores no null properties: an absent title is absent. */
export function documentProperties(document: Partial<DocumentInfo> & Pick<DocumentInfo, 'id'>): Properties {
  return definedOnly({ id: document.id, source: document.source, title: document.title, date: document.date, url: document.url });
}

/**
 * `(:Entity)-[:MENTIONED_IN {count}]->(:Document)`: mentions per document, in first-mention order
 * (into `counts`, cleared first, when a caller reuses one map for many entities).
 */
export function mentionCounts(entity: Entity, counts = new Map<string, number>()): Map<string, number> {
  counts.clear();
  for (const mention of entity.mentions ?? []) counts.set(mention.document, (counts.get(mention.document) ?? 0) + 1);
  return counts;
}
