/**
 * What a Neo4j user sees of our graph: labels, relationship types and properties of entities,
 * relations, documents and MENTIONED_IN. The in-memory engine reads the graph through this mapping,
 * so a query means the same on both backends.
 */
import type { DocumentInfo, Entity, Relation } from '../types.js';
import type { Properties } from './values.js';

export const ENTITY_LABEL = 'Entity';
export const DOCUMENT_LABEL = 'Document';
export const MENTIONED_IN = 'MENTIONED_IN';

export function entityLabels(entity: Pick<Entity, 'type'>): string[] {
  return [ENTITY_LABEL, entity.type];
}

export function entityProperties(entity: Entity): Properties {
  return { id: entity.id, name: entity.name, aliases: entity.aliases, type: entity.type };
}

/** The relation's own properties flattened, its confidence, and the evidence as parallel lists. */
export function relationProperties(relation: Relation): Properties {
  const properties: Properties = {};
  for (const [key, value] of Object.entries(relation.properties)) if (value !== undefined) properties[key] = value;
  properties.confidence = relation.confidence;
  properties.evidence = relation.evidence.map((evidence) => evidence.text);
  properties.documents = relation.evidence.map((evidence) => evidence.document);
  return properties;
}

/** Neo4j stores no null properties: an absent title is absent. */
export function documentProperties(document: DocumentInfo): Properties {
  const properties: Properties = { id: document.id, source: document.source };
  if (document.title !== undefined) properties.title = document.title;
  return properties;
}

/** `(:Entity)-[:MENTIONED_IN {count}]->(:Document)`: mentions per document, in first-mention order. */
export function mentionCounts(entity: Entity): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mention of entity.mentions) counts.set(mention.document, (counts.get(mention.document) ?? 0) + 1);
  return counts;
}
