import type { SyntaxToken } from '../../syntax/types.js';
import type { Evidence, Relation, RelationProperties, RelationType, Sentence } from '../../types.js';
import type { AnalyzedText } from '../analyze.js';
import { parseDocumentDate } from './dates.js';
import { readFrames, type EntityView } from './events.js';
import { getFrames } from './frames.js';
import { readOffices } from './offices.js';
import type { SentenceParses } from './parses.js';
import { Tree } from './tree.js';
import { type Gazetteer, nameKey, type Title } from '../entities/gazetteer.js';
import type { CorefLink } from '../coreference.js';
import { ownsTitle } from '../entities/shapes.js';
import type { Resolved } from '../resolve.js';
import { compilePattern, matchAll, sentenceItems, summarize, type Item, type Match, type TitleMatcher } from './match.js';
import { RELATION_RULES, type RelationRule } from './rules.js';

const COMPILED = RELATION_RULES.map((rule) => ({ rule, pattern: compilePattern(rule.pattern) }));


/** What the relation stage may use besides the sentences and names. */
export interface RelationContext {
  /** The story's date, to normalise "last October". */
  date?: string;
  /** The dependency parses of the document's sentences, by sentence index, asked for only where a frame may fire (see `SentenceParses`). */
  parses?: SentenceParses;
  /** Pronouns and descriptions linked to the entities they stand for. */
  coreference?: readonly CorefLink[];
}



/** Relations stated in the sentences of one document: titles ("Chinese President Hu Jintao"), event frames on the parse, and the surface rule table. */
export function findRelations(documentId: string, analyzed: AnalyzedText, resolved: Resolved, gazetteer: Gazetteer, context: RelationContext = {}): Relation[] {
  const relations: Relation[] = [];
  const emit = emitter(documentId, resolved, relations);
  titleRelations(analyzed, resolved, emit);
  if (context.parses) frameRelations(analyzed, resolved, context.parses, context, gazetteer, emit);
  surfaceRelations(analyzed, resolved, context.coreference ?? [], gazetteer, emit);
  possessedTitles(analyzed, resolved, context.coreference ?? [], relations, emit);
  storyCountryTitles(analyzed, resolved, relations, emit);
  return withoutTitledBodies(dedupe(relations));
}

/** Relations between parties, which a title's body does not join. */
const PARTY_RELATIONS: ReadonlySet<RelationType> = new Set(['MET_WITH', 'PLANS_SUMMIT', 'NEGOTIATES_WITH']);

/** "Baker and Bundesbank President Karl Otto Poehl met": the body named in a title is no party beside its holder in that sentence. */
function withoutTitledBodies(relations: Relation[]): Relation[] {
  const titled = new Set(relations.filter((r) => r.type === 'LEADER_OF' || r.type === 'WORKS_FOR').map((r) => `${r.evidence[0]!.start}|${r.target}`));
  const inTitle = (r: Relation, entity: string): boolean => titled.has(`${r.evidence[0]!.start}|${entity}`);
  return relations.filter((r) => !PARTY_RELATIONS.has(r.type) || !(inTitle(r, r.source) || inTitle(r, r.target)));
}

/**
 * "President Reagan", "Finance Minister Kiichi Watanabe" in a story about one country: an office of
 * state with no country named belongs to the country the story is about, when one country has most
 * of its mentions and the person holds no other office in it.
 */
function storyCountryTitles(analyzed: AnalyzedText, resolved: Resolved, found: readonly Relation[], emit: Emit): void {
  const counts = new Map<number, number>();
  let total = 0;
  resolved.mentions.forEach((mention, i) => {
    const [entity] = resolved.referents[i]!;
    if (mention.role || entity === undefined || resolved.entities[entity]!.type !== 'Country') return;
    counts.set(entity, (counts.get(entity) ?? 0) + 1);
    total++;
  });
  const [country, count] = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [-1, 0]);
  if (country < 0 || count < 2 || count * 2 <= total) return;
  const ofState = getFrames().offices.ofState;
  const holders = new Set(found.filter((r) => r.type === 'LEADER_OF' || r.type === 'WORKS_FOR').map((r) => r.source));
  resolved.mentions.forEach((mention, i) => {
    const title = mention.title;
    const [person] = resolved.referents[i]!;
    if (!title?.relation || title.of !== undefined || person === undefined || holders.has(resolved.entities[person]!.id)) return;
    if (!ofState.has(nameKey(title.name).split(' ').pop()!)) return;
    emit(title.relation, person, country, { title: title.name }, 0.6, analyzed.sentences[mention.sentence]!);
  });
}

