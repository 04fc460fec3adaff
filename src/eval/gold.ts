import { UserError } from '../errors.js';
import {
  ENTITY_TYPES,
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
}

/** An expected relation; `source` and `target` are indices of gold entities, any of which may stand there. */
export interface GoldRelation {
  type: RelationType;
  source: number[];
  target: number[];
}

/** One gold file: the document (a path relative to the gold file, or inline text) and what it should yield. */
export interface GoldAnnotations {
  document?: string;
  text?: string;
  entities: GoldEntity[];
  relations: GoldRelation[];
}

interface RawGold {
  document?: unknown;
  text?: unknown;
  entities?: unknown;
  relations?: unknown;
}

/**
 * Read a gold file: `{"document": "path" | "text": "...", "entities": [{"type", "names"}],
 * "relations": [{"type", "source", "target"}]}`. `type` (entities) and `source`/`target` may be
 * a list of accepted alternatives; relation ends name gold entities by any of their names.
 */
export function parseGoldFile(content: string, name: string): GoldAnnotations {
  let raw: RawGold;
  try {
    raw = JSON.parse(content) as RawGold;
  } catch (error) {
    throw new UserError(`${name}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new UserError(`${name}: expected a JSON object`);
  const fail = (where: string, message: string): never => {
    throw new UserError(`${name}: ${where}: ${message}`);
  };
  if ((typeof raw.document === 'string') === (typeof raw.text === 'string')) {
    fail('document', 'give exactly one of "document" (a path relative to this file) or "text"');
  }
  if (!Array.isArray(raw.entities)) fail('entities', 'expected a list');
  const entities = (raw.entities as unknown[]).map((item, index): GoldEntity => {
    const where = `entities[${index}]`;
    const { type, names } = (item ?? {}) as { type?: unknown; names?: unknown };
    const types = oneOrMany(type).map((value) =>
      ENTITY_TYPES.includes(value as EntityType)
        ? (value as EntityType)
        : fail(`${where}.type`, `"${String(value)}" is not one of ${ENTITY_TYPES.join(', ')}`),
    );
    const nameList = oneOrMany(names).filter((value): value is string => typeof value === 'string' && value.trim() !== '');
    if (types.length === 0) fail(`${where}.type`, 'missing');
    if (nameList.length === 0) fail(`${where}.names`, 'expected a list of names');
    return { types, names: nameList };
  });
  const byName = new Map<string, number>();
  entities.forEach((entity, index) => entity.names.forEach((entityName) => byName.set(normalize(entityName), index)));
  const endpoint = (value: unknown, where: string): number[] => {
    const names = oneOrMany(value);
    if (names.length === 0) fail(where, 'missing');
    return names.map((entityName) => byName.get(normalize(String(entityName))) ?? fail(where, `"${String(entityName)}" names no gold entity`));
  };
  const relations = (Array.isArray(raw.relations) ? raw.relations : fail('relations', 'expected a list')).map(
    (item: unknown, index: number): GoldRelation => {
      const where = `relations[${index}]`;
      const { type, source, target } = (item ?? {}) as { type?: unknown; source?: unknown; target?: unknown };
      if (!RELATION_TYPES.includes(type as RelationType)) {
        fail(`${where}.type`, `"${String(type)}" is not one of ${RELATION_TYPES.join(', ')}`);
      }
      return { type: type as RelationType, source: endpoint(source, `${where}.source`), target: endpoint(target, `${where}.target`) };
    },
  );
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

export interface EntityError {
  type: string;
  name: string;
  /** Why a prediction is wrong: it matches no gold entity, or one already matched by another prediction. */
  reason?: 'unmatched' | 'duplicate';
  document: string;
}

export interface GoldRelationError {
  type: string;
  source: string;
  target: string;
  document: string;
}

export interface GoldReport {
  documents: number;
  entities: PrfTable & { falsePositives: EntityError[]; falseNegatives: EntityError[] };
  relations: PrfTable & { falsePositives: GoldRelationError[]; falseNegatives: GoldRelationError[] };
}

/**
 * Document-level scoring. A predicted entity matches a gold entity when the types agree and one of
 * its names (name or alias) equals one of the gold names, ignoring case; a second prediction
 * matching the same gold entity is a false positive (duplicate). A predicted relation matches when
 * its type agrees and its ends resolve to the gold ends (either way round for symmetric types);
 * predictions that repeat an already matched gold relation are not counted.
 */
export function scoreGold(cases: Iterable<GoldCase>): GoldReport {
  const entityTable = new CountTable();
  const relationTable = new CountTable();
  const entityFalsePositives: EntityError[] = [];
  const entityFalseNegatives: EntityError[] = [];
  const relationFalsePositives: GoldRelationError[] = [];
  const relationFalseNegatives: GoldRelationError[] = [];
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
      const match = candidates.find(({ index }) => !matchedEntities.has(index)) ?? candidates[0];
      if (match) goldOf.set(entity.id, match.index);
      if (match && !matchedEntities.has(match.index)) {
        matchedEntities.add(match.index);
        entityTable.add(entity.type, 'tp');
      } else {
        entityTable.add(entity.type, 'fp');
        entityFalsePositives.push({ type: entity.type, name: entity.name, reason: match ? 'duplicate' : 'unmatched', document: id });
      }
    }
    gold.entities.forEach((expected, index) => {
      if (matchedEntities.has(index)) return;
      entityTable.add(expected.types[0]!, 'fn');
      entityFalseNegatives.push({ type: expected.types.join('|'), name: expected.names[0]!, document: id });
    });

    const nameOf = new Map(predicted.entities.map((entity) => [entity.id, entity.name]));
    const goldName = (index: number): string => gold.entities[index]!.names[0]!;
    const matchedRelations = new Set<number>();
    const seen = new Set<string>();
    for (const relation of predicted.relations) {
      const source = goldOf.get(relation.source);
      const target = goldOf.get(relation.target);
      const key = `${relation.type}|${source ?? relation.source}|${target ?? relation.target}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const candidates = gold.relations
        .map((expected, index) => ({ expected, index }))
        .filter(({ expected }) => expected.type === relation.type && endsMatch(expected, source, target));
      const match = candidates.find(({ index }) => !matchedRelations.has(index)) ?? candidates[0];
      if (match && matchedRelations.has(match.index)) continue;
      if (match) {
        matchedRelations.add(match.index);
        relationTable.add(relation.type, 'tp');
      } else {
        relationTable.add(relation.type, 'fp');
        relationFalsePositives.push({
          type: relation.type,
          source: nameOf.get(relation.source) ?? relation.source,
          target: nameOf.get(relation.target) ?? relation.target,
          document: id,
        });
      }
    }
    gold.relations.forEach((expected, index) => {
      if (matchedRelations.has(index)) return;
      relationTable.add(expected.type, 'fn');
      relationFalseNegatives.push({
        type: expected.type,
        source: expected.source.map(goldName).join('|'),
        target: expected.target.map(goldName).join('|'),
        document: id,
      });
    });
  }
  return {
    documents,
    entities: { ...entityTable.scores(), falsePositives: entityFalsePositives, falseNegatives: entityFalseNegatives },
    relations: { ...relationTable.scores(), falsePositives: relationFalsePositives, falseNegatives: relationFalseNegatives },
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
