import { relationKey, SYMMETRIC_RELATIONS, type DocumentExtraction, type Entity, type GraphJson, type Relation } from '../types.js';
import { isAcronym } from './entities/shapes.js';
import { isAcronymOf, significantWords } from './resolve.js';

/**
 * Cross-document resolution: one node per real thing. Ids are canonical names, so "U.S." in one
 * document and "United States" in another meet; a bare surname or acronym joins the one full name
 * of the run it can belong to ("Obama" → "Barack Obama"), never a thing of another type.
 * One edge per (type, source, target), with the evidence of every document.
 */
export function mergeExtractions(extractions: Iterable<DocumentExtraction>): GraphJson {
  const documents: GraphJson['documents'] = [];
  const entities = new Map<string, Entity>();
  const pending: Relation[] = [];
  for (const extraction of extractions) {
    documents.push(extraction.document);
    for (const entity of extraction.entities) {
      const known = entities.get(entity.id);
      if (known) absorb(known, entity);
      else entities.set(entity.id, { ...entity, aliases: [...entity.aliases], mentions: [...entity.mentions] });
    }
    pending.push(...extraction.relations);
  }

  const renamed = shortFormTargets([...entities.values()]);
  for (const [from, to] of renamed) {
    absorb(entities.get(to)!, entities.get(from)!);
    entities.delete(from);
  }

  const relations = new Map<string, Relation>();
  for (const raw of pending) {
    const source = renamed.get(raw.source) ?? raw.source;
    const target = renamed.get(raw.target) ?? raw.target;
    if (source === target) continue;
    const relation = orient({ ...raw, source, target }, relations);
    const key = relationKey(relation);
    const known = relations.get(key);
    if (!known) {
      relations.set(key, { ...relation, properties: { ...relation.properties }, evidence: [...relation.evidence] });
      continue;
    }
    known.confidence = Math.max(known.confidence, relation.confidence);
    for (const [name, value] of Object.entries(relation.properties)) {
      known.properties[name as keyof Relation['properties']] ??= value;
    }
    for (const evidence of relation.evidence) {
      const duplicate = known.evidence.some((e) => e.document === evidence.document && e.start === evidence.start && e.end === evidence.end);
      if (!duplicate) known.evidence.push(evidence);
    }
  }
  for (const entity of entities.values()) displayMostFrequentForm(entity);
  return { documents, entities: [...entities.values()], relations: [...relations.values()] };
}

/**
 * An entity is shown under the most frequent spelling of its full name ("New York", not a
 * headline's "NEW YORK" or a one-off "New  York" seen first); other spellings stay aliases.
 */
function displayMostFrequentForm(entity: Entity): void {
  const loose = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const target = loose(entity.name);
  const counts = new Map<string, number>();
  for (const mention of entity.mentions) {
    const form = mention.text.replace(/\s+/g, ' ');
    if (loose(form) === target) counts.set(form, (counts.get(form) ?? 0) + 1);
  }
  let best = entity.name;
  for (const [form, count] of counts) if (count > (counts.get(best) ?? 0)) best = form;
  if (best === entity.name) return;
  entity.aliases = [entity.name, ...entity.aliases.filter((alias) => alias !== best)];
  entity.name = best;
}

/** Merge `other` (same real thing) into `into`: the fullest name wins, every other form is an alias. */
function absorb(into: Entity, other: Entity): void {
  if (other.name.length > into.name.length && other.type === into.type && other.id === into.id) {
    into.aliases.push(into.name);
    into.name = other.name;
  }
  for (const alias of [other.name, ...other.aliases]) {
    if (alias !== into.name && !into.aliases.includes(alias)) into.aliases.push(alias);
  }
  into.mentions.push(...other.mentions);
}

/**
 * Short forms with exactly one long form of the same kind in the run: a one-word person name that
 * is the last word of one longer person name, an acronym that spells one longer name. Long forms
 * are indexed by last word and by initials, so this stays linear in the number of entities.
 */
function shortFormTargets(all: Entity[]): Map<string, string> {
  const byLastWord = new Map<string, Entity[]>();
  const byInitials = new Map<string, Entity[]>();
  const push = (index: Map<string, Entity[]>, key: string, entity: Entity): void => {
    index.set(key, [...(index.get(key) ?? []), entity]);
  };
  for (const entity of all) {
    const words = entity.name.split(/\s+/);
    if (entity.type === 'Person' && words.length > 1) push(byLastWord, words.at(-1)!, entity);
    // A long form is spelt out: one that itself starts with an acronym ("HRH Duchess") expands nothing.
    if (isExpandable(entity) && words.length > 1 && !isAcronym(words[0]!)) {
      const initials = significantWords(entity.name).map((w) => w[0]!.toUpperCase()).join('');
      push(byInitials, initials, entity);
      push(byInitials, initials.slice(0, -1), entity);
    }
  }
  const targets = new Map<string, string>();
  for (const entity of all) {
    let candidates: Entity[] = [];
    if (entity.type === 'Person' && !/\s/.test(entity.name)) candidates = byLastWord.get(entity.name) ?? [];
    else if (isExpandable(entity)) {
      const letters = entity.name.split(/\s+/)[0]!.replace(/[.&-]/g, '');
      candidates = (byInitials.get(letters) ?? []).filter((long) => long !== entity && isAcronymOf(entity.name, long.name));
    }
    const unique = [...new Set(candidates)];
    const target = unique.length === 1 ? unique[0] : entity.type === 'Person' && unique.length > 1 ? bySurnameVotes(entity.name, unique) : undefined;
    if (target && target.id !== entity.id) targets.set(entity.id, target.id);
  }
  // "US" → "US Steel" → "US Steel Corp": every short form points at the end of its chain, and a
  // short form that is itself the target of a cycle stays where it is.
  const settled = new Map<string, string>();
  for (const from of targets.keys()) {
    const seen = new Set([from]);
    let to = targets.get(from)!;
    while (targets.has(to) && !seen.has(to)) {
      seen.add(to);
      to = targets.get(to)!;
    }
    if (!seen.has(to)) settled.set(from, to);
  }
  return settled;
}

/**
 * "Reagan" with "Ronald Reagan", "Nancy Reagan" and "Michael Reagan" in the run: the full name the
 * documents themselves resolved the surname to, when it holds a clear majority of those readings
 * (three in four, at least two): each document only joined them where nothing contradicted it.
 */
function bySurnameVotes(surname: string, candidates: Entity[]): Entity | undefined {
  const votes = candidates.map((candidate) => ({ candidate, count: candidate.mentions.filter((m) => m.text === surname).length }));
  const total = votes.reduce((sum, v) => sum + v.count, 0);
  const best = votes.reduce((a, b) => (b.count > a.count ? b : a));
  return best.count >= 2 && best.count * 4 >= total * 3 ? best.candidate : undefined;
}

const isExpandable = (e: Entity): boolean => e.type === 'Organization' || e.type === 'Treaty' || e.type === 'Event';

/** A symmetric relation already stored the other way round keeps its first direction. */
function orient(relation: Relation, known: Map<string, Relation>): Relation {
  if (!SYMMETRIC_RELATIONS.has(relation.type)) return relation;
  const reversed = { ...relation, source: relation.target, target: relation.source };
  return known.has(relationKey(reversed)) ? reversed : relation;
}