/**
 * "King Hussein of Jordan … his Foreign Minister Tahir al-Masri": a title owned through a
 * possessive belongs to the country or body its possessor is, or leads.
 */
function possessedTitles(analyzed: AnalyzedText, resolved: Resolved, links: readonly CorefLink[], found: readonly Relation[], emit: Emit): void {
  resolved.mentions.forEach((mention, i) => {
    const title = mention.title;
    const [person] = resolved.referents[i]!;
    if (!title?.relation || title.of !== undefined || person === undefined) return;
    const possessor = links.find(
      (link) => link.sentence === mention.sentence && link.end <= mention.start && nameKey(analyzed.text.slice(link.end, mention.start)) === nameKey(title.name) && /^(his|her|its|their)$/i.test(link.text),
    );
    for (const owner of possessor?.entities ?? []) {
      const ownerEntity = resolved.entities[owner]!;
      const led = ownerEntity.type === 'Person' ? found.filter((r) => r.type === 'LEADER_OF' && r.source === ownerEntity.id).map((r) => resolved.entities.findIndex((e) => e.id === r.target)) : [owner];
      for (const body of led) emit(title.relation, person, body, { title: title.name }, 0.8, analyzed.sentences[mention.sentence]!);
    }
  });
}

type Emit = (type: RelationType, source: number, target: number, properties: RelationProperties, confidence: number, sentence: Sentence) => void;

function emitter(documentId: string, resolved: Resolved, into: Relation[]): Emit {
  return (type, source, target, properties, confidence, sentence) => {
    if (source === target) return;
    const evidence: Evidence = { document: documentId, start: sentence.start, end: sentence.end, text: sentence.text };
    into.push({ type, source: resolved.entities[source]!.id, target: resolved.entities[target]!.id, properties, confidence, evidence: [evidence] });
  };
}

/** "Chinese President Hu Jintao" → LEADER_OF(Hu Jintao, China, title President). */
function titleRelations(analyzed: AnalyzedText, resolved: Resolved, emit: Emit): void {
  resolved.mentions.forEach((mention, i) => {
    const title = mention.title;
    if (!title?.relation || title.of === undefined) return;
    const [person] = resolved.referents[i]!;
    const [owner] = resolved.referents[title.of] ?? [];
    if (person === undefined || owner === undefined) return;
    emit(title.relation, person, owner, { title: title.name }, 0.9, analyzed.sentences[mention.sentence]!);
  });
}

/** Event frames and offices on the parse of each sentence that may hold a fact. */
function frameRelations(analyzed: AnalyzedText, resolved: Resolved, parses: SentenceParses, context: RelationContext, gazetteer: Gazetteer, emit: Emit): void {
  const frames = getFrames();
  const story = parseDocumentDate(context.date);
  const view = entityView(resolved, context.coreference ?? []);
  analyzed.sentences.forEach((sentence, s) => {
    const parse = parses.get(s);
    if (!parse) return;
    const tree = new Tree(parse, analyzed.text, frames.lexicon);
    for (const fact of [...readFrames(tree, frames, view, story), ...readOffices(tree, frames, view, gazetteer)]) {
      emit(fact.type, fact.source, fact.target, fact.properties, fact.confidence, sentence);
    }
  });
}

/** The surface rule table over the sentences' words and names (all rules, or the ones given). */
function surfaceRelations(analyzed: AnalyzedText, resolved: Resolved, links: readonly CorefLink[], gazetteer: Gazetteer, emit: Emit, rules = COMPILED): void {
  // One slot per name. A title's owner belongs to the person's slot ("Argentine President Raul
  // Alfonsin" is one person, not a country then a person), and a demonym ("Soviet negotiators")
  // describes rather than names a party.
  const owners = new Map<number, number>();
  resolved.mentions.forEach((mention, i) => mention.title?.of !== undefined && owners.set(mention.title.of, i));
  const matchTitle = titleMatcher(gazetteer);
  const namesBySentence = analyzed.sentences.map(() => [] as Parameters<typeof sentenceItems>[1]);
  resolved.mentions.forEach((mention, i) => {
    const referents = resolved.referents[i]!;
    // A demonym that owns the office after it names its country: "Soviet deputy prime minister Alexei Antonov".
    const describes = gazetteer.demonyms.has(nameKey(mention.text)) && !ownsTitle(analyzed.text, mention, gazetteer);
    if (referents.length === 0 || owners.has(i) || describes) return;
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
    for (const { rule, pattern } of rules) {
      for (const match of matchAll(pattern, items, matchTitle, summary)) {
        for (const relation of relationsOf(rule, match, items, resolved, gazetteer)) emit(...relation, sentence);
      }
    }
  });
}

