/**
 * What a Neo4j user sees of our graph: labels, relationship types and properties of entities,
 * relations, documents and MENTIONED_IN, exactly as `src/store/neo4j.ts` loads them. The in-memory
 * engine reads the graph through this mapping, so a query means the same on both backends.
 */
import { DEFAULT_EVIDENCE_PER_RELATION } from '../store/neo4j.js';
import type { DocumentInfo, Entity, Relation } from '../types.js';
import type { Properties } from './values.js';

export const ENTITY_LABEL = 'Entity';
export const DOCUMENT_LABEL = 'Document';
export const MENTIONED_IN = 'MENTIONED_IN';

export function entityLabels(entity: Pick<Entity, 'type'>): string[] {
  return [ENTITY_LABEL, entity.type];
}

export function entityProperties(entity: Entity): Properties {
  return { id: entity.id, name: entity.name, aliases: entity.aliases ?? [], type: entity.type };
}

/**
 * The relation's own properties flattened, its confidence, and the evidence as two parallel lists
 * (`evidence` sentences, `evidenceDocuments` their documents), deduplicated on the pair and capped.
 */
export function relationProperties(relation: Relation): Properties {
  const properties = definedOnly({ ...relation.properties, confidence: relation.confidence });
  const seen = new Set<string>();
  const evidence = (relation.evidence ?? []).filter(({ text, document }) => {
    const key = `${text}\u0000${document}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const kept = evidence.slice(0, DEFAULT_EVIDENCE_PER_RELATION);
  properties.evidence = kept.map((item) => item.text);
  properties.evidenceDocuments = kept.map((item) => item.document);
  return properties;
}

/** Neo4j stores no null properties: an absent title is absent. */
export function documentProperties(document: Partial<DocumentInfo> & Pick<DocumentInfo, 'id'>): Properties {
  return definedOnly({ id: document.id, source: document.source, title: document.title, date: document.date, url: document.url });
}

function definedOnly(values: Record<string, Properties[string] | undefined>): Properties {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== null)) as Properties;
}

/** `(:Entity)-[:MENTIONED_IN {count}]->(:Document)`: mentions per document, in first-mention order. */
export function mentionCounts(entity: Entity): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mention of entity.mentions ?? []) counts.set(mention.document, (counts.get(mention.document) ?? 0) + 1);
  return counts;
}
