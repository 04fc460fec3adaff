/**
 * The Neo4j data model, its one owner: which nodes, labels, relationships and properties a graph
 * becomes, mention counts, and the statements that write them (`planLoad`). The loader
 * (`store/load.ts`), the in-memory query engine's view (`query/graph-view.ts`), the Cypher script
 * and neo4j-admin exports and the HTML view all read the graph through this module, so a query
 * means the same on both backends and an export holds what `kg load` stores.
 * Pure, apart from reading `cypher/schema.cypher`; no driver: the load turns `integerKeys` into
 * Cypher INTEGERs.
 */
import { readFile } from 'node:fs/promises';
import { UserError } from '../errors.js';
import {
  ENTITY_TYPES,
  RELATION_PROPERTY_KEYS,
  RELATION_TYPES,
  type DocumentInfo,
  type EntityType,
  type GraphJson,
  type Entity,
  type Relation,
  type RelationPropertyKey,
  type RelationType,
} from '../types.js';

export const ENTITY_LABEL = 'Entity';
export const DOCUMENT_LABEL = 'Document';
export const MENTIONED_IN = 'MENTIONED_IN';

/** Rows per transaction (per `UNWIND` statement in the Cypher script). */
export const DEFAULT_BATCH_SIZE = 1_000;
/** Evidence sentences kept per relationship, across loads. */
export const DEFAULT_EVIDENCE_PER_RELATION = 10;
export const SCHEMA_FILE = new URL('../../cypher/schema.cypher', import.meta.url);

/** A property value as Neo4j stores it (never null: an absent property is absent). */
export type StoredValue = string | number | string[];
export type StoredProperties = Record<string, StoredValue>;

/** Every entity carries the label Entity plus its type label. */
export function entityLabels(entity: Pick<Entity, 'type'>): string[] {
  return [ENTITY_LABEL, entity.type];
}

export function entityProperties(entity: Entity): StoredProperties {
  // In the order Neo4j's keys() lists them for a loaded entity.
  return { id: entity.id, name: entity.name, type: entity.type, aliases: entity.aliases ?? [] };
}

/** What a Document node holds besides its id. */
export const DOCUMENT_FIELDS = ['source', 'title', 'date', 'url'] as const;

/** A document's properties besides its id; Neo4j stores no null properties: an absent title is absent. */
export function documentFields(document: Partial<DocumentInfo>): Record<string, string> {
  return definedOnly(Object.fromEntries(DOCUMENT_FIELDS.map((field) => [field, document[field]])));
}

export function documentProperties(document: Partial<DocumentInfo> & Pick<DocumentInfo, 'id'>): StoredProperties {
  return { id: document.id, ...documentFields(document) };
}

/**
 * The relation's own properties flattened, its confidence, and the evidence as two parallel lists
 * (`evidence` sentences, `evidenceDocuments` their documents), capped as the loader caps them.
 */
export function relationProperties(relation: Relation): StoredProperties {
  const properties: StoredProperties = definedOnly(relation.properties ?? {});
  if (relation.confidence !== undefined && relation.confidence !== null) properties.confidence = relation.confidence;
  // One load keeps the first sentences up to the cap (the loader deduplicates only across loads).
  Object.assign(properties, evidenceLists(relation, DEFAULT_EVIDENCE_PER_RELATION));
  return properties;
}

/** The evidence as two parallel lists, sentences and their documents, the first `cap` of them. */
export function evidenceLists(relation: Relation, cap = Infinity): { evidence: string[]; evidenceDocuments: string[] } {
  const evidence = (relation.evidence ?? []).slice(0, cap);
  return { evidence: evidence.map((item) => item.text), evidenceDocuments: evidence.map((item) => item.document) };
}

/**
 * `(:Entity)-[:MENTIONED_IN {count}]->(:Document)`: mentions per document, in first-mention order
 * (into `counts`, cleared first, when a caller reuses one map for many entities).
 */
export function mentionCounts(entity: Pick<Entity, 'mentions'>, counts = new Map<string, number>()): Map<string, number> {
  counts.clear();
  for (const mention of entity.mentions ?? []) counts.set(mention.document, (counts.get(mention.document) ?? 0) + 1);
  return counts;
}