/** The relations one surface rule alone finds in a text's analysis: what its example and near-miss test read. */
export function relationsOfRule(documentId: string, analyzed: AnalyzedText, resolved: Resolved, gazetteer: Gazetteer, rule: RelationRule): Relation[] {
  const relations: Relation[] = [];
  surfaceRelations(analyzed, resolved, [], gazetteer, emitter(documentId, resolved, relations), [{ rule, pattern: compilePattern(rule.pattern) }]);
  return relations;
}

/**
 * Names, role phrases and coreference links, looked up by a token's offset. A title's owner stands
 * for the titled person in a role ("met U.S. Treasury Secretary James Baker" met Baker), and for
 * itself only when read as a name.
 */
function entityView(resolved: Resolved, links: readonly CorefLink[]): EntityView {
  const holder = new Map<number, number[]>();
  resolved.mentions.forEach((mention, i) => mention.title?.of !== undefined && holder.set(mention.title.of, resolved.referents[i]!));
  const spans = [
    ...resolved.mentions.map((mention, i) => ({ start: mention.start, end: mention.end, entities: resolved.referents[i]!, person: holder.get(i) })),
    ...links.map((link) => ({ ...link, person: undefined })),
  ].filter((span) => span.entities.length > 0);
  const find = (token: SyntaxToken, asName: boolean): number[] => {
    const inside = spans.filter((span) => span.start <= token.start && token.end <= span.end);
    return [...new Set(inside.flatMap((span) => (asName ? span.entities : (span.person ?? span.entities))))];
  };
  return {
    at: (token) => find(token, false),
    named: (token) => find(token, true),
    type: (entity) => resolved.entities[entity]!.type,
    name: (entity) => resolved.entities[entity]!.name,
  };
}

type Emitted = [RelationType, number, number, RelationProperties, number];

/** How far past a match a date may stand and still belong to it: "signed the treaty in 1972". */
const DATE_REACH = 3;

function relationsOf(rule: RelationRule, match: Match, items: Item[], resolved: Resolved, gazetteer: Gazetteer): Emitted[] {
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
    const relation = titleText ? titleRelation(titleText, gazetteer) : undefined;
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

function titleRelation(text: string, gazetteer: Gazetteer): Title['relation'] | undefined {
  const key = nameKey(text);
  const known = gazetteer.titles.get(key.split(' ')[0]!)?.find((t) => nameKey(t.title) === key)?.relation;
  return known ?? gazetteer.titleHeads.get(key.split(' ').pop()!) ?? undefined;
}

/** Words that never qualify a title ("and president", "his minister"). */
const FUNCTION_WORDS = new Set(['and', 'or', 'but', 'the', 'a', 'an', 'of', 'for', 'to', 'in', 'at', 'on', 'with', 'by', 'as', 'his', 'her', 'its', 'their', 'our', 'who', 'which', 'that', 'is', 'was', 'former']);

/** A title of the gazetteer's, in any case, at items[start]: "Secretary of State", "spokesman". */
const titleMatcher = (gazetteer: Gazetteer): TitleMatcher => (items: Item[], start: number) => {
  const first = items[start];
  if (first?.kind !== 'word') return undefined;
  for (const candidate of gazetteer.titles.get(first.text) ?? []) {
    if (!candidate.relation) continue;
    const words = nameKey(candidate.title).split(' ');
    if (words.every((word, k) => items[start + k]?.kind === 'word' && (items[start + k] as { text: string }).text === word)) {
      return { length: words.length, title: candidate.title };
    }
  }
  // "oil minister", "trade representative": a word or two before the last word of a title.
  const heads = gazetteer.titleHeads;
  for (let k = 1; k <= 2; k++) {
    const words = items.slice(start, start + k + 1);
    const qualifiers = words.slice(0, k).every((w) => w.kind === 'word' && !FUNCTION_WORDS.has(w.text));
    if (words.length === k + 1 && qualifiers && words[k]!.kind === 'word' && heads.get((words[k] as { text: string }).text)) {
      return { length: k + 1, title: words.map((w) => (w as { text: string }).text).join(' ') };
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
