import { UserError } from '../errors.js';
import {
  ENTITY_TYPES,
  RELATION_PROPERTY_KEYS,
  RELATION_TYPES,
  SYMMETRIC_RELATIONS,
  type Entity,
  type EntityType,
  type Relation,
  type RelationType,
} from '../types.js';
import { CountTable, type PrfTable } from './prf.js';

/** An expected entity: any of `types` (usually one) and every name it may appear under. */
export interface GoldEntity {
  types: EntityType[];
  names: string[];
  /** Borderline: predicting it is neither rewarded nor punished. */
  optional: boolean;
}

/** An expected relation; `source` and `target` are indices of gold entities, any of which may stand there. */
export interface GoldRelation {
  type: RelationType;
  source: number[];
  target: number[];
  /** World knowledge or a near-miss: predicting it is neither rewarded nor punished. */
  optional: boolean;
}

/**
 * One gold file: the document (a corpus id, or a path relative to the gold file; or inline text)
 * and what it should yield.
 */
export interface GoldAnnotations {
  document?: string;
  text?: string;
  entities: GoldEntity[];
  relations: GoldRelation[];
}

const FILE_KEYS = ['document', 'text', 'entities', 'relations'];
const ENTITY_KEYS = ['type', 'names', 'optional'];
/** Relation properties may be written down (`place` must name a gold entity) but are not scored. */
const RELATION_KEYS = ['type', 'source', 'target', 'optional', ...RELATION_PROPERTY_KEYS];

/**
 * Read a gold file: `{"document": "id or path" | "text": "...", "entities": [{"type", "names",
 * "optional"?}], "relations": [{"type", "source", "target", "optional"?}]}`. `type` (entities) and
 * `source`/`target` may be a list of accepted alternatives; relation ends name gold entities by any
 * of their names. Anything that could be a typo fails: an unknown field, a name that names no
 * entity or two of them.
 */
export function parseGoldFile(content: string, name: string): GoldAnnotations {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(content) as Record<string, unknown>;
  } catch (error) {
    throw new UserError(`${name}: not valid JSON (${(error as Error).message})`);
  }
  const fail = (where: string, message: string): never => {
    throw new UserError(`${name}: ${where}: ${message}`);
  };
  const object = (value: unknown, where: string, keys: string[]): Record<string, unknown> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(where, 'expected a JSON object');
    const unknown = Object.keys(value).find((key) => !keys.includes(key));
    if (unknown !== undefined) fail(where, `unknown field "${unknown}" (expected ${keys.join(', ')})`);
    return value as Record<string, unknown>;
  };
  const optional = (value: unknown, where: string): boolean =>
    value === undefined || typeof value === 'boolean' ? value === true : fail(`${where}.optional`, 'expected true or false');
  const list = (value: unknown, where: string): unknown[] => (Array.isArray(value) ? value : fail(where, 'expected a list'));

  object(raw, 'file', FILE_KEYS);
  if ((typeof raw.document === 'string') === (typeof raw.text === 'string')) {
    fail('document', 'give exactly one of "document" (a corpus id or a path relative to this file) or "text"');
  }
  const entities = list(raw.entities, 'entities').map((item, index): GoldEntity => {
    const where = `entities[${index}]`;
    const { type, names, optional: isOptional } = object(item, where, ENTITY_KEYS);
    const types = oneOrMany(type).map((value) =>
      ENTITY_TYPES.includes(value as EntityType)
        ? (value as EntityType)
        : fail(`${where}.type`, `"${String(value)}" is not one of ${ENTITY_TYPES.join(', ')}`),
    );
    const nameList = oneOrMany(names).filter((value): value is string => typeof value === 'string' && value.trim() !== '');
    if (types.length === 0) fail(`${where}.type`, 'missing');
    if (nameList.length === 0) fail(`${where}.names`, 'expected a list of names');
    return { types, names: nameList, optional: optional(isOptional, where) };
  });
  const byName = new Map<string, number>();
  entities.forEach((entity, index) =>
    entity.names.forEach((entityName) => {
      const other = byName.get(normalize(entityName));
      if (other !== undefined && other !== index) fail(`entities[${index}].names`, `"${entityName}" also names entities[${other}]`);
      byName.set(normalize(entityName), index);
    }),
  );
  const endpoint = (value: unknown, where: string): number[] => {
    const names = oneOrMany(value);
    if (names.length === 0) fail(where, 'missing');
    return names.map((entityName) => byName.get(normalize(String(entityName))) ?? fail(where, `"${String(entityName)}" names no gold entity`));
  };
  const relations = list(raw.relations, 'relations').map((item, index): GoldRelation => {
    const where = `relations[${index}]`;
    const { type, source, target, optional: isOptional, place } = object(item, where, RELATION_KEYS);
    if (!RELATION_TYPES.includes(type as RelationType)) {
      fail(`${where}.type`, `"${String(type)}" is not one of ${RELATION_TYPES.join(', ')}`);
    }
    if (place !== undefined) endpoint(place, `${where}.place`);
    return {
      type: type as RelationType,
      source: endpoint(source, `${where}.source`),
      target: endpoint(target, `${where}.target`),
      optional: optional(isOptional, where),
    };
  });
  return {
    ...(typeof raw.document === 'string' ? { document: raw.document } : { text: raw.text as string }),
    entities,
    relations,
  };
}

/** A gold document and the pipeline's output on it. */
export interface GoldCase {
  id: string;
  gold: GoldAnnotations;
  predicted: { entities: Entity[]; relations: Relation[] };
}