/** Neo4j stores no null properties: drop undefined and null values. */
export function definedOnly<T>(values: Record<string, T | undefined | null>): Record<string, T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== null)) as Record<string, T>;
}

/** The statements of `cypher/schema.cypher`: constraints and indexes, each idempotent. */
export async function readSchema(): Promise<string[]> {
  const text = await readFile(SCHEMA_FILE, 'utf8');
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((statement) => statement.trim())
    .filter(Boolean);
}

// Statements: labels and relationship types come from our vocabulary, never from the data;
// every value is a parameter. Each starts with UNWIND_ROWS.
export const UNWIND_ROWS = 'UNWIND $rows AS row';
const entityStatement = (type: EntityType) => `
${UNWIND_ROWS}
MERGE (e:${ENTITY_LABEL} {id: row.id})
SET e:${type}, e.type = row.type,
    e.name = CASE WHEN e.name IS NULL OR size(row.name) > size(e.name) THEN row.name ELSE e.name END,
    e.aliases = coalesce(e.aliases, []) + [alias IN row.aliases WHERE NOT alias IN coalesce(e.aliases, [])]`;

const DOCUMENT_STATEMENT = `
${UNWIND_ROWS}
MERGE (d:${DOCUMENT_LABEL} {id: row.id})
SET d += row.props`;

const MENTION_STATEMENT = `
${UNWIND_ROWS}
MATCH (e:${ENTITY_LABEL} {id: row.entity})
MATCH (d:${DOCUMENT_LABEL} {id: row.document})
MERGE (e)-[m:${MENTIONED_IN}]->(d)
SET m.count = row.count`;

/** Evidence rows not already stored on the relationship as the same (sentence, document) pair. */
const FRESH_EVIDENCE = `i IN range(0, size(row.evidence) - 1)
  WHERE NOT any(j IN range(0, size(stored.evidence) - 1)
                WHERE stored.evidence[j] = row.evidence[i] AND stored.evidenceDocuments[j] = row.evidenceDocuments[i])`;

/**
 * Evidence is kept as two parallel lists (sentence, document), deduplicated on the pair and capped;
 * `keys` are the relation properties every row of the batch has. The stored properties are read
 * once, as a map, and all are written from one literal map: the planner then needs no Eager step
 * (a `SET r += row.props` costs two), and no null is written (removing an absent property is not free).
 */
const relationStatement = (type: RelationType, keys: readonly RelationPropertyKey[]) => `
${UNWIND_ROWS}
MATCH (s:${ENTITY_LABEL} {id: row.source})
MATCH (t:${ENTITY_LABEL} {id: row.target})
MERGE (s)-[r:${type}]->(t)
WITH r, row, r {.*} AS stored
SET r += {
  ${keys.map((key) => `${key}: row.${key}, `).join('')}confidence: CASE WHEN stored.confidence IS NULL OR row.confidence > stored.confidence THEN row.confidence ELSE stored.confidence END,
  evidence: CASE WHEN stored.evidence IS NULL THEN row.evidence[0..$evidenceCap]
    ELSE (stored.evidence + [${FRESH_EVIDENCE} | row.evidence[i]])[0..$evidenceCap] END,
  evidenceDocuments: CASE WHEN stored.evidence IS NULL THEN row.evidenceDocuments[0..$evidenceCap]
    ELSE (stored.evidenceDocuments + [${FRESH_EVIDENCE} | row.evidenceDocuments[i]])[0..$evidenceCap] END
}`;

export interface Step {
  what: string;
  statement: string;
  rows: Record<string, unknown>[];
  creates: 'nodes' | 'relationships';
  /** Row values that are Cypher INTEGERs (a JS number is sent as a FLOAT, which a list slice refuses). */
  integerKeys?: readonly string[];
}

export const DOCUMENT_STEP = `${DOCUMENT_LABEL} nodes`;

