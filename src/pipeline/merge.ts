import { SYMMETRIC_RELATIONS, type DocumentExtraction, type Entity, type GraphJson, type Relation } from '../types.js';
import { relationKey } from '../graph/build.js';

/**
 * Cross-document resolution: one node per entity id (ids are canonical names, so "U.S." in one
 * document and "United States" in another meet), one edge per (type, source, target).
 */
export function mergeExtractions(extractions: Iterable<DocumentExtraction>): GraphJson {
  const documents: GraphJson['documents'] = [];
  const entities = new Map<string, Entity>();
  const relations = new Map<string, Relation>();
  for (const extraction of extractions) {
    documents.push(extraction.document);
    for (const entity of extraction.entities) {
      const known = entities.get(entity.id);
      if (!known) {
        entities.set(entity.id, { ...entity, aliases: [...entity.aliases], mentions: [...entity.mentions] });
        continue;
      }
      if (entity.name.length > known.name.length) {
        known.aliases.push(known.name);
        known.name = entity.name;
      }
      for (const alias of [entity.name, ...entity.aliases]) {
        if (alias !== known.name && !known.aliases.includes(alias)) known.aliases.push(alias);
      }
      known.mentions.push(...entity.mentions);
    }
    for (const relation of extraction.relations) {
      const oriented = orient(relation, relations);
      const key = relationKey(oriented);
      const known = relations.get(key);
      if (!known) {
        relations.set(key, { ...oriented, properties: { ...oriented.properties }, evidence: [...oriented.evidence] });
        continue;
      }
      known.confidence = Math.max(known.confidence, oriented.confidence);
      for (const [name, value] of Object.entries(oriented.properties)) {
        known.properties[name as keyof Relation['properties']] ??= value;
      }
      for (const evidence of oriented.evidence) {
        const duplicate = known.evidence.some(
          (e) => e.document === evidence.document && e.start === evidence.start && e.end === evidence.end,
        );
        if (!duplicate) known.evidence.push(evidence);
      }
    }
  }
  return { documents, entities: [...entities.values()], relations: [...relations.values()] };
}

/** A symmetric relation already stored the other way round keeps its first direction. */
function orient(relation: Relation, known: Map<string, Relation>): Relation {
  if (!SYMMETRIC_RELATIONS.has(relation.type)) return relation;
  const reversed = { ...relation, source: relation.target, target: relation.source };
  return known.has(relationKey(reversed)) ? reversed : relation;
}
