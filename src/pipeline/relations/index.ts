import type { Evidence, Relation, RelationProperties, RelationType, Sentence } from '../../types.js';
import type { AnalyzedText } from '../analyze.js';
import { getGazetteer, nameKey, type Title } from '../entities/gazetteer.js';
import type { CorefLink } from '../coreference.js';
import type { Resolved } from '../resolve.js';
import { compilePattern, matchAll, sentenceItems, summarize, type Item, type Match, type TitleMatcher } from './match.js';
import { RELATION_RULES, type RelationRule } from './rules.js';

const COMPILED = RELATION_RULES.map((rule) => ({ rule, pattern: compilePattern(rule.pattern) }));

/** Relations stated in the sentences of one document: the rule table, plus titles ("Chinese President Hu Jintao"). */
export function findRelations(documentId: string, analyzed: AnalyzedText, resolved: Resolved, links: CorefLink[] = []): Relation[] {
  const relations: Relation[] = [];
  const evidence = (sentence: Sentence): Evidence => ({ document: documentId, start: sentence.start, end: sentence.end, text: sentence.text });
  const idOf = (entity: number): string => resolved.entities[entity]!.id;
  const emit = (type: RelationType, source: number, target: number, properties: RelationProperties, confidence: number, sentence: Sentence): void => {
    if (source === target) return;
    relations.push({ type, source: idOf(source), target: idOf(target), properties, confidence, evidence: [evidence(sentence)] });
  };

  // Titles: "Chinese President Hu Jintao" → LEADER_OF(Hu Jintao, China, title President).
  resolved.mentions.forEach((mention, i) => {
    const title = mention.title;
    if (!title?.relation || title.of === undefined) return;
    const [person] = resolved.referents[i]!;
    const [owner] = resolved.referents[title.of] ?? [];
    if (person === undefined || owner === undefined) return;
    emit(title.relation, person, owner, { title: title.name }, 0.9, analyzed.sentences[mention.sentence]!);
    // A country's president or minister is a citizen of it: "Croatian President Tudjman" lives in Croatia.
    if (resolved.entities[owner]!.type === 'Country') emit('LIVES_IN', person, owner, {}, 0.6, analyzed.sentences[mention.sentence]!);
  });

  // One slot per name. A title's owner belongs to the person's slot ("Argentine President Raul
  // Alfonsin" is one person, not a country then a person), and a demonym ("Soviet negotiators")
  // describes rather than names a party.
  const owners = new Map<number, number>();
  resolved.mentions.forEach((mention, i) => mention.title?.of !== undefined && owners.set(mention.title.of, i));
  const demonyms = getGazetteer().demonyms;
  const namesBySentence = analyzed.sentences.map(() => [] as Parameters<typeof sentenceItems>[1]);
  resolved.mentions.forEach((mention, i) => {
    const referents = resolved.referents[i]!;
    if (referents.length === 0 || owners.has(i) || demonyms.has(nameKey(mention.text))) return;
    const type = resolved.entities[referents[0]!]!.type;
    const start = mention.title?.of !== undefined ? resolved.mentions[mention.title.of]!.start : mention.start;
    namesBySentence[mention.sentence]!.push({ start, end: mention.end, type, referents, text: mention.text });
  });

  // Pronouns and descriptions stand in a sentence for the entities coreference linked them to.
  for (const link of links) {
    const names = namesBySentence[link.sentence]!;
    if (names.some((name) => name.start < link.end && link.start < name.end)) continue;
    names.push({ start: link.start, end: link.end, type: resolved.entities[link.entities[0]!]!.type, referents: link.entities, text: link.text });
  }

  analyzed.sentences.forEach((sentence, s) => {
    const names = namesBySentence[s]!.sort((a, b) => a.start - b.start || b.end - a.end);
    if (names.length === 0) return;
    const items = sentenceItems(analyzed.tokens[s]!, names);
    const summary = summarize(items);
    for (const { rule, pattern } of COMPILED) {
      for (const match of matchAll(pattern, items, matchTitle, summary)) {
        for (const relation of relationsOf(rule, match, items, resolved)) emit(...relation, sentence);
      }
    }
  });
  return dedupe(relations);
}

type Emitted = [RelationType, number, number, RelationProperties, number];

/** How far past a match a date may stand and still belong to it: "signed the treaty in 1972". */
const DATE_REACH = 3;

function relationsOf(rule: RelationRule, match: Match, items: Item[], resolved: Resolved): Emitted[] {
  const sources = match.entities.get('source') ?? [];
  const targets = match.entities.get('target');
  const properties: RelationProperties = { ...rule.properties };
  const place = match.entities.get('place')?.[0];
  if (place !== undefined) properties.place = resolved.entities[place]!.name;
  const date = match.texts.get('date') ?? nearbyDate(items, match);
  if (date) properties.date = date;
  let type = rule.relation;
  const titleText = match.texts.get('title');
  if (titleText) properties.title = titleText;
  if (type === 'BY_TITLE') {
    const relation = titleText ? titleRelation(titleText) : undefined;
    if (!relation) return [];
    type = relation;
  }
  const out: Emitted[] = [];
  if (targets) {
    for (const source of sources) for (const target of targets) out.push([type, source, target, properties, rule.confidence]);
  } else {
    // A list with no target: its members did it together ("Merkel and Macron met").
    sources.forEach((source, i) => sources.slice(i + 1).forEach((other) => out.push([type as RelationType, source, other, properties, rule.confidence])));
  }
  return out;
}

function nearbyDate(items: Item[], match: Match): string | undefined {
  const window = items.slice(match.start, match.end + DATE_REACH);
  return window.find((item) => item.kind === 'date')?.text;
}

function titleRelation(text: string): Title['relation'] | undefined {
  const key = nameKey(text);
  return getGazetteer().titles.get(key.split(' ')[0]!)?.find((t) => nameKey(t.title) === key)?.relation;
}

/** A title, in any case, at items[start]: "Secretary of State", "spokesman". */
const matchTitle: TitleMatcher = (items: Item[], start: number) => {
  const first = items[start];
  if (first?.kind !== 'word') return undefined;
  for (const candidate of getGazetteer().titles.get(first.text) ?? []) {
    if (!candidate.relation) continue;
    const words = nameKey(candidate.title).split(' ');
    if (words.every((word, k) => items[start + k]?.kind === 'word' && (items[start + k] as { text: string }).text === word)) {
      return { length: words.length, title: candidate.title };
    }
  }
  return undefined;
};

/** One relation per (type, source, target) and sentence: the most confident, with every property found. */
function dedupe(relations: Relation[]): Relation[] {
  const byKey = new Map<string, Relation>();
  for (const relation of relations) {
    const key = `${relation.type}|${relation.source}|${relation.target}|${relation.evidence[0]!.start}`;
    const known = byKey.get(key);
    if (!known) {
      byKey.set(key, relation);
      continue;
    }
    known.confidence = Math.max(known.confidence, relation.confidence);
    known.properties = { ...relation.properties, ...known.properties };
  }
  // Who leads an organization works for it: the sentence that says so states one fact, LEADER_OF.
  const leads = (r: Relation): boolean => byKey.has(`LEADER_OF|${r.source}|${r.target}|${r.evidence[0]!.start}`);
  return [...byKey.values()].filter((r) => r.type !== 'WORKS_FOR' || !leads(r));
}