/** The load as a list of statements with their rows, in dependency order; rejects types and relation property names outside our vocabulary. */
export function planLoad(json: GraphJson): Step[] {
  const entityIds = new Set(json.entities.map((entity) => entity.id));
  const documentIds = new Set(json.documents.map((document) => document.id));
  const steps: Step[] = [];
  const unknownEntity = json.entities.find((entity) => !(ENTITY_TYPES as readonly string[]).includes(entity.type));
  if (unknownEntity) throw new UserError(`entity ${unknownEntity.id} has unknown type "${unknownEntity.type}" (known: ${ENTITY_TYPES.join(', ')})`);

  for (const type of ENTITY_TYPES) {
    const rows = json.entities
      .filter((entity) => entity.type === type)
      .map((entity) => ({ id: entity.id, type, name: entity.name, aliases: entity.aliases ?? [] }));
    if (rows.length) steps.push({ what: `${type} nodes`, statement: entityStatement(type), rows, creates: 'nodes' });
  }

  // Documents named only in mentions or evidence still get a node, so nothing points nowhere.
  const documentRows = json.documents.map((document) => ({ id: document.id, props: documentFields(document) }));
  // Keyed on the pair, so that entities sharing an id (a hand-edited file) add up as Neo4j would merge them.
  const mentionRows = new Map<string, { entity: string; document: string; count: number }>();
  const counts = new Map<string, number>();
  for (const entity of json.entities) {
    for (const [document, count] of mentionCounts(entity, counts)) {
      const key = `${entity.id}\u0000${document}`;
      const row = mentionRows.get(key) ?? { entity: entity.id, document, count: 0 };
      row.count += count;
      mentionRows.set(key, row);
      if (!documentIds.has(document)) {
        documentIds.add(document);
        documentRows.push({ id: document, props: {} });
      }
    }
  }
  if (documentRows.length) steps.push({ what: DOCUMENT_STEP, statement: DOCUMENT_STATEMENT, rows: documentRows, creates: 'nodes' });
  if (mentionRows.size) {
    steps.push({ what: MENTIONED_IN, statement: MENTION_STATEMENT, rows: [...mentionRows.values()], creates: 'relationships', integerKeys: ['count'] });
  }

  // One statement per type and set of properties present, so that every key in it has a value.
  const groups = new Map(RELATION_TYPES.map((type) => [type, new Map<string, { keys: RelationPropertyKey[]; rows: Record<string, unknown>[] }>()]));
  for (const relation of json.relations) {
    const byKeys = groups.get(relation.type);
    if (!byKeys) throw new UserError(`relation ${relation.source} -[${relation.type}]-> ${relation.target}: unknown type (known: ${RELATION_TYPES.join(', ')})`);
    const unknownKey = Object.keys(relation.properties ?? {}).find((key) => !(RELATION_PROPERTY_KEYS as readonly string[]).includes(key));
    if (unknownKey) {
      throw new UserError(`relation ${relation.source} -[${relation.type}]-> ${relation.target}: unknown property "${unknownKey}" (known: ${RELATION_PROPERTY_KEYS.join(', ')})`);
    }
    for (const end of [relation.source, relation.target]) {
      if (!entityIds.has(end)) throw new UserError(`relation ${relation.source} -[${relation.type}]-> ${relation.target}: no entity with id ${end}`);
    }
    const properties = definedOnly(relation.properties ?? {});
    const { evidence, evidenceDocuments } = evidenceLists(relation);
    const keys = RELATION_PROPERTY_KEYS.filter((key) => key in properties);
    const group = byKeys.get(keys.join()) ?? { keys, rows: [] };
    byKeys.set(keys.join(), group);
    group.rows.push({
      source: relation.source,
      target: relation.target,
      confidence: relation.confidence ?? null,
      evidence,
      evidenceDocuments,
      // Spread last: spreading first makes V8 build a slow dictionary object, 5× slower here.
      ...properties,
    });
  }
  for (const [type, byKeys] of groups) {
    for (const { keys, rows } of byKeys.values()) steps.push({ what: type, statement: relationStatement(type, keys), rows, creates: 'relationships' });
  }
  return steps;
}