/** Why a prediction is wrong: it matches nothing in the gold, or a gold item already matched by another prediction. */
export type FalsePositiveReason = 'unmatched' | 'duplicate';

export interface EntityError {
  type: string;
  name: string;
  reason?: FalsePositiveReason;
  document: string;
}

export interface GoldRelationError {
  type: string;
  source: string;
  target: string;
  reason?: FalsePositiveReason;
  document: string;
  /** A false positive's evidence sentence. */
  sentence?: string;
}

export interface GoldScores<Error> extends PrfTable {
  /** Predictions that matched an optional gold item: neither rewarded nor punished. */
  optionalMatches: number;
  falsePositives: Error[];
  falseNegatives: Error[];
}

export interface GoldReport {
  documents: number;
  entities: GoldScores<EntityError>;
  relations: GoldScores<GoldRelationError>;
}

/**
 * Which gold item a prediction stands for: an unmatched required one first, then an unmatched
 * optional one, then (a duplicate) one already matched; undefined when none fits.
 */
function pickMatch<T extends { optional: boolean }>(candidates: { expected: T; index: number }[], matched: Set<number>) {
  return (
    candidates.find(({ expected, index }) => !expected.optional && !matched.has(index)) ??
    candidates.find(({ index }) => !matched.has(index)) ??
    candidates[0]
  );
}

/**
 * Document-level scoring. A predicted entity matches a gold entity when the types agree and one of
 * its names (name or alias) equals one of the gold names, ignoring case. A predicted relation
 * matches when its type agrees and its ends resolve to gold ends (any listed alternative; either
 * way round for symmetric types). A match with an optional gold item is not counted at all; a
 * second prediction of an already matched gold item (a duplicate node, a fact predicted twice or
 * through a duplicate) is a false positive.
 */
export function scoreGold(cases: Iterable<GoldCase>): GoldReport {
  const entityTable = new CountTable();
  const relationTable = new CountTable();
  const entities = { optionalMatches: 0, falsePositives: [] as EntityError[], falseNegatives: [] as EntityError[] };
  const relations = { optionalMatches: 0, falsePositives: [] as GoldRelationError[], falseNegatives: [] as GoldRelationError[] };
  let documents = 0;
  for (const { id, gold, predicted } of cases) {
    documents += 1;
    const goldOf = new Map<string, number>();
    const matchedEntities = new Set<number>();
    for (const entity of predicted.entities) {
      const names = new Set([entity.name, ...entity.aliases].map(normalize));
      const candidates = gold.entities
        .map((expected, index) => ({ expected, index }))
        .filter(({ expected }) => expected.types.includes(entity.type) && expected.names.some((n) => names.has(normalize(n))));
      const match = pickMatch(candidates, matchedEntities);
      if (match) goldOf.set(entity.id, match.index);
      if (match && !matchedEntities.has(match.index)) {
        matchedEntities.add(match.index);
        if (match.expected.optional) entities.optionalMatches += 1;
        else entityTable.add(entity.type, 'tp');
      } else {
        entityTable.add(entity.type, 'fp');
        entities.falsePositives.push({ type: entity.type, name: entity.name, reason: match ? 'duplicate' : 'unmatched', document: id });
      }
    }
    gold.entities.forEach((expected, index) => {
      if (matchedEntities.has(index) || expected.optional) return;
      entityTable.add(expected.types[0]!, 'fn');
      entities.falseNegatives.push({ type: expected.types.join('|'), name: expected.names[0]!, document: id });
    });

    const nameOf = new Map(predicted.entities.map((entity) => [entity.id, entity.name]));
    const goldName = (index: number): string => gold.entities[index]!.names[0]!;
    const matchedRelations = new Set<number>();
    for (const relation of predicted.relations) {
      const source = goldOf.get(relation.source);
      const target = goldOf.get(relation.target);
      const candidates = gold.relations
        .map((expected, index) => ({ expected, index }))
        .filter(({ expected }) => expected.type === relation.type && endsMatch(expected, source, target));
      const match = pickMatch(candidates, matchedRelations);
      if (match && !matchedRelations.has(match.index)) {
        matchedRelations.add(match.index);
        if (match.expected.optional) relations.optionalMatches += 1;
        else relationTable.add(relation.type, 'tp');
      } else {
        relationTable.add(relation.type, 'fp');
        const sentence = relation.evidence[0]?.text;
        relations.falsePositives.push({
          type: relation.type,
          source: nameOf.get(relation.source) ?? relation.source,
          target: nameOf.get(relation.target) ?? relation.target,
          reason: match ? 'duplicate' : 'unmatched',
          document: id,
          ...(sentence !== undefined && { sentence }),
        });
      }
    }
    gold.relations.forEach((expected, index) => {
      if (matchedRelations.has(index) || expected.optional) return;
      relationTable.add(expected.type, 'fn');
      relations.falseNegatives.push({
        type: expected.type,
        source: expected.source.map(goldName).join('|'),
        target: expected.target.map(goldName).join('|'),
        document: id,
      });
    });
  }
  return {
    documents,
    entities: { ...entityTable.scores(), ...entities },
    relations: { ...relationTable.scores(), ...relations },
  };
}

function endsMatch(expected: GoldRelation, source: number | undefined, target: number | undefined): boolean {
  if (source === undefined || target === undefined) return false;
  const forward = expected.source.includes(source) && expected.target.includes(target);
  const backward = expected.source.includes(target) && expected.target.includes(source);
  return forward || (SYMMETRIC_RELATIONS.has(expected.type) && backward);
}

function oneOrMany(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function normalize(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}
